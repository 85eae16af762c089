//! The practice plan of a version: assignments, each a strategy (its text
//! kept as the version uses it) practised in some routines, so many times a
//! week, by any caregiver or a named one. Found by (clinic, child, version,
//! assignment): another child's or another version's assignment finds nothing.

use carryover_domain::{
    library::{StrategySnapshot, StrategySource},
    plan::TimesPerWeek,
    routine::{RoutineRef, StandardRoutine},
};
use sqlx::{AnyConnection, FromRow};
use time::OffsetDateTime;
use uuid::Uuid;

use crate::{
    StoreError, WriteTx,
    codec::{At, Code, Id},
    grant::{ChildGrant, FullGrant},
    plans::PlanVersion,
};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Assignment {
    pub assignment_id: Uuid,
    pub source: StrategySource,
    pub snapshot: StrategySnapshot,
    /// The same assignment in the version this one was drafted from.
    pub carried_from: Option<Uuid>,
    pub fields: AssignmentFields,
    /// The name of the caregiver in `fields.practised_by`.
    pub practised_by_name: Option<String>,
}

/// What a therapist sets for an assignment, checked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AssignmentFields {
    pub routines: Vec<RoutineRef>,
    pub times_per_week: TimesPerWeek,
    /// `None`: any caregiver.
    pub practised_by: Option<Uuid>,
    pub goals: Vec<Uuid>,
    pub changes: String,
}

#[derive(FromRow)]
struct Row {
    assignment_id: Id,
    starter_slug: Option<String>,
    clinic_strategy_id: Option<Id>,
    strategy_text: String,
    times_per_week: i64,
    practised_by: Option<Id>,
    display_name: Option<String>,
    changes: String,
    carried_from_id: Option<Id>,
}

#[derive(FromRow)]
struct RoutineRow {
    assignment_id: Id,
    standard_routine: Option<Code<StandardRoutine>>,
    household_routine_id: Option<Id>,
}

impl Row {
    fn into_assignment(self) -> Result<Assignment, StoreError> {
        let source = match (self.starter_slug, self.clinic_strategy_id) {
            (Some(slug), None) => StrategySource::Starter(slug),
            (None, Some(id)) => StrategySource::Clinic(id.0),
            _ => return Err(StoreError::Corrupt("an assignment without one strategy".into())),
        };
        let snapshot = serde_json::from_str(&self.strategy_text)
            .map_err(|e| StoreError::Corrupt(format!("strategy text: {e}")))?;
        let times_per_week = TimesPerWeek::new(self.times_per_week)
            .map_err(|e| StoreError::Corrupt(format!("times per week: {e}")))?;
        Ok(Assignment {
            assignment_id: self.assignment_id.0,
            source,
            snapshot,
            carried_from: self.carried_from_id.map(|id| id.0),
            fields: AssignmentFields {
                routines: Vec::new(),
                times_per_week,
                practised_by: self.practised_by.map(|id| id.0),
                goals: Vec::new(),
                changes: self.changes,
            },
            practised_by_name: self.display_name,
        })
    }
}

