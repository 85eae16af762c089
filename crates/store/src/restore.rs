//! Putting a SQLite backup back in place as the database, and the lock that
//! keeps a restore (or a second server) away from a database a server is using.
//!
//! The order matters: nothing in the data directory changes until the backup
//! has been checked and copied beside the database; the old database is only
//! ever moved aside, never deleted; and the copy appears under the database's
//! name in one rename, so a crash leaves either the old state or the new one.

use std::{
    ffi::OsString,
    fs::{File, TryLockError},
    io::{self, Read},
    path::{Path, PathBuf},
};

use sqlx::{
    Connection, Row,
    sqlite::{SqliteConnectOptions, SqliteConnection},
};
use thiserror::Error;
use time::{OffsetDateTime, format_description::FormatItem, macros::format_description};

use crate::{Db, DbOptions, MIGRATIONS, StoreError};

/// Why a restore was refused, or failed before the new database was in place.
#[derive(Debug, Error)]
pub enum RestoreError {
    #[error("a Carryover server is using {}; stop it first", .0.display())]
    InUse(PathBuf),
    #[error("there is no backup file at {}", .0.display())]
    NoFile(PathBuf),
    #[error("{} is not a SQLite database", .0.display())]
    NotSqlite(PathBuf),
    #[error("{} is damaged; SQLite's integrity check says: {report}", file.display())]
    Damaged { file: PathBuf, report: String },
    #[error("{} cannot be read as a SQLite database", file.display())]
    Unreadable {
        file: PathBuf,
        #[source]
        source: sqlx::Error,
    },
    #[error("{} is not a Carryover database: {reason}", file.display())]
    NotCarryover { file: PathBuf, reason: String },
    #[error(
        "{} comes from a newer Carryover (migration {found}; this one knows up to {known}): \
         upgrade Carryover, then restore",
        file.display()
    )]
    TooNew { file: PathBuf, found: i64, known: i64 },
    /// A backup made by `VACUUM INTO` has no WAL or journal; a file with one
    /// is a live database, a copy taken with `cp`, or a half-written file,
    /// and copying the main file alone would drop what the journal holds.
    #[error(
        "{} has a journal beside it ({}): it is a live database or a copy of one, \
         not a finished backup",
        file.display(),
        journal.display()
    )]
    LiveJournal { file: PathBuf, journal: PathBuf },
    #[error("a database is already at {}", .0.display())]
    AlreadyThere(PathBuf),
    #[error("{context}")]
    Io {
        context: String,
        #[source]
        source: io::Error,
    },
    #[error("the backup is in place at {}, but opening and migrating it failed", path.display())]
    Migrate {
        path: PathBuf,
        #[source]
        source: StoreError,
    },
}

/// What to do when the data directory already holds a database.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Existing {
    Refuse,
    /// Rename it (and its `-wal`, `-shm` or `-journal` files) to `<name>.replaced-<UTC time>`.
    MoveAside,
}

/// What a restore did.
#[derive(Debug)]
pub struct Restored {
    pub database: PathBuf,
    /// The backup's newest migration, before migrating.
    pub backup_migration: i64,
    /// Migrations applied to bring the backup up to this build.
    pub applied: Vec<i64>,
    /// Where the files of the database that was there went.
    pub moved_aside: Vec<PathBuf>,
}

/// An exclusive lock on `<database>.lock`, held by a running server and by a
/// restore. The operating system drops it when the process ends, however it
/// ends, so a crashed server never leaves a stale lock behind.
#[derive(Debug)]
pub struct DatabaseLock {
    _file: File,
}

impl DatabaseLock {
    /// Takes the lock for the SQLite file `database`, creating its folder and
    /// the lock file if needed; `None` when another holder has it.
    pub fn try_acquire(database: &Path) -> io::Result<Option<DatabaseLock>> {
        std::fs::create_dir_all(folder_of(database))?;
        // Never truncated or deleted: removing a lock file while another
        // process waits on it would let two holders in.
        let file = File::options()
            .create(true)
            .truncate(false)
            .write(true)
            .open(with_suffix(database, ".lock"))?;
        match file.try_lock() {
            Ok(()) => Ok(Some(DatabaseLock { _file: file })),
            Err(TryLockError::WouldBlock) => Ok(None),
            Err(TryLockError::Error(e)) => Err(e),
        }
    }
}

/// The folder a SQLite file lives in, absolute when it exists, for messages.
pub fn folder_of(database: &Path) -> PathBuf {
    let folder = database.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    std::fs::canonicalize(folder).unwrap_or_else(|_| folder.to_path_buf())
}

