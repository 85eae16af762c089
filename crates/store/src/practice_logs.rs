//! Practice logs (issue 12 part A). A log is found by (clinic, child, id),
//! so another child's log id finds nothing; its id is made by the client and
//! taken once per clinic, so a retry finds the log it already made.
//!
//! Writes take a [`WritableGrant`]; reads a [`ChildGrant`] and the caller
//! decides what a helper sees (only their own logs: [`LogFilter`]).

use carryover_domain::{
    generalization::ChildResponse,
    library::StrategySnapshot,
    people::Access,
    practice::SaidWhen,
    routine::{RoutineRef, StandardRoutine, UsualTime},
};
use sqlx::{AnyConnection, FromRow};
use time::{Date, OffsetDateTime};
use uuid::Uuid;

use crate::{
    StoreError, WriteTx,
    codec::{At, Code, Day, Id},
    grant::{ChildGrant, WritableGrant},
    paging::{Page, Paging},
};

/// What a caregiver says about one practice. Two sends of a log with the
/// same id are "the same" when this is equal.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LogContent {
    pub assignment_id: Uuid,
    pub routine: RoutineRef,
    pub practised_by: Uuid,
    pub said_when: SaidWhen,
    pub response: ChildResponse,
    pub confidence: Option<u8>,
    pub note: String,
}

/// A stored log.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PracticeLog {
    pub log_id: Uuid,
    pub child_id: Uuid,
    pub household_id: Uuid,
    pub content: LogContent,
    /// The clinic's date of the practice.
    pub practised_on: Date,
    pub practised_time: Option<UsualTime>,
    pub practised_by_name: String,
    pub logged_by: Uuid,
    pub created_at: OffsetDateTime,
    pub updated_at: OffsetDateTime,
    pub deleted_at: Option<OffsetDateTime>,
}

#[derive(FromRow)]
struct Row {
    practice_log_id: Id,
    child_id: Id,
    household_id: Id,
    assignment_id: Id,
    standard_routine: Option<Code<StandardRoutine>>,
    household_routine_id: Option<Id>,
    practised_by: Id,
    practised_by_name: String,
    practised_on: Day,
    practised_time: Option<String>,
    said_when: Code<SaidWhen>,
    response: Code<ChildResponse>,
    confidence: Option<i64>,
    note: String,
    logged_by: Id,
    created_at: At,
    updated_at: At,
    deleted_at: Option<At>,
}

impl Row {
    fn into_log(self) -> Result<PracticeLog, StoreError> {
        let routine = match (self.standard_routine, self.household_routine_id) {
            (Some(code), None) => RoutineRef::Standard(code.0),
            (None, Some(id)) => RoutineRef::Own(id.0),
            _ => return Err(StoreError::Corrupt("a practice log of two routines".into())),
        };
        let practised_time = match self.practised_time {
            Some(t) => Some(
                UsualTime::parse(&t).ok_or_else(|| StoreError::Corrupt(format!("time {t:?}")))?,
            ),
            None => None,
        };
        let confidence = match self.confidence {
            Some(c) => {
                Some(u8::try_from(c).map_err(|_| StoreError::Corrupt(format!("confidence {c}")))?)
            }
            None => None,
        };
        Ok(PracticeLog {
            log_id: self.practice_log_id.0,
            child_id: self.child_id.0,
            household_id: self.household_id.0,
            content: LogContent {
                assignment_id: self.assignment_id.0,
                routine,
                practised_by: self.practised_by.0,
                said_when: self.said_when.0,
                response: self.response.0,
                confidence,
                note: self.note,
            },
            practised_on: self.practised_on.0,
            practised_time,
            practised_by_name: self.practised_by_name,
            logged_by: self.logged_by.0,
            created_at: self.created_at.0,
            updated_at: self.updated_at.0,
            deleted_at: self.deleted_at.map(|at| at.0),
        })
    }
}

const SELECT: &str = "SELECT l.practice_log_id, l.child_id, l.household_id, l.assignment_id, \
     l.standard_routine, l.household_routine_id, l.practised_by, p.display_name AS practised_by_name, \
     l.practised_on, l.practised_time, l.said_when, l.response, l.confidence, l.note, l.logged_by, \
     l.created_at, l.updated_at, l.deleted_at FROM practice_log l \
     JOIN person p ON p.clinic_id = l.clinic_id AND p.person_id = l.practised_by";

fn routine_columns(routine: RoutineRef) -> (Option<Code<StandardRoutine>>, Option<Id>) {
    match routine {
        RoutineRef::Standard(code) => (Some(Code(code)), None),
        RoutineRef::Own(id) => (None, Some(Id(id))),
    }
}

