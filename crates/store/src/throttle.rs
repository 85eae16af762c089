//! Counters of failed sign-ins, kept in the database so that every process
//! sharing it enforces the same limits.

use sqlx::{AnyConnection, FromRow};
use time::OffsetDateTime;

use crate::{StoreError, codec::At};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Throttle {
    pub failures: i64,
    pub window_started_at: OffsetDateTime,
    pub blocked_until: Option<OffsetDateTime>,
}

#[derive(FromRow)]
struct ThrottleRow {
    failures: i64,
    window_started_at: At,
    blocked_until: Option<At>,
}

pub async fn throttle(conn: &mut AnyConnection, key: &str) -> Result<Option<Throttle>, StoreError> {
    let row: Option<ThrottleRow> = sqlx::query_as(
        "SELECT failures, window_started_at, blocked_until FROM sign_in_throttle WHERE throttle_key = $1",
    )
    .bind(key)
    .fetch_optional(conn)
    .await?;
    Ok(row.map(|r| Throttle {
        failures: r.failures,
        window_started_at: r.window_started_at.0,
        blocked_until: r.blocked_until.map(|b| b.0),
    }))
}

pub async fn save_throttle(
    conn: &mut AnyConnection,
    key: &str,
    value: &Throttle,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO sign_in_throttle (throttle_key, failures, window_started_at, blocked_until) \
         VALUES ($1, $2, $3, $4) ON CONFLICT (throttle_key) DO UPDATE SET \
         failures = excluded.failures, window_started_at = excluded.window_started_at, \
         blocked_until = excluded.blocked_until",
    )
    .bind(key)
    .bind(value.failures)
    .bind(At(value.window_started_at))
    .bind(value.blocked_until.map(At))
    .execute(conn)
    .await?;
    Ok(())
}

pub async fn clear_throttle(conn: &mut AnyConnection, key: &str) -> Result<(), StoreError> {
    sqlx::query("DELETE FROM sign_in_throttle WHERE throttle_key = $1")
        .bind(key)
        .execute(conn)
        .await?;
    Ok(())
}
