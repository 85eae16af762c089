//! The query planner's statistics.
//!
//! Without them SQLite guesses how selective an index is, and at clinic
//! scale it guessed wrong: a caregiver's list of children walked every
//! household membership of the clinic (2,000 households) instead of the one
//! person's, 0.7 ms where 12 µs will do (issue 15). PostgreSQL's autovacuum
//! analyses tables as they change, but not a table nobody has analysed since
//! a bulk load: `carryover generate` ends with a fresh database.

use sqlx::Executor;

use crate::{Backend, Db, StoreError};

/// SQLite: analyse every table with an index that has no statistics yet,
/// or that grew or shrank tenfold since it was analysed (`0x10000`: every
/// table, not only those this connection used), sampling 400 rows of each
/// index. The bundled SQLite keeps STAT4 samples, so it still counts every
/// index entry: 1.7 s on a 2 GB clinic file in memory, 22 s read cold, all
/// under the write lock. Hence once, before the server listens.
const SQLITE_OPTIMIZE: &str = "PRAGMA analysis_limit = 400; PRAGMA optimize = 0x10002";

/// PostgreSQL: the tables of this schema without any statistics.
const POSTGRES_UNANALYSED: &str = "SELECT c.relname::text FROM pg_class c \
     JOIN pg_namespace n ON n.oid = c.relnamespace \
     WHERE c.relkind = 'r' AND n.nspname = current_schema() \
     AND NOT EXISTS (SELECT 1 FROM pg_statistic s WHERE s.starelid = c.oid)";

impl Db {
    /// Gives the query planner statistics where they are missing or stale:
    /// `serve` runs it before it listens, `generate` after a bulk load. A
    /// no-op when every table was analysed and none grew tenfold since.
    pub async fn optimize(&self) -> Result<(), StoreError> {
        match self.backend() {
            Backend::Sqlite => {
                self.writer().execute(SQLITE_OPTIMIZE).await?;
            }
            Backend::Postgres => {
                let tables: Vec<(String,)> =
                    sqlx::query_as(POSTGRES_UNANALYSED).fetch_all(self.writer()).await?;
                for (table,) in &tables {
                    // A name read from the catalog, quoted as an identifier.
                    let sql = format!("ANALYZE \"{}\"", table.replace('"', "\"\""));
                    self.writer().execute(sqlx::AssertSqlSafe(sql)).await?;
                }
            }
        }
        Ok(())
    }
}
