use std::{
    path::PathBuf,
    sync::{Arc, Once},
    time::Duration,
};

use carryover_domain::audit_seal::SealKey;

use sqlx::{
    Any, AnyPool, Executor, Transaction,
    any::{AnyConnectOptions, AnyPoolOptions},
};

use crate::{StoreError, group_commit::GroupCommit, migrate};

/// A write transaction, made only by [`Db::begin_write`]. Functions that
/// write (and `audit::append`) take `&mut WriteTx`, so no write and no audit
/// row can land on a read-only connection; reads take `&mut AnyConnection`,
/// which a `WriteTx` derefs to.
pub struct WriteTx {
    tx: Transaction<'static, Any>,
    seal: Option<Arc<SealKey>>,
    group: Option<Arc<GroupCommit>>,
}

impl WriteTx {
    /// Commits; what it wrote is durable once this returns.
    pub async fn commit(self) -> Result<(), StoreError> {
        self.tx.commit().await?;
        if let Some(group) = &self.group {
            group.wait_until_durable().await?;
        }
        Ok(())
    }

    /// Rolls back explicitly (dropping a `WriteTx` rolls back too).
    pub async fn rollback(self) -> Result<(), StoreError> {
        Ok(self.tx.rollback().await?)
    }

    /// The key that seals audit chain heads, when the process has one.
    pub(crate) fn seal_key(&self) -> Option<&SealKey> {
        self.seal.as_deref()
    }
}

impl std::ops::Deref for WriteTx {
    type Target = sqlx::AnyConnection;
    fn deref(&self) -> &Self::Target {
        &self.tx
    }
}

impl std::ops::DerefMut for WriteTx {
    fn deref_mut(&mut self) -> &mut Self::Target {
        &mut self.tx
    }
}

impl std::fmt::Debug for WriteTx {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("WriteTx")
    }
}

/// Commits a write transaction; what it wrote is durable once this returns.
pub async fn commit(tx: WriteTx) -> Result<(), StoreError> {
    tx.commit().await
}

/// Which database is underneath. Only set-up, migrations and backups look at it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// Where the data lives.
#[derive(Clone)]
pub enum DbOptions {
    /// The embedded default: one SQLite file, created on first start.
    Sqlite { path: PathBuf },
    /// A `postgres://` URL; it may hold a password, so it never prints.
    Postgres { url: String },
}

impl std::fmt::Debug for DbOptions {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DbOptions::Sqlite { path } => write!(f, "Sqlite({})", path.display()),
            DbOptions::Postgres { .. } => f.write_str("Postgres([redacted])"),
        }
    }
}

/// How SQLite makes a commit durable before it is acknowledged.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SqliteSync {
    /// Concurrent commits share one `fsync` of the log (see `group_commit`).
    #[default]
    Grouped,
    /// `synchronous = FULL`: every commit waits for its own `fsync`.
    EachCommit,
}

/// The database handle. Cheap to clone.
///
/// On SQLite every write goes through one writer connection and starts with
/// `BEGIN IMMEDIATE`, so writers queue in the pool instead of failing with
/// "database is locked"; reads use a separate read-only pool, which WAL lets
/// run beside the writer. On PostgreSQL both are the same pool.
#[derive(Clone, Debug)]
pub struct Db {
    backend: Backend,
    writer: AnyPool,
    reader: AnyPool,
    sqlite_path: Option<PathBuf>,
    /// Seals each audit chain head as it moves (see `audit_seal`); kept
    /// outside the database by whoever opens it.
    seal: Option<Arc<SealKey>>,
    /// On SQLite with [`SqliteSync::Grouped`]: the shared log flush.
    group: Option<Arc<GroupCommit>>,
}

const SQLITE_PRAGMAS: &str = "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; \
     PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 10000;";
/// `NORMAL` leaves the log's `fsync` to [`GroupCommit`], which every commit
/// waits for; checkpoints still flush the log first and the database after.
const SQLITE_GROUPED_PRAGMAS: &str = "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; \
     PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 10000;";
const SQLITE_READER_PRAGMAS: &str = "PRAGMA busy_timeout = 10000; PRAGMA query_only = ON;";

/// How long a request may wait for the single SQLite writer before giving
/// up. Shorter than the web layer's 30-second request limit, so that a
/// queued writer fails with a clear "busy" answer instead of being cut off.
const WRITER_WAIT: Duration = Duration::from_secs(20);
/// How long a PostgreSQL request waits for a connection (see `connect_with`).
const PG_ACQUIRE_WAIT: Duration = Duration::from_secs(10);

/// A `sqlite://` URL for a file path: `%`, `?` and `#` in folder names are
/// escaped, since the driver reads the path as a URL.
pub(crate) fn sqlite_url(path: &std::path::Path, mode: &str) -> String {
    let path =
        path.display().to_string().replace('%', "%25").replace('?', "%3F").replace('#', "%23");
    format!("sqlite://{path}?mode={mode}")
}

fn install_drivers() {
    static ONCE: Once = Once::new();
    ONCE.call_once(sqlx::any::install_default_drivers);
}

pub(crate) fn install_drivers_for_tests() {
    install_drivers();
}

impl Db {
    /// Opens the database, creating a SQLite file (and its folder) if missing.
    /// Does not migrate: see [`Db::migrate`].
    pub async fn connect(options: &DbOptions) -> Result<Db, StoreError> {
        Self::connect_with(options, SqliteSync::default()).await
    }

