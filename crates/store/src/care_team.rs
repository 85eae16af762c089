//! A child's therapists, and a therapist's caseload. Changes take a
//! [`WritableGrant`]: a discharged child's team is kept as it was.

use sqlx::{AnyConnection, FromRow};
use time::OffsetDateTime;
use uuid::Uuid;

use crate::{
    StoreError, WriteTx,
    codec::{At, Flag, Id},
    grant::{Actor, ChildGrant, WritableGrant},
};

/// An active therapist of the clinic, to choose from.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Therapist {
    pub person_id: Uuid,
    pub display_name: String,
}

/// The clinic's active therapists, by name.
pub async fn active_therapists(
    conn: &mut AnyConnection,
    clinic_id: Uuid,
) -> Result<Vec<Therapist>, StoreError> {
    let rows: Vec<(Id, String)> = sqlx::query_as(
        "SELECT person_id, display_name FROM person \
         WHERE clinic_id = $1 AND role = 'therapist' AND is_active = 1 \
         ORDER BY display_name, person_id",
    )
    .bind(Id(clinic_id))
    .fetch_all(conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(id, name)| Therapist { person_id: id.0, display_name: name })
        .collect())
}

/// Whether `therapist_id` is on the child's team.
pub async fn is_member(
    conn: &mut AnyConnection,
    grant: &ChildGrant,
    therapist_id: Uuid,
) -> Result<bool, StoreError> {
    let found: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM care_team_member WHERE clinic_id = $1 AND child_id = $2 AND person_id = $3",
    )
    .bind(Id(grant.clinic_id()))
    .bind(Id(grant.child_id()))
    .bind(Id(therapist_id))
    .fetch_one(conn)
    .await?;
    Ok(found > 0)
}

/// How many active therapists the child's team has.
pub async fn active_members(
    conn: &mut AnyConnection,
    grant: &ChildGrant,
) -> Result<i64, StoreError> {
    Ok(sqlx::query_scalar(
        "SELECT COUNT(*) FROM care_team_member t \
         JOIN person p ON p.clinic_id = t.clinic_id AND p.person_id = t.person_id \
         WHERE t.clinic_id = $1 AND t.child_id = $2 AND p.is_active = 1 AND p.role = 'therapist'",
    )
    .bind(Id(grant.clinic_id()))
    .bind(Id(grant.child_id()))
    .fetch_one(conn)
    .await?)
}