/// One log of the child, deleted or not; `None` for another child's id.
pub async fn log(
    conn: &mut AnyConnection,
    grant: &ChildGrant,
    log_id: Uuid,
) -> Result<Option<PracticeLog>, StoreError> {
    let sql =
        format!("{SELECT} WHERE l.clinic_id = $1 AND l.child_id = $2 AND l.practice_log_id = $3");
    let row: Option<Row> = sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(Id(grant.clinic_id()))
        .bind(Id(grant.child_id()))
        .bind(Id(log_id))
        .fetch_optional(conn)
        .await?;
    row.map(Row::into_log).transpose()
}

/// Whether the id is taken in the clinic by a log of another child: a
/// client reusing an id there is refused, never merged.
pub async fn id_taken_elsewhere(
    conn: &mut AnyConnection,
    grant: &ChildGrant,
    log_id: Uuid,
) -> Result<bool, StoreError> {
    let found: Option<Id> = sqlx::query_scalar(
        "SELECT practice_log_id FROM practice_log WHERE clinic_id = $1 AND practice_log_id = $2 \
         AND child_id <> $3",
    )
    .bind(Id(grant.clinic_id()))
    .bind(Id(log_id))
    .bind(Id(grant.child_id()))
    .fetch_optional(conn)
    .await?;
    Ok(found.is_some())
}

/// A log to store, checked by the caller.
#[derive(Clone, Debug)]
pub struct NewLog<'a> {
    pub log_id: Uuid,
    pub content: &'a LogContent,
    pub practised_on: Date,
    pub practised_time: Option<UsualTime>,
}

/// Stores a new log. A log with the same id in the clinic is a conflict on
/// `practice_log_id_once` (or the primary key), which the caller answers by
/// reading what is there.
pub async fn insert_log(
    tx: &mut WriteTx,
    grant: &WritableGrant,
    new: &NewLog<'_>,
    now: OffsetDateTime,
) -> Result<(), StoreError> {
    // One row of the bulk statement: the same text, one set of values.
    insert_logs(tx, grant, &[(new.clone(), now)]).await
}

/// How many logs one bulk statement stores: 17 parameters each stays far
/// below both databases' parameter limits.
const BULK_ROWS: usize = 64;

/// Stores many logs of one child with few statements: one row of values per
/// log, `BULK_ROWS` rows a statement. For generating benchmark data at
/// multi-clinic scale, where one statement per log would take hours; `at` is
/// each log's `created_at`.
pub async fn insert_logs(
    tx: &mut WriteTx,
    grant: &WritableGrant,
    logs: &[(NewLog<'_>, OffsetDateTime)],
) -> Result<(), StoreError> {
    for chunk in logs.chunks(BULK_ROWS) {
        let mut sql = String::from(
            "INSERT INTO practice_log (clinic_id, child_id, practice_log_id, assignment_id, household_id, \
             standard_routine, household_routine_id, practised_by, practised_on, practised_time, said_when, \
             response, confidence, note, logged_by, created_at, updated_at) VALUES ",
        );
        for row in 0..chunk.len() {
            let p = row * 16;
            let params: Vec<String> = (1..=16).map(|i| format!("${}", p + i)).collect();
            if row > 0 {
                sql.push_str(", ");
            }
            sql.push_str(&format!("({}, ${})", params.join(", "), p + 16));
        }
        let mut query = sqlx::query(sqlx::AssertSqlSafe(sql));
        for (new, at) in chunk {
            let c = new.content;
            let (standard, own) = routine_columns(c.routine);
            query = query
                .bind(Id(grant.clinic_id()))
                .bind(Id(grant.child_id()))
                .bind(Id(new.log_id))
                .bind(Id(c.assignment_id))
                .bind(Id(grant.household_id()))
                .bind(standard)
                .bind(own)
                .bind(Id(c.practised_by))
                .bind(Day(new.practised_on))
                .bind(new.practised_time.map(|t| t.to_string()))
                .bind(Code(c.said_when))
                .bind(Code(c.response))
                .bind(c.confidence.map(i64::from))
                .bind(c.note.as_str())
                .bind(Id(grant.actor().person_id()))
                .bind(At(*at));
        }
        query.execute(&mut **tx).await?;
    }
    Ok(())
}

/// What a correction may change: everything but the assignment and the day.
#[derive(Clone, Debug)]
pub struct Correction<'a> {
    pub routine: RoutineRef,
    pub practised_by: Uuid,
    pub response: ChildResponse,
    pub confidence: Option<u8>,
    pub note: &'a str,
}

/// Corrects a live log of the child. `NotFound` for another child's log or
/// a deleted one; the caller checks who may correct it and until when.
pub async fn correct_log(
    tx: &mut WriteTx,
    grant: &WritableGrant,
    log_id: Uuid,
    correction: &Correction<'_>,
    now: OffsetDateTime,
) -> Result<(), StoreError> {
    let (standard, own) = routine_columns(correction.routine);
    let done = sqlx::query(
        "UPDATE practice_log SET standard_routine = $4, household_routine_id = $5, practised_by = $6, \
         response = $7, confidence = $8, note = $9, updated_at = $10 \
         WHERE clinic_id = $1 AND child_id = $2 AND practice_log_id = $3 AND deleted_at IS NULL",
    )
    .bind(Id(grant.clinic_id()))
    .bind(Id(grant.child_id()))
    .bind(Id(log_id))
    .bind(standard)
    .bind(own)
    .bind(Id(correction.practised_by))
    .bind(Code(correction.response))
    .bind(correction.confidence.map(i64::from))
    .bind(correction.note)
    .bind(At(now))
    .execute(&mut **tx)
    .await?;
    if done.rows_affected() == 0 {
        return Err(StoreError::NotFound);
    }
    Ok(())
}

/// Marks a live log deleted; its id stays taken.
pub async fn delete_log(
    tx: &mut WriteTx,
    grant: &WritableGrant,
    log_id: Uuid,
    now: OffsetDateTime,
) -> Result<(), StoreError> {
    let done = sqlx::query(
        "UPDATE practice_log SET deleted_at = $4, updated_at = $4 \
         WHERE clinic_id = $1 AND child_id = $2 AND practice_log_id = $3 AND deleted_at IS NULL",
    )
    .bind(Id(grant.clinic_id()))
    .bind(Id(grant.child_id()))
    .bind(Id(log_id))
    .bind(At(now))
    .execute(&mut **tx)
    .await?;
    if done.rows_affected() == 0 {
        return Err(StoreError::NotFound);
    }
    Ok(())
}

/// Whose logs a list shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LogFilter {
    /// Every live log of the child.
    All,
    /// Only the logs this person made (a helper's own).
    LoggedBy(Uuid),
}

