//! The two migration folders must build the same schema: same tables,
//! columns, keys and indexes. Types are compared by family.

use std::collections::BTreeSet;

use carryover_store::{Backend, Db, SqliteSync, testing::TestDatabase};

#[derive(Debug, Default, PartialEq, Eq)]
struct Schema {
    columns: BTreeSet<(String, String, String, bool)>,
    primary_keys: BTreeSet<(String, String)>,
    foreign_keys: BTreeSet<(String, String, String, String)>,
    uniques: BTreeSet<(String, String)>,
    indexes: BTreeSet<(String, String, String, bool)>,
}

fn type_family(declared: &str) -> String {
    let t = declared.to_ascii_lowercase();
    let family = if t.contains("int") {
        "integer"
    } else if t.contains("char") || t.contains("text") || t.contains("clob") {
        "text"
    } else if t.contains("real")
        || t.contains("double")
        || t.contains("float")
        || t.contains("numeric")
    {
        "real"
    } else if t.contains("blob") || t.contains("bytea") {
        "blob"
    } else if t.contains("bool") {
        "boolean"
    } else {
        "other"
    };
    family.to_owned()
}

async fn sqlite_schema(db: &Db) -> Schema {
    let pool = db.reader();
    let mut schema = Schema::default();
    let columns: Vec<(String, String, String, i64, i64)> = sqlx::query_as(
        "SELECT m.name, p.name, p.type, p.\"notnull\", p.pk FROM sqlite_master m \
         JOIN pragma_table_info(m.name) p WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'",
    )
    .fetch_all(pool)
    .await
    .unwrap();
    for (table, column, declared, not_null, pk) in columns {
        // SQLite lets a primary-key column hold NULL unless told otherwise; PostgreSQL never does.
        let nullable = not_null == 0 && pk == 0;
        if pk > 0 {
            schema.primary_keys.insert((table.clone(), column.clone()));
        }
        schema.columns.insert((table, column, type_family(&declared), nullable));
    }
    let fks: Vec<(String, String, String, String)> = sqlx::query_as(
        "SELECT m.name, fk.\"from\", fk.\"table\", fk.\"to\" FROM sqlite_master m \
         JOIN pragma_foreign_key_list(m.name) fk WHERE m.type = 'table'",
    )
    .fetch_all(pool)
    .await
    .unwrap();
    schema.foreign_keys.extend(fks);
    let indexes: Vec<(String, String, i64, String, i64, String)> = sqlx::query_as(
        "SELECT m.name, il.name, il.\"unique\", il.origin, ii.seqno, ii.name FROM sqlite_master m \
         JOIN pragma_index_list(m.name) il JOIN pragma_index_info(il.name) ii \
         WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' ORDER BY m.name, il.name, ii.seqno",
    )
    .fetch_all(pool)
    .await
    .unwrap();
    let mut grouped: std::collections::BTreeMap<(String, String, bool, String), Vec<String>> =
        Default::default();
    for (table, index, unique, origin, _, column) in indexes {
        grouped.entry((table, index, unique == 1, origin)).or_default().push(column);
    }
    for ((table, index, unique, origin), columns) in grouped {
        match origin.as_str() {
            "c" => {
                schema.indexes.insert((table, index, columns.join(","), unique));
            }
            "u" => {
                schema.uniques.insert((table, columns.join(",")));
            }
            _ => {}
        }
    }
    schema
}

