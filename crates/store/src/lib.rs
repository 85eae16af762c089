//! Carryover's storage. One SQL text per query runs on SQLite and on PostgreSQL
//! through sqlx's `Any` driver; only connection set-up, migrations and backups
//! know which database is underneath.
//!
//! Functions that take `&mut AnyConnection` run inside the caller's
//! transaction (`Db::begin_write`) or on a pooled read connection.

pub mod api_token;
pub mod assignments;
pub mod audit;
// Issue 10: sealed audit chain heads.
pub mod audit_head;
mod backup;
// Issue 12 part C: calendar feeds.
pub mod calendar_feed;
// The people side: care teams, memberships, discharge, purge (issue 9).
pub mod care_team;
pub mod membership;
pub mod purge;
pub mod record;
// (end of issue 9)
pub mod children;
pub mod clinic;
// Issue 14: the admin's clinic figures, read for the whole clinic at once.
pub mod clinic_metrics;
pub mod codec;
mod db;
mod error;
pub mod goals;
pub mod grant;
mod group_commit;
pub mod invitation;
pub mod measures;
mod migrate;
pub mod paging;
pub mod people;
pub mod plans;
// Issue 12 part A: practice logs.
pub mod practice_logs;
// Issue 14: the progress report's summary.
pub mod report_summary;
mod restore;
pub mod routines;
pub mod second_factor;
pub mod session;
mod statistics;
// Issue 13, coaching sessions: planned visits and visit records.
pub mod coaching;
pub mod strategies;
pub mod testing;
pub mod throttle;
pub mod time_text;
// Issue 14: caseload triage on the therapist's home.
pub mod triage;
// Issue 12 part B: reflections, flags and feedback threads.
pub mod feedback;
pub mod reflections;
// (end of issue 12 part B)
pub mod visits;

pub use backup::{BackupOutcome, backup_to};
pub use clinic::{Clinic, NewClinic};
pub use db::{Backend, Db, DbOptions, SqliteSync, WriteTx, commit};
pub use error::{StoreError, constraint};
pub use migrate::{MIGRATIONS, Migration};
pub use restore::{
    DatabaseLock, Existing, RestoreError, Restored, check_backup, folder_of, restore_from,
};
pub use sqlx::AnyConnection;
