use std::collections::BTreeSet;

use carryover_store::{Backend, Db, NewClinic, on_both_databases, testing::TestDatabase};
use time::OffsetDateTime;

/// Every write that was acknowledged is there afterwards, and none failed
/// with "database is locked".
async fn two_hundred_concurrent_writers_all_succeed_and_nothing_is_lost(backend: Backend) {
    let database = TestDatabase::create(backend).await;
    let db = database.migrated().await;
    let writers = (0..200).map(|i| {
        let db = db.clone();
        tokio::spawn(async move {
            let new = NewClinic { name: format!("Clinic {i}"), is_demo: false };
            db.create_clinic(&new, OffsetDateTime::now_utc()).await
        })
    });
    let mut acknowledged = BTreeSet::new();
    for writer in futures_join(writers).await {
        match writer {
            Ok(clinic) => {
                acknowledged.insert(clinic.clinic_id);
            }
            Err(error) => panic!("a writer failed (locked: {}): {error:?}", error.is_locked()),
        }
    }
    assert_eq!(acknowledged.len(), 200);
    let stored: BTreeSet<_> =
        db.list_clinics().await.unwrap().into_iter().map(|c| c.clinic_id).collect();
    assert_eq!(stored, acknowledged);
}

/// On SQLite, writers that commit while a log flush runs share the next
/// one: far fewer flushes than commits, and every commit is still there
/// when the database is opened again. Each flush is made to take 5 ms, as
/// on a slow disk: on a fast one the writers may never overlap.
async fn concurrent_commits_share_log_flushes_and_all_survive_a_reopen(backend: Backend) {
    let database = TestDatabase::create(backend).await;
    let db = database.migrated().await;
    db.simulate_slow_disk(std::time::Duration::from_millis(5));
    let before = db.log_flushes();
    let writers = (0..100).map(|i| {
        let db = db.clone();
        tokio::spawn(async move {
            let new = NewClinic { name: format!("Shared {i}"), is_demo: false };
            db.create_clinic(&new, OffsetDateTime::now_utc()).await.unwrap().clinic_id
        })
    });
    let acknowledged: BTreeSet<_> = futures_join(writers).await.into_iter().collect();
    let flushes = db.log_flushes() - before;
    match backend {
        // PostgreSQL's own WAL writer groups commits; Carryover adds nothing.
        Backend::Postgres => assert_eq!(flushes, 0),
        Backend::Sqlite => assert!(
            (1..50).contains(&flushes),
            "100 concurrent commits took {flushes} flushes: none were shared"
        ),
    }
    db.close().await;
    let again = Db::connect(&database.options).await.unwrap();
    let stored: BTreeSet<_> =
        again.list_clinics().await.unwrap().into_iter().map(|c| c.clinic_id).collect();
    assert!(acknowledged.is_subset(&stored));
    again.close().await;
}

/// One commit alone still waits for its own flush before it is acknowledged.
async fn a_lone_commit_is_flushed_before_it_is_acknowledged(backend: Backend) {
    let database = TestDatabase::create(backend).await;
    let db = database.migrated().await;
    let before = db.log_flushes();
    let new = NewClinic { name: "Alone".into(), is_demo: false };
    db.create_clinic(&new, OffsetDateTime::now_utc()).await.unwrap();
    let expected = if backend == Backend::Sqlite { before + 1 } else { 0 };
    assert_eq!(db.log_flushes(), expected);
}

async fn futures_join<T: Send + 'static>(
    handles: impl Iterator<Item = tokio::task::JoinHandle<T>>,
) -> Vec<T> {
    let mut out = Vec::new();
    for handle in handles.collect::<Vec<_>>() {
        out.push(handle.await.unwrap());
    }
    out
}

on_both_databases!(
    two_hundred_concurrent_writers_all_succeed_and_nothing_is_lost,
    concurrent_commits_share_log_flushes_and_all_survive_a_reopen,
    a_lone_commit_is_flushed_before_it_is_acknowledged
);
