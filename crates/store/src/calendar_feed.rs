//! Calendar feed links (issue 12 part C): at most one live link per person,
//! filed under the clinic the link names. Only a hash of the secret is stored.

use sqlx::{AnyConnection, FromRow};
use time::OffsetDateTime;
use uuid::Uuid;

use crate::{
    StoreError, WriteTx,
    codec::{At, Id},
    grant::Actor,
    people::{Account, PERSON_COLUMNS, Person, PersonRow},
};

/// A person's live link, as their settings page shows it (never the secret).
#[derive(Clone, Debug, PartialEq, Eq, FromRow)]
pub struct CalendarFeed {
    pub calendar_feed_id: Id,
    pub created_at: At,
}

/// The actor's live link, if any.
pub async fn live_feed_of(
    conn: &mut AnyConnection,
    actor: &Actor,
) -> Result<Option<CalendarFeed>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT calendar_feed_id, created_at FROM calendar_feed \
         WHERE clinic_id = $1 AND person_id = $2 AND revoked_at IS NULL",
    )
    .bind(Id(actor.clinic_id()))
    .bind(Id(actor.person_id()))
    .fetch_optional(conn)
    .await?)
}

/// Revokes the actor's live link; the id of the one revoked, if there was one.
pub async fn revoke_feed(
    tx: &mut WriteTx,
    actor: &Actor,
    now: OffsetDateTime,
) -> Result<Option<Uuid>, StoreError> {
    let Some(live) = live_feed_of(tx, actor).await? else { return Ok(None) };
    sqlx::query(
        "UPDATE calendar_feed SET revoked_at = $3 WHERE clinic_id = $1 AND calendar_feed_id = $2 \
         AND revoked_at IS NULL",
    )
    .bind(Id(actor.clinic_id()))
    .bind(live.calendar_feed_id)
    .bind(At(now))
    .execute(&mut **tx)
    .await?;
    Ok(Some(live.calendar_feed_id.0))
}

/// Adds a live link; the caller revokes the old one first (one live per person).
pub async fn insert_feed(
    tx: &mut WriteTx,
    actor: &Actor,
    token_hash: &str,
    now: OffsetDateTime,
) -> Result<CalendarFeed, StoreError> {
    let id = Uuid::now_v7();
    sqlx::query(
        "INSERT INTO calendar_feed (clinic_id, calendar_feed_id, person_id, token_hash, created_at) \
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(Id(actor.clinic_id()))
    .bind(Id(id))
    .bind(Id(actor.person_id()))
    .bind(token_hash)
    .bind(At(now))
    .execute(&mut **tx)
    .await?;
    Ok(CalendarFeed { calendar_feed_id: Id(id), created_at: At(now) })
}

/// The owner of a live link: unrevoked, of an active person.
#[derive(Clone, Debug)]
pub struct FeedOwner {
    pub calendar_feed_id: Uuid,
    pub clinic_time_zone: String,
    pub person: Person,
    pub actor: Actor,
}

#[derive(FromRow)]
struct OwnerRow {
    calendar_feed_id: Id,
    time_zone: String,
    #[sqlx(flatten)]
    person: PersonRow,
}

/// Who a link belongs to, read afresh on every fetch: a revoked link, or one
/// of a deactivated person, finds nobody.
pub async fn feed_owner(
    conn: &mut AnyConnection,
    clinic_id: Uuid,
    token_hash: &str,
) -> Result<Option<FeedOwner>, StoreError> {
    let sql = format!(
        "SELECT f.calendar_feed_id, c.time_zone, {PERSON_COLUMNS} FROM calendar_feed f \
         JOIN person p ON p.clinic_id = f.clinic_id AND p.person_id = f.person_id \
         JOIN clinic c ON c.clinic_id = f.clinic_id \
         WHERE f.clinic_id = $1 AND f.token_hash = $2 AND f.revoked_at IS NULL AND p.is_active = 1"
    );
    let row = sqlx::query_as::<_, OwnerRow>(sqlx::AssertSqlSafe(sql))
        .bind(Id(clinic_id))
        .bind(token_hash)
        .fetch_optional(conn)
        .await?;
    Ok(row.and_then(|row| {
        let account: Account = row.person.into_account();
        let actor = account.actor()?;
        Some(FeedOwner {
            calendar_feed_id: row.calendar_feed_id.0,
            clinic_time_zone: row.time_zone,
            person: account.person,
            actor,
        })
    }))
}
