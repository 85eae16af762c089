use std::path::{Path, PathBuf};

use sqlx::Connection;

use crate::{Backend, Db, StoreError};

#[derive(Debug, PartialEq, Eq)]
pub enum BackupOutcome {
    Written(PathBuf),
    /// PostgreSQL has its own tool for consistent online copies.
    UsePgDump,
}

/// Writes a consistent online copy of a SQLite database with `VACUUM INTO`:
/// it reads one snapshot while writers carry on, unlike a file copy, which can
/// catch the database file and its WAL at different moments.
pub async fn backup_to(db: &Db, target: &Path) -> Result<BackupOutcome, StoreError> {
    if db.backend() == Backend::Postgres {
        return Ok(BackupOutcome::UsePgDump);
    }
    if target.exists() {
        return Err(StoreError::Corrupt(format!(
            "{} already exists; choose a new file name",
            target.display()
        )));
    }
    let target_text = target.to_str().ok_or_else(|| {
        StoreError::Corrupt(format!("{} is not a valid UTF-8 path", target.display()))
    })?;
    // A connection of its own: VACUUM INTO only reads, so it must not hold up
    // the single writer for the length of the copy.
    let path = db.sqlite_path().ok_or(StoreError::NotFound)?;
    let mut conn = sqlx::AnyConnection::connect(&crate::db::sqlite_url(path, "ro")).await?;
    sqlx::query("VACUUM INTO $1").bind(target_text).execute(&mut conn).await?;
    conn.close().await?;
    Ok(BackupOutcome::Written(target.to_path_buf()))
}
