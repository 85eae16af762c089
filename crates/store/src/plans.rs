//! Versions of a child's joint plan. Helpers find only agreed versions (with
//! a [`ChildGrant`]); drafts, shared versions and history take a
//! [`FullGrant`]. A [`PlanVersion`] is only ever made here, by one of those
//! lookups, so code that holds one was allowed to find it.

use carryover_domain::plan::{AgreedWhere, PlanStatus};
use sqlx::{AnyConnection, FromRow};
use time::OffsetDateTime;
use uuid::Uuid;

use crate::{
    StoreError, WriteTx,
    codec::{At, Code, Id},
    grant::{ChildGrant, FullGrant},
};

/// Who confirmed a version, and when.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Confirmation {
    pub person_id: Uuid,
    pub name: String,
    pub at: OffsetDateTime,
}

/// Non-exhaustive: only a lookup here makes one.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct PlanVersion {
    pub version_id: Uuid,
    pub number: i64,
    pub priorities: String,
    pub based_on: Option<Uuid>,
    pub created_at: OffsetDateTime,
    pub updated_at: OffsetDateTime,
    pub shared_at: Option<OffsetDateTime>,
    pub therapist: Option<Confirmation>,
    pub guardian: Option<Confirmation>,
    pub agreed_where: Option<AgreedWhere>,
    pub agreed_at: Option<OffsetDateTime>,
}

impl PlanVersion {
    pub fn status(&self) -> PlanStatus {
        PlanStatus::of(self.shared_at.is_some(), self.agreed_at.is_some())
    }
}

#[derive(FromRow)]
struct Row {
    plan_version_id: Id,
    number: i64,
    priorities: String,
    based_on_id: Option<Id>,
    created_at: At,
    updated_at: At,
    shared_at: Option<At>,
    therapist_confirmed_by: Option<Id>,
    therapist_name: Option<String>,
    therapist_confirmed_at: Option<At>,
    guardian_confirmed_by: Option<Id>,
    guardian_name: Option<String>,
    guardian_confirmed_at: Option<At>,
    agreed_where: Option<Code<AgreedWhere>>,
    agreed_at: Option<At>,
}

fn confirmation(id: Option<Id>, name: Option<String>, at: Option<At>) -> Option<Confirmation> {
    Some(Confirmation { person_id: id?.0, name: name?, at: at?.0 })
}

impl From<Row> for PlanVersion {
    fn from(r: Row) -> PlanVersion {
        PlanVersion {
            version_id: r.plan_version_id.0,
            number: r.number,
            priorities: r.priorities,
            based_on: r.based_on_id.map(|id| id.0),
            created_at: r.created_at.0,
            updated_at: r.updated_at.0,
            shared_at: r.shared_at.map(|at| at.0),
            therapist: confirmation(
                r.therapist_confirmed_by,
                r.therapist_name,
                r.therapist_confirmed_at,
            ),
            guardian: confirmation(
                r.guardian_confirmed_by,
                r.guardian_name,
                r.guardian_confirmed_at,
            ),
            agreed_where: r.agreed_where.map(|w| w.0),
            agreed_at: r.agreed_at.map(|at| at.0),
        }
    }
}

const SELECT: &str = "SELECT v.plan_version_id, v.number, v.priorities, v.based_on_id, v.created_at, \
     v.updated_at, v.shared_at, v.therapist_confirmed_by, t.display_name AS therapist_name, \
     v.therapist_confirmed_at, v.guardian_confirmed_by, g.display_name AS guardian_name, \
     v.guardian_confirmed_at, v.agreed_where, v.agreed_at FROM plan_version v \
     LEFT JOIN person t ON t.clinic_id = v.clinic_id AND t.person_id = v.therapist_confirmed_by \
     LEFT JOIN person g ON g.clinic_id = v.clinic_id AND g.person_id = v.guardian_confirmed_by \
     WHERE v.clinic_id = $1 AND v.child_id = $2";

async fn fetch(
    conn: &mut AnyConnection,
    clinic_id: Uuid,
    child_id: Uuid,
    condition: &str,
    version_id: Option<Uuid>,
) -> Result<Vec<PlanVersion>, StoreError> {
    let sql = format!("{SELECT} {condition} ORDER BY v.number DESC");
    let mut query =
        sqlx::query_as::<_, Row>(sqlx::AssertSqlSafe(sql)).bind(Id(clinic_id)).bind(Id(child_id));
    if let Some(id) = version_id {
        query = query.bind(Id(id));
    }
    Ok(query.fetch_all(conn).await?.into_iter().map(PlanVersion::from).collect())
}

