//! Carryover's operations: one function per use case. Each parses its input
//! into domain types, checks the caller's grant, writes and audits in one
//! transaction, and returns a typed result or an [`OpError`] in codes, never
//! sentences. Pages, the JSON API and the command line are skins over these.

pub mod access;
pub mod account;
pub mod audit_logs;
pub mod auth;
// Issue 12 part C: the caregiver's calendar feed.
pub mod calendar;
pub mod caregivers;
// The people side (issue 9).
pub mod care_team;
pub mod caseload;
pub mod child_details;
pub mod discharge;
pub mod export;
pub mod membership;
pub mod purge;
// (end of issue 9)
pub mod children;
pub mod clinics;
pub mod clock;
mod context;
mod error;
pub mod households;
pub mod invitations;
mod operation;
pub mod passwords;
pub mod secrets;
pub mod settings;
pub mod staff;
mod throttle;
// Issue 10: two-factor sign-in.
pub mod tokens;
// Issue 11, the joint plan.
pub mod goals;
pub mod measures;
pub mod plan;
// Issue 12 part A: practice logs, "This week", measures from logs.
pub mod practice;
pub mod routines;
mod scope;
pub mod scores;
pub mod strategies;
pub mod two_factor;
// Issue 12 part B: reflections, flags, feedback threads, the inbox.
pub mod feedback;
pub mod reflections;
// (end of issue 12 part B)
// Issue 13, coaching sessions.
pub mod visits;
// Issue 14: progress you can see.
pub mod clinic_metrics;
pub mod progress;
// Issue 14: caseload triage on the therapist's home.
pub mod triage;

pub use carryover_store::{
    Backend, Db, DbOptions,
    grant::{Actor, ChildGrant, FullGrant},
    people::Person,
};
pub use context::{Ops, RequestMeta, Who};
pub use error::{FieldError, OpError, Problem};
pub use operation::Operation;