/// The assignments of a version, in their order, with their routines and goals.
pub async fn assignments(
    conn: &mut AnyConnection,
    grant: &ChildGrant,
    version: &PlanVersion,
) -> Result<Vec<Assignment>, StoreError> {
    let (clinic, child, v) = (Id(grant.clinic_id()), Id(grant.child_id()), Id(version.version_id));
    let rows: Vec<Row> = sqlx::query_as(
        "SELECT a.assignment_id, a.starter_slug, a.clinic_strategy_id, a.strategy_text, a.times_per_week, \
         a.practised_by, p.display_name, a.changes, a.carried_from_id FROM assignment a \
         LEFT JOIN person p ON p.clinic_id = a.clinic_id AND p.person_id = a.practised_by \
         WHERE a.clinic_id = $1 AND a.child_id = $2 AND a.plan_version_id = $3 ORDER BY a.position",
    )
    .bind(clinic)
    .bind(child)
    .bind(v)
    .fetch_all(&mut *conn)
    .await?;
    let mut found: Vec<Assignment> =
        rows.into_iter().map(Row::into_assignment).collect::<Result<_, _>>()?;
    let routines: Vec<RoutineRow> = sqlx::query_as(
        "SELECT r.assignment_id, r.standard_routine, r.household_routine_id FROM assignment_routine r \
         JOIN assignment a ON a.clinic_id = r.clinic_id AND a.child_id = r.child_id AND a.assignment_id = r.assignment_id \
         WHERE r.clinic_id = $1 AND r.child_id = $2 AND a.plan_version_id = $3 ORDER BY r.position",
    )
    .bind(clinic)
    .bind(child)
    .bind(v)
    .fetch_all(&mut *conn)
    .await?;
    for row in routines {
        let routine = match (row.standard_routine, row.household_routine_id) {
            (Some(code), None) => RoutineRef::Standard(code.0),
            (None, Some(id)) => RoutineRef::Own(id.0),
            _ => return Err(StoreError::Corrupt("an assignment routine of both kinds".into())),
        };
        if let Some(a) = found.iter_mut().find(|a| a.assignment_id == row.assignment_id.0) {
            a.fields.routines.push(routine);
        }
    }
    let goals: Vec<(Id, Id)> = sqlx::query_as(
        "SELECT ag.assignment_id, ag.goal_id FROM assignment_goal ag \
         JOIN assignment a ON a.clinic_id = ag.clinic_id AND a.child_id = ag.child_id AND a.assignment_id = ag.assignment_id \
         JOIN goal g ON g.clinic_id = ag.clinic_id AND g.child_id = ag.child_id AND g.goal_id = ag.goal_id \
         WHERE ag.clinic_id = $1 AND ag.child_id = $2 AND a.plan_version_id = $3 ORDER BY g.created_at, g.goal_id",
    )
    .bind(clinic)
    .bind(child)
    .bind(v)
    .fetch_all(&mut *conn)
    .await?;
    for (assignment, goal) in goals {
        if let Some(a) = found.iter_mut().find(|a| a.assignment_id == assignment.0) {
            a.fields.goals.push(goal.0);
        }
    }
    Ok(found)
}

/// An assignment to add to a version.
#[derive(Clone, Copy, Debug)]
pub struct NewAssignment<'a> {
    pub source: &'a StrategySource,
    pub snapshot: &'a StrategySnapshot,
    pub fields: &'a AssignmentFields,
    pub carried_from: Option<Uuid>,
}

/// A new assignment at the end of a version's practice plan.
pub async fn insert_assignment(
    tx: &mut WriteTx,
    grant: &FullGrant,
    version: &PlanVersion,
    new: NewAssignment<'_>,
    now: OffsetDateTime,
) -> Result<Uuid, StoreError> {
    let NewAssignment { source, snapshot, fields, carried_from } = new;
    let (clinic, child, v) = (Id(grant.clinic_id()), Id(grant.child_id()), Id(version.version_id));
    let last: Option<i64> = sqlx::query_scalar(
        "SELECT MAX(position) FROM assignment WHERE clinic_id = $1 AND child_id = $2 AND plan_version_id = $3",
    )
    .bind(clinic)
    .bind(child)
    .bind(v)
    .fetch_one(&mut **tx)
    .await?;
    let (slug, clinic_strategy) = match source {
        StrategySource::Starter(slug) => (Some(slug.as_str()), None),
        StrategySource::Clinic(id) => (None, Some(Id(*id))),
    };
    let text = serde_json::to_string(snapshot).map_err(|e| StoreError::Invalid(e.to_string()))?;
    let id = Uuid::now_v7();
    sqlx::query(
        "INSERT INTO assignment (clinic_id, child_id, assignment_id, plan_version_id, position, starter_slug, \
         clinic_strategy_id, strategy_text, times_per_week, practised_by, changes, carried_from_id, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)",
    )
    .bind(clinic)
    .bind(child)
    .bind(Id(id))
    .bind(v)
    .bind(last.unwrap_or(0) + 1)
    .bind(slug)
    .bind(clinic_strategy)
    .bind(text)
    .bind(i64::from(fields.times_per_week))
    .bind(fields.practised_by.map(Id))
    .bind(fields.changes.as_str())
    .bind(carried_from.map(Id))
    .bind(At(now))
    .execute(&mut **tx)
    .await?;
    write_links(tx, grant, id, fields).await?;
    Ok(id)
}

