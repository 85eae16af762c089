//! Carryover's rules and types: pure functions of their inputs, with no web,
//! no SQL and no clock reads, so that they are tested at fixed dates and reused
//! by every skin (pages, API, command line).

pub mod access;
pub mod adherence;
pub mod audit;
pub mod audit_seal;
// Issue 12 part C: the caregiver's calendar feed.
pub mod calendar;
pub mod ical;
// (end of issue 12 part C)
pub mod clinic;
// Issue 14: the admin's clinic figures.
pub mod clinic_metrics;
pub mod codes;
pub mod confidence;
pub mod copm;
pub mod email;
pub mod fidelity;
pub mod gas;
pub mod generalization;
pub mod goal;
pub mod library;
pub mod password;
pub mod people;
pub mod plan;
// Issue 12 part A: practice logs.
pub mod practice;
pub mod readability;
// The people side: child details, discharge, retention (issue 9).
pub mod record;
pub mod reflection;
pub mod routine;
pub mod scale;
pub mod second_factor;
pub mod session;
pub mod strategies;
pub mod text;
pub mod throttle;
// Issue 14: caseload triage on the therapist's home.
pub mod triage;
// Issue 13, coaching visits.
pub mod visit;
pub mod zone;
