use std::{
    collections::BTreeSet,
    sync::{
        Arc,
        atomic::{AtomicBool, Ordering},
    },
};

use carryover_store::{Backend, BackupOutcome, Db, NewClinic, backup_to, testing::TestDatabase};
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
async fn a_data_folder_with_odd_characters_works_for_the_database_and_its_backup() {
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
}
