//! The care team prepares a version: starts it from the agreed one, sets the
//! family's priorities and goals, and assigns strategies fast — search, pick
//! a routine, set a target. Editing a shared version takes it back to draft.

use carryover_domain::{
    audit::{AuditAction, AuditResource},
    goal::GoalStatus,
    library::{LibraryQuery, age_in_months},
    people::Access,
    plan::PRIORITIES_MAX_CHARS,
    strategies::Area,
    text::check_optional_paragraph,
};
use carryover_store::{
    WriteTx, assignments, audit, children, constraint, goals,
    plans::{self, PlanVersion},
    routines, strategies,
};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::view::{self, VersionView};
use crate::{
    ChildGrant, FullGrant, OpError, Ops, Problem, Who,
    error::Fields,
    goals::GoalWords,
    routines::{RoutineLine, lines},
    scope::{clinic_day, team},
    strategies::{StrategyCard, search},
};

/// Results shown at most, so that the editor stays quick on a tablet.
const MAX_RESULTS: usize = 12;

/// A caregiver of the household, for "who practises" and "agreed with".
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CaregiverChoice {
    pub person_id: Uuid,
    pub name: String,
    pub access: Access,
}

/// The strategy search of the editor, as its form sends it.
#[derive(Clone, Debug, Default, Deserialize, Serialize, utoipa::ToSchema)]
pub struct SearchInput {
    #[serde(default)]
    pub q: String,
    #[serde(default)]
    pub area: String,
}

#[derive(Clone, Debug, Serialize)]
pub struct SearchView {
    pub results: Vec<StrategyCard>,
    /// The child's age the results fit; `None` without a date of birth.
    pub age_months: Option<u16>,
    /// No words and no area: suggestions for the areas of the child's goals.
    pub suggested: bool,
}

#[derive(Clone, Debug, Serialize)]
pub struct EditorView {
    pub child_name: String,
    pub version: VersionView,
    /// False once agreed: the editor then only says so.
    pub editable: bool,
    pub days_waiting: Option<i64>,
    /// The child's goals that are not discontinued, for the checkboxes.
    pub goals: Vec<GoalWords>,
    pub routines: Vec<RoutineLine>,
    pub caregivers: Vec<CaregiverChoice>,
    pub search: SearchView,
}

pub(super) async fn open_version(
    conn: &mut carryover_store::AnyConnection,
    team: &FullGrant,
    id: Uuid,
) -> Result<PlanVersion, OpError> {
    plans::version(conn, team, id).await?.ok_or(OpError::NotFound)
}

pub(super) fn agreed_already() -> OpError {
    OpError::Conflict { constraint: "plan_version_agreed", field: None }
}

pub(super) async fn caregivers(
    conn: &mut carryover_store::AnyConnection,
    team: &FullGrant,
) -> Result<Vec<CaregiverChoice>, OpError> {
    Ok(children::child_details(conn, team)
        .await?
        .caregivers
        .into_iter()
        .map(|c| CaregiverChoice { person_id: c.person_id, name: c.display_name, access: c.access })
        .collect())
}

pub async fn editor(
    ops: &Ops,
    who: &Who,
    grant: &ChildGrant,
    version_id: Uuid,
    input: &SearchInput,
) -> Result<EditorView, OpError> {
    let team = team(grant)?;
    let mut tx = ops.db.begin_write().await?;
    let version = open_version(&mut tx, &team, version_id).await?;
    let basics = children::child_basics(&mut tx, grant).await?;
    let details = children::child_details(&mut tx, &team).await?;
    let day = clinic_day(&mut tx, grant.clinic_id(), ops.now()).await?;
    let all_goals: Vec<GoalWords> =
        goals::goals(&mut tx, grant).await?.iter().map(GoalWords::from).collect();
    let household = routines::routines(&mut tx, grant).await?;
    let clinic_strategies = strategies::clinic_strategies(&mut tx, grant.actor()).await?;
    let caregivers = caregivers(&mut tx, &team).await?;
    let loaded = view::load(&mut tx, grant, version).await?;
    let event = who.event(
        AuditAction::View,
        AuditResource::Plan,
        Some(version_id.to_string()),
        Some(grant.child_id()),
    );
    audit::append(&mut tx, &event, ops.now()).await?;
    tx.commit().await?;
    let birth = details.date_of_birth;
    let age_months = birth.and_then(|b| age_in_months(b, day.today));
    let goals: Vec<GoalWords> =
        all_goals.iter().filter(|g| g.status != GoalStatus::Discontinued).cloned().collect();
    let search = search_view(&clinic_strategies, input, age_months, &goals);
    let status = loaded.version.status();
    Ok(EditorView {
        child_name: basics.preferred_name,
        version: loaded.view(&all_goals, &household),
        editable: status.is_editable(),
        days_waiting: loaded
            .version
            .shared_at
            .map(|at| carryover_domain::plan::days_waiting(day.zone.local_date(at), day.today)),
        goals,
        routines: lines(&household),
        caregivers,
        search,
    })
}

fn search_view(
    clinic: &[carryover_store::strategies::ClinicStrategy],
    input: &SearchInput,
    age_months: Option<u16>,
    goals: &[GoalWords],
) -> SearchView {
    let area = Area::parse(input.area.trim());
    let query = LibraryQuery::new(&input.q, area, age_months);
    let suggested = !query.has_words() && area.is_none();
    let goal_areas: Vec<Area> =
        goals.iter().filter(|g| g.status == GoalStatus::Active).map(|g| g.area).collect();
    let results = search(clinic, &query)
        .into_iter()
        .filter(|card| {
            !suggested || goal_areas.is_empty() || card.areas.iter().any(|a| goal_areas.contains(a))
        })
        .take(MAX_RESULTS)
        .collect();
    SearchView { results, age_months, suggested }
}