async fn postgres_schema(db: &Db) -> Schema {
    let pool = db.reader();
    let mut schema = Schema::default();
    let columns: Vec<(String, String, String, String)> = sqlx::query_as(
        "SELECT table_name::text, column_name::text, data_type::text, is_nullable::text \
         FROM information_schema.columns WHERE table_schema = 'public'",
    )
    .fetch_all(pool)
    .await
    .unwrap();
    for (table, column, declared, nullable) in columns {
        schema.columns.insert((table, column, type_family(&declared), nullable == "YES"));
    }
    let keys: Vec<(String, String, String)> = sqlx::query_as(
        "SELECT tc.constraint_type::text, tc.table_name::text, \
         string_agg(kcu.column_name::text, ',' ORDER BY kcu.ordinal_position) \
         FROM information_schema.table_constraints tc \
         JOIN information_schema.key_column_usage kcu \
           ON kcu.constraint_name = tc.constraint_name AND kcu.table_schema = tc.table_schema \
         WHERE tc.table_schema = 'public' AND tc.constraint_type IN ('PRIMARY KEY', 'UNIQUE') \
         GROUP BY tc.constraint_type, tc.table_name, tc.constraint_name",
    )
    .fetch_all(pool)
    .await
    .unwrap();
    for (kind, table, columns) in keys {
        if kind == "PRIMARY KEY" {
            for column in columns.split(',') {
                schema.primary_keys.insert((table.clone(), column.to_owned()));
            }
        } else {
            schema.uniques.insert((table, columns));
        }
    }
    // Columns of composite keys paired by position, as SQLite lists them.
    let fks: Vec<(String, String, String, String)> = sqlx::query_as(
        "SELECT t.relname::text, a.attname::text, r.relname::text, ra.attname::text \
         FROM pg_constraint c \
         JOIN pg_class t ON t.oid = c.conrelid JOIN pg_class r ON r.oid = c.confrelid \
         CROSS JOIN LATERAL unnest(c.conkey, c.confkey) AS k(col, refcol) \
         JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.col \
         JOIN pg_attribute ra ON ra.attrelid = c.confrelid AND ra.attnum = k.refcol \
         WHERE c.contype = 'f' AND c.connamespace = 'public'::regnamespace",
    )
    .fetch_all(pool)
    .await
    .unwrap();
    schema.foreign_keys.extend(fks);
    // Indexes written with CREATE INDEX, not those PostgreSQL makes for constraints.
    let indexes: Vec<(String, String, String)> = sqlx::query_as(
        "SELECT i.tablename::text, i.indexname::text, i.indexdef::text FROM pg_indexes i \
         WHERE i.schemaname = 'public' AND NOT EXISTS (SELECT 1 FROM pg_constraint c \
           WHERE c.conname = i.indexname AND c.connamespace = 'public'::regnamespace)",
    )
    .fetch_all(pool)
    .await
    .unwrap();
    for (table, index, definition) in indexes {
        let unique = definition.starts_with("CREATE UNIQUE");
        let columns = definition
            .split_once(" USING btree (")
            .and_then(|(_, rest)| rest.split_once(')'))
            .map(|(cols, _)| cols.replace(' ', ""))
            .unwrap_or_default();
        schema.indexes.insert((table, index, columns, unique));
    }
    schema
}

#[tokio::test]
async fn the_sqlite_and_postgres_migrations_build_the_same_schema() {
    if !carryover_store::testing::postgres_enabled("schema parity") {
        return;
    }
    let sqlite = TestDatabase::create(Backend::Sqlite).await;
    let postgres = TestDatabase::create(Backend::Postgres).await;
    let sqlite_schema = sqlite_schema(&sqlite.migrated().await).await;
    let postgres_schema = postgres_schema(&postgres.migrated().await).await;
    assert!(!sqlite_schema.columns.is_empty(), "the schema was not read");
    let diff = |a: &BTreeSet<_>, b: &BTreeSet<_>| -> Vec<String> {
        a.symmetric_difference(b).map(|x| format!("{x:?}")).collect()
    };
    assert_eq!(
        diff(&sqlite_schema.columns, &postgres_schema.columns),
        Vec::<String>::new(),
        "columns"
    );
    assert_eq!(sqlite_schema.primary_keys, postgres_schema.primary_keys, "primary keys");
    assert_eq!(sqlite_schema.foreign_keys, postgres_schema.foreign_keys, "foreign keys");
    assert_eq!(sqlite_schema.uniques, postgres_schema.uniques, "unique constraints");
    assert_eq!(sqlite_schema.indexes, postgres_schema.indexes, "indexes");
}

#[tokio::test]
async fn the_bundled_sqlite_is_at_least_3_51_3() {
    let database = TestDatabase::create(Backend::Sqlite).await;
    let db = database.connect().await;
    let version: String =
        sqlx::query_scalar("SELECT sqlite_version()").fetch_one(db.reader()).await.unwrap();
    let parts: Vec<u32> = version.split('.').map(|p| p.parse().unwrap()).collect();
    assert!(parts >= vec![3, 51, 3], "bundled SQLite is {version}; 3.51.3 or newer is required");
}

/// WAL with foreign keys; `synchronous` is FULL when each commit flushes
/// the log itself, NORMAL when commits wait for a shared flush instead.
#[tokio::test]
async fn sqlite_runs_in_wal_mode_with_foreign_keys_and_a_flush_before_every_acknowledgement() {
    let database = TestDatabase::create(Backend::Sqlite).await;
    database.migrated().await.close().await;
    for (sync, expected) in [(SqliteSync::EachCommit, 2), (SqliteSync::Grouped, 1)] {
        let db = Db::connect_with(&database.options, sync).await.unwrap();
        let mut tx = db.begin_write().await.unwrap();
        let mode: String =
            sqlx::query_scalar("PRAGMA journal_mode").fetch_one(&mut *tx).await.unwrap();
        let level: i64 =
            sqlx::query_scalar("PRAGMA synchronous").fetch_one(&mut *tx).await.unwrap();
        let fk: i64 = sqlx::query_scalar("PRAGMA foreign_keys").fetch_one(&mut *tx).await.unwrap();
        tx.commit().await.unwrap();
        assert_eq!((mode.as_str(), level, fk), ("wal", expected, 1), "{sync:?}");
        let shared = if sync == SqliteSync::Grouped { 1 } else { 0 };
        assert_eq!(db.log_flushes(), shared, "{sync:?}: the commit waited for a shared flush");
        db.close().await;
    }
}
