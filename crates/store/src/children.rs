//! Children: lists for an actor, and one child's record through a grant.

use carryover_domain::{
    people::{Access, Relationship, Role},
    record::{self, DischargeReason, HomeLanguage},
};
use sqlx::{AnyConnection, FromRow};
use time::{Date, OffsetDateTime};
use uuid::Uuid;

use crate::{
    StoreError,
    codec::{At, Code, Flag, Id},
    grant::{Actor, ChildGrant, FullGrant},
    paging::{Page, Paging},
};

#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct ChildSummary {
    pub child_id: Uuid,
    pub preferred_name: String,
    pub household_name: String,
    /// Only admins list discharged children; `None` for a child seen now.
    pub discharged_on: Option<Date>,
}

#[derive(FromRow)]
struct SummaryRow {
    child_id: Id,
    preferred_name: String,
    household_name: String,
    discharged_on: Option<String>,
}

/// A stored `YYYY-MM-DD`, refusing anything else.
pub(crate) fn stored_date(text: Option<String>) -> Result<Option<Date>, StoreError> {
    text.map(|t| {
        record::parse_iso_date(&t).ok_or(StoreError::Corrupt(format!("not a date: {t:?}")))
    })
    .transpose()
}

/// The children this actor works with: their households' children for a
/// caregiver, their caseload for a therapist — children seen now only, so a
/// discharged child leaves both — and the whole clinic for an admin,
/// discharged children included (they stay reachable until purged).
pub async fn children_for(
    conn: &mut AnyConnection,
    actor: &Actor,
    paging: Paging,
) -> Result<Page<ChildSummary>, StoreError> {
    // A therapist's or caregiver's list starts from their own ties (an index
    // on the person), not from every child of the clinic: the cost follows
    // the caseload, not the clinic. CROSS JOIN keeps SQLite to that order.
    let (from, filter) = match actor.role() {
        Role::Admin => ("child c", "c.clinic_id = $1 AND $2 = $2"),
        Role::Therapist => (
            "care_team_member t CROSS JOIN child c",
            "t.clinic_id = $1 AND t.person_id = $2 AND c.clinic_id = t.clinic_id \
             AND c.child_id = t.child_id AND c.discharged_on IS NULL",
        ),
        Role::Caregiver => (
            "household_member m CROSS JOIN child c",
            "m.clinic_id = $1 AND m.person_id = $2 AND c.clinic_id = m.clinic_id \
             AND c.household_id = m.household_id AND c.discharged_on IS NULL",
        ),
    };
    let sql = format!(
        "SELECT c.child_id, c.preferred_name, h.name AS household_name, c.discharged_on FROM {from} \
         JOIN household h ON h.clinic_id = c.clinic_id AND h.household_id = c.household_id \
         WHERE {filter} AND c.child_id > $3 ORDER BY c.child_id {}",
        paging.limit_sql()
    );
    let rows = sqlx::query_as::<_, SummaryRow>(sqlx::AssertSqlSafe(sql))
        .bind(Id(actor.clinic_id()))
        .bind(Id(actor.person_id()))
        .bind(Id(paging.after.unwrap_or(Uuid::nil())))
        .fetch_all(conn)
        .await?;
    let rows = rows
        .into_iter()
        .map(|r| {
            Ok(ChildSummary {
                child_id: r.child_id.0,
                preferred_name: r.preferred_name,
                household_name: r.household_name,
                discharged_on: stored_date(r.discharged_on)?,
            })
        })
        .collect::<Result<Vec<ChildSummary>, StoreError>>()?;
    Ok(Page::from_rows(rows, paging, |c| c.child_id))
}

/// A caregiver's discharged children they are a guardian of, whatever the
/// date: the caller keeps those whose grant still reads (see `grant`).
pub async fn discharged_of_guardian(
    conn: &mut AnyConnection,
    actor: &Actor,
) -> Result<Vec<ChildSummary>, StoreError> {
    let rows: Vec<SummaryRow> = sqlx::query_as(
        // From the guardian's own memberships, not every child of the clinic.
        "SELECT c.child_id, c.preferred_name, h.name AS household_name, c.discharged_on \
         FROM household_member m CROSS JOIN child c \
         JOIN household h ON h.clinic_id = c.clinic_id AND h.household_id = c.household_id \
         WHERE m.clinic_id = $1 AND m.person_id = $2 AND m.access = 'guardian' \
         AND c.clinic_id = m.clinic_id AND c.household_id = m.household_id \
         AND c.discharged_on IS NOT NULL ORDER BY c.preferred_name, c.child_id",
    )
    .bind(Id(actor.clinic_id()))
    .bind(Id(actor.person_id()))
    .fetch_all(conn)
    .await?;
    rows.into_iter()
        .map(|r| {
            Ok(ChildSummary {
                child_id: r.child_id.0,
                preferred_name: r.preferred_name,
                household_name: r.household_name,
                discharged_on: stored_date(r.discharged_on)?,
            })
        })
        .collect()
}