    /// [`Db::connect`], choosing how SQLite commits (PostgreSQL ignores it).
    pub async fn connect_with(options: &DbOptions, sync: SqliteSync) -> Result<Db, StoreError> {
        install_drivers();
        match options {
            DbOptions::Sqlite { path } => Self::connect_sqlite(path.clone(), sync).await,
            DbOptions::Postgres { url } => {
                let connect: AnyConnectOptions = url.parse()?;
                // While PostgreSQL is away the pool keeps trying to connect
                // until this wait ends; well under the 30 s request limit, so
                // the request answers 503 (issue 16) rather than timing out.
                let pool = AnyPoolOptions::new()
                    .max_connections(16)
                    .acquire_timeout(PG_ACQUIRE_WAIT)
                    .connect_with(connect)
                    .await?;
                Ok(Db {
                    backend: Backend::Postgres,
                    writer: pool.clone(),
                    reader: pool,
                    sqlite_path: None,
                    seal: None,
                    group: None,
                })
            }
        }
    }

    async fn connect_sqlite(path: PathBuf, sync: SqliteSync) -> Result<Db, StoreError> {
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent)
                .map_err(|e| StoreError::Corrupt(format!("cannot create {parent:?}: {e}")))?;
        }
        let url = |mode: &str| sqlite_url(&path, mode);
        let writer = AnyPoolOptions::new()
            .max_connections(1)
            .min_connections(1)
            .acquire_timeout(WRITER_WAIT)
            .after_connect(move |conn, _| {
                let pragmas = match sync {
                    SqliteSync::Grouped => SQLITE_GROUPED_PRAGMAS,
                    SqliteSync::EachCommit => SQLITE_PRAGMAS,
                };
                Box::pin(async move { conn.execute(pragmas).await.map(|_| ()) })
            })
            .connect_with(url("rwc").parse()?)
            .await?;
        let reader = AnyPoolOptions::new()
            .max_connections(8)
            .acquire_timeout(Duration::from_secs(30))
            .after_connect(|conn, _| {
                Box::pin(async move { conn.execute(SQLITE_READER_PRAGMAS).await.map(|_| ()) })
            })
            .connect_with(url("ro").parse()?)
            .await?;
        let group = (sync == SqliteSync::Grouped).then(|| Arc::new(GroupCommit::new(path.clone())));
        Ok(Db {
            backend: Backend::Sqlite,
            writer,
            reader,
            sqlite_path: Some(path),
            seal: None,
            group,
        })
    }

    /// This handle, sealing every audit chain head it moves with `key`.
    pub fn with_seal(mut self, key: SealKey) -> Db {
        self.seal = Some(Arc::new(key));
        self
    }

    pub fn seal_key(&self) -> Option<&SealKey> {
        self.seal.as_deref()
    }

    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// The SQLite file, when the backend is SQLite.
    pub fn sqlite_path(&self) -> Option<&PathBuf> {
        self.sqlite_path.as_ref()
    }

    /// The pool for plain reads. Reads that must leave an audit row use a write
    /// transaction instead, so that the read fails when its audit row cannot be written.
    pub fn reader(&self) -> &AnyPool {
        &self.reader
    }

    /// Starts a write transaction. On SQLite it takes the write lock at once
    /// (`BEGIN IMMEDIATE`), so a transaction never fails half-way on an upgrade.
    pub async fn begin_write(&self) -> Result<WriteTx, StoreError> {
        let tx = match self.backend {
            Backend::Sqlite => self.writer.begin_with("BEGIN IMMEDIATE").await?,
            Backend::Postgres => self.writer.begin().await?,
        };
        Ok(WriteTx { tx, seal: self.seal.clone(), group: self.group.clone() })
    }

    /// How many shared log flushes acknowledged commits so far (0 unless
    /// SQLite commits in groups): fewer than the commits when they were shared.
    pub fn log_flushes(&self) -> u64 {
        self.group.as_ref().map_or(0, |g| g.flushes())
    }

    /// Tests: every log flush takes at least `at_least`, as on a slow disk,
    /// so that whether commits overlap does not depend on this machine.
    pub fn simulate_slow_disk(&self, at_least: std::time::Duration) {
        if let Some(group) = &self.group {
            group.set_slow_disk(at_least);
        }
    }

    /// The pool writes go through (one connection on SQLite).
    pub(crate) fn writer(&self) -> &AnyPool {
        &self.writer
    }

    /// A pooled read-only connection (on PostgreSQL, any pooled connection).
    pub async fn read_conn(&self) -> Result<sqlx::pool::PoolConnection<Any>, StoreError> {
        Ok(self.reader.acquire().await?)
    }

    /// Applies every pending migration. Safe to call from several processes at once.
    pub async fn migrate(&self) -> Result<Vec<i64>, StoreError> {
        migrate::run(self).await
    }

    /// Applies pending migrations up to `last` only: for tests that build a
    /// database as an older release left it, then upgrade it.
    #[doc(hidden)]
    pub async fn migrate_up_to(&self, last: i64) -> Result<Vec<i64>, StoreError> {
        migrate::run_up_to(self, last).await
    }

    /// True when the database answers and holds every migration this build knows.
    pub async fn is_ready(&self) -> bool {
        migrate::is_current(self).await.unwrap_or(false)
    }

    /// Waits for connections to be returned and closes the pools; on SQLite the
    /// last writer connection folds the WAL back into the database file.
    pub async fn close(&self) {
        self.reader.close().await;
        self.writer.close().await;
    }
}
