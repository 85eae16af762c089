//! A child's planned visits: the next one shows on the therapist's home, on
//! the guardians' home and in their calendar feed. Moving or cancelling one
//! keeps the reason (`scheduled_visit_change`). Helpers see no visits.

use carryover_domain::{
    people::Role,
    visit::{VisitSetting, VisitStatus},
};
use sqlx::{AnyConnection, FromRow};
use time::OffsetDateTime;
use uuid::Uuid;

use crate::{
    StoreError, WriteTx,
    codec::{At, Code, Id},
    grant::{Actor, FullGrant},
};

#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct ScheduledVisit {
    pub visit_id: Uuid,
    pub child_id: Uuid,
    pub child_name: String,
    pub starts_at: OffsetDateTime,
    pub setting: VisitSetting,
    pub duration_minutes: i64,
    pub status: VisitStatus,
    pub reason: String,
    pub therapist_id: Uuid,
    pub therapist_name: String,
}

/// What a planned visit is set to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct VisitFields {
    pub starts_at: OffsetDateTime,
    pub setting: VisitSetting,
    pub duration_minutes: i64,
}

#[derive(FromRow)]
struct Row {
    scheduled_visit_id: Id,
    child_id: Id,
    preferred_name: String,
    starts_at: At,
    setting: Code<VisitSetting>,
    duration_minutes: i64,
    status: Code<VisitStatus>,
    reason: String,
    therapist_id: Id,
    display_name: String,
}

impl From<Row> for ScheduledVisit {
    fn from(r: Row) -> ScheduledVisit {
        ScheduledVisit {
            visit_id: r.scheduled_visit_id.0,
            child_id: r.child_id.0,
            child_name: r.preferred_name,
            starts_at: r.starts_at.0,
            setting: r.setting.0,
            duration_minutes: r.duration_minutes,
            status: r.status.0,
            reason: r.reason,
            therapist_id: r.therapist_id.0,
            therapist_name: r.display_name,
        }
    }
}

const SELECT: &str = "SELECT v.scheduled_visit_id, v.child_id, c.preferred_name, v.starts_at, v.setting, \
     v.duration_minutes, v.status, v.reason, v.therapist_id, p.display_name FROM scheduled_visit v \
     JOIN child c ON c.clinic_id = v.clinic_id AND c.child_id = v.child_id \
     JOIN person p ON p.clinic_id = v.clinic_id AND p.person_id = v.therapist_id";

/// [`SELECT`] for a list that starts from the person's ties: the columns,
/// then the tie tables, then [`JOINS`].
const FROM_TIES: &str = "SELECT v.scheduled_visit_id, v.child_id, c.preferred_name, v.starts_at, \
     v.setting, v.duration_minutes, v.status, v.reason, v.therapist_id, p.display_name FROM";
const JOINS: &str = "JOIN child c ON c.clinic_id = v.clinic_id AND c.child_id = v.child_id \
     JOIN person p ON p.clinic_id = v.clinic_id AND p.person_id = v.therapist_id";
const LIVE: &str = "AND c.discharged_on IS NULL AND v.status = 'scheduled' AND v.starts_at >= $3 \
     ORDER BY v.starts_at, v.scheduled_visit_id";

/// The child's planned visits from `from` on (cancelled ones included, so
/// the family sees the reason), soonest first.
pub async fn upcoming(
    conn: &mut AnyConnection,
    grant: &FullGrant,
    from: OffsetDateTime,
) -> Result<Vec<ScheduledVisit>, StoreError> {
    let sql = format!(
        "{SELECT} WHERE v.clinic_id = $1 AND v.child_id = $2 AND v.starts_at >= $3 \
         AND v.status <> 'held' ORDER BY v.starts_at, v.scheduled_visit_id"
    );
    let rows = sqlx::query_as::<_, Row>(sqlx::AssertSqlSafe(sql))
        .bind(Id(grant.clinic_id()))
        .bind(Id(grant.child_id()))
        .bind(At(from))
        .fetch_all(conn)
        .await?;
    Ok(rows.into_iter().map(ScheduledVisit::from).collect())
}

