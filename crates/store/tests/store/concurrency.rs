use std::collections::BTreeSet;

use carryover_store::{Backend, NewClinic, on_both_databases, testing::TestDatabase};
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

async fn futures_join<T: Send + 'static>(
    handles: impl Iterator<Item = tokio::task::JoinHandle<T>>,
) -> Vec<T> {
    let mut out = Vec::new();
    for handle in handles.collect::<Vec<_>>() {
        out.push(handle.await.unwrap());
    }
    out
}

on_both_databases!(two_hundred_concurrent_writers_all_succeed_and_nothing_is_lost);
