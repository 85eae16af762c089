//! Single-use links to join Carryover or to reset a password, filed under
//! the clinic the link names.

use carryover_domain::code_enum;
use sqlx::{AnyConnection, FromRow};
use time::OffsetDateTime;
use uuid::Uuid;

use crate::{
    StoreError, WriteTx,
    codec::{At, Code, Id},
    people::{Account, PERSON_COLUMNS, PersonRow},
};

code_enum! {
    pub enum Purpose {
        Join = "join",
        Reset = "reset",
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
    tx: &mut WriteTx,
    new: &NewInvitation,
    now: OffsetDateTime,
) -> Result<Uuid, StoreError> {
    let invitation_id = Uuid::now_v7();
    sqlx::query(
        "INSERT INTO invitation (clinic_id, invitation_id, person_id, token_hash, purpose, created_by, \
         created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(Id(new.clinic_id))
    .bind(Id(invitation_id))
    .bind(Id(new.person_id))
    .bind(new.token_hash.as_str())
    .bind(Code(new.purpose))
    .bind(new.created_by.map(Id))
    .bind(At(now))
    .bind(At(new.expires_at))
    .execute(&mut **tx)
    .await?;
    Ok(invitation_id)
}

#[derive(Clone, Debug)]
pub struct OpenInvitation {
    pub invitation_id: Uuid,
    pub purpose: Purpose,
    pub account: Account,
}

#[derive(FromRow)]
struct InvitationRow {
    invitation_id: Id,
    purpose: Code<Purpose>,
    #[sqlx(flatten)]
    person: PersonRow,
}

/// An invitation that is unused, unexpired, and for an active person.
pub async fn open_invitation(
    conn: &mut AnyConnection,
    clinic_id: Uuid,
    token_hash: &str,
    now: OffsetDateTime,
) -> Result<Option<OpenInvitation>, StoreError> {
    let sql = format!(
        "SELECT i.invitation_id, i.purpose, {PERSON_COLUMNS} FROM invitation i \
         JOIN person p ON p.clinic_id = i.clinic_id AND p.person_id = i.person_id \
         WHERE i.clinic_id = $1 AND i.token_hash = $2 AND i.used_at IS NULL AND i.ended_at IS NULL \
         AND i.expires_at > $3 \
         AND p.is_active = 1"
    );
    Ok(sqlx::query_as::<_, InvitationRow>(sqlx::AssertSqlSafe(sql))
        .bind(Id(clinic_id))
        .bind(token_hash)
        .bind(At(now))
        .fetch_optional(conn)
        .await?
        .map(|row| OpenInvitation {
            invitation_id: row.invitation_id.0,
            purpose: row.purpose.0,
            account: row.person.into_account(),
        }))
}

/// Marks an invitation used; false when it was used already, which keeps it
/// single-use under races.
pub async fn use_invitation(
    tx: &mut WriteTx,
    clinic_id: Uuid,
    invitation_id: Uuid,
    now: OffsetDateTime,
) -> Result<bool, StoreError> {
    let done = sqlx::query(
        "UPDATE invitation SET used_at = $3 \
         WHERE clinic_id = $1 AND invitation_id = $2 AND used_at IS NULL AND ended_at IS NULL",
    )
    .bind(Id(clinic_id))
    .bind(Id(invitation_id))
    .bind(At(now))
    .execute(&mut **tx)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Ends every open link of a person for one purpose but `keep`: a new link,
/// or one just used, makes the older ones stop working.
pub async fn end_other_invitations(
    tx: &mut WriteTx,
    clinic_id: Uuid,
    person_id: Uuid,
    purpose: Purpose,
    keep: Uuid,
    now: OffsetDateTime,
) -> Result<u64, StoreError> {
    let done = sqlx::query(
        "UPDATE invitation SET ended_at = $5 WHERE clinic_id = $1 AND person_id = $2 AND purpose = $3 \
         AND invitation_id <> $4 AND used_at IS NULL AND ended_at IS NULL",
    )
    .bind(Id(clinic_id))
    .bind(Id(person_id))
    .bind(Code(purpose))
    .bind(Id(keep))
    .bind(At(now))
    .execute(&mut **tx)
    .await?;
    Ok(done.rows_affected())
}
