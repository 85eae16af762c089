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

/// Issue 9: free-text languages at home become codes from the list; text
/// that names no language on the list is kept in the child's notes.
async fn languages_written_as_text_become_codes_and_nothing_is_lost(backend: Backend) {
    let database = TestDatabase::create(backend).await;
    let db = database.connect().await;
    db.migrate_up_to(4).await.unwrap();
    let at = "2026-01-01T00:00:00.000000Z";
    let clinic = "0190f000-0000-7000-8000-000000000001";
    let household = "0190f000-0000-7000-8000-000000000002";
    let mut tx = db.begin_write().await.unwrap();
    for sql in [
        format!(
            "INSERT INTO clinic (clinic_id, name, is_demo, created_at) VALUES ('{clinic}', 'Old', 0, '{at}')"
        ),
        format!(
            "INSERT INTO household (clinic_id, household_id, name, created_at) VALUES ('{clinic}', '{household}', 'Old', '{at}')"
        ),
    ] {
        sqlx::query(sqlx::AssertSqlSafe(sql)).execute(&mut *tx).await.unwrap();
    }
    let children = [
        ("1", "Spanish, English", ""),
        ("2", "English, Mandarin", "Loves music"),
        ("3", "Klingon", "Loves music"),
        ("4", "", ""),
    ];
    for (n, languages, notes) in children {
        sqlx::query(
            "INSERT INTO child (clinic_id, child_id, household_id, preferred_name, home_languages, notes, created_at) \
             VALUES ($1, $2, $3, 'Kid', $4, $5, $6)",
        )
        .bind(clinic)
        .bind(format!("0190f000-0000-7000-8000-00000000010{n}"))
        .bind(household)
        .bind(languages)
        .bind(notes)
        .bind(at)
        .execute(&mut *tx)
        .await
        .unwrap();
    }
    tx.commit().await.unwrap();
    db.migrate().await.unwrap();
    let rows: Vec<(String, String)> =
        sqlx::query_as("SELECT home_languages, notes FROM child ORDER BY child_id")
            .fetch_all(db.reader())
            .await
            .unwrap();
    assert_eq!(rows[0], ("en,es".to_owned(), String::new()));
    assert_eq!(rows[1], ("en,zh".to_owned(), "Loves music".to_owned()));
    assert_eq!(rows[2].0, "");
    assert!(
        rows[2].1.starts_with("Loves music") && rows[2].1.ends_with("Klingon"),
        "{:?}",
        rows[2]
    );
    assert_eq!(rows[3], (String::new(), String::new()));
    let settings: (i64, i64) =
        sqlx::query_as("SELECT guardian_read_days, retention_years FROM clinic")
            .fetch_one(db.reader())
            .await
            .unwrap();
    assert_eq!(settings, (90, 7), "the defaults for clinics that existed before");
}

on_both_databases!(languages_written_as_text_become_codes_and_nothing_is_lost);
