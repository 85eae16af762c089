//! Personal access tokens for the JSON API, filed under the clinic the token
//! names. Only a hash of the secret is stored.

use sqlx::{AnyConnection, FromRow};
use time::OffsetDateTime;
use uuid::Uuid;

use crate::{
    StoreError, WriteTx,
    codec::{At, Id},
    grant::Actor,
    people::{Account, PERSON_COLUMNS, Person, PersonRow},
};

#[derive(Clone, Debug)]
pub struct NewApiToken {
    pub name: String,
    pub token_hash: String,
    pub expires_at: OffsetDateTime,
}

/// A token as its owner sees it in their list (never the secret).
#[derive(Clone, Debug, PartialEq, Eq, FromRow)]
pub struct ApiToken {
    pub api_token_id: Id,
    pub name: String,
    pub created_at: At,
    pub expires_at: At,
    pub last_used_at: Option<At>,
    pub revoked_at: Option<At>,
}

pub async fn insert_token(
    tx: &mut WriteTx,
    actor: &Actor,
    new: &NewApiToken,
    now: OffsetDateTime,
) -> Result<ApiToken, StoreError> {
    let id = Uuid::now_v7();
    sqlx::query(
        "INSERT INTO api_token (clinic_id, api_token_id, person_id, name, token_hash, created_at, expires_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(Id(actor.clinic_id()))
    .bind(Id(id))
    .bind(Id(actor.person_id()))
    .bind(new.name.as_str())
    .bind(new.token_hash.as_str())
    .bind(At(now))
    .bind(At(new.expires_at))
    .execute(&mut **tx)
    .await?;
    Ok(ApiToken {
        api_token_id: Id(id),
        name: new.name.clone(),
        created_at: At(now),
        expires_at: At(new.expires_at),
        last_used_at: None,
        revoked_at: None,
    })
}

/// The actor's own tokens, newest first.
pub async fn tokens_of(
    conn: &mut AnyConnection,
    actor: &Actor,
) -> Result<Vec<ApiToken>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT api_token_id, name, created_at, expires_at, last_used_at, revoked_at FROM api_token \
         WHERE clinic_id = $1 AND person_id = $2 ORDER BY api_token_id DESC",
    )
    .bind(Id(actor.clinic_id()))
    .bind(Id(actor.person_id()))
    .fetch_all(conn)
    .await?)
}

/// Revokes one of the actor's own tokens; false when it is not theirs or
/// was revoked already.
pub async fn revoke_token(
    tx: &mut WriteTx,
    actor: &Actor,
    api_token_id: Uuid,
    now: OffsetDateTime,
) -> Result<bool, StoreError> {
    let done = sqlx::query(
        "UPDATE api_token SET revoked_at = $4 WHERE clinic_id = $1 AND person_id = $2 \
         AND api_token_id = $3 AND revoked_at IS NULL",
    )
    .bind(Id(actor.clinic_id()))
    .bind(Id(actor.person_id()))
    .bind(Id(api_token_id))
    .bind(At(now))
    .execute(&mut **tx)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Revokes every token of a person: deactivation, a password reset.
pub async fn revoke_all_tokens(
    tx: &mut WriteTx,
    clinic_id: Uuid,
    person_id: Uuid,
    now: OffsetDateTime,
) -> Result<u64, StoreError> {
    let done = sqlx::query(
        "UPDATE api_token SET revoked_at = $3 WHERE clinic_id = $1 AND person_id = $2 AND revoked_at IS NULL",
    )
    .bind(Id(clinic_id))
    .bind(Id(person_id))
    .bind(At(now))
    .execute(&mut **tx)
    .await?;
    Ok(done.rows_affected())
}

/// A live token: unrevoked, unexpired, of an active person.
#[derive(Clone, Debug)]
pub struct LiveToken {
    pub api_token_id: Uuid,
    pub last_used_at: Option<OffsetDateTime>,
    pub clinic_time_zone: String,
    pub person: Person,
    pub actor: Actor,
}

#[derive(FromRow)]
struct LiveRow {
    api_token_id: Id,
    last_used_at: Option<At>,
    time_zone: String,
    #[sqlx(flatten)]
    person: PersonRow,
}

pub async fn live_token(
    conn: &mut AnyConnection,
    clinic_id: Uuid,
    token_hash: &str,
    now: OffsetDateTime,
) -> Result<Option<LiveToken>, StoreError> {
    let sql = format!(
        "SELECT t.api_token_id, t.last_used_at, c.time_zone, {PERSON_COLUMNS} FROM api_token t \
         JOIN person p ON p.clinic_id = t.clinic_id AND p.person_id = t.person_id \
         JOIN clinic c ON c.clinic_id = t.clinic_id \
         WHERE t.clinic_id = $1 AND t.token_hash = $2 AND t.revoked_at IS NULL AND t.expires_at > $3 \
         AND p.is_active = 1"
    );
    let row = sqlx::query_as::<_, LiveRow>(sqlx::AssertSqlSafe(sql))
        .bind(Id(clinic_id))
        .bind(token_hash)
        .bind(At(now))
        .fetch_optional(conn)
        .await?;
    Ok(row.and_then(|row| {
        let account: Account = row.person.into_account();
        let actor = account.actor()?;
        Some(LiveToken {
            api_token_id: row.api_token_id.0,
            last_used_at: row.last_used_at.map(|a| a.0),
            clinic_time_zone: row.time_zone,
            person: account.person,
            actor,
        })
    }))
}

pub async fn touch_token(
    tx: &mut WriteTx,
    clinic_id: Uuid,
    api_token_id: Uuid,
    now: OffsetDateTime,
) -> Result<(), StoreError> {
    sqlx::query(
        "UPDATE api_token SET last_used_at = $3 WHERE clinic_id = $1 AND api_token_id = $2",
    )
    .bind(Id(clinic_id))
    .bind(Id(api_token_id))
    .bind(At(now))
    .execute(&mut **tx)
    .await?;
    Ok(())
}
