use std::{
    collections::BTreeSet,
    path::{Path, PathBuf},
    sync::{
        Arc,
        atomic::{AtomicBool, Ordering},
    },
};

use carryover_store::{
    Backend, BackupOutcome, DatabaseLock, Db, DbOptions, Existing, MIGRATIONS, NewClinic,
    RestoreError, backup_to, check_backup, restore_from, testing::TestDatabase,
};
use time::OffsetDateTime;

async fn write_clinics_until(db: Db, stop: Arc<AtomicBool>) -> usize {
    let mut written = 0;
    while !stop.load(Ordering::Relaxed) {
        let new = NewClinic { name: format!("Busy {written}"), is_demo: false };
        db.create_clinic(&new, OffsetDateTime::now_utc()).await.unwrap();
        written += 1;
    }
    written
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_backup_taken_under_writes_is_consistent_and_holds_every_acknowledged_row() {
    let database = TestDatabase::create(Backend::Sqlite).await;
    let db = database.migrated().await;
    for i in 0..50 {
        let new = NewClinic { name: format!("Before {i}"), is_demo: false };
        db.create_clinic(&new, OffsetDateTime::now_utc()).await.unwrap();
    }
    let stop = Arc::new(AtomicBool::new(false));
    let writers: Vec<_> =
        (0..4).map(|_| tokio::spawn(write_clinics_until(db.clone(), stop.clone()))).collect();
    tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    // Every row acknowledged before the backup begins must be in it.
    let acknowledged: BTreeSet<_> =
        db.list_clinics().await.unwrap().into_iter().map(|c| c.clinic_id).collect();
    let target = tempfile::tempdir().unwrap();
    let file = target.path().join("backup.db");
    let outcome = backup_to(&db, &file).await.unwrap();
    stop.store(true, Ordering::Relaxed);
    let mut written_during = 0;
    for writer in writers {
        written_during += writer.await.unwrap();
    }
    assert!(written_during > 0, "writes went on while the backup ran");
    assert_eq!(outcome, BackupOutcome::Written(file.clone()));

    let copy = Db::connect(&carryover_store::DbOptions::Sqlite { path: file }).await.unwrap();
    let check: String =
        sqlx::query_scalar("PRAGMA integrity_check").fetch_one(copy.reader()).await.unwrap();
    assert_eq!(check, "ok");
    let in_copy: BTreeSet<_> =
        copy.list_clinics().await.unwrap().into_iter().map(|c| c.clinic_id).collect();
    assert!(acknowledged.is_subset(&in_copy), "the copy lost acknowledged rows");
}

#[tokio::test]
async fn a_backup_refuses_to_overwrite_an_existing_file() {
    let database = TestDatabase::create(Backend::Sqlite).await;
    let db = database.migrated().await;
    let target = tempfile::NamedTempFile::new().unwrap();
    assert!(backup_to(&db, target.path()).await.is_err());
}

#[tokio::test]
async fn postgres_backups_point_to_pg_dump() {
    if !carryover_store::testing::postgres_enabled("postgres backup") {
        return;
    }
    let database = TestDatabase::create(Backend::Postgres).await;
    let db = database.migrated().await;
    let target = tempfile::tempdir().unwrap();
    let outcome = backup_to(&db, &target.path().join("x.db")).await.unwrap();
    assert_eq!(outcome, BackupOutcome::UsePgDump);
}

#[tokio::test]
async fn a_data_folder_with_odd_characters_works_for_the_database_its_backup_and_restore() {
    let root = tempfile::tempdir().unwrap();
    let folder = root.path().join("Clinic data #1? 100%");
    let db = Db::connect(&carryover_store::DbOptions::Sqlite { path: folder.join("carryover.db") })
        .await
        .unwrap();
    db.migrate().await.unwrap();
    db.create_clinic(&NewClinic { name: "Odd".into(), is_demo: false }, OffsetDateTime::now_utc())
        .await
        .unwrap();
    assert!(folder.join("carryover.db").exists(), "the file is where it was asked to be");
    let copy = folder.join("copy #2.db");
    assert_eq!(backup_to(&db, &copy).await.unwrap(), BackupOutcome::Written(copy.clone()));
    assert!(copy.exists());
    let elsewhere = root.path().join("Restored #2? 50%").join("carryover.db");
    restore_from(&copy, &elsewhere, Existing::Refuse, NOW).await.unwrap();
    assert_eq!(clinic_names(&elsewhere).await, ["Odd"]);
}

/// A migrated database holding one clinic, backed up to `<dir>/<name>`.
async fn a_backup(dir: &Path, name: &str, clinic: &str) -> PathBuf {
    let db =
        Db::connect(&DbOptions::Sqlite { path: dir.join(format!("{name}.source")) }).await.unwrap();
    db.migrate().await.unwrap();
    db.create_clinic(&NewClinic { name: clinic.into(), is_demo: false }, OffsetDateTime::now_utc())
        .await
        .unwrap();
    let file = dir.join(name);
    backup_to(&db, &file).await.unwrap();
    db.close().await;
    file
}

async fn clinic_names(path: &Path) -> Vec<String> {
    let db = Db::connect(&DbOptions::Sqlite { path: path.to_path_buf() }).await.unwrap();
    let names = db.list_clinics().await.unwrap().into_iter().map(|c| c.name).collect();
    db.close().await;
    names
}

const NOW: OffsetDateTime = time::macros::datetime!(2026-11-02 09:00 UTC);

#[tokio::test]
async fn restoring_an_older_backup_applies_the_migrations_it_lacks() {
    let dir = tempfile::tempdir().unwrap();
    let older =
        Db::connect(&DbOptions::Sqlite { path: dir.path().join("older.db") }).await.unwrap();
    let mut tx = older.begin_write().await.unwrap();
    sqlx::raw_sql(
        "CREATE TABLE schema_migration (version BIGINT PRIMARY KEY, name TEXT NOT NULL, \
         applied_at TEXT NOT NULL)",
    )
    .execute(&mut *tx)
    .await
    .unwrap();
    sqlx::raw_sql(MIGRATIONS[0].sqlite).execute(&mut *tx).await.unwrap();
    sqlx::query("INSERT INTO schema_migration VALUES (1, $1, '2026-01-01T00:00:00.000000Z')")
        .bind(MIGRATIONS[0].name)
        .execute(&mut *tx)
        .await
        .unwrap();
    tx.commit().await.unwrap();
    let backup = dir.path().join("older-backup.db");
    backup_to(&older, &backup).await.unwrap();
    older.close().await;

    let database = dir.path().join("data").join("carryover.db");
    let restored = restore_from(&backup, &database, Existing::Refuse, NOW).await.unwrap();
    assert_eq!(restored.backup_migration, 1);
    let newer: Vec<i64> = MIGRATIONS[1..].iter().map(|m| m.version).collect();
    assert_eq!(restored.applied, newer);
    assert!(restored.moved_aside.is_empty());
    let db = Db::connect(&DbOptions::Sqlite { path: database }).await.unwrap();
    assert!(db.is_ready().await, "the restored database is at this build's migration");
}

#[tokio::test]
async fn a_restore_is_refused_while_the_database_lock_is_held_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let backup = a_backup(dir.path(), "backup.db", "Backed up").await;
    let database = dir.path().join("data").join("carryover.db");
    let lock = DatabaseLock::try_acquire(&database).unwrap().expect("the first holder gets it");
    assert!(DatabaseLock::try_acquire(&database).unwrap().is_none(), "the second does not");

    let refused = restore_from(&backup, &database, Existing::MoveAside, NOW).await.unwrap_err();
    assert!(matches!(refused, RestoreError::InUse(_)), "{refused}");
    assert!(refused.to_string().ends_with("; stop it first"), "{refused}");
    assert!(!database.exists());

    drop(lock);
    restore_from(&backup, &database, Existing::Refuse, NOW).await.unwrap();
    assert_eq!(clinic_names(&database).await, ["Backed up"]);
}