/// Checks that `file` is an intact Carryover database that this build can
/// migrate, and returns its newest migration. Opens it read-only.
pub async fn check_backup(file: &Path) -> Result<i64, RestoreError> {
    if !file.is_file() {
        return Err(RestoreError::NoFile(file.to_path_buf()));
    }
    // SQLite would treat an empty or foreign file as a fresh database.
    let mut header = [0u8; 16];
    let mut opened = File::open(file).map_err(io_context(format!("reading {}", file.display())))?;
    let short = opened.read_exact(&mut header).is_err();
    if short || &header != b"SQLite format 3\0" {
        return Err(RestoreError::NotSqlite(file.to_path_buf()));
    }
    for journal in [with_suffix(file, "-wal"), with_suffix(file, "-journal")] {
        if journal.metadata().is_ok_and(|m| m.len() > 0) {
            return Err(RestoreError::LiveJournal { file: file.to_path_buf(), journal });
        }
    }
    let unreadable = |source: sqlx::Error| match source.as_database_error().and_then(|e| e.code()) {
        Some(code) if is_corruption(&code) => {
            RestoreError::Damaged { file: file.to_path_buf(), report: source.to_string() }
        }
        _ => RestoreError::Unreadable { file: file.to_path_buf(), source },
    };
    // The SQLite driver itself, not `Any`: this check is SQLite's alone, and
    // options take the path as it is, with no URL to escape. Immutable, since
    // a plain read-only open of a WAL-mode file would leave -wal and -shm
    // files beside the backup; safe, as a journal with content was refused above.
    let options = SqliteConnectOptions::new().filename(file).read_only(true).immutable(true);
    let mut conn = SqliteConnection::connect_with(&options).await.map_err(unreadable)?;
    let checked = inspect(&mut conn, file).await;
    let _ = conn.close().await;
    checked.map_err(|e| match e {
        Inspect::Refused(refusal) => refusal,
        Inspect::Sql(source) => unreadable(source),
    })
}

enum Inspect {
    Refused(RestoreError),
    Sql(sqlx::Error),
}

impl From<sqlx::Error> for Inspect {
    fn from(e: sqlx::Error) -> Self {
        Inspect::Sql(e)
    }
}

async fn inspect(conn: &mut SqliteConnection, file: &Path) -> Result<i64, Inspect> {
    let report: Vec<String> =
        sqlx::query_scalar("PRAGMA integrity_check(10)").fetch_all(&mut *conn).await?;
    if report != ["ok"] {
        let report = report.join("; ");
        return Err(Inspect::Refused(RestoreError::Damaged { file: file.to_path_buf(), report }));
    }
    let not_carryover =
        |reason: String| Inspect::Refused(RestoreError::NotCarryover { file: file.into(), reason });
    let ledger: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migration'",
    )
    .fetch_one(&mut *conn)
    .await?;
    if ledger == 0 {
        return Err(not_carryover("it has no schema_migration table".into()));
    }
    let rows = sqlx::query("SELECT version, name FROM schema_migration ORDER BY version")
        .fetch_all(&mut *conn)
        .await?;
    let mut newest = None;
    for row in rows {
        let (version, name): (i64, String) = (row.try_get(0)?, row.try_get(1)?);
        // Another program's ledger of the same name would not share our names.
        if let Some(ours) = MIGRATIONS.iter().find(|m| m.version == version)
            && ours.name != name
        {
            let reason =
                format!("its migration {version} is {name:?}, Carryover's is {:?}", ours.name);
            return Err(not_carryover(reason));
        }
        newest = Some(version);
    }
    let newest = newest.ok_or_else(|| not_carryover("it records no migrations".into()))?;
    let known = MIGRATIONS.last().map_or(0, |m| m.version);
    if newest > known {
        return Err(Inspect::Refused(RestoreError::TooNew {
            file: file.into(),
            found: newest,
            known,
        }));
    }
    Ok(newest)
}

/// SQLITE_CORRUPT and SQLITE_NOTADB, with or without an extended code.
fn is_corruption(code: &str) -> bool {
    code.parse::<i64>().is_ok_and(|c| matches!(c & 0xff, 11 | 26))
}

