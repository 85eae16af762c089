//! Children: lists for an actor, and one child's record through a grant.

use carryover_domain::people::{Access, Relationship, Role};
use sqlx::{AnyConnection, FromRow};
use uuid::Uuid;

use crate::{
    StoreError,
    codec::{Code, Flag, Id},
    grant::{Actor, ChildGrant, FullGrant},
    paging::{Page, Paging},
};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChildSummary {
    pub child_id: Uuid,
    pub preferred_name: String,
    pub household_name: String,
}

#[derive(FromRow)]
struct SummaryRow {
    child_id: Id,
    preferred_name: String,
    household_name: String,
}

/// The children this actor works with: their households' children for a
/// caregiver, their caseload for a therapist, the whole clinic for an admin.
pub async fn children_for(
    conn: &mut AnyConnection,
    actor: &Actor,
    paging: Paging,
) -> Result<Page<ChildSummary>, StoreError> {
    let filter = match actor.role() {
        Role::Admin => "$2 = $2",
        Role::Therapist => {
            "EXISTS (SELECT 1 FROM care_team_member t WHERE t.clinic_id = c.clinic_id \
             AND t.child_id = c.child_id AND t.person_id = $2)"
        }
        Role::Caregiver => {
            "EXISTS (SELECT 1 FROM household_member m WHERE m.clinic_id = c.clinic_id \
             AND m.household_id = c.household_id AND m.person_id = $2)"
        }
    };
    let sql = format!(
        "SELECT c.child_id, c.preferred_name, h.name AS household_name FROM child c \
         JOIN household h ON h.clinic_id = c.clinic_id AND h.household_id = c.household_id \
         WHERE c.clinic_id = $1 AND {filter} AND c.child_id > $3 ORDER BY c.child_id LIMIT $4"
    );
    let rows: Vec<ChildSummary> = sqlx::query_as::<_, SummaryRow>(sqlx::AssertSqlSafe(sql))
        .bind(Id(actor.clinic_id()))
        .bind(Id(actor.person_id()))
        .bind(Id(paging.after.unwrap_or(Uuid::nil())))
        .bind(paging.fetch_limit())
        .fetch_all(conn)
        .await?
        .into_iter()
        .map(|r| ChildSummary {
            child_id: r.child_id.0,
            preferred_name: r.preferred_name,
            household_name: r.household_name,
        })
        .collect();
    Ok(Page::from_rows(rows, paging, |c| c.child_id))
}

/// What everyone tied to a child may see, helpers included.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChildBasics {
    pub child_id: Uuid,
    pub preferred_name: String,
    pub household_name: String,
    pub care_team: Vec<TeamLine>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TeamLine {
    pub person_id: Uuid,
    pub display_name: String,
    pub is_primary: bool,
}

/// What helpers must not see: for a [`FullGrant`] only.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChildDetails {
    pub date_of_birth: Option<String>,
    pub home_languages: String,
    pub notes: String,
    pub caregivers: Vec<CaregiverLine>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CaregiverLine {
    pub person_id: Uuid,
    pub display_name: String,
    pub relationship: Relationship,
    pub access: Access,
}

#[derive(FromRow)]
struct BasicsRow {
    preferred_name: String,
    household_name: String,
}

pub async fn child_basics(
    conn: &mut AnyConnection,
    grant: &ChildGrant,
) -> Result<ChildBasics, StoreError> {
    let row: BasicsRow = sqlx::query_as(
        "SELECT c.preferred_name, h.name AS household_name FROM child c \
         JOIN household h ON h.clinic_id = c.clinic_id AND h.household_id = c.household_id \
         WHERE c.clinic_id = $1 AND c.child_id = $2",
    )
    .bind(Id(grant.clinic_id()))
    .bind(Id(grant.child_id()))
    .fetch_one(&mut *conn)
    .await?;
    let team: Vec<(Id, String, Flag)> = sqlx::query_as(
        "SELECT p.person_id, p.display_name, t.is_primary FROM care_team_member t \
         JOIN person p ON p.clinic_id = t.clinic_id AND p.person_id = t.person_id \
         WHERE t.clinic_id = $1 AND t.child_id = $2 ORDER BY t.is_primary DESC, p.display_name",
    )
    .bind(Id(grant.clinic_id()))
    .bind(Id(grant.child_id()))
    .fetch_all(&mut *conn)
    .await?;
    Ok(ChildBasics {
        child_id: grant.child_id(),
        preferred_name: row.preferred_name,
        household_name: row.household_name,
        care_team: team
            .into_iter()
            .map(|(id, display_name, primary)| TeamLine {
                person_id: id.0,
                display_name,
                is_primary: primary.0,
            })
            .collect(),
    })
}

#[derive(FromRow)]
struct DetailsRow {
    date_of_birth: Option<String>,
    home_languages: String,
    notes: String,
}

pub async fn child_details(
    conn: &mut AnyConnection,
    grant: &FullGrant,
) -> Result<ChildDetails, StoreError> {
    let row: DetailsRow = sqlx::query_as(
        "SELECT date_of_birth, home_languages, notes FROM child WHERE clinic_id = $1 AND child_id = $2",
    )
    .bind(Id(grant.clinic_id()))
    .bind(Id(grant.child_id()))
    .fetch_one(&mut *conn)
    .await?;
    let caregivers: Vec<(Id, String, Code<Relationship>, Code<Access>)> = sqlx::query_as(
        "SELECT p.person_id, p.display_name, m.relationship, m.access FROM household_member m \
         JOIN person p ON p.clinic_id = m.clinic_id AND p.person_id = m.person_id \
         WHERE m.clinic_id = $1 AND m.household_id = $2 ORDER BY m.access, p.display_name",
    )
    .bind(Id(grant.clinic_id()))
    .bind(Id(grant.child().household_id()))
    .fetch_all(&mut *conn)
    .await?;
    Ok(ChildDetails {
        date_of_birth: row.date_of_birth,
        home_languages: row.home_languages,
        notes: row.notes,
        caregivers: caregivers
            .into_iter()
            .map(|(id, display_name, relationship, access)| CaregiverLine {
                person_id: id.0,
                display_name,
                relationship: relationship.0,
                access: access.0,
            })
            .collect(),
    })
}
