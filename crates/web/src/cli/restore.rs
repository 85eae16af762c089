//! `carryover restore`, and the lock a server holds on its SQLite file so that
//! neither a restore nor a second server can pull it from under it.

use std::path::Path;

use anyhow::Context;
use carryover_store::{DatabaseLock, DbOptions, Existing, RestoreError, folder_of, restore_from};

use crate::{
    clock::{Clock, SystemClock},
    config::Config,
};

/// Takes the data directory's lock for as long as the server runs. On
/// PostgreSQL there is nothing to take: several servers may share it.
pub fn lock_for_serving(config: &Config) -> anyhow::Result<Option<DatabaseLock>> {
    let DbOptions::Sqlite { path } = config.db_options()? else {
        return Ok(None);
    };
    let lock = DatabaseLock::try_acquire(&path)
        .with_context(|| format!("locking {}.lock", path.display()))?;
    match lock {
        Some(lock) => Ok(Some(lock)),
        None => anyhow::bail!(
            "another Carryover server is already using {}: two servers on one SQLite file \
             would fight over its single writer. Stop it first, or give this one its own --data-dir",
            folder_of(&path).display()
        ),
    }
}

pub async fn restore(config: &Config, file: &Path, replace: bool) -> anyhow::Result<()> {
    let DbOptions::Sqlite { path } = config.db_options()? else {
        anyhow::bail!("{PG_RESTORE_ADVICE}");
    };
    let existing = if replace { Existing::MoveAside } else { Existing::Refuse };
    let working = super::progress::Working::start("checking and restoring the backup");
    let restored = restore_from(file, &path, existing, SystemClock.now()).await;
    working.done();
    let restored = match restored {
        Ok(restored) => restored,
        Err(RestoreError::AlreadyThere(database)) => anyhow::bail!(
            "a database is already at {}; pass --replace to keep it beside the restored one \
             as {}.replaced-<UTC time> and restore anyway",
            database.display(),
            database.file_name().map(|n| n.to_string_lossy()).unwrap_or_default()
        ),
        Err(error) => return Err(error.into()),
    };
    println!("{} is intact (migration {})", file.display(), restored.backup_migration);
    for moved in &restored.moved_aside {
        println!("kept the previous database file as {}", moved.display());
    }
    println!("restored {} to {}", file.display(), restored.database.display());
    match restored.applied.as_slice() {
        [] => println!("the database is up to date (0 migration(s) applied now)"),
        applied => println!(
            "the database is up to date ({} migration(s) applied now: {})",
            applied.len(),
            applied.iter().map(i64::to_string).collect::<Vec<_>>().join(", ")
        ),
    }
    Ok(())
}

const PG_RESTORE_ADVICE: &str = "this database is PostgreSQL: restore it with pg_restore, for \
     example `pg_restore --clean --if-exists --dbname \"$DATABASE_URL\" carryover.dump`";
