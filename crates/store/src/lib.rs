//! Carryover's storage. One SQL text per query runs on SQLite and on PostgreSQL
//! through sqlx's `Any` driver; only connection set-up, migrations and backups
//! know which database is underneath.

mod backup;
mod clinic;
mod db;
mod error;
mod migrate;
pub mod time_text;

pub use backup::{BackupOutcome, backup_to};
pub use clinic::{Clinic, NewClinic};
pub use db::{Backend, Db, DbOptions};
pub use error::StoreError;
pub use migrate::{MIGRATIONS, Migration};
pub mod testing;
