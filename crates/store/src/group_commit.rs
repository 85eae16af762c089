//! Durable writes in groups, on SQLite.
//!
//! With `synchronous = FULL` every commit waits for its own `fsync` of the
//! write-ahead log, and an audited page view is a commit: the disk, not the
//! CPU, sets the pace. Here the writer runs with `synchronous = NORMAL`
//! (a commit appends to the log without waiting), and before a commit is
//! acknowledged its writer waits for an `fsync` of the log that *started
//! after* its commit finished. Writers that finish while one `fsync` runs
//! share the next one: one flush acknowledges them all, and no caller hears
//! "committed" before its data is on disk.
//!
//! PostgreSQL needs none of this: its WAL writer already flushes many
//! concurrent commits at once.

use std::{
    path::PathBuf,
    sync::atomic::{AtomicU64, Ordering},
};

use crate::StoreError;

#[derive(Debug)]
pub(crate) struct GroupCommit {
    /// The database file; its write-ahead log is `<file>-wal`.
    wal: PathBuf,
    database: PathBuf,
    /// Flushes started; each gets the next number.
    started: AtomicU64,
    /// The number of the last flush that finished.
    finished: AtomicU64,
    /// Held by the one writer flushing on behalf of everyone waiting.
    flushing: tokio::sync::Mutex<()>,
    /// Microseconds each flush takes at least: a slow disk, for tests whose
    /// outcome must not depend on how fast this machine's `fsync` is.
    slow_disk_micros: AtomicU64,
}

impl GroupCommit {
    pub(crate) fn new(database: PathBuf) -> GroupCommit {
        let mut wal = database.clone().into_os_string();
        wal.push("-wal");
        GroupCommit {
            wal: PathBuf::from(wal),
            database,
            started: AtomicU64::new(0),
            finished: AtomicU64::new(0),
            flushing: tokio::sync::Mutex::new(()),
            slow_disk_micros: AtomicU64::new(0),
        }
    }

    /// Returns once everything committed before the call is on disk.
    pub(crate) async fn wait_until_durable(&self) -> Result<(), StoreError> {
        // Any flush numbered above `seen` starts after this point, so after
        // the caller's commit: it carries the commit to disk.
        let seen = self.started.load(Ordering::SeqCst);
        let _turn = self.flushing.lock().await;
        if self.finished.load(Ordering::SeqCst) > seen {
            return Ok(());
        }
        let number = self.started.fetch_add(1, Ordering::SeqCst) + 1;
        let (wal, database) = (self.wal.clone(), self.database.clone());
        let slow = std::time::Duration::from_micros(self.slow_disk_micros.load(Ordering::Relaxed));
        let flushed = tokio::task::spawn_blocking(move || {
            let done = flush(&wal, &database);
            std::thread::sleep(slow);
            done
        })
        .await
        .map_err(|e| StoreError::Corrupt(format!("the log flush did not finish: {e}")))?;
        if let Err(error) = flushed {
            // After a failed fsync the kernel may have dropped the dirty
            // pages and a retry can "succeed" without writing them (the
            // lesson PostgreSQL learned in 2018). Stop, and let the restart
            // recover from what the log really holds.
            tracing::error!(%error, "flushing the write-ahead log failed; stopping");
            std::process::abort();
        }
        self.finished.store(number, Ordering::SeqCst);
        Ok(())
    }

    pub(crate) fn set_slow_disk(&self, at_least: std::time::Duration) {
        let micros = u64::try_from(at_least.as_micros()).unwrap_or(u64::MAX);
        self.slow_disk_micros.store(micros, Ordering::Relaxed);
    }

    /// Flushes started so far: fewer than the commits when they were shared.
    pub(crate) fn flushes(&self) -> u64 {
        self.started.load(Ordering::SeqCst)
    }
}

/// `fsync` of the log (any descriptor of a file flushes its pages). No log
/// means a checkpoint folded it into the database file: flush that instead.
fn flush(wal: &std::path::Path, database: &std::path::Path) -> std::io::Result<()> {
    match std::fs::File::open(wal) {
        Ok(file) => file.sync_data(),
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
            std::fs::File::open(database)?.sync_data()
        }
        Err(error) => Err(error),
    }
}