/// Replaces an assignment's routines and goals with those of `fields`.
async fn write_links(
    tx: &mut WriteTx,
    grant: &FullGrant,
    assignment_id: Uuid,
    fields: &AssignmentFields,
) -> Result<(), StoreError> {
    let (clinic, child, a) = (Id(grant.clinic_id()), Id(grant.child_id()), Id(assignment_id));
    for table in ["assignment_routine", "assignment_goal"] {
        let sql = format!(
            "DELETE FROM {table} WHERE clinic_id = $1 AND child_id = $2 AND assignment_id = $3"
        );
        sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(clinic)
            .bind(child)
            .bind(a)
            .execute(&mut **tx)
            .await?;
    }
    for (position, routine) in (1_i64..).zip(&fields.routines) {
        let (standard, own) = match routine {
            RoutineRef::Standard(code) => (Some(Code(*code)), None),
            RoutineRef::Own(id) => (None, Some(Id(*id))),
        };
        sqlx::query(
            "INSERT INTO assignment_routine (clinic_id, child_id, assignment_id, position, standard_routine, \
             household_routine_id) VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(clinic)
        .bind(child)
        .bind(a)
        .bind(position)
        .bind(standard)
        .bind(own)
        .execute(&mut **tx)
        .await?;
    }
    for goal in &fields.goals {
        sqlx::query(
            "INSERT INTO assignment_goal (clinic_id, child_id, assignment_id, goal_id) VALUES ($1, $2, $3, $4)",
        )
        .bind(clinic)
        .bind(child)
        .bind(a)
        .bind(Id(*goal))
        .execute(&mut **tx)
        .await?;
    }
    Ok(())
}

/// `NotFound` for an assignment of another child or another version.
pub async fn update_assignment(
    tx: &mut WriteTx,
    grant: &FullGrant,
    version: &PlanVersion,
    assignment_id: Uuid,
    fields: &AssignmentFields,
) -> Result<(), StoreError> {
    let done = sqlx::query(
        "UPDATE assignment SET times_per_week = $5, practised_by = $6, changes = $7 \
         WHERE clinic_id = $1 AND child_id = $2 AND plan_version_id = $3 AND assignment_id = $4",
    )
    .bind(Id(grant.clinic_id()))
    .bind(Id(grant.child_id()))
    .bind(Id(version.version_id))
    .bind(Id(assignment_id))
    .bind(i64::from(fields.times_per_week))
    .bind(fields.practised_by.map(Id))
    .bind(fields.changes.as_str())
    .execute(&mut **tx)
    .await?;
    if done.rows_affected() == 0 {
        return Err(StoreError::NotFound);
    }
    write_links(tx, grant, assignment_id, fields).await
}

/// Removes an assignment of an open version. Nothing points at it: only
/// later versions carry assignments forward, and an open version has none.
pub async fn delete_assignment(
    tx: &mut WriteTx,
    grant: &FullGrant,
    version: &PlanVersion,
    assignment_id: Uuid,
) -> Result<(), StoreError> {
    let (clinic, child, a) = (Id(grant.clinic_id()), Id(grant.child_id()), Id(assignment_id));
    let exists: Option<Id> = sqlx::query_scalar(
        "SELECT assignment_id FROM assignment WHERE clinic_id = $1 AND child_id = $2 \
         AND plan_version_id = $3 AND assignment_id = $4",
    )
    .bind(clinic)
    .bind(child)
    .bind(Id(version.version_id))
    .bind(a)
    .fetch_optional(&mut **tx)
    .await?;
    if exists.is_none() {
        return Err(StoreError::NotFound);
    }
    for table in ["assignment_routine", "assignment_goal", "assignment"] {
        let sql = format!(
            "DELETE FROM {table} WHERE clinic_id = $1 AND child_id = $2 AND assignment_id = $3"
        );
        sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(clinic)
            .bind(child)
            .bind(a)
            .execute(&mut **tx)
            .await?;
    }
    Ok(())
}

/// Copies a version's goals and assignments into a new draft, each new
/// assignment carried from its original (the text snapshot is kept as
/// agreed: a new version does not quietly pick up library edits).
pub async fn copy_plan(
    tx: &mut WriteTx,
    grant: &FullGrant,
    from: &PlanVersion,
    to: &PlanVersion,
    now: OffsetDateTime,
) -> Result<(), StoreError> {
    let goals = crate::plans::plan_goals(tx, grant.child(), from).await?;
    crate::plans::add_plan_goals(tx, grant, to, &goals).await?;
    for old in assignments(tx, grant.child(), from).await? {
        let new = NewAssignment {
            source: &old.source,
            snapshot: &old.snapshot,
            fields: &old.fields,
            carried_from: Some(old.assignment_id),
        };
        insert_assignment(tx, grant, to, new, now).await?;
    }
    Ok(())
}