/// One planned visit of the child; `None` for another child's.
pub async fn visit(
    conn: &mut AnyConnection,
    grant: &FullGrant,
    visit_id: Uuid,
) -> Result<Option<ScheduledVisit>, StoreError> {
    let sql = format!(
        "{SELECT} WHERE v.clinic_id = $1 AND v.child_id = $2 AND v.scheduled_visit_id = $3"
    );
    let row = sqlx::query_as::<_, Row>(sqlx::AssertSqlSafe(sql))
        .bind(Id(grant.clinic_id()))
        .bind(Id(grant.child_id()))
        .bind(Id(visit_id))
        .fetch_optional(conn)
        .await?;
    Ok(row.map(ScheduledVisit::from))
}

/// The visits still planned from `from` on, of every child the actor sees
/// visits of: a therapist's caseload, a guardian's children (never a
/// helper's), an admin's whole clinic. For the home pages and the guardians'
/// calendar feed; discharged children have none.
pub async fn upcoming_for(
    conn: &mut AnyConnection,
    actor: &Actor,
    from: OffsetDateTime,
    limit: i64,
) -> Result<Vec<ScheduledVisit>, StoreError> {
    // As `children::children_for`: a therapist's or guardian's visits start
    // from their own ties, then each child's visits by the child's index,
    // so the cost follows the caseload, not the clinic's diary.
    let sql = match actor.role() {
        Role::Admin => format!("{SELECT} WHERE v.clinic_id = $1 AND $2 = $2 {LIVE}"),
        Role::Therapist => format!(
            "{FROM_TIES} care_team_member t CROSS JOIN scheduled_visit v {JOINS} \
             WHERE t.clinic_id = $1 AND t.person_id = $2 AND v.clinic_id = t.clinic_id \
             AND v.child_id = t.child_id {LIVE}"
        ),
        Role::Caregiver => format!(
            "{FROM_TIES} household_member m CROSS JOIN child hc CROSS JOIN scheduled_visit v {JOINS} \
             WHERE m.clinic_id = $1 AND m.person_id = $2 AND m.access = 'guardian' \
             AND hc.clinic_id = m.clinic_id AND hc.household_id = m.household_id \
             AND v.clinic_id = hc.clinic_id AND v.child_id = hc.child_id {LIVE}"
        ),
    };
    let sql = format!("{sql} {}", crate::paging::limit_sql(limit));
    let rows = sqlx::query_as::<_, Row>(sqlx::AssertSqlSafe(sql))
        .bind(Id(actor.clinic_id()))
        .bind(Id(actor.person_id()))
        .bind(At(from))
        .fetch_all(conn)
        .await?;
    Ok(rows.into_iter().map(ScheduledVisit::from).collect())
}

pub async fn insert_visit(
    tx: &mut WriteTx,
    grant: &FullGrant,
    fields: VisitFields,
    now: OffsetDateTime,
) -> Result<Uuid, StoreError> {
    let id = Uuid::now_v7();
    sqlx::query(
        "INSERT INTO scheduled_visit (clinic_id, child_id, scheduled_visit_id, starts_at, setting, \
         duration_minutes, status, therapist_id, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, 'scheduled', $7, $8, $8)",
    )
    .bind(Id(grant.clinic_id()))
    .bind(Id(grant.child_id()))
    .bind(Id(id))
    .bind(At(fields.starts_at))
    .bind(Code(fields.setting))
    .bind(fields.duration_minutes)
    .bind(Id(grant.child().actor().person_id()))
    .bind(At(now))
    .execute(&mut **tx)
    .await?;
    Ok(id)
}

