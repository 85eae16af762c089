//! The query planner gets statistics for tables that have none, so that it
//! picks indexes by what they hold rather than by guesses (issue 15).

use carryover_store::{Backend, Db, on_both_databases, testing::TestDatabase};

/// Rows of planner statistics about one table.
async fn statistics_of(db: &Db, table: &str) -> i64 {
    let sql = match db.backend() {
        Backend::Sqlite => {
            // SQLite makes its statistics table with the first ANALYZE.
            let made: i64 = sqlx::query_scalar(
                "SELECT COUNT(*) FROM sqlite_master WHERE name = 'sqlite_stat1'",
            )
            .fetch_one(db.reader())
            .await
            .unwrap();
            if made == 0 {
                return 0;
            }
            "SELECT COUNT(*) FROM sqlite_stat1 WHERE tbl = $1"
        }
        Backend::Postgres => {
            "SELECT COUNT(*) FROM pg_statistic s JOIN pg_class c ON c.oid = s.starelid \
             JOIN pg_namespace n ON n.oid = c.relnamespace \
             WHERE c.relname = $1 AND n.nspname = current_schema()"
        }
    };
    sqlx::query_scalar(sql).bind(table).fetch_one(db.reader()).await.unwrap()
}

async fn optimizing_gives_a_table_without_statistics_some(backend: Backend) {
    let database = TestDatabase::create(backend).await;
    let db = database.migrated().await;
    // Migrating filled the table of applied migrations; nothing analysed it.
    assert_eq!(statistics_of(&db, "schema_migration").await, 0);

    db.optimize().await.unwrap();
    assert!(statistics_of(&db, "schema_migration").await > 0);

    // Nothing is left to do the second time, and doing it changes nothing.
    db.optimize().await.unwrap();
    assert!(statistics_of(&db, "schema_migration").await > 0);
}

on_both_databases!(optimizing_gives_a_table_without_statistics_some);