/// Checks `backup`, then puts a copy of it in place as the SQLite file
/// `database` and applies pending migrations, all under the [`DatabaseLock`].
///
/// Blocks its thread while copying: it is meant for the command line, with
/// the server stopped.
pub async fn restore_from(
    backup: &Path,
    database: &Path,
    existing: Existing,
    now: OffsetDateTime,
) -> Result<Restored, RestoreError> {
    let backup_migration = check_backup(backup).await?;
    let lock = DatabaseLock::try_acquire(database)
        .map_err(io_context(format!("locking {}", with_suffix(database, ".lock").display())))?;
    // After the lock, which creates the folder, so that messages name it in full.
    let folder = folder_of(database);
    let _lock = lock.ok_or_else(|| RestoreError::InUse(folder.clone()))?;
    let present: Vec<PathBuf> =
        database_files(database).into_iter().filter(|p| p.symlink_metadata().is_ok()).collect();
    if existing == Existing::Refuse && !present.is_empty() {
        return Err(RestoreError::AlreadyThere(database.to_path_buf()));
    }
    let staged = stage_copy(backup, &folder)?;
    let moved = move_aside(database, &present, now)?;
    if let Err(e) = staged.persist_noclobber(database) {
        // Leave the folder as it was found rather than without a database.
        put_back(&moved);
        let context = format!("moving the copy into place as {}", database.display());
        return Err(RestoreError::Io { context, source: e.error });
    }
    sync_folder(&folder)?;

    let migrate = |source| RestoreError::Migrate { path: database.to_path_buf(), source };
    let db =
        Db::connect(&DbOptions::Sqlite { path: database.to_path_buf() }).await.map_err(migrate)?;
    let applied = db.migrate().await;
    db.close().await;
    let applied = applied.map_err(migrate)?;
    let moved_aside = moved.into_iter().map(|(_, to)| to).collect();
    Ok(Restored { database: database.to_path_buf(), backup_migration, applied, moved_aside })
}

/// Copies the backup to a temporary file beside the database and makes it
/// durable, so the rename that follows publishes a complete file. The
/// temporary file is removed if anything fails before that rename.
fn stage_copy(backup: &Path, folder: &Path) -> Result<tempfile::NamedTempFile, RestoreError> {
    let context = format!("copying {} into {}", backup.display(), folder.display());
    let mut staged = tempfile::Builder::new()
        .prefix(".carryover-restore-")
        .tempfile_in(folder)
        .map_err(io_context(context.clone()))?;
    File::open(backup)
        .and_then(|mut from| io::copy(&mut from, staged.as_file_mut()))
        .and_then(|_| staged.as_file().sync_all())
        .map_err(io_context(context))?;
    Ok(staged)
}

const STAMP: &[FormatItem<'static>] =
    format_description!("[year][month][day]T[hour][minute][second]Z");

/// Renames the database's files to `<name>.replaced-<stamp>` plus their
/// suffix, so the old database and its WAL still open together. Returns
/// (from, to) for each file moved.
fn move_aside(
    database: &Path,
    present: &[PathBuf],
    now: OffsetDateTime,
) -> Result<Vec<(PathBuf, PathBuf)>, RestoreError> {
    if present.is_empty() {
        return Ok(Vec::new());
    }
    let stamp =
        now.to_offset(time::UtcOffset::UTC).format(STAMP).map_err(|e| RestoreError::Io {
            context: "formatting the time for the old database's name".into(),
            source: io::Error::other(e),
        })?;
    // Two restores within one second must not overwrite the first one's files.
    let mut aside = with_suffix(database, &format!(".replaced-{stamp}"));
    let mut n = 1;
    while database_files(&aside).iter().any(|p| p.symlink_metadata().is_ok()) {
        n += 1;
        aside = with_suffix(database, &format!(".replaced-{stamp}-{n}"));
    }
    let mut moved = Vec::new();
    for (from, to) in database_files(database).into_iter().zip(database_files(&aside)) {
        if !present.contains(&from) {
            continue;
        }
        if let Err(source) = std::fs::rename(&from, &to) {
            // A database without its WAL is not the database: put back what moved.
            put_back(&moved);
            let context = format!("moving {} aside to {}", from.display(), to.display());
            return Err(RestoreError::Io { context, source });
        }
        moved.push((from, to));
    }
    Ok(moved)
}

fn put_back(moved: &[(PathBuf, PathBuf)]) {
    for (from, to) in moved {
        let _ = std::fs::rename(to, from);
    }
}

/// Makes the renames durable: on Linux a rename lives in the folder's entry,
/// which is only on disk once the folder itself is synced.
fn sync_folder(folder: &Path) -> Result<(), RestoreError> {
    #[cfg(unix)]
    File::open(folder)
        .and_then(|dir| dir.sync_all())
        .map_err(io_context(format!("syncing {}", folder.display())))?;
    #[cfg(not(unix))]
    let _ = folder;
    Ok(())
}

/// The main file and the ones SQLite keeps beside it: a leftover journal or
/// WAL next to a restored file would be replayed into it.
fn database_files(database: &Path) -> [PathBuf; 4] {
    [
        database.to_path_buf(),
        with_suffix(database, "-wal"),
        with_suffix(database, "-shm"),
        with_suffix(database, "-journal"),
    ]
}

fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = OsString::from(path.as_os_str());
    name.push(suffix);
    PathBuf::from(name)
}

fn io_context(context: String) -> impl FnOnce(io::Error) -> RestoreError {
    move |source| RestoreError::Io { context, source }
}