/// The child's live logs, newest practice first (by day, then id), a page
/// after the cursor's log.
pub async fn logs_page(
    conn: &mut AnyConnection,
    grant: &ChildGrant,
    filter: LogFilter,
    paging: Paging,
) -> Result<Page<PracticeLog>, StoreError> {
    // The cursor is a log id; the rows after it are those older by
    // (practised_on, created_at, id), read from the cursor's own row.
    let after = if paging.after.is_some() {
        "AND EXISTS (SELECT 1 FROM practice_log c WHERE c.clinic_id = l.clinic_id \
         AND c.child_id = l.child_id AND c.practice_log_id = $3 AND (l.practised_on < c.practised_on \
         OR (l.practised_on = c.practised_on AND (l.created_at < c.created_at \
         OR (l.created_at = c.created_at AND l.practice_log_id < c.practice_log_id)))))"
    } else {
        ""
    };
    let next = if paging.after.is_some() { 4 } else { 3 };
    let sql = format!(
        "{SELECT} WHERE l.clinic_id = $1 AND l.child_id = $2 AND l.deleted_at IS NULL {after} {} \
         ORDER BY l.practised_on DESC, l.created_at DESC, l.practice_log_id DESC {}",
        logged_by(filter, next),
        paging.limit_sql(),
    );
    let mut query = sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(Id(grant.clinic_id()))
        .bind(Id(grant.child_id()));
    if let Some(after) = paging.after {
        query = query.bind(Id(after));
    }
    let rows: Vec<Row> = bind_logged_by(query, filter).fetch_all(conn).await?;
    let logs = rows.into_iter().map(Row::into_log).collect::<Result<Vec<_>, _>>()?;
    Ok(Page::from_rows(logs, paging, |l| l.log_id))
}

/// Every live log of the child practised on or after `since`, oldest first:
/// what the measures count.
pub async fn logs_since(
    conn: &mut AnyConnection,
    grant: &ChildGrant,
    filter: LogFilter,
    since: Date,
) -> Result<Vec<PracticeLog>, StoreError> {
    let sql = format!(
        "{SELECT} WHERE l.clinic_id = $1 AND l.child_id = $2 AND l.deleted_at IS NULL \
         AND l.practised_on >= $3 {} ORDER BY l.practised_on, l.created_at, l.practice_log_id",
        logged_by(filter, 4),
    );
    let query = sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(Id(grant.clinic_id()))
        .bind(Id(grant.child_id()))
        .bind(Day(since));
    let rows: Vec<Row> = bind_logged_by(query, filter).fetch_all(conn).await?;
    rows.into_iter().map(Row::into_log).collect()
}

