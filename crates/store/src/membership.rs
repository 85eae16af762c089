//! Caregivers who leave a household or change their access. Changes take a
//! [`WritableGrant`] and touch only the grant's household, so a caregiver
//! of another household cannot be named.

use carryover_domain::people::{Access, Relationship};
use sqlx::AnyConnection;
use uuid::Uuid;

use crate::{
    StoreError, WriteTx,
    children::CaregiverLine,
    codec::{Code, Id},
    grant::{ChildGrant, WritableGrant},
};

/// A caregiver of the child's household, or `None` for anyone else.
pub async fn member(
    conn: &mut AnyConnection,
    grant: &ChildGrant,
    person_id: Uuid,
) -> Result<Option<CaregiverLine>, StoreError> {
    let row: Option<(Id, String, Code<Relationship>, Code<Access>)> = sqlx::query_as(
        "SELECT p.person_id, p.display_name, m.relationship, m.access FROM household_member m \
         JOIN person p ON p.clinic_id = m.clinic_id AND p.person_id = m.person_id \
         WHERE m.clinic_id = $1 AND m.household_id = $2 AND m.person_id = $3",
    )
    .bind(Id(grant.clinic_id()))
    .bind(Id(grant.household_id()))
    .bind(Id(person_id))
    .fetch_optional(conn)
    .await?;
    Ok(row.map(|(id, display_name, relationship, access)| CaregiverLine {
        person_id: id.0,
        display_name,
        relationship: relationship.0,
        access: access.0,
    }))
}

/// How many guardians the child's household has.
pub async fn guardians(conn: &mut AnyConnection, grant: &ChildGrant) -> Result<i64, StoreError> {
    Ok(sqlx::query_scalar(
        "SELECT COUNT(*) FROM household_member \
         WHERE clinic_id = $1 AND household_id = $2 AND access = 'guardian'",
    )
    .bind(Id(grant.clinic_id()))
    .bind(Id(grant.household_id()))
    .fetch_one(conn)
    .await?)
}

/// Takes a caregiver out of the child's household; true when they were in it.
pub async fn remove(
    tx: &mut WriteTx,
    grant: &WritableGrant,
    person_id: Uuid,
) -> Result<bool, StoreError> {
    let done = sqlx::query(
        "DELETE FROM household_member WHERE clinic_id = $1 AND household_id = $2 AND person_id = $3",
    )
    .bind(Id(grant.clinic_id()))
    .bind(Id(grant.household_id()))
    .bind(Id(person_id))
    .execute(&mut **tx)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Changes a caregiver's access within the child's household.
pub async fn set_access(
    tx: &mut WriteTx,
    grant: &WritableGrant,
    person_id: Uuid,
    access: Access,
) -> Result<bool, StoreError> {
    let done = sqlx::query(
        "UPDATE household_member SET access = $4 \
         WHERE clinic_id = $1 AND household_id = $2 AND person_id = $3",
    )
    .bind(Id(grant.clinic_id()))
    .bind(Id(grant.household_id()))
    .bind(Id(person_id))
    .bind(Code(access))
    .execute(&mut **tx)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// How many households of the clinic a person is a caregiver in.
pub async fn households_of(
    conn: &mut AnyConnection,
    clinic_id: Uuid,
    person_id: Uuid,
) -> Result<i64, StoreError> {
    Ok(sqlx::query_scalar(
        "SELECT COUNT(*) FROM household_member WHERE clinic_id = $1 AND person_id = $2",
    )
    .bind(Id(clinic_id))
    .bind(Id(person_id))
    .fetch_one(conn)
    .await?)
}