/// The newest agreed version: what every caregiver, helpers included, sees.
pub async fn current_agreed(
    conn: &mut AnyConnection,
    grant: &ChildGrant,
) -> Result<Option<PlanVersion>, StoreError> {
    let found =
        fetch(conn, grant.clinic_id(), grant.child_id(), "AND v.agreed_at IS NOT NULL", None)
            .await?;
    Ok(found.into_iter().next())
}

/// Every version, newest first.
pub async fn versions(
    conn: &mut AnyConnection,
    grant: &FullGrant,
) -> Result<Vec<PlanVersion>, StoreError> {
    fetch(conn, grant.clinic_id(), grant.child_id(), "", None).await
}

/// One version of the child; `None` for a version of another child.
pub async fn version(
    conn: &mut AnyConnection,
    grant: &FullGrant,
    version_id: Uuid,
) -> Result<Option<PlanVersion>, StoreError> {
    let found = fetch(
        conn,
        grant.clinic_id(),
        grant.child_id(),
        "AND v.plan_version_id = $3",
        Some(version_id),
    )
    .await?;
    Ok(found.into_iter().next())
}

/// The version not yet agreed, if there is one (there is at most one).
pub async fn open_version(
    conn: &mut AnyConnection,
    grant: &FullGrant,
) -> Result<Option<PlanVersion>, StoreError> {
    let found =
        fetch(conn, grant.clinic_id(), grant.child_id(), "AND v.agreed_at IS NULL", None).await?;
    Ok(found.into_iter().next())
}

/// Starts a new version, drafted from `based_on` (its priorities; the caller
/// copies its goals and assignments). A second open version of the child is
/// a conflict on `plan_version_one_open`.
pub async fn insert_version(
    tx: &mut WriteTx,
    grant: &FullGrant,
    based_on: Option<&PlanVersion>,
    now: OffsetDateTime,
) -> Result<PlanVersion, StoreError> {
    let (clinic, child) = (Id(grant.clinic_id()), Id(grant.child_id()));
    let last: Option<i64> = sqlx::query_scalar(
        "SELECT MAX(number) FROM plan_version WHERE clinic_id = $1 AND child_id = $2",
    )
    .bind(clinic)
    .bind(child)
    .fetch_one(&mut **tx)
    .await?;
    let id = Uuid::now_v7();
    sqlx::query(
        "INSERT INTO plan_version (clinic_id, child_id, plan_version_id, number, priorities, based_on_id, \
         created_by, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8)",
    )
    .bind(clinic)
    .bind(child)
    .bind(Id(id))
    .bind(last.unwrap_or(0) + 1)
    .bind(based_on.map_or("", |v| v.priorities.as_str()))
    .bind(based_on.map(|v| Id(v.version_id)))
    .bind(Id(grant.child().actor().person_id()))
    .bind(At(now))
    .execute(&mut **tx)
    .await?;
    version(tx, grant, id).await?.ok_or(StoreError::NotFound)
}