async fn record_change(
    tx: &mut WriteTx,
    grant: &FullGrant,
    visit: &ScheduledVisit,
    kind: &str,
    reason: &str,
    now: OffsetDateTime,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO scheduled_visit_change (clinic_id, child_id, scheduled_visit_change_id, \
         scheduled_visit_id, kind, previous_starts_at, reason, changed_by, changed_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
    )
    .bind(Id(grant.clinic_id()))
    .bind(Id(grant.child_id()))
    .bind(Id(Uuid::now_v7()))
    .bind(Id(visit.visit_id))
    .bind(kind)
    .bind(At(visit.starts_at))
    .bind(reason)
    .bind(Id(grant.child().actor().person_id()))
    .bind(At(now))
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Moves a planned visit and keeps why. `false` when it is no longer planned.
pub async fn reschedule(
    tx: &mut WriteTx,
    grant: &FullGrant,
    visit: &ScheduledVisit,
    fields: VisitFields,
    reason: &str,
    now: OffsetDateTime,
) -> Result<bool, StoreError> {
    let done = sqlx::query(
        "UPDATE scheduled_visit SET starts_at = $4, setting = $5, duration_minutes = $6, reason = $7, \
         updated_at = $8 WHERE clinic_id = $1 AND child_id = $2 AND scheduled_visit_id = $3 \
         AND status = 'scheduled'",
    )
    .bind(Id(grant.clinic_id()))
    .bind(Id(grant.child_id()))
    .bind(Id(visit.visit_id))
    .bind(At(fields.starts_at))
    .bind(Code(fields.setting))
    .bind(fields.duration_minutes)
    .bind(reason)
    .bind(At(now))
    .execute(&mut **tx)
    .await?;
    if done.rows_affected() == 0 {
        return Ok(false);
    }
    record_change(tx, grant, visit, "rescheduled", reason, now).await?;
    Ok(true)
}

/// Cancels a planned visit and keeps why. `false` when it is no longer planned.
pub async fn cancel(
    tx: &mut WriteTx,
    grant: &FullGrant,
    visit: &ScheduledVisit,
    reason: &str,
    now: OffsetDateTime,
) -> Result<bool, StoreError> {
    let done = sqlx::query(
        "UPDATE scheduled_visit SET status = 'cancelled', reason = $4, updated_at = $5 \
         WHERE clinic_id = $1 AND child_id = $2 AND scheduled_visit_id = $3 AND status = 'scheduled'",
    )
    .bind(Id(grant.clinic_id()))
    .bind(Id(grant.child_id()))
    .bind(Id(visit.visit_id))
    .bind(reason)
    .bind(At(now))
    .execute(&mut **tx)
    .await?;
    if done.rows_affected() == 0 {
        return Ok(false);
    }
    record_change(tx, grant, visit, "cancelled", reason, now).await?;
    Ok(true)
}

/// Marks the child's planned visits up to `until` held: a record was started.
pub async fn mark_held(
    tx: &mut WriteTx,
    grant: &FullGrant,
    until: OffsetDateTime,
    now: OffsetDateTime,
) -> Result<Option<Uuid>, StoreError> {
    let first: Option<Id> = sqlx::query_scalar(
        "SELECT scheduled_visit_id FROM scheduled_visit WHERE clinic_id = $1 AND child_id = $2 \
         AND status = 'scheduled' AND starts_at <= $3 ORDER BY starts_at DESC LIMIT 1",
    )
    .bind(Id(grant.clinic_id()))
    .bind(Id(grant.child_id()))
    .bind(At(until))
    .fetch_optional(&mut **tx)
    .await?;
    let Some(id) = first else { return Ok(None) };
    sqlx::query(
        "UPDATE scheduled_visit SET status = 'held', updated_at = $4 \
         WHERE clinic_id = $1 AND child_id = $2 AND scheduled_visit_id = $3",
    )
    .bind(Id(grant.clinic_id()))
    .bind(Id(grant.child_id()))
    .bind(id)
    .bind(At(now))
    .execute(&mut **tx)
    .await?;
    Ok(Some(id.0))
}