/// What everyone tied to a child may see, helpers included.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct ChildBasics {
    pub child_id: Uuid,
    pub preferred_name: String,
    pub household_name: String,
    pub care_team: Vec<TeamLine>,
    /// `None` while the child is seen at the clinic.
    pub discharged_on: Option<Date>,
}

#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct TeamLine {
    pub person_id: Uuid,
    pub display_name: String,
    pub is_primary: bool,
    /// False for a therapist deactivated since (kept on a discharged child's team).
    pub is_active: bool,
}

/// What helpers must not see: for a [`FullGrant`] only.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct ChildDetails {
    pub date_of_birth: Option<Date>,
    pub home_languages: Vec<HomeLanguage>,
    pub notes: String,
    pub caregivers: Vec<CaregiverLine>,
    /// When and by whom the details were last changed, if ever.
    pub last_change: Option<LastChange>,
    pub discharge: Option<Discharge>,
}

#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct LastChange {
    #[serde(with = "time::serde::rfc3339")]
    pub at: OffsetDateTime,
    pub by_name: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Discharge {
    pub on: Date,
    pub reason: DischargeReason,
    pub note: String,
}

#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
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
    discharged_on: Option<String>,
}

pub async fn child_basics(
    conn: &mut AnyConnection,
    grant: &ChildGrant,
) -> Result<ChildBasics, StoreError> {
    let row: BasicsRow = sqlx::query_as(
        "SELECT c.preferred_name, h.name AS household_name, c.discharged_on FROM child c \
         JOIN household h ON h.clinic_id = c.clinic_id AND h.household_id = c.household_id \
         WHERE c.clinic_id = $1 AND c.child_id = $2",
    )
    .bind(Id(grant.clinic_id()))
    .bind(Id(grant.child_id()))
    .fetch_one(&mut *conn)
    .await?;
    let team: Vec<(Id, String, Flag, Flag)> = sqlx::query_as(
        "SELECT p.person_id, p.display_name, t.is_primary, p.is_active FROM care_team_member t \
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
            .map(|(id, display_name, primary, active)| TeamLine {
                person_id: id.0,
                display_name,
                is_primary: primary.0,
                is_active: active.0,
            })
            .collect(),
        discharged_on: stored_date(row.discharged_on)?,
    })
}

#[derive(FromRow)]
struct DetailsRow {
    date_of_birth: Option<String>,
    home_languages: String,
    notes: String,
    updated_at: Option<At>,
    updated_by_name: Option<String>,
    discharged_on: Option<String>,
    discharge_reason: Option<Code<DischargeReason>>,
    discharge_note: String,
}

pub async fn child_details(
    conn: &mut AnyConnection,
    grant: &FullGrant,
) -> Result<ChildDetails, StoreError> {
    let row: DetailsRow = sqlx::query_as(
        "SELECT c.date_of_birth, c.home_languages, c.notes, c.updated_at, p.display_name AS updated_by_name, \
         c.discharged_on, c.discharge_reason, c.discharge_note FROM child c \
         LEFT JOIN person p ON p.clinic_id = c.clinic_id AND p.person_id = c.updated_by \
         WHERE c.clinic_id = $1 AND c.child_id = $2",
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
    let discharge = match (stored_date(row.discharged_on)?, row.discharge_reason) {
        (Some(on), Some(reason)) => {
            Some(Discharge { on, reason: reason.0, note: row.discharge_note })
        }
        _ => None,
    };
    Ok(ChildDetails {
        date_of_birth: stored_date(row.date_of_birth)?,
        home_languages: record::languages_from_stored(&row.home_languages),
        notes: row.notes,
        last_change: row.updated_at.map(|at| LastChange { at: at.0, by_name: row.updated_by_name }),
        discharge,
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
