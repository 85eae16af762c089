//! The caseload triage (issue 14): what the therapist's home needs of every
//! child on their care teams, read in three statements whatever the size of
//! the caseload — never one per child, and never years of logs.
//!
//! The set of children is the actor's own care-team rows (as
//! `children::children_for` reads a therapist's caseload), children seen now
//! only; an admin gets the children whose care team they are on, usually
//! none. Every statement filters by the actor's clinic.

use carryover_domain::{library::StrategySnapshot, visit::VisitSetting};
use sqlx::{AnyConnection, FromRow};
use time::{Date, OffsetDateTime};
use uuid::Uuid;

use crate::{
    StoreError,
    codec::{At, Code, Day, Id},
    grant::Actor,
    practice_logs::AgreedAssignment,
};

/// The actor's care-team rows and their children seen now. CROSS JOIN keeps
/// SQLite to that order (the caseload index, migration 0014); the tables
/// joined after it are CROSS JOINed too, or SQLite may start from them and
/// scan the whole clinic's logs.
const CASELOAD: &str = "care_team_member t CROSS JOIN child c";
const OF_ACTOR: &str = "t.clinic_id = $1 AND t.person_id = $2 AND c.clinic_id = t.clinic_id \
     AND c.child_id = t.child_id AND c.discharged_on IS NULL";

/// One child of the caseload with the counts that need no logs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TriageChild {
    pub child_id: Uuid,
    pub preferred_name: String,
    pub household_name: String,
    /// The clinic's date of the last live practice on or before today.
    pub last_practised_on: Option<Date>,
    /// Reflections flagged and not yet handled.
    pub open_flags: u32,
    /// Threads whose caregiver words wait for the care team's answer.
    pub awaiting: u32,
    /// A version shared with the guardians and not yet agreed.
    pub plan_waiting: bool,
    /// The next visit still planned, from `visits_from` on.
    pub next_visit: Option<(OffsetDateTime, VisitSetting)>,
}

#[derive(FromRow)]
struct ChildRow {
    child_id: Id,
    preferred_name: String,
    household_name: String,
    last_practised_on: Option<Day>,
    open_flags: i64,
    awaiting: i64,
    plan_waiting: i64,
    next_visit_at: Option<At>,
    next_visit_setting: Option<Code<VisitSetting>>,
}

fn count(n: i64) -> u32 {
    u32::try_from(n.max(0)).unwrap_or(u32::MAX)
}

/// Every child of the actor's care teams, in child order. Each figure is a
/// correlated subquery that seeks one index (migration 0015): the last log
/// is the first row of `practice_log_live_by_day` read backwards. Not
/// `MAX(practised_on)`: with the `<= today` bound SQLite walks every log of
/// the child for it (callgrind, clinic data: 25 M instructions a triage).
pub async fn caseload(
    conn: &mut AnyConnection,
    actor: &Actor,
    today: Date,
    visits_from: OffsetDateTime,
) -> Result<Vec<TriageChild>, StoreError> {
    let next_visit = |column: &str| {
        format!(
            "(SELECT s.{column} FROM scheduled_visit s WHERE s.clinic_id = c.clinic_id \
             AND s.child_id = c.child_id AND s.status = 'scheduled' AND s.starts_at >= $4 \
             ORDER BY s.starts_at, s.scheduled_visit_id LIMIT 1)"
        )
    };
    let sql = format!(
        "SELECT c.child_id, c.preferred_name, h.name AS household_name, \
         (SELECT l.practised_on FROM practice_log l WHERE l.clinic_id = c.clinic_id \
           AND l.child_id = c.child_id AND l.deleted_at IS NULL AND l.practised_on <= $3 \
           ORDER BY l.practised_on DESC LIMIT 1) AS last_practised_on, \
         (SELECT COUNT(*) FROM reflection r WHERE r.clinic_id = c.clinic_id AND r.child_id = c.child_id \
           AND r.flagged = 1 AND r.handled_at IS NULL) AS open_flags, \
         (SELECT COUNT(*) FROM feedback_thread f WHERE f.clinic_id = c.clinic_id \
           AND f.child_id = c.child_id AND f.awaiting_since IS NOT NULL) AS awaiting, \
         (SELECT COUNT(*) FROM plan_version v WHERE v.clinic_id = c.clinic_id AND v.child_id = c.child_id \
           AND v.agreed_at IS NULL AND v.shared_at IS NOT NULL) AS plan_waiting, \
         {} AS next_visit_at, {} AS next_visit_setting \
         FROM {CASELOAD} \
         JOIN household h ON h.clinic_id = c.clinic_id AND h.household_id = c.household_id \
         WHERE {OF_ACTOR} ORDER BY t.child_id",
        next_visit("starts_at"),
        next_visit("setting"),
    );
    let rows: Vec<ChildRow> = sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(Id(actor.clinic_id()))
        .bind(Id(actor.person_id()))
        .bind(Day(today))
        .bind(At(visits_from))
        .fetch_all(conn)
        .await?;
    Ok(rows
        .into_iter()
        .map(|r| TriageChild {
            child_id: r.child_id.0,
            preferred_name: r.preferred_name,
            household_name: r.household_name,
            last_practised_on: r.last_practised_on.map(|d| d.0),
            open_flags: count(r.open_flags),
            awaiting: count(r.awaiting),
            plan_waiting: r.plan_waiting > 0,
            next_visit: r.next_visit_at.zip(r.next_visit_setting).map(|(at, s)| (at.0, s.0)),
        })
        .collect())
}

