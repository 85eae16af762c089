//! The practice plan of an open version: assigning a strategy (its text
//! kept as it is now), changing what the family does with it, removing it.
//! Every id in a form must be this child's: its goals, its household's
//! routines and caregivers.

use carryover_domain::{
    audit::{AuditAction, AuditResource},
    goal::GoalStatus,
    library::{StrategySnapshot, StrategySource},
    plan::{CHANGES_MAX_CHARS, TimesPerWeek},
    routine::RoutineRef,
    strategies::find_starter,
    text::check_optional_paragraph,
};
use carryover_store::{
    WriteTx,
    assignments::{self, AssignmentFields, NewAssignment},
    children, goals, plans, routines, strategies,
};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::{
    editor::{
        CaregiverChoice, agreed_already, audit_plan, caregivers, edit_open, ids_among, open_version,
    },
    view::{self, AssignmentView},
};
use crate::{
    ChildGrant, FullGrant, OpError, Ops, Problem, Who,
    error::Fields,
    goals::GoalWords,
    routines::{RoutineLine, lines},
    scope::team,
};

/// An assignment as a form or an API body sends it.
#[derive(Clone, Debug, Default, Deserialize, Serialize, utoipa::ToSchema)]
#[schema(example = json!({"strategy": "starter:backward-chaining-dressing", "routines": ["dressing"], "times_per_week": "5", "practised_by": "", "goals": ["0190f000-0000-7000-8000-000000000010"], "changes": "Start with socks only"}))]
pub struct AssignmentInput {
    /// `starter:<slug>` or `clinic:<id>`; only read when adding.
    #[serde(default)]
    pub strategy: String,
    #[serde(default)]
    pub routines: Vec<String>,
    #[serde(default)]
    pub times_per_week: String,
    /// Empty: any caregiver.
    #[serde(default)]
    pub practised_by: String,
    #[serde(default)]
    pub goals: Vec<String>,
    #[serde(default)]
    pub changes: String,
}

/// Checks the fields against this child's goals, routines and caregivers.
async fn check_assignment(
    tx: &mut WriteTx,
    grant: &ChildGrant,
    team: &FullGrant,
    input: &AssignmentInput,
    fields: &mut Fields,
) -> Result<Option<AssignmentFields>, OpError> {
    let known_goals: Vec<Uuid> = goals::goals(tx, grant).await?.iter().map(|g| g.goal_id).collect();
    let household = routines::routines(tx, grant).await?;
    let people: Vec<Uuid> = caregivers(tx, team).await?.iter().map(|c| c.person_id).collect();
    let mut routines = Vec::new();
    for key in input.routines.iter().filter(|k| !k.trim().is_empty()) {
        match RoutineRef::parse(key).filter(|r| household.has(*r)) {
            Some(routine) if !routines.contains(&routine) => routines.push(routine),
            Some(_) => {}
            None => {
                fields.push("routines", Problem::NotInHousehold);
                break;
            }
        }
    }
    if routines.is_empty() && !fields_mention(fields, "routines") {
        fields.push("routines", Problem::Required);
    }
    let times = fields.check("times_per_week", TimesPerWeek::parse(&input.times_per_week));
    let practised_by = match input.practised_by.trim() {
        "" => Some(None),
        text => fields.some(
            "practised_by",
            Uuid::parse_str(text).ok().filter(|id| people.contains(id)).map(Some),
            Problem::NotInHousehold,
        ),
    };
    let goals = ids_among(fields, "goals", &input.goals, &known_goals, Problem::NotThisChildsGoal);
    let changes =
        fields.check("changes", check_optional_paragraph(&input.changes, CHANGES_MAX_CHARS));
    Ok(match (times, practised_by, changes) {
        (Some(times_per_week), Some(practised_by), Some(changes)) if fields.is_empty() => {
            Some(AssignmentFields { routines, times_per_week, practised_by, goals, changes })
        }
        _ => None,
    })
}

fn fields_mention(fields: &Fields, name: &str) -> bool {
    fields.names().any(|f| f == name)
}

/// The strategy named by a form, and its text now: the snapshot the version keeps.
async fn strategy(
    tx: &mut WriteTx,
    grant: &ChildGrant,
    key: &str,
) -> Result<Option<(StrategySource, StrategySnapshot)>, OpError> {
    Ok(match StrategySource::parse(key) {
        Some(StrategySource::Starter(slug)) => find_starter(&slug)
            .map(|s| (StrategySource::Starter(slug.clone()), StrategySnapshot::of_starter(s))),
        Some(StrategySource::Clinic(id)) => {
            strategies::clinic_strategy(tx, grant.actor(), id).await?.map(|s| {
                (StrategySource::Clinic(id), StrategySnapshot { en: s.fields.en, es: s.fields.es })
            })
        }
        None => None,
    })
}

