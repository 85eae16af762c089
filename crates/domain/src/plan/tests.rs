use time::macros::date;

use super::*;
use crate::routine::StandardRoutine;

fn times(n: i64) -> TimesPerWeek {
    TimesPerWeek::new(n).unwrap()
}

fn assignment(id: Uuid, carried_from: Option<Uuid>) -> AssignmentFacts {
    AssignmentFacts {
        id,
        carried_from,
        routines: vec![RoutineRef::Standard(StandardRoutine::Dressing)],
        times_per_week: times(5),
        practised_by: None,
        goals: BTreeSet::new(),
        changes: String::new(),
    }
}

#[test]
fn a_version_is_a_draft_until_shared_and_agreed_once_both_confirmed() {
    assert_eq!(PlanStatus::of(false, false), PlanStatus::Draft);
    assert_eq!(PlanStatus::of(true, false), PlanStatus::Shared);
    assert_eq!(PlanStatus::of(true, true), PlanStatus::Agreed);
    // Agreed in a session: never shared first.
    assert_eq!(PlanStatus::of(false, true), PlanStatus::Agreed);
}

#[test]
fn only_what_was_shared_waits_for_a_guardian_and_only_agreed_plans_reach_helpers() {
    assert!(!PlanStatus::Draft.guardian_may_confirm());
    assert!(PlanStatus::Shared.guardian_may_confirm());
    assert!(!PlanStatus::Agreed.guardian_may_confirm());
    assert!(!PlanStatus::Draft.guardians_may_read());
    assert!(PlanStatus::Shared.guardians_may_read());
    assert!(!PlanStatus::Shared.helpers_may_read());
    assert!(PlanStatus::Agreed.helpers_may_read());
    assert!(!PlanStatus::Agreed.is_editable());
}

#[test]
fn a_target_is_once_to_fourteen_times_a_week() {
    assert!(TimesPerWeek::new(0).is_err());
    assert!(TimesPerWeek::new(15).is_err());
    assert_eq!(TimesPerWeek::parse("14").unwrap().get(), 14);
}

#[test]
fn waiting_is_counted_in_whole_days_on_the_clinics_calendar() {
    assert_eq!(days_waiting(date!(2026 - 03 - 02), date!(2026 - 03 - 02)), 0);
    assert_eq!(days_waiting(date!(2026 - 03 - 02), date!(2026 - 03 - 05)), 3);
    assert_eq!(days_waiting(date!(2026 - 03 - 05), date!(2026 - 03 - 02)), 0);
}

#[test]
fn two_equal_versions_have_no_changes() {
    let (a, b) = (Uuid::now_v7(), Uuid::now_v7());
    let before = PlanFacts { assignments: vec![assignment(a, None)], ..PlanFacts::default() };
    let after = PlanFacts { assignments: vec![assignment(b, Some(a))], ..PlanFacts::default() };
    assert_eq!(plan_changes(&before, &after), []);
}

#[test]
fn changes_name_priorities_goals_and_each_assignment_added_removed_or_changed() {
    let (kept, dropped, new, goal_a, goal_b) =
        (Uuid::now_v7(), Uuid::now_v7(), Uuid::now_v7(), Uuid::now_v7(), Uuid::now_v7());
    let before = PlanFacts {
        priorities: "Mornings".into(),
        goals: [goal_a].into(),
        assignments: vec![assignment(kept, None), assignment(dropped, None)],
    };
    let kept_now = Uuid::now_v7();
    let mut changed = assignment(kept_now, Some(kept));
    changed.times_per_week = times(3);
    changed.routines.push(RoutineRef::Standard(StandardRoutine::Bath));
    changed.changes = "Use the blue cup".into();
    let after = PlanFacts {
        priorities: "Mornings and bedtime".into(),
        goals: [goal_b].into(),
        assignments: vec![changed, assignment(new, None)],
    };
    assert_eq!(
        plan_changes(&before, &after),
        [
            PlanChange::Priorities,
            PlanChange::GoalAdded(goal_b),
            PlanChange::GoalRemoved(goal_a),
            PlanChange::AssignmentChanged(
                kept_now,
                vec![AssignmentPart::Routines, AssignmentPart::Target, AssignmentPart::Changes]
            ),
            PlanChange::AssignmentAdded(new),
            PlanChange::AssignmentRemoved(dropped),
        ]
    );
}

#[test]
fn the_first_version_adds_everything() {
    let (a, goal) = (Uuid::now_v7(), Uuid::now_v7());
    let first = PlanFacts {
        priorities: "Bedtime".into(),
        goals: [goal].into(),
        assignments: vec![assignment(a, None)],
    };
    assert_eq!(
        plan_changes(&PlanFacts::default(), &first),
        [PlanChange::Priorities, PlanChange::GoalAdded(goal), PlanChange::AssignmentAdded(a)]
    );
}