/// The answer to "start a new version": the open one if there was one.
#[derive(Clone, Copy, Debug, Serialize)]
pub struct DraftStarted {
    pub version_id: Uuid,
    pub created: bool,
}

/// Starts a version from the agreed one (its priorities, goals and
/// assignments), or returns the version already open: there is one at a time.
pub async fn start_draft(
    ops: &Ops,
    who: &Who,
    grant: &ChildGrant,
) -> Result<DraftStarted, OpError> {
    let team = team(grant)?;
    let mut tx = ops.db.begin_write().await?;
    if let Some(open) = plans::open_version(&mut tx, &team).await? {
        let event = who.event(
            AuditAction::View,
            AuditResource::Plan,
            Some(open.version_id.to_string()),
            Some(grant.child_id()),
        );
        audit::append(&mut tx, &event, ops.now()).await?;
        tx.commit().await?;
        return Ok(DraftStarted { version_id: open.version_id, created: false });
    }
    let current = plans::current_agreed(&mut tx, grant).await?;
    let draft = match plans::insert_version(&mut tx, &team, current.as_ref(), ops.now()).await {
        Ok(draft) => draft,
        // Someone started one a moment ago: that one is the draft.
        Err(e)
            if e.is_conflict_on(constraint::PLAN_VERSION_ONE_OPEN)
                || e.is_conflict_on(constraint::PLAN_VERSION_NUMBER) =>
        {
            drop(tx);
            return Box::pin(start_draft(ops, who, grant)).await;
        }
        Err(e) => return Err(e.into()),
    };
    if let Some(current) = &current {
        assignments::copy_plan(&mut tx, &team, current, &draft, ops.now()).await?;
    }
    let event = who.event(
        AuditAction::Create,
        AuditResource::Plan,
        Some(draft.version_id.to_string()),
        Some(grant.child_id()),
    );
    audit::append(&mut tx, &event, ops.now()).await?;
    tx.commit().await?;
    Ok(DraftStarted { version_id: draft.version_id, created: true })
}

/// Ids sent as text; each must be one of `known`, else the field is refused.
pub(super) fn ids_among(
    fields: &mut Fields,
    field: &'static str,
    texts: &[String],
    known: &[Uuid],
    problem: Problem,
) -> Vec<Uuid> {
    let mut ids = Vec::new();
    for text in texts.iter().filter(|t| !t.trim().is_empty()) {
        match Uuid::parse_str(text.trim()).ok().filter(|id| known.contains(id)) {
            Some(id) if !ids.contains(&id) => ids.push(id),
            Some(_) => {}
            None => {
                fields.push(field, problem);
                break;
            }
        }
    }
    ids
}

pub(super) async fn edit_open(
    tx: &mut WriteTx,
    team: &FullGrant,
    version_id: Uuid,
) -> Result<PlanVersion, OpError> {
    let version = open_version(tx, team, version_id).await?;
    if !version.status().is_editable() {
        return Err(agreed_already());
    }
    Ok(version)
}

#[derive(Clone, Debug, Default, Deserialize, Serialize, utoipa::ToSchema)]
#[schema(example = json!({"priorities": "Mornings without a fight about clothes", "goals": ["0190f000-0000-7000-8000-000000000010"]}))]
pub struct PrioritiesInput {
    #[serde(default)]
    pub priorities: String,
    #[serde(default)]
    pub goals: Vec<String>,
}

/// The family's priorities in their words, and the goals the version works on.
pub async fn set_priorities(
    ops: &Ops,
    who: &Who,
    grant: &ChildGrant,
    version_id: Uuid,
    input: &PrioritiesInput,
) -> Result<(), OpError> {
    let team = team(grant)?;
    let mut tx = ops.db.begin_write().await?;
    let version = edit_open(&mut tx, &team, version_id).await?;
    let known: Vec<Uuid> = goals::goals(&mut tx, grant).await?.iter().map(|g| g.goal_id).collect();
    let mut fields = Fields::default();
    let priorities = fields
        .check("priorities", check_optional_paragraph(&input.priorities, PRIORITIES_MAX_CHARS));
    let goals = ids_among(&mut fields, "goals", &input.goals, &known, Problem::NotThisChildsGoal);
    let priorities = fields.finish(priorities)?;
    if !plans::mark_edited(&mut tx, &team, &version, ops.now()).await? {
        return Err(agreed_already());
    }
    plans::set_priorities(&mut tx, &team, &version, &priorities, &goals).await?;
    audit_plan(ops, who, &mut tx, AuditAction::Update, AuditResource::Plan, version_id, grant)
        .await?;
    tx.commit().await?;
    Ok(())
}

pub(super) async fn audit_plan(
    ops: &Ops,
    who: &Who,
    tx: &mut WriteTx,
    action: AuditAction,
    resource: AuditResource,
    id: Uuid,
    grant: &ChildGrant,
) -> Result<(), OpError> {
    let event = who.event(action, resource, Some(id.to_string()), Some(grant.child_id()));
    audit::append(tx, &event, ops.now()).await?;
    Ok(())
}