/// Records an edit of an open version. A shared one goes back to draft: the
/// therapist confirms it again by sharing it, so that a guardian never
/// confirms something other than what the therapist confirmed. `false` when
/// the version was agreed meanwhile (nothing changed). The UPDATE locks the
/// row, so a guardian confirming at the same moment waits and then finds it
/// no longer shared.
pub async fn mark_edited(
    tx: &mut WriteTx,
    grant: &FullGrant,
    version: &PlanVersion,
    now: OffsetDateTime,
) -> Result<bool, StoreError> {
    let done = sqlx::query(
        "UPDATE plan_version SET updated_at = $4, shared_at = NULL, therapist_confirmed_by = NULL, \
         therapist_confirmed_at = NULL WHERE clinic_id = $1 AND child_id = $2 AND plan_version_id = $3 \
         AND agreed_at IS NULL",
    )
    .bind(Id(grant.clinic_id()))
    .bind(Id(grant.child_id()))
    .bind(Id(version.version_id))
    .bind(At(now))
    .execute(&mut **tx)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Sets the family's priorities and the goals the version works on.
pub async fn set_priorities(
    tx: &mut WriteTx,
    grant: &FullGrant,
    version: &PlanVersion,
    priorities: &str,
    goals: &[Uuid],
) -> Result<(), StoreError> {
    let (clinic, child, id) = (Id(grant.clinic_id()), Id(grant.child_id()), Id(version.version_id));
    sqlx::query(
        "UPDATE plan_version SET priorities = $4 WHERE clinic_id = $1 AND child_id = $2 AND plan_version_id = $3",
    )
    .bind(clinic)
    .bind(child)
    .bind(id)
    .bind(priorities)
    .execute(&mut **tx)
    .await?;
    sqlx::query(
        "DELETE FROM plan_goal WHERE clinic_id = $1 AND child_id = $2 AND plan_version_id = $3",
    )
    .bind(clinic)
    .bind(child)
    .bind(id)
    .execute(&mut **tx)
    .await?;
    add_plan_goals(tx, grant, version, goals).await
}

/// Adds goals to those the version works on (those already there stay).
pub async fn add_plan_goals(
    tx: &mut WriteTx,
    grant: &FullGrant,
    version: &PlanVersion,
    goals: &[Uuid],
) -> Result<(), StoreError> {
    for goal in goals {
        sqlx::query(
            "INSERT INTO plan_goal (clinic_id, child_id, plan_version_id, goal_id) VALUES ($1, $2, $3, $4) \
             ON CONFLICT (clinic_id, child_id, plan_version_id, goal_id) DO NOTHING",
        )
        .bind(Id(grant.clinic_id()))
        .bind(Id(grant.child_id()))
        .bind(Id(version.version_id))
        .bind(Id(*goal))
        .execute(&mut **tx)
        .await?;
    }
    Ok(())
}

/// The goals a version works on, in the order the goals were set.
pub async fn plan_goals(
    conn: &mut AnyConnection,
    grant: &ChildGrant,
    version: &PlanVersion,
) -> Result<Vec<Uuid>, StoreError> {
    let ids: Vec<Id> = sqlx::query_scalar(
        "SELECT pg.goal_id FROM plan_goal pg JOIN goal g ON g.clinic_id = pg.clinic_id \
         AND g.child_id = pg.child_id AND g.goal_id = pg.goal_id \
         WHERE pg.clinic_id = $1 AND pg.child_id = $2 AND pg.plan_version_id = $3 ORDER BY g.created_at, g.goal_id",
    )
    .bind(Id(grant.clinic_id()))
    .bind(Id(grant.child_id()))
    .bind(Id(version.version_id))
    .fetch_all(conn)
    .await?;
    Ok(ids.into_iter().map(|id| id.0).collect())
}

/// The therapist confirms the version and shares it with the guardians. A
/// version shared already keeps its first sharing time: the wait goes on.
pub async fn share(
    tx: &mut WriteTx,
    grant: &FullGrant,
    version: &PlanVersion,
    now: OffsetDateTime,
) -> Result<bool, StoreError> {
    let done = sqlx::query(
        "UPDATE plan_version SET shared_at = COALESCE(shared_at, $4), \
         therapist_confirmed_by = COALESCE(therapist_confirmed_by, $5), \
         therapist_confirmed_at = COALESCE(therapist_confirmed_at, $4) \
         WHERE clinic_id = $1 AND child_id = $2 AND plan_version_id = $3 AND agreed_at IS NULL",
    )
    .bind(Id(grant.clinic_id()))
    .bind(Id(grant.child_id()))
    .bind(Id(version.version_id))
    .bind(At(now))
    .bind(Id(grant.child().actor().person_id()))
    .execute(&mut **tx)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Both sides confirmed: the version is agreed. In a session the therapist
/// is the actor and names the guardian present; from a guardian's own
/// device the guardian is the actor and the therapist confirmed by sharing,
/// which the condition requires. `false` when the version was no longer
/// open (or, from a device, no longer shared).
pub async fn agree(
    tx: &mut WriteTx,
    grant: &FullGrant,
    version: &PlanVersion,
    guardian_id: Uuid,
    place: AgreedWhere,
    now: OffsetDateTime,
) -> Result<bool, StoreError> {
    let condition = match place {
        AgreedWhere::InSession => "",
        AgreedWhere::OwnDevice => {
            "AND shared_at IS NOT NULL AND therapist_confirmed_by IS NOT NULL"
        }
    };
    let sql = format!(
        "UPDATE plan_version SET therapist_confirmed_by = COALESCE(therapist_confirmed_by, $4), \
         therapist_confirmed_at = COALESCE(therapist_confirmed_at, $6), guardian_confirmed_by = $5, \
         guardian_confirmed_at = $6, agreed_where = $7, agreed_at = $6 \
         WHERE clinic_id = $1 AND child_id = $2 AND plan_version_id = $3 AND agreed_at IS NULL {condition}"
    );
    let done = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(Id(grant.clinic_id()))
        .bind(Id(grant.child_id()))
        .bind(Id(version.version_id))
        .bind(Id(grant.child().actor().person_id()))
        .bind(Id(guardian_id))
        .bind(At(now))
        .bind(Code(place))
        .execute(&mut **tx)
        .await?;
    Ok(done.rows_affected() == 1)
}
