//! A plan version as pages and the API show it: its goals in words, its
//! assignments with their routines named, who confirmed it and where; and
//! what changed from the version it was drafted from.

use carryover_domain::{
    code_enum,
    library::{StrategySnapshot, StrategySource},
    plan::{
        AgreedWhere, AssignmentFacts, AssignmentPart, PlanChange, PlanFacts, PlanStatus,
        plan_changes,
    },
};
use carryover_store::{
    AnyConnection,
    assignments::{self, Assignment},
    plans::{self, Confirmation, PlanVersion},
    routines::HouseholdRoutines,
};
use serde::Serialize;
use time::OffsetDateTime;
use uuid::Uuid;

use crate::{ChildGrant, OpError, goals::GoalWords, routines::RoutineLine};

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ConfirmationView {
    pub person_id: Uuid,
    pub name: String,
    #[serde(with = "time::serde::rfc3339")]
    pub at: OffsetDateTime,
}

impl From<&Confirmation> for ConfirmationView {
    fn from(c: &Confirmation) -> ConfirmationView {
        ConfirmationView { person_id: c.person_id, name: c.name.clone(), at: c.at }
    }
}

#[derive(Clone, Debug, Serialize)]
pub struct AssignmentView {
    pub assignment_id: Uuid,
    pub source: StrategySource,
    /// The strategy's text as this version keeps it.
    pub text: StrategySnapshot,
    pub routines: Vec<RoutineLine>,
    pub times_per_week: u8,
    /// `None`: any caregiver.
    pub practised_by: Option<Uuid>,
    pub practised_by_name: Option<String>,
    pub goals: Vec<GoalWords>,
    /// The family's changes to the steps.
    pub changes: String,
    pub carried_from: Option<Uuid>,
}

#[derive(Clone, Debug, Serialize)]
pub struct VersionView {
    pub version_id: Uuid,
    pub number: i64,
    pub status: PlanStatus,
    pub priorities: String,
    pub goals: Vec<GoalWords>,
    pub assignments: Vec<AssignmentView>,
    pub based_on: Option<Uuid>,
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
    #[serde(with = "time::serde::rfc3339")]
    pub updated_at: OffsetDateTime,
    #[serde(with = "time::serde::rfc3339::option")]
    pub shared_at: Option<OffsetDateTime>,
    pub therapist: Option<ConfirmationView>,
    pub guardian: Option<ConfirmationView>,
    pub agreed_where: Option<AgreedWhere>,
    #[serde(with = "time::serde::rfc3339::option")]
    pub agreed_at: Option<OffsetDateTime>,
}

/// The routine named by `routine` in words; a routine removed from the
/// household since still shows, by its key.
pub(crate) fn routine_line(
    routines: &HouseholdRoutines,
    routine: carryover_domain::routine::RoutineRef,
) -> RoutineLine {
    use carryover_domain::routine::RoutineRef;
    let (standard, name) = match routine {
        RoutineRef::Standard(code) => (Some(code), None),
        RoutineRef::Own(id) => {
            (None, routines.own.iter().find(|r| r.routine_id == id).map(|r| r.name.clone()))
        }
    };
    RoutineLine { key: routine.key(), standard, name, usual_time: routines.usual_time(routine) }
}

pub(crate) fn goal_words(goals: &[GoalWords], ids: &[Uuid]) -> Vec<GoalWords> {
    ids.iter().filter_map(|id| goals.iter().find(|g| g.goal_id == *id).cloned()).collect()
}

/// A version with everything it holds.
pub(crate) struct Loaded {
    pub version: PlanVersion,
    pub goals: Vec<Uuid>,
    pub assignments: Vec<Assignment>,
}

pub(crate) async fn load(
    conn: &mut AnyConnection,
    grant: &ChildGrant,
    version: PlanVersion,
) -> Result<Loaded, OpError> {
    let goals = plans::plan_goals(conn, grant, &version).await?;
    let assignments = assignments::assignments(conn, grant, &version).await?;
    Ok(Loaded { version, goals, assignments })
}