/// The days a child practised each assignment since `since` (the caller's
/// own logs when `filter` says so), oldest first: what "This week" counts.
/// Only the two columns it needs, read from `practice_log_live_by_day` alone
/// when every log counts, rather than every column of every log (issue 15).
pub async fn days_since(
    conn: &mut AnyConnection,
    grant: &ChildGrant,
    filter: LogFilter,
    since: Date,
) -> Result<Vec<(Uuid, Date)>, StoreError> {
    let sql = format!(
        "SELECT l.assignment_id, l.practised_on FROM practice_log l \
         WHERE l.clinic_id = $1 AND l.child_id = $2 AND l.deleted_at IS NULL \
         AND l.practised_on >= $3 {} ORDER BY l.practised_on",
        logged_by(filter, 4),
    );
    let query = sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(Id(grant.clinic_id()))
        .bind(Id(grant.child_id()))
        .bind(Day(since));
    let rows: Vec<(Id, Day)> = bind_logged_by(query, filter).fetch_all(conn).await?;
    Ok(rows.into_iter().map(|(a, d)| (a.0, d.0)).collect())
}

/// The filter as its own text (parameter `$param`), not `($n IS NULL OR
/// l.logged_by = $n)`: SQLite compares such a term with the partial index on
/// live logs (migration 0015), and a statement whose plan looked at a bound
/// value is prepared again at every bind — it was most of the cost of a
/// caregiver's home.
fn logged_by(filter: LogFilter, param: usize) -> String {
    match filter {
        LogFilter::All => String::new(),
        LogFilter::LoggedBy(_) => format!("AND l.logged_by = ${param}"),
    }
}

type LogQuery<'q, O> = sqlx::query::QueryAs<'q, sqlx::Any, O, sqlx::any::AnyArguments>;

fn bind_logged_by<O>(query: LogQuery<'_, O>, filter: LogFilter) -> LogQuery<'_, O> {
    match filter {
        LogFilter::All => query,
        LogFilter::LoggedBy(id) => query.bind(Id(id)),
    }
}

#[derive(Clone, Debug)]
pub struct AgreedAssignment {
    pub assignment_id: Uuid,
    /// The strategy's text as the version keeps it.
    pub snapshot: StrategySnapshot,
    pub version_id: Uuid,
    pub version_number: i64,
    pub agreed_at: OffsetDateTime,
    pub times_per_week: u32,
    pub carried_from: Option<Uuid>,
}

/// (assignment, version, number, agreed_at, times per week, carried from, text)
type AgreedRow = (Id, Id, i64, At, i64, Option<Id>, String);

/// Every assignment of every agreed version of the child, oldest version
/// first. Helpers may read it: it is the schedule of the plans they followed.
pub async fn agreed_assignments(
    conn: &mut AnyConnection,
    grant: &ChildGrant,
) -> Result<Vec<AgreedAssignment>, StoreError> {
    let rows: Vec<AgreedRow> = sqlx::query_as(
        "SELECT a.assignment_id, a.plan_version_id, v.number, v.agreed_at, a.times_per_week, a.carried_from_id, \
         a.strategy_text \
         FROM assignment a JOIN plan_version v ON v.clinic_id = a.clinic_id AND v.child_id = a.child_id \
           AND v.plan_version_id = a.plan_version_id \
         WHERE a.clinic_id = $1 AND a.child_id = $2 AND v.agreed_at IS NOT NULL \
         ORDER BY v.number, a.position",
    )
    .bind(Id(grant.clinic_id()))
    .bind(Id(grant.child_id()))
    .fetch_all(conn)
    .await?;
    rows.into_iter()
        .map(|(a, v, number, at, times, carried, text)| {
            let snapshot = serde_json::from_str(&text)
                .map_err(|e| StoreError::Corrupt(format!("strategy text: {e}")))?;
            Ok(AgreedAssignment {
                assignment_id: a.0,
                snapshot,
                version_id: v.0,
                version_number: number,
                agreed_at: at.0,
                times_per_week: u32::try_from(times).unwrap_or(0),
                carried_from: carried.map(|id| id.0),
            })
        })
        .collect()
}

/// A caregiver of the child's household, as the log form offers them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HouseholdCaregiver {
    pub person_id: Uuid,
    pub display_name: String,
    pub access: Access,
}

/// The active caregivers of the child's household (helpers included: they
/// practise too), guardians first.
pub async fn household_caregivers(
    conn: &mut AnyConnection,
    grant: &ChildGrant,
) -> Result<Vec<HouseholdCaregiver>, StoreError> {
    let rows: Vec<(Id, String, Code<Access>)> = sqlx::query_as(
        "SELECT p.person_id, p.display_name, m.access FROM household_member m \
         JOIN person p ON p.clinic_id = m.clinic_id AND p.person_id = m.person_id \
         WHERE m.clinic_id = $1 AND m.household_id = $2 AND p.is_active = 1 \
         ORDER BY m.access, p.display_name",
    )
    .bind(Id(grant.clinic_id()))
    .bind(Id(grant.household_id()))
    .fetch_all(conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(id, display_name, access)| HouseholdCaregiver {
            person_id: id.0,
            display_name,
            access: access.0,
        })
        .collect())
}