/// (child, assignment, version, number, agreed_at, times per week, carried from)
type AssignmentRow = (Id, Id, Id, i64, At, i64, Option<Id>);

/// The agreed assignments of the caseload's children that can be in force
/// from `since` on: the versions agreed since, and the newest agreed before
/// (still in force at `since`). Older versions cannot count in the window,
/// so years of plan history are not read. The strategy text is left out
/// (the triage counts, it does not show strategies).
pub async fn agreed_assignments(
    conn: &mut AnyConnection,
    actor: &Actor,
    since: OffsetDateTime,
) -> Result<Vec<(Uuid, AgreedAssignment)>, StoreError> {
    let sql = format!(
        "SELECT a.child_id, a.assignment_id, a.plan_version_id, v.number, v.agreed_at, \
         a.times_per_week, a.carried_from_id \
         FROM {CASELOAD} CROSS JOIN plan_version v CROSS JOIN assignment a \
         WHERE {OF_ACTOR} AND v.clinic_id = c.clinic_id AND v.child_id = c.child_id \
         AND a.clinic_id = v.clinic_id AND a.child_id = v.child_id \
         AND a.plan_version_id = v.plan_version_id AND v.agreed_at IS NOT NULL AND (v.agreed_at >= $3 OR v.number >= \
           (SELECT MAX(p.number) FROM plan_version p WHERE p.clinic_id = v.clinic_id \
            AND p.child_id = v.child_id AND p.agreed_at IS NOT NULL AND p.agreed_at < $3)) \
         ORDER BY a.child_id, v.number, a.position"
    );
    let rows: Vec<AssignmentRow> = sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(Id(actor.clinic_id()))
        .bind(Id(actor.person_id()))
        .bind(At(since))
        .fetch_all(conn)
        .await?;
    Ok(rows
        .into_iter()
        .map(|(child, a, v, number, at, times, carried)| {
            let assignment = AgreedAssignment {
                assignment_id: a.0,
                snapshot: StrategySnapshot::default(),
                version_id: v.0,
                version_number: number,
                agreed_at: at.0,
                times_per_week: u32::try_from(times).unwrap_or(0),
                carried_from: carried.map(|id| id.0),
            };
            (child.0, assignment)
        })
        .collect())
}

/// One live practice log of the window: (child, assignment, the clinic's date).
pub type LogDate = (Uuid, Uuid, Date);

/// The caseload's live logs practised from `since` to `today`: a few weeks
/// of rows, read through `practice_log_live_by_day`.
pub async fn log_dates(
    conn: &mut AnyConnection,
    actor: &Actor,
    since: Date,
    today: Date,
) -> Result<Vec<LogDate>, StoreError> {
    let sql = format!(
        "SELECT l.child_id, l.assignment_id, l.practised_on \
         FROM {CASELOAD} CROSS JOIN practice_log l \
         WHERE {OF_ACTOR} AND l.clinic_id = c.clinic_id AND l.child_id = c.child_id \
         AND l.deleted_at IS NULL AND l.practised_on >= $3 AND l.practised_on <= $4"
    );
    let rows: Vec<(Id, Id, Day)> = sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(Id(actor.clinic_id()))
        .bind(Id(actor.person_id()))
        .bind(Day(since))
        .bind(Day(today))
        .fetch_all(conn)
        .await?;
    Ok(rows.into_iter().map(|(c, a, d)| (c.0, a.0, d.0)).collect())
}