impl Loaded {
    pub(crate) fn view(&self, goals: &[GoalWords], routines: &HouseholdRoutines) -> VersionView {
        let v = &self.version;
        VersionView {
            version_id: v.version_id,
            number: v.number,
            status: v.status(),
            priorities: v.priorities.clone(),
            goals: goal_words(goals, &self.goals),
            assignments: self
                .assignments
                .iter()
                .map(|a| assignment_view(a, goals, routines))
                .collect(),
            based_on: v.based_on,
            created_at: v.created_at,
            updated_at: v.updated_at,
            shared_at: v.shared_at,
            therapist: v.therapist.as_ref().map(ConfirmationView::from),
            guardian: v.guardian.as_ref().map(ConfirmationView::from),
            agreed_where: v.agreed_where,
            agreed_at: v.agreed_at,
        }
    }

    pub(crate) fn facts(&self) -> PlanFacts {
        PlanFacts {
            priorities: self.version.priorities.clone(),
            goals: self.goals.iter().copied().collect(),
            assignments: self
                .assignments
                .iter()
                .map(|a| AssignmentFacts {
                    id: a.assignment_id,
                    carried_from: a.carried_from,
                    routines: a.fields.routines.clone(),
                    times_per_week: a.fields.times_per_week,
                    practised_by: a.fields.practised_by,
                    goals: a.fields.goals.iter().copied().collect(),
                    changes: a.fields.changes.clone(),
                })
                .collect(),
        }
    }
}

pub(crate) fn assignment_view(
    a: &Assignment,
    goals: &[GoalWords],
    routines: &HouseholdRoutines,
) -> AssignmentView {
    AssignmentView {
        assignment_id: a.assignment_id,
        source: a.source.clone(),
        text: a.snapshot.clone(),
        routines: a.fields.routines.iter().map(|r| routine_line(routines, *r)).collect(),
        times_per_week: a.fields.times_per_week.get(),
        practised_by: a.fields.practised_by,
        practised_by_name: a.practised_by_name.clone(),
        goals: goal_words(goals, &a.fields.goals),
        changes: a.fields.changes.clone(),
        carried_from: a.carried_from,
    }
}

code_enum! {
    /// What kind of difference a line of "what changed" tells.
    pub enum ChangeKind {
        Priorities = "priorities",
        GoalAdded = "goal_added",
        GoalRemoved = "goal_removed",
        AssignmentAdded = "assignment_added",
        AssignmentRemoved = "assignment_removed",
        AssignmentChanged = "assignment_changed",
    }
}

/// One line of "what changed", with the goal or strategy it is about.
#[derive(Clone, Debug, Serialize)]
pub struct ChangeView {
    pub kind: ChangeKind,
    pub goal: Option<String>,
    pub strategy: Option<StrategySnapshot>,
    pub parts: Vec<AssignmentPart>,
}

/// What changed from `before` (none: the first version) to `after`.
pub(crate) fn changes(
    before: Option<&Loaded>,
    after: &Loaded,
    goals: &[GoalWords],
) -> Vec<ChangeView> {
    let empty = PlanFacts::default();
    let before_facts = before.map(Loaded::facts);
    let list = plan_changes(before_facts.as_ref().unwrap_or(&empty), &after.facts());
    let goal = |id: Uuid| goals.iter().find(|g| g.goal_id == id).map(|g| g.words.clone());
    let strategy = |version: Option<&Loaded>, id: Uuid| {
        version?.assignments.iter().find(|a| a.assignment_id == id).map(|a| a.snapshot.clone())
    };
    let line = |kind, goal, strategy, parts| ChangeView { kind, goal, strategy, parts };
    list.into_iter()
        .map(|change| match change {
            PlanChange::Priorities => line(ChangeKind::Priorities, None, None, Vec::new()),
            PlanChange::GoalAdded(id) => line(ChangeKind::GoalAdded, goal(id), None, Vec::new()),
            PlanChange::GoalRemoved(id) => {
                line(ChangeKind::GoalRemoved, goal(id), None, Vec::new())
            }
            PlanChange::AssignmentAdded(id) => {
                line(ChangeKind::AssignmentAdded, None, strategy(Some(after), id), Vec::new())
            }
            PlanChange::AssignmentRemoved(id) => {
                line(ChangeKind::AssignmentRemoved, None, strategy(before, id), Vec::new())
            }
            PlanChange::AssignmentChanged(id, parts) => {
                line(ChangeKind::AssignmentChanged, None, strategy(Some(after), id), parts)
            }
        })
        .collect()
}