/// Adds a therapist to the team (not primary). A therapist already on it is a
/// conflict on `care_team_member_pkey`.
pub async fn add(
    tx: &mut WriteTx,
    grant: &WritableGrant,
    therapist_id: Uuid,
    now: OffsetDateTime,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO care_team_member (clinic_id, child_id, person_id, is_primary, created_at) \
         VALUES ($1, $2, $3, 0, $4)",
    )
    .bind(Id(grant.clinic_id()))
    .bind(Id(grant.child_id()))
    .bind(Id(therapist_id))
    .bind(At(now))
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Takes a therapist off the team; true when they were on it.
pub async fn remove(
    tx: &mut WriteTx,
    grant: &WritableGrant,
    therapist_id: Uuid,
) -> Result<bool, StoreError> {
    let done = sqlx::query(
        "DELETE FROM care_team_member WHERE clinic_id = $1 AND child_id = $2 AND person_id = $3",
    )
    .bind(Id(grant.clinic_id()))
    .bind(Id(grant.child_id()))
    .bind(Id(therapist_id))
    .execute(&mut **tx)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Makes a member of the team its primary therapist (and no one else).
pub async fn set_primary(
    tx: &mut WriteTx,
    grant: &WritableGrant,
    therapist_id: Uuid,
) -> Result<(), StoreError> {
    // Two statements, clearing first: the unique index allows one primary at a time.
    sqlx::query(
        "UPDATE care_team_member SET is_primary = 0 WHERE clinic_id = $1 AND child_id = $2 AND person_id <> $3",
    )
    .bind(Id(grant.clinic_id()))
    .bind(Id(grant.child_id()))
    .bind(Id(therapist_id))
    .execute(&mut **tx)
    .await?;
    sqlx::query(
        "UPDATE care_team_member SET is_primary = 1 WHERE clinic_id = $1 AND child_id = $2 AND person_id = $3",
    )
    .bind(Id(grant.clinic_id()))
    .bind(Id(grant.child_id()))
    .bind(Id(therapist_id))
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Gives a team without a primary one: its longest-standing active therapist.
pub async fn ensure_primary(tx: &mut WriteTx, grant: &WritableGrant) -> Result<(), StoreError> {
    let has: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM care_team_member t JOIN person p ON p.clinic_id = t.clinic_id \
         AND p.person_id = t.person_id WHERE t.clinic_id = $1 AND t.child_id = $2 \
         AND t.is_primary = 1 AND p.is_active = 1",
    )
    .bind(Id(grant.clinic_id()))
    .bind(Id(grant.child_id()))
    .fetch_one(&mut **tx)
    .await?;
    if has > 0 {
        return Ok(());
    }
    let next: Option<Id> = sqlx::query_scalar(
        "SELECT t.person_id FROM care_team_member t JOIN person p ON p.clinic_id = t.clinic_id \
         AND p.person_id = t.person_id WHERE t.clinic_id = $1 AND t.child_id = $2 AND p.is_active = 1 \
         ORDER BY t.created_at, t.person_id LIMIT 1",
    )
    .bind(Id(grant.clinic_id()))
    .bind(Id(grant.child_id()))
    .fetch_optional(&mut **tx)
    .await?;
    match next {
        Some(id) => set_primary(tx, grant, id.0).await,
        None => Ok(()),
    }
}

/// One child of a therapist's caseload.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct CaseloadLine {
    pub child_id: Uuid,
    pub preferred_name: String,
    pub household_name: String,
    pub is_primary: bool,
    /// Active therapists on the team besides this one.
    pub others: i64,
}

#[derive(FromRow)]
struct CaseloadRow {
    child_id: Id,
    preferred_name: String,
    household_name: String,
    is_primary: Flag,
    others: i64,
}

/// The children seen now whose team includes `therapist_id`, by name: for
/// the clinic's admins only (anyone else gets an empty list). The caller
/// audits the listing.
pub async fn caseload(
    conn: &mut AnyConnection,
    admin: &Actor,
    therapist_id: Uuid,
) -> Result<Vec<CaseloadLine>, StoreError> {
    if !admin.is_admin() {
        return Ok(Vec::new());
    }
    let rows: Vec<CaseloadRow> = sqlx::query_as(
        "SELECT c.child_id, c.preferred_name, h.name AS household_name, t.is_primary, \
           (SELECT COUNT(*) FROM care_team_member o JOIN person p ON p.clinic_id = o.clinic_id \
             AND p.person_id = o.person_id WHERE o.clinic_id = c.clinic_id AND o.child_id = c.child_id \
             AND o.person_id <> t.person_id AND p.is_active = 1 AND p.role = 'therapist') AS others \
         FROM care_team_member t \
         JOIN child c ON c.clinic_id = t.clinic_id AND c.child_id = t.child_id \
         JOIN household h ON h.clinic_id = c.clinic_id AND h.household_id = c.household_id \
         WHERE t.clinic_id = $1 AND t.person_id = $2 AND c.discharged_on IS NULL \
         ORDER BY c.preferred_name, c.child_id",
    )
    .bind(Id(admin.clinic_id()))
    .bind(Id(therapist_id))
    .fetch_all(conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| CaseloadLine {
            child_id: r.child_id.0,
            preferred_name: r.preferred_name,
            household_name: r.household_name,
            is_primary: r.is_primary.0,
            others: r.others,
        })
        .collect())
}
