//! Server-side sign-in sessions, filed under the clinic the cookie names.
//! Only a hash of the cookie's secret is stored.

use sqlx::{AnyConnection, FromRow};
use time::OffsetDateTime;
use uuid::Uuid;

use crate::{
    StoreError, WriteTx,
    codec::{At, Flag, Id},
    grant::Actor,
    people::{Account, PERSON_COLUMNS, Person, PersonRow},
};

#[derive(Clone, Debug)]
pub struct SessionInfo {
    pub created_at: OffsetDateTime,
    /// The person's clinic's time zone (IANA name), for every date shown.
    pub clinic_time_zone: String,
    pub last_seen_at: OffsetDateTime,
    pub person: Person,
    pub actor: Actor,
    /// The clinic requires staff to have a second factor.
    pub clinic_requires_second_factor: bool,
    /// The person has a confirmed second factor.
    pub has_second_factor: bool,
}

pub async fn insert_session(
    tx: &mut WriteTx,
    actor: &Actor,
    token_hash: &str,
    now: OffsetDateTime,
) -> Result<(), StoreError> {
    insert(tx, actor, token_hash, now, false).await
}

/// A session that opens nothing until its second factor is passed.
pub async fn insert_session_awaiting_code(
    tx: &mut WriteTx,
    actor: &Actor,
    token_hash: &str,
    now: OffsetDateTime,
) -> Result<(), StoreError> {
    insert(tx, actor, token_hash, now, true).await
}

async fn insert(
    tx: &mut WriteTx,
    actor: &Actor,
    token_hash: &str,
    now: OffsetDateTime,
    awaiting_code: bool,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO login_session (clinic_id, token_hash, person_id, created_at, last_seen_at, awaiting_code) \
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(Id(actor.clinic_id()))
    .bind(token_hash)
    .bind(Id(actor.person_id()))
    .bind(At(now))
    .bind(At(now))
    .bind(Flag(awaiting_code))
    .execute(&mut **tx)
    .await?;
    Ok(())
}

#[derive(FromRow)]
struct SessionRow {
    created_at: At,
    time_zone: String,
    last_seen_at: At,
    require_second_factor: Flag,
    enrolled: i64,
    #[sqlx(flatten)]
    person: PersonRow,
}

/// A session that has not been ended, of an active person, that passed
/// sign-in whole. Expiry by time is the caller's rule to apply.
pub async fn live_session(
    conn: &mut AnyConnection,
    clinic_id: Uuid,
    token_hash: &str,
) -> Result<Option<SessionInfo>, StoreError> {
    session_where(conn, clinic_id, token_hash, false).await
}

/// A session made by the password step, waiting for its second factor.
pub async fn session_awaiting_code(
    conn: &mut AnyConnection,
    clinic_id: Uuid,
    token_hash: &str,
) -> Result<Option<SessionInfo>, StoreError> {
    session_where(conn, clinic_id, token_hash, true).await
}

async fn session_where(
    conn: &mut AnyConnection,
    clinic_id: Uuid,
    token_hash: &str,
    awaiting_code: bool,
) -> Result<Option<SessionInfo>, StoreError> {
    let sql = format!(
        "SELECT s.created_at, s.last_seen_at, c.time_zone, c.require_second_factor, \
         (SELECT COUNT(*) FROM second_factor f WHERE f.clinic_id = s.clinic_id \
           AND f.person_id = s.person_id AND f.confirmed_at IS NOT NULL) AS enrolled, \
         {PERSON_COLUMNS} FROM login_session s \
         JOIN person p ON p.clinic_id = s.clinic_id AND p.person_id = s.person_id \
         JOIN clinic c ON c.clinic_id = s.clinic_id \
         WHERE s.clinic_id = $1 AND s.token_hash = $2 AND s.ended_at IS NULL AND p.is_active = 1 \
         AND s.awaiting_code = $3"
    );
    let row = sqlx::query_as::<_, SessionRow>(sqlx::AssertSqlSafe(sql))
        .bind(Id(clinic_id))
        .bind(token_hash)
        .bind(Flag(awaiting_code))
        .fetch_optional(conn)
        .await?;
    Ok(row.and_then(|row| {
        let account: Account = row.person.into_account();
        let actor = account.actor()?;
        Some(SessionInfo {
            created_at: row.created_at.0,
            clinic_time_zone: row.time_zone,
            last_seen_at: row.last_seen_at.0,
            person: account.person,
            actor,
            clinic_requires_second_factor: row.require_second_factor.0,
            has_second_factor: row.enrolled > 0,
        })
    }))
}

pub async fn touch_session(
    tx: &mut WriteTx,
    clinic_id: Uuid,
    token_hash: &str,
    now: OffsetDateTime,
) -> Result<(), StoreError> {
    sqlx::query(
        "UPDATE login_session SET last_seen_at = $3 WHERE clinic_id = $1 AND token_hash = $2",
    )
    .bind(Id(clinic_id))
    .bind(token_hash)
    .bind(At(now))
    .execute(&mut **tx)
    .await?;
    Ok(())
}

pub async fn end_session(
    tx: &mut WriteTx,
    clinic_id: Uuid,
    token_hash: &str,
    now: OffsetDateTime,
) -> Result<(), StoreError> {
    sqlx::query(
        "UPDATE login_session SET ended_at = $3 WHERE clinic_id = $1 AND token_hash = $2 AND ended_at IS NULL",
    )
    .bind(Id(clinic_id))
    .bind(token_hash)
    .bind(At(now))
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Ends every session of a person: password change, reset, deactivation.
pub async fn end_all_sessions(
    tx: &mut WriteTx,
    clinic_id: Uuid,
    person_id: Uuid,
    now: OffsetDateTime,
) -> Result<u64, StoreError> {
    let done = sqlx::query(
        "UPDATE login_session SET ended_at = $3 WHERE clinic_id = $1 AND person_id = $2 AND ended_at IS NULL",
    )
    .bind(Id(clinic_id))
    .bind(Id(person_id))
    .bind(At(now))
    .execute(&mut **tx)
    .await?;
    Ok(done.rows_affected())
}
