use carryover_store::{Backend, MIGRATIONS, on_both_databases, testing::TestDatabase};

#[test]
fn the_two_migration_folders_hold_the_same_steps_as_the_embedded_list() {
    let names = |folder: &str| -> Vec<String> {
        let dir = format!("{}/migrations/{folder}", env!("CARGO_MANIFEST_DIR"));
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().trim_end_matches(".sql").to_owned())
            .collect();
        names.sort();
        names
    };
    let embedded: Vec<String> = MIGRATIONS.iter().map(|m| m.name.to_owned()).collect();
    assert_eq!(names("sqlite"), embedded);
    assert_eq!(names("postgres"), embedded);
    // Versions count up; a gap is allowed while work that reserved a
    // number is still on its way (the runner applies whatever is missing).
    for pair in MIGRATIONS.windows(2) {
        assert!(pair[0].version < pair[1].version, "versions count up: {pair:?}");
    }
    for migration in MIGRATIONS {
        assert!(migration.name.starts_with(&format!("{:04}_", migration.version)));
    }
}

async fn migrating_twice_applies_nothing_the_second_time(backend: Backend) {
    let database = TestDatabase::create(backend).await;
    let db = database.connect().await;
    assert_eq!(db.migrate().await.unwrap().len(), MIGRATIONS.len());
    assert!(db.migrate().await.unwrap().is_empty());
    assert!(db.is_ready().await);
}

async fn two_processes_migrating_at_once_both_succeed(backend: Backend) {
    let database = TestDatabase::create(backend).await;
    let (a, b) = (database.connect().await, database.connect().await);
    let (ra, rb) = tokio::join!(a.migrate(), b.migrate());
    let applied = ra.unwrap().len() + rb.unwrap().len();
    assert_eq!(applied, MIGRATIONS.len(), "each migration is applied exactly once");
}

async fn an_unmigrated_database_is_not_ready(backend: Backend) {
    let database = TestDatabase::create(backend).await;
    assert!(!database.connect().await.is_ready().await);
}

on_both_databases!(
    migrating_twice_applies_nothing_the_second_time,
    two_processes_migrating_at_once_both_succeed,
    an_unmigrated_database_is_not_ready,
);
