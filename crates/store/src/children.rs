//! Reading children, always through the caller's scope.

use carryover_domain::people::Role;
use sqlx::{AnyConnection, FromRow};
use uuid::Uuid;

use crate::{StoreError, clinic::parse_id, people::Scope};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChildSummary {
    pub child_id: Uuid,
    pub preferred_name: String,
    pub household_name: String,
}

#[derive(FromRow)]
struct SummaryRow {
    child_id: String,
    preferred_name: String,
    household_name: String,
}

/// The children this caller works with: their household's children for a
/// caregiver, their caseload for a therapist, the whole clinic for an admin.
pub async fn children_in_scope(
    conn: &mut AnyConnection,
    scope: &Scope,
) -> Result<Vec<ChildSummary>, StoreError> {
    let filter = match scope.role {
        Role::Admin => "$2 = $2",
        Role::Therapist => {
            "EXISTS (SELECT 1 FROM care_team_member t WHERE t.child_id = c.child_id AND t.person_id = $2)"
        }
        Role::Caregiver => {
            "EXISTS (SELECT 1 FROM household_member m WHERE m.household_id = c.household_id AND m.person_id = $2)"
        }
    };
    let sql = format!(
        "SELECT c.child_id, c.preferred_name, h.name AS household_name FROM child c \
         JOIN household h ON h.household_id = c.household_id \
         WHERE c.clinic_id = $1 AND {filter} ORDER BY c.preferred_name, c.child_id"
    );
    sqlx::query_as::<_, SummaryRow>(sqlx::AssertSqlSafe(sql))
        .bind(scope.clinic_id.to_string())
        .bind(scope.person_id.to_string())
        .fetch_all(conn)
        .await?
        .into_iter()
        .map(|r| {
            Ok(ChildSummary {
                child_id: parse_id(&r.child_id)?,
                preferred_name: r.preferred_name,
                household_name: r.household_name,
            })
        })
        .collect()
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChildRecord {
    pub child_id: Uuid,
    pub preferred_name: String,
    pub date_of_birth: Option<String>,
    pub home_languages: String,
    pub notes: String,
    pub household_name: String,
    pub caregivers: Vec<CaregiverLine>,
    pub care_team: Vec<TeamLine>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CaregiverLine {
    pub display_name: String,
    pub relationship: String,
    pub access: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TeamLine {
    pub display_name: String,
    pub is_primary: bool,
}

#[derive(FromRow)]
struct RecordRow {
    child_id: String,
    preferred_name: String,
    date_of_birth: Option<String>,
    home_languages: String,
    notes: String,
    household_name: String,
}

/// One child's record. The caller's tie was checked by the access rules; the
/// clinic filter here keeps any mistake from crossing tenants.
pub async fn child_record(
    conn: &mut AnyConnection,
    scope: &Scope,
    child_id: Uuid,
) -> Result<Option<ChildRecord>, StoreError> {
    let row: Option<RecordRow> = sqlx::query_as(
        "SELECT c.child_id, c.preferred_name, c.date_of_birth, c.home_languages, c.notes, h.name AS household_name \
         FROM child c JOIN household h ON h.household_id = c.household_id \
         WHERE c.clinic_id = $1 AND c.child_id = $2",
    )
    .bind(scope.clinic_id.to_string())
    .bind(child_id.to_string())
    .fetch_optional(&mut *conn)
    .await?;
    let Some(row) = row else { return Ok(None) };
    let caregivers: Vec<(String, String, String)> = sqlx::query_as(
        "SELECT p.display_name, m.relationship, m.access FROM household_member m \
         JOIN person p ON p.person_id = m.person_id \
         JOIN child c ON c.household_id = m.household_id \
         WHERE c.clinic_id = $1 AND c.child_id = $2 ORDER BY m.access, p.display_name",
    )
    .bind(scope.clinic_id.to_string())
    .bind(child_id.to_string())
    .fetch_all(&mut *conn)
    .await?;
    let team: Vec<(String, i64)> = sqlx::query_as(
        "SELECT p.display_name, t.is_primary FROM care_team_member t \
         JOIN person p ON p.person_id = t.person_id \
         WHERE t.clinic_id = $1 AND t.child_id = $2 ORDER BY t.is_primary DESC, p.display_name",
    )
    .bind(scope.clinic_id.to_string())
    .bind(child_id.to_string())
    .fetch_all(&mut *conn)
    .await?;
    Ok(Some(ChildRecord {
        child_id: parse_id(&row.child_id)?,
        preferred_name: row.preferred_name,
        date_of_birth: row.date_of_birth,
        home_languages: row.home_languages,
        notes: row.notes,
        household_name: row.household_name,
        caregivers: caregivers
            .into_iter()
            .map(|(display_name, relationship, access)| CaregiverLine {
                display_name,
                relationship,
                access,
            })
            .collect(),
        care_team: team
            .into_iter()
            .map(|(display_name, primary)| TeamLine { display_name, is_primary: primary == 1 })
            .collect(),
    }))
}

/// The household a child of this clinic belongs to.
pub async fn household_of_child(
    conn: &mut AnyConnection,
    clinic_id: Uuid,
    child_id: Uuid,
) -> Result<Option<Uuid>, StoreError> {
    let id: Option<String> =
        sqlx::query_scalar("SELECT household_id FROM child WHERE clinic_id = $1 AND child_id = $2")
            .bind(clinic_id.to_string())
            .bind(child_id.to_string())
            .fetch_optional(conn)
            .await?;
    id.as_deref().map(parse_id).transpose()
}
