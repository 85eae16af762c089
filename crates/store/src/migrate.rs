//! Embedded migrations, one file per database per step, kept in lockstep: the
//! same number and name in `migrations/sqlite` and `migrations/postgres`. The
//! store tests compare the resulting schemas. A released migration is never edited.

use sqlx::Row;

use crate::{Backend, Db, StoreError, time_text};

#[derive(Debug)]
pub struct Migration {
    pub version: i64,
    /// File stem shared by both folders, e.g. `0001_foundation`.
    pub name: &'static str,
    pub sqlite: &'static str,
    pub postgres: &'static str,
}

macro_rules! migration {
    ($version:literal, $name:literal) => {
        Migration {
            version: $version,
            name: $name,
            sqlite: include_str!(concat!("../migrations/sqlite/", $name, ".sql")),
            postgres: include_str!(concat!("../migrations/postgres/", $name, ".sql")),
        }
    };
}

pub const MIGRATIONS: &[Migration] = &[
    migration!(1, "0001_foundation"),
    migration!(2, "0002_people_and_audit"),
    migration!(3, "0003_tenant_keys"),
    migration!(4, "0004_clinic_settings"),
    // The people side: child details, care teams, discharge, retention (issue 9).
    migration!(5, "0005_people_side"),
    // Issue 10 (security findings, two-factor sign-in).
    migration!(6, "0006_security"),
    // Issue 11, the joint plan.
    migration!(7, "0007_joint_plan"),
    migration!(8, "0008_api_tokens"),
    // Issue 12 part A: practice logs.
    migration!(9, "0009_practice_logs"),
    // Issue 12 part B: reflections, flags, feedback threads.
    migration!(10, "0010_reflections_feedback"),
    // Issue 12 part C: calendar feeds.
    migration!(11, "0011_calendar_feed"),
    // Issue 13, coaching sessions.
    migration!(12, "0012_coaching_sessions"),
    // Issue 14: the progress report's summary.
    migration!(13, "0013_report_summary"),
    // Issue 15: a therapist's caseload without a scan of the clinic.
    migration!(14, "0014_caseload_index"),
    // Issue 14: the caseload triage reads a few rows per child, not years.
    migration!(15, "0015_triage_index"),
    // Issue 15: upcoming visits without a scan of the clinic's diary.
    migration!(18, "0018_visits_by_child"),
    // Issue 15: the triage's logs come from the index alone.
    migration!(19, "0019_triage_covering"),
];

const CREATE_LEDGER: &str = "CREATE TABLE IF NOT EXISTS schema_migration (
    version BIGINT PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at TEXT NOT NULL
)";

/// Serializes concurrent `migrate` runs of several processes on one PostgreSQL.
const PG_LOCK: &str = "SELECT 1 AS locked FROM pg_advisory_xact_lock(7406220611)";

pub(crate) async fn run(db: &Db) -> Result<Vec<i64>, StoreError> {
    run_up_to(db, i64::MAX).await
}

/// Applies pending migrations up to and including `last`.
pub(crate) async fn run_up_to(db: &Db, last: i64) -> Result<Vec<i64>, StoreError> {
    let mut tx = db.begin_write().await?;
    let conn: &mut sqlx::AnyConnection = &mut tx;
    if db.backend() == Backend::Postgres {
        sqlx::query(PG_LOCK).execute(&mut *conn).await?;
    }
    sqlx::query(CREATE_LEDGER).execute(&mut *conn).await?;
    let done: Vec<i64> = sqlx::query("SELECT version FROM schema_migration")
        .fetch_all(&mut *conn)
        .await?
        .iter()
        .map(|row| row.try_get::<i64, _>(0))
        .collect::<Result<_, _>>()?;
    let mut applied = Vec::new();
    for migration in MIGRATIONS.iter().filter(|m| !done.contains(&m.version) && m.version <= last) {
        let sql = match db.backend() {
            Backend::Sqlite => migration.sqlite,
            Backend::Postgres => migration.postgres,
        };
        sqlx::raw_sql(sql).execute(&mut *conn).await?;
        sqlx::query("INSERT INTO schema_migration (version, name, applied_at) VALUES ($1, $2, $3)")
            .bind(migration.version)
            .bind(migration.name)
            .bind(time_text::to_text(time::OffsetDateTime::now_utc())?)
            .execute(&mut *conn)
            .await?;
        tracing::info!(version = migration.version, name = migration.name, "applied migration");
        applied.push(migration.version);
    }
    tx.commit().await?;
    Ok(applied)
}

pub(crate) async fn is_current(db: &Db) -> Result<bool, StoreError> {
    let newest: Option<i64> = sqlx::query_scalar("SELECT MAX(version) FROM schema_migration")
        .fetch_one(db.reader())
        .await?;
    Ok(newest == MIGRATIONS.last().map(|m| m.version))
}