#[tokio::test]
async fn replacing_moves_the_old_database_with_its_wal_and_shm_aside_never_deleting_them() {
    let dir = tempfile::tempdir().unwrap();
    let backup = a_backup(dir.path(), "backup.db", "Backed up").await;
    let data = dir.path().join("data");
    std::fs::create_dir(&data).unwrap();
    let database = data.join("carryover.db");
    for (suffix, text) in [("", "old main"), ("-wal", "old wal"), ("-shm", "old shm")] {
        std::fs::write(data.join(format!("carryover.db{suffix}")), text).unwrap();
    }

    let refused = restore_from(&backup, &database, Existing::Refuse, NOW).await.unwrap_err();
    assert!(matches!(refused, RestoreError::AlreadyThere(_)), "{refused}");
    assert_eq!(std::fs::read_to_string(&database).unwrap(), "old main");

    let restored = restore_from(&backup, &database, Existing::MoveAside, NOW).await.unwrap();
    let aside = |name: &str| data.join(format!("carryover.db.replaced-20261102T090000Z{name}"));
    assert_eq!(restored.moved_aside, [aside(""), aside("-wal"), aside("-shm")]);
    for (suffix, text) in [("", "old main"), ("-wal", "old wal"), ("-shm", "old shm")] {
        assert_eq!(std::fs::read_to_string(aside(suffix)).unwrap(), text);
    }
    assert_eq!(clinic_names(&database).await, ["Backed up"]);

    // A second replace within the same second keeps the first one's files.
    let again = restore_from(&backup, &database, Existing::MoveAside, NOW).await.unwrap();
    assert_eq!(again.moved_aside[0], data.join("carryover.db.replaced-20261102T090000Z-2"));
    assert_eq!(std::fs::read_to_string(aside("")).unwrap(), "old main");
    let leftovers: Vec<_> = std::fs::read_dir(&data)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".carryover-restore-"))
        .collect();
    assert!(leftovers.is_empty(), "no temporary copy is left behind: {leftovers:?}");
}

