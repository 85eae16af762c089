//! Single-use links to join Carryover or to reset a password.

use sqlx::{AnyConnection, FromRow};
use time::OffsetDateTime;
use uuid::Uuid;

use crate::{
    StoreError,
    clinic::parse_id,
    people::{PERSON_COLUMNS, Person, PersonRow},
    time_text,
};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Purpose {
    Join,
    Reset,
}

impl Purpose {
    fn as_str(self) -> &'static str {
        match self {
            Purpose::Join => "join",
            Purpose::Reset => "reset",
        }
    }
}

#[derive(Clone, Debug)]
pub struct NewInvitation {
    pub clinic_id: Uuid,
    pub person_id: Uuid,
    pub token_hash: String,
    pub purpose: Purpose,
    pub created_by: Option<Uuid>,
    pub expires_at: OffsetDateTime,
}

pub async fn insert_invitation(
    conn: &mut AnyConnection,
    new: &NewInvitation,
    now: OffsetDateTime,
) -> Result<Uuid, StoreError> {
    let invitation_id = Uuid::now_v7();
    sqlx::query(
        "INSERT INTO invitation (invitation_id, clinic_id, person_id, token_hash, purpose, created_by, \
         created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(invitation_id.to_string())
    .bind(new.clinic_id.to_string())
    .bind(new.person_id.to_string())
    .bind(new.token_hash.as_str())
    .bind(new.purpose.as_str())
    .bind(new.created_by.map(|id| id.to_string()))
    .bind(time_text::to_text(now))
    .bind(time_text::to_text(new.expires_at))
    .execute(conn)
    .await?;
    Ok(invitation_id)
}

#[derive(Clone, Debug)]
pub struct OpenInvitation {
    pub invitation_id: Uuid,
    pub purpose: Purpose,
    pub person: Person,
}

#[derive(FromRow)]
struct InvitationRow {
    invitation_id: String,
    purpose: String,
    #[sqlx(flatten)]
    person: PersonRow,
}

/// An invitation that is unused, unexpired, and for an active person.
pub async fn open_invitation(
    conn: &mut AnyConnection,
    token_hash: &str,
    now: OffsetDateTime,
) -> Result<Option<OpenInvitation>, StoreError> {
    let sql = format!(
        "SELECT i.invitation_id, i.purpose, {PERSON_COLUMNS} FROM invitation i \
         JOIN person p ON p.person_id = i.person_id \
         WHERE i.token_hash = $1 AND i.used_at IS NULL AND i.expires_at > $2 AND p.is_active = 1"
    );
    let Some(row) = sqlx::query_as::<_, InvitationRow>(sqlx::AssertSqlSafe(sql))
        .bind(token_hash)
        .bind(time_text::to_text(now))
        .fetch_optional(conn)
        .await?
    else {
        return Ok(None);
    };
    Ok(Some(OpenInvitation {
        invitation_id: parse_id(&row.invitation_id)?,
        purpose: if row.purpose == "reset" { Purpose::Reset } else { Purpose::Join },
        person: row.person.into_person()?.0,
    }))
}

/// Marks an invitation used. False when another request used it first:
/// the `used_at IS NULL` condition makes the link single-use under races.
pub async fn use_invitation(
    conn: &mut AnyConnection,
    invitation_id: Uuid,
    now: OffsetDateTime,
) -> Result<bool, StoreError> {
    let done = sqlx::query(
        "UPDATE invitation SET used_at = $1 WHERE invitation_id = $2 AND used_at IS NULL",
    )
    .bind(time_text::to_text(now))
    .bind(invitation_id.to_string())
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}
