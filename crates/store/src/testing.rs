//! Fresh databases for tests, in this crate and the others: a SQLite file in
//! a temporary folder, or a new PostgreSQL database created from
//! `CARRYOVER_TEST_POSTGRES_URL` and dropped afterwards.

use sqlx::{AnyConnection, Connection, Executor};
use uuid::Uuid;

use crate::{Backend, Db, DbOptions};

pub const POSTGRES_URL_VAR: &str = "CARRYOVER_TEST_POSTGRES_URL";

/// Whether PostgreSQL tests run. Without the variable they are skipped and
/// say so, except under CI, where skipping would hide a failure.
pub fn postgres_enabled(test: &str) -> bool {
    if std::env::var(POSTGRES_URL_VAR).is_ok_and(|v| !v.is_empty()) {
        return true;
    }
    assert!(
        std::env::var("CI").is_err(),
        "{test}: CI is set, so PostgreSQL tests must run: set {POSTGRES_URL_VAR}"
    );
    eprintln!("skipped {test} on PostgreSQL: set {POSTGRES_URL_VAR} to run it");
    false
}

/// Runs each named `async fn(Backend)` once per database, as
/// `<name>::on_sqlite` and `<name>::on_postgres`.
#[macro_export]
macro_rules! on_both_databases {
    ($($test:ident),* $(,)?) => {$(
        mod $test {
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn on_sqlite() {
                super::$test($crate::Backend::Sqlite).await
            }
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn on_postgres() {
                if $crate::testing::postgres_enabled(concat!(module_path!())) {
                    super::$test($crate::Backend::Postgres).await
                }
            }
        }
    )*};
}

/// A database that exists for one test.
pub struct TestDatabase {
    pub options: DbOptions,
    _dir: Option<tempfile::TempDir>,
    postgres: Option<(String, String)>,
}

impl TestDatabase {
    pub async fn create(backend: Backend) -> TestDatabase {
        match backend {
            Backend::Sqlite => {
                let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("temp dir: {e}"));
                let path = dir.path().join("carryover.db");
                TestDatabase {
                    options: DbOptions::Sqlite { path },
                    _dir: Some(dir),
                    postgres: None,
                }
            }
            Backend::Postgres => {
                crate::db::install_drivers_for_tests();
                let admin_url = std::env::var(POSTGRES_URL_VAR)
                    .unwrap_or_else(|_| panic!("{POSTGRES_URL_VAR} is not set"));
                let name = format!("carryover_test_{}", Uuid::now_v7().simple());
                let mut admin = AnyConnection::connect(&admin_url)
                    .await
                    .unwrap_or_else(|e| panic!("cannot reach {POSTGRES_URL_VAR}: {e}"));
                admin
                    .execute(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
                    .await
                    .unwrap_or_else(|e| panic!("create database {name}: {e}"));
                let _ = admin.close().await;
                let url = with_database(&admin_url, &name);
                TestDatabase {
                    options: DbOptions::Postgres { url },
                    _dir: None,
                    postgres: Some((admin_url, name)),
                }
            }
        }
    }

    pub fn backend(&self) -> Backend {
        match self.options {
            DbOptions::Sqlite { .. } => Backend::Sqlite,
            DbOptions::Postgres { .. } => Backend::Postgres,
        }
    }

    pub async fn connect(&self) -> Db {
        Db::connect(&self.options).await.unwrap_or_else(|e| panic!("connect: {e:?}"))
    }

    pub async fn migrated(&self) -> Db {
        let db = self.connect().await;
        db.migrate().await.unwrap_or_else(|e| panic!("migrate: {e:?}"));
        db
    }
}

/// Replaces the database name in a PostgreSQL URL, keeping any query string.
pub fn with_database(url: &str, name: &str) -> String {
    let (base, query) = url.split_once('?').map_or((url, None), |(b, q)| (b, Some(q)));
    let scheme_end = base.find("://").map_or(0, |i| i + 3);
    let path_start = base[scheme_end..].find('/').map_or(base.len(), |i| scheme_end + i);
    let mut out = format!("{}/{}", &base[..path_start], name);
    if let Some(query) = query {
        out.push('?');
        out.push_str(query);
    }
    out
}

impl Drop for TestDatabase {
    fn drop(&mut self) {
        let Some((admin_url, name)) = self.postgres.take() else {
            return;
        };
        // Drop runs outside any async context we can rely on: use a thread with its own runtime.
        let _ = std::thread::spawn(move || {
            let Ok(runtime) = tokio::runtime::Builder::new_current_thread().enable_all().build()
            else {
                return;
            };
            runtime.block_on(async move {
                if let Ok(mut admin) = AnyConnection::connect(&admin_url).await {
                    let sql = format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)");
                    let _ = admin.execute(sqlx::AssertSqlSafe(sql)).await;
                    let _ = admin.close().await;
                }
            });
        })
        .join();
    }
}
