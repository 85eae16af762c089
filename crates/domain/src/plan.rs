//! The joint plan (PRODUCT.md §2): per child, versioned. A version is drafted
//! by the therapist, shared with the guardians, and agreed once the therapist
//! and one guardian have each confirmed it — in a session with the guardian
//! present, or later from the guardian's own phone. Caregivers see the newest
//! agreed version; older ones stay readable, with what changed between them.

use std::collections::BTreeSet;

use time::Date;
use uuid::Uuid;

use crate::{code_enum, routine::RoutineRef, scale::bounded_scale};

/// The longest text of the family's priorities.
pub const PRIORITIES_MAX_CHARS: usize = 1000;

/// The longest text of a family's changes to a strategy's steps.
pub const CHANGES_MAX_CHARS: usize = 1000;

bounded_scale! {
    /// How many times a week an assignment is to be practised. Twice a day
    /// every day is the most a home programme asks of a family.
    pub struct TimesPerWeek(u8) in 1..=14;
}

code_enum! {
    /// Where a version was agreed.
    pub enum AgreedWhere {
        /// In a session, with the guardian present: caregivers see it at once.
        InSession = "in_session",
        /// Later, by a guardian on their own device.
        OwnDevice = "own_device",
    }
}

code_enum! {
    /// Where a version stands. Derived from its confirmations, never stored
    /// on its own, so it cannot disagree with them.
    pub enum PlanStatus {
        /// Only the care team sees it.
        Draft = "draft",
        /// The therapist confirmed it and it waits for a guardian.
        Shared = "shared",
        /// The therapist and a guardian confirmed it; it is read-only.
        Agreed = "agreed",
    }
}

impl PlanStatus {
    pub fn of(shared: bool, agreed: bool) -> PlanStatus {
        match (shared, agreed) {
            (_, true) => PlanStatus::Agreed,
            (true, false) => PlanStatus::Shared,
            (false, false) => PlanStatus::Draft,
        }
    }

    /// An agreed version is history: changing it would change what a family
    /// agreed to. A new version is drafted instead.
    pub fn is_editable(self) -> bool {
        self != PlanStatus::Agreed
    }

    /// A guardian confirms from their own phone only what the therapist shared.
    pub fn guardian_may_confirm(self) -> bool {
        self == PlanStatus::Shared
    }

    /// Whether caregivers other than guardians may read it.
    pub fn helpers_may_read(self) -> bool {
        self == PlanStatus::Agreed
    }

    /// Whether guardians may read it: what was shared with them or agreed.
    pub fn guardians_may_read(self) -> bool {
        self != PlanStatus::Draft
    }
}

/// Whole days a shared version has waited for a guardian, counted on the
/// clinic's calendar: 0 on the day it was shared.
pub fn days_waiting(shared_on: Date, today: Date) -> i64 {
    (today - shared_on).whole_days().max(0)
}

/// What the comparison of two versions looks at in one assignment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AssignmentFacts {
    pub id: Uuid,
    /// The same assignment in the version this one was drafted from.
    pub carried_from: Option<Uuid>,
    pub routines: Vec<RoutineRef>,
    pub times_per_week: TimesPerWeek,
    /// `None`: any caregiver.
    pub practised_by: Option<Uuid>,
    pub goals: BTreeSet<Uuid>,
    pub changes: String,
}

/// What the comparison looks at in one version.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PlanFacts {
    pub priorities: String,
    pub goals: BTreeSet<Uuid>,
    pub assignments: Vec<AssignmentFacts>,
}

code_enum! {
    /// A part of an assignment that changed between two versions.
    pub enum AssignmentPart {
        Routines = "routines",
        Target = "target",
        Who = "who",
        Goals = "goals",
        Changes = "changes",
    }
}

/// One difference between two versions, in the order a reader meets them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PlanChange {
    Priorities,
    GoalAdded(Uuid),
    GoalRemoved(Uuid),
    /// An assignment of the newer version (its id).
    AssignmentAdded(Uuid),
    /// An assignment of the older version (its id).
    AssignmentRemoved(Uuid),
    /// An assignment of the newer version (its id) and what changed in it.
    AssignmentChanged(Uuid, Vec<AssignmentPart>),
}

/// What changed from `before` to `after`. An assignment of `after` is the
/// same one as an assignment of `before` when it was carried from it.
pub fn plan_changes(before: &PlanFacts, after: &PlanFacts) -> Vec<PlanChange> {
    let mut changes = Vec::new();
    if before.priorities != after.priorities {
        changes.push(PlanChange::Priorities);
    }
    changes.extend(after.goals.difference(&before.goals).copied().map(PlanChange::GoalAdded));
    changes.extend(before.goals.difference(&after.goals).copied().map(PlanChange::GoalRemoved));
    let mut matched = BTreeSet::new();
    for new in &after.assignments {
        let old =
            new.carried_from.and_then(|from| before.assignments.iter().find(|a| a.id == from));
        match old {
            None => changes.push(PlanChange::AssignmentAdded(new.id)),
            Some(old) => {
                matched.insert(old.id);
                let parts = changed_parts(old, new);
                if !parts.is_empty() {
                    changes.push(PlanChange::AssignmentChanged(new.id, parts));
                }
            }
        }
    }
    changes.extend(
        before
            .assignments
            .iter()
            .filter(|old| !matched.contains(&old.id))
            .map(|old| PlanChange::AssignmentRemoved(old.id)),
    );
    changes
}

fn changed_parts(old: &AssignmentFacts, new: &AssignmentFacts) -> Vec<AssignmentPart> {
    [
        (AssignmentPart::Routines, old.routines != new.routines),
        (AssignmentPart::Target, old.times_per_week != new.times_per_week),
        (AssignmentPart::Who, old.practised_by != new.practised_by),
        (AssignmentPart::Goals, old.goals != new.goals),
        (AssignmentPart::Changes, old.changes != new.changes),
    ]
    .into_iter()
    .filter_map(|(part, changed)| changed.then_some(part))
    .collect()
}

#[cfg(test)]
mod tests;