/// Adds a strategy to an open version's practice plan; returns the new
/// assignment's id. Its goals join the goals the version works on.
pub async fn add_assignment(
    ops: &Ops,
    who: &Who,
    grant: &ChildGrant,
    version_id: Uuid,
    input: &AssignmentInput,
) -> Result<Uuid, OpError> {
    let team = team(grant)?;
    let mut tx = ops.db.begin_write().await?;
    let version = edit_open(&mut tx, &team, version_id).await?;
    let mut fields = Fields::default();
    let chosen = strategy(&mut tx, grant, &input.strategy).await?;
    let chosen = fields.some("strategy", chosen, Problem::UnknownStrategy);
    let checked = check_assignment(&mut tx, grant, &team, input, &mut fields).await?;
    let ((source, snapshot), checked) = fields.finish(chosen.zip(checked))?;
    if !plans::mark_edited(&mut tx, &team, &version, ops.now()).await? {
        return Err(agreed_already());
    }
    let new = NewAssignment {
        source: &source,
        snapshot: &snapshot,
        fields: &checked,
        carried_from: None,
    };
    let id = assignments::insert_assignment(&mut tx, &team, &version, new, ops.now()).await?;
    plans::add_plan_goals(&mut tx, &team, &version, &checked.goals).await?;
    audit_plan(ops, who, &mut tx, AuditAction::Create, AuditResource::Assignment, id, grant)
        .await?;
    tx.commit().await?;
    Ok(id)
}

/// Changes an assignment's routines, target, who practises, goals or the
/// family's changes (its strategy stays: assign another one instead).
pub async fn update_assignment(
    ops: &Ops,
    who: &Who,
    grant: &ChildGrant,
    version_id: Uuid,
    assignment_id: Uuid,
    input: &AssignmentInput,
) -> Result<(), OpError> {
    let team = team(grant)?;
    let mut tx = ops.db.begin_write().await?;
    let version = edit_open(&mut tx, &team, version_id).await?;
    let existing = assignments::assignments(&mut tx, grant, &version).await?;
    if !existing.iter().any(|a| a.assignment_id == assignment_id) {
        return Err(OpError::NotFound);
    }
    let mut fields = Fields::default();
    let checked = check_assignment(&mut tx, grant, &team, input, &mut fields).await?;
    let checked = fields.finish(checked)?;
    if !plans::mark_edited(&mut tx, &team, &version, ops.now()).await? {
        return Err(agreed_already());
    }
    assignments::update_assignment(&mut tx, &team, &version, assignment_id, &checked).await?;
    plans::add_plan_goals(&mut tx, &team, &version, &checked.goals).await?;
    // Issue 12: the change answers the flags raised on this practice.
    crate::reflections::plan_changed(ops, who, &mut tx, &team, assignment_id).await?;
    audit_plan(
        ops,
        who,
        &mut tx,
        AuditAction::Update,
        AuditResource::Assignment,
        assignment_id,
        grant,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

pub async fn remove_assignment(
    ops: &Ops,
    who: &Who,
    grant: &ChildGrant,
    version_id: Uuid,
    assignment_id: Uuid,
) -> Result<(), OpError> {
    let team = team(grant)?;
    let mut tx = ops.db.begin_write().await?;
    let version = edit_open(&mut tx, &team, version_id).await?;
    // Issue 12: removing it answers the flags raised on this practice (read
    // before the row, and its link to what it was carried from, go).
    if assignments::assignments(&mut tx, grant, &version)
        .await?
        .iter()
        .any(|a| a.assignment_id == assignment_id)
    {
        crate::reflections::plan_changed(ops, who, &mut tx, &team, assignment_id).await?;
    }
    assignments::delete_assignment(&mut tx, &team, &version, assignment_id).await?;
    if !plans::mark_edited(&mut tx, &team, &version, ops.now()).await? {
        return Err(agreed_already());
    }
    audit_plan(
        ops,
        who,
        &mut tx,
        AuditAction::Delete,
        AuditResource::Assignment,
        assignment_id,
        grant,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// The form to change one assignment.
#[derive(Clone, Debug, Serialize)]
pub struct AssignmentForm {
    pub child_name: String,
    pub version_id: Uuid,
    pub editable: bool,
    pub assignment: AssignmentView,
    pub goals: Vec<GoalWords>,
    pub routines: Vec<RoutineLine>,
    pub caregivers: Vec<CaregiverChoice>,
}

pub async fn assignment_form(
    ops: &Ops,
    who: &Who,
    grant: &ChildGrant,
    version_id: Uuid,
    assignment_id: Uuid,
) -> Result<AssignmentForm, OpError> {
    let team = team(grant)?;
    let mut tx = ops.db.begin_write().await?;
    let version = open_version(&mut tx, &team, version_id).await?;
    let found = assignments::assignments(&mut tx, grant, &version).await?;
    let assignment =
        found.iter().find(|a| a.assignment_id == assignment_id).ok_or(OpError::NotFound)?;
    let basics = children::child_basics(&mut tx, grant).await?;
    let all_goals: Vec<GoalWords> =
        goals::goals(&mut tx, grant).await?.iter().map(GoalWords::from).collect();
    let household = routines::routines(&mut tx, grant).await?;
    let caregivers = caregivers(&mut tx, &team).await?;
    audit_plan(
        ops,
        who,
        &mut tx,
        AuditAction::View,
        AuditResource::Assignment,
        assignment_id,
        grant,
    )
    .await?;
    tx.commit().await?;
    Ok(AssignmentForm {
        child_name: basics.preferred_name,
        version_id,
        editable: version.status().is_editable(),
        assignment: view::assignment_view(assignment, &all_goals, &household),
        goals: all_goals.into_iter().filter(|g| g.status != GoalStatus::Discontinued).collect(),
        routines: lines(&household),
        caregivers,
    })
}