#[tokio::test]
async fn only_an_intact_carryover_database_this_build_knows_passes_the_check() {
    let dir = tempfile::tempdir().unwrap();
    let good = a_backup(dir.path(), "good.db", "Good").await;
    assert_eq!(check_backup(&good).await.unwrap(), MIGRATIONS.last().unwrap().version);

    let missing = check_backup(&dir.path().join("missing.db")).await;
    assert!(matches!(missing, Err(RestoreError::NoFile(_))), "{missing:?}");

    let text = dir.path().join("notes.txt");
    std::fs::write(&text, "not a database at all").unwrap();
    let not_sqlite = check_backup(&text).await;
    assert!(matches!(not_sqlite, Err(RestoreError::NotSqlite(_))), "{not_sqlite:?}");

    let damaged = dir.path().join("damaged.db");
    std::fs::copy(&good, &damaged).unwrap();
    overwrite_a_page(&damaged);
    let refused = check_backup(&damaged).await;
    assert!(matches!(refused, Err(RestoreError::Damaged { .. })), "{refused:?}");

    let foreign = dir.path().join("foreign.db");
    let db = Db::connect(&DbOptions::Sqlite { path: foreign.clone() }).await.unwrap();
    let mut tx = db.begin_write().await.unwrap();
    sqlx::query("CREATE TABLE recipe (name TEXT)").execute(&mut *tx).await.unwrap();
    tx.commit().await.unwrap();
    db.close().await;
    let refused = check_backup(&foreign).await;
    assert!(matches!(refused, Err(RestoreError::NotCarryover { .. })), "{refused:?}");
    let litter: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with("-wal") || n.ends_with("-shm"))
        .collect();
    assert!(litter.is_empty(), "the check leaves nothing beside what it read: {litter:?}");

    let newer = dir.path().join("newer.db");
    std::fs::copy(&good, &newer).unwrap();
    let db = Db::connect(&DbOptions::Sqlite { path: newer.clone() }).await.unwrap();
    let mut tx = db.begin_write().await.unwrap();
    sqlx::query("INSERT INTO schema_migration VALUES (999, '0999_future', 'later')")
        .execute(&mut *tx)
        .await
        .unwrap();
    tx.commit().await.unwrap();
    db.close().await;
    let refused = check_backup(&newer).await;
    assert!(matches!(refused, Err(RestoreError::TooNew { found: 999, .. })), "{refused:?}");

    // A live database is only whole together with its WAL.
    let live = dir.path().join("live.db");
    std::fs::copy(&good, &live).unwrap();
    std::fs::write(dir.path().join("live.db-wal"), "frames not yet in the main file").unwrap();
    let refused = check_backup(&live).await;
    assert!(matches!(refused, Err(RestoreError::LiveJournal { .. })), "{refused:?}");
}

/// Scribbles over one page in the middle of the file, past the header.
fn overwrite_a_page(file: &Path) {
    use std::io::{Seek, SeekFrom, Write};
    let length = std::fs::metadata(file).unwrap().len();
    let mut f = std::fs::OpenOptions::new().write(true).open(file).unwrap();
    f.seek(SeekFrom::Start(length / 2 / 4096 * 4096)).unwrap();
    f.write_all(&[0xab; 4096]).unwrap();
}
