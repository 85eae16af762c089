//! Carryover through HTTP and the command line: one test binary for the web crate.

// A panic is how a test reports failure; helpers outside #[test] fns unwrap too.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[allow(dead_code)] // shared by every suite; not each uses every helper
mod helpers;

mod access;
mod api;
mod audit;
mod auth;
mod cli;
mod errors;
mod health;
mod invitations;
mod languages;
// The people side (issue 9).
mod people_caregivers;
mod people_export;
mod people_invariant;
mod people_purge;
mod people_record;
mod people_team;
// (end of issue 9)
mod processes;
mod security;
mod settings;
mod tenancy;
mod world;
// Issue 11, the joint plan.
mod goal_measures;
mod joint_plan;
mod plan_world;
mod strategy_library;
// Issue 10: security findings and two-step sign-in.
mod audit_seal;
mod connections;
mod findings;
mod security_cli;
// Issue 12 part A: practice logs.
mod practice_logs;
mod two_factor;
// Issue 15: benchmark data at scale.
mod generate;
// Issue 12 part C: the caregiver's calendar feed.
mod calendar_feed;
// Issue 12 part B: reflections, flags, feedback threads.
mod feedback_api;
mod reflection_feedback;
// Issue 13, coaching visits.
mod coaching_visits;
mod visit_world;
// Where issues 12 and 13 meet.
mod visit_family;
// Issue 14: progress you can see.
mod progress;
// Issue 14: the admin's clinic page; the caregiver's encouragement.
mod clinic_metrics;
mod encouragement;
// Issue 14: caseload triage on the therapist's home.
mod triage;
// Issue 14, second part: the practice figures, the timeline, the report's practice.
mod progress_more;
