//! Server-side sign-in sessions. Only a hash of the cookie value is stored.

use sqlx::{AnyConnection, FromRow};
use time::OffsetDateTime;
use uuid::Uuid;

use crate::{
    StoreError,
    people::{PERSON_COLUMNS, Person, PersonRow},
    time_text,
};

#[derive(Clone, Debug)]
pub struct SessionInfo {
    pub token_hash: String,
    pub created_at: OffsetDateTime,
    pub last_seen_at: OffsetDateTime,
    pub person: Person,
}

pub async fn insert_session(
    conn: &mut AnyConnection,
    token_hash: &str,
    person: &Person,
    now: OffsetDateTime,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO login_session (token_hash, person_id, clinic_id, created_at, last_seen_at) \
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(token_hash)
    .bind(person.person_id.to_string())
    .bind(person.clinic_id.to_string())
    .bind(time_text::to_text(now))
    .bind(time_text::to_text(now))
    .execute(conn)
    .await?;
    Ok(())
}

#[derive(FromRow)]
struct SessionRow {
    token_hash: String,
    created_at: String,
    last_seen_at: String,
    #[sqlx(flatten)]
    person: PersonRow,
}

/// A session that has not been ended, with its active person. Expiry by time
/// is the caller's rule to apply.
pub async fn live_session(
    conn: &mut AnyConnection,
    token_hash: &str,
) -> Result<Option<SessionInfo>, StoreError> {
    let sql = format!(
        "SELECT s.token_hash, s.created_at, s.last_seen_at, {PERSON_COLUMNS} FROM login_session s \
         JOIN person p ON p.person_id = s.person_id \
         WHERE s.token_hash = $1 AND s.ended_at IS NULL AND p.is_active = 1"
    );
    let Some(row) = sqlx::query_as::<_, SessionRow>(sqlx::AssertSqlSafe(sql))
        .bind(token_hash)
        .fetch_optional(conn)
        .await?
    else {
        return Ok(None);
    };
    Ok(Some(SessionInfo {
        token_hash: row.token_hash,
        created_at: time_text::from_text(&row.created_at)?,
        last_seen_at: time_text::from_text(&row.last_seen_at)?,
        person: row.person.into_person()?.0,
    }))
}

pub async fn touch_session(
    conn: &mut AnyConnection,
    token_hash: &str,
    now: OffsetDateTime,
) -> Result<(), StoreError> {
    sqlx::query("UPDATE login_session SET last_seen_at = $1 WHERE token_hash = $2")
        .bind(time_text::to_text(now))
        .bind(token_hash)
        .execute(conn)
        .await?;
    Ok(())
}

pub async fn end_session(
    conn: &mut AnyConnection,
    token_hash: &str,
    now: OffsetDateTime,
) -> Result<(), StoreError> {
    sqlx::query(
        "UPDATE login_session SET ended_at = $1 WHERE token_hash = $2 AND ended_at IS NULL",
    )
    .bind(time_text::to_text(now))
    .bind(token_hash)
    .execute(conn)
    .await?;
    Ok(())
}

/// Ends every session of a person: sign-out everywhere, password change, deactivation.
pub async fn end_all_sessions(
    conn: &mut AnyConnection,
    person_id: Uuid,
    now: OffsetDateTime,
) -> Result<u64, StoreError> {
    let done = sqlx::query(
        "UPDATE login_session SET ended_at = $1 WHERE person_id = $2 AND ended_at IS NULL",
    )
    .bind(time_text::to_text(now))
    .bind(person_id.to_string())
    .execute(conn)
    .await?;
    Ok(done.rows_affected())
}
