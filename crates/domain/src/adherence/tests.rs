use super::*;
use crate::zone::ClinicZone;
use proptest::prelude::*;
use time::macros::{date, datetime};

// March 2026: Monday 2 … Sunday 8 (Chicago springs forward), Monday 9 … Sunday 15.

fn open_from(start: Date, times_per_week: u32) -> AssignmentSchedule {
    AssignmentSchedule { start, end: None, times_per_week }
}

#[test]
fn a_full_week_asks_for_the_whole_target() {
    let schedule = open_from(date!(2026 - 02 - 02), 5);
    assert_eq!(schedule.days_in_force(date!(2026 - 03 - 04)), 7);
    assert_eq!(schedule.target_for_week(date!(2026 - 03 - 04)), 5);
}

#[test]
fn an_assignment_added_on_thursday_asks_for_three_of_five_that_week() {
    let schedule = open_from(date!(2026 - 03 - 05), 5);
    // Thursday to Sunday: ceil(5 × 4 ÷ 7) = ceil(2.86) = 3.
    assert_eq!(schedule.days_in_force(date!(2026 - 03 - 02)), 4);
    assert_eq!(schedule.target_for_week(date!(2026 - 03 - 02)), 3);
    assert_eq!(schedule.target_for_week(date!(2026 - 03 - 09)), 5);
}

#[test]
fn an_assignment_ending_on_tuesday_asks_for_two_of_five_that_week() {
    let schedule = AssignmentSchedule {
        start: date!(2026 - 02 - 02),
        end: Some(date!(2026 - 03 - 10)),
        times_per_week: 5,
    };
    // Monday and Tuesday, the end day included: ceil(5 × 2 ÷ 7) = 2.
    assert_eq!(schedule.target_for_week(date!(2026 - 03 - 15)), 2);
    assert_eq!(schedule.target_for_week(date!(2026 - 03 - 16)), 0);
}

#[test]
fn a_week_before_the_start_has_no_target_and_no_adherence() {
    let logs = [date!(2026 - 03 - 03)];
    let assignment = AssignmentLogs { schedule: open_from(date!(2026 - 03 - 09), 3), logs: &logs };
    let week = assignment.week(date!(2026 - 03 - 02));
    assert_eq!((week.logs, week.target), (0, 0));
    assert_eq!(week.adherence(), None);
    assert!(!week.is_met());
}

#[test]
fn adherence_is_logs_over_target_and_may_exceed_one() {
    let logs = [
        date!(2026 - 03 - 02),
        date!(2026 - 03 - 04),
        date!(2026 - 03 - 04),
        date!(2026 - 03 - 08),
    ];
    let assignment = AssignmentLogs { schedule: open_from(date!(2026 - 02 - 02), 3), logs: &logs };
    let week = assignment.week(date!(2026 - 03 - 06));
    assert_eq!(week.week_start, date!(2026 - 03 - 02));
    assert_eq!((week.logs, week.target), (4, 3));
    assert_eq!(week.adherence(), Some(4.0 / 3.0));
}

#[test]
fn logs_before_the_assignment_started_do_not_count() {
    // Tuesday's log predates the Thursday start: 2 of a target of 3.
    let logs = [date!(2026 - 03 - 03), date!(2026 - 03 - 05), date!(2026 - 03 - 06)];
    let assignment = AssignmentLogs { schedule: open_from(date!(2026 - 03 - 05), 5), logs: &logs };
    let week = assignment.week(date!(2026 - 03 - 02));
    assert_eq!((week.logs, week.target), (2, 3));
}

#[test]
fn sunday_belongs_to_the_week_before_monday() {
    let logs = [date!(2026 - 03 - 08), date!(2026 - 03 - 09)];
    let assignment = AssignmentLogs { schedule: open_from(date!(2026 - 02 - 02), 2), logs: &logs };
    assert_eq!(assignment.week(date!(2026 - 03 - 02)).logs, 1);
    assert_eq!(assignment.week(date!(2026 - 03 - 09)).logs, 1);
}

#[test]
fn logs_around_the_spring_change_count_in_chicago_weeks_not_utc_weeks() {
    let chicago = ClinicZone::parse("America/Chicago").unwrap();
    let logs: Vec<Date> = [
        datetime!(2026-03-08 05:30 UTC), // Saturday 7th, 23:30 CST
        datetime!(2026-03-09 04:30 UTC), // Sunday 8th, 23:30 CDT
        datetime!(2026-03-09 05:30 UTC), // Monday 9th, 00:30 CDT
    ]
    .into_iter()
    .map(|at| chicago.local_date(at))
    .collect();
    assert_eq!(logs, [date!(2026 - 03 - 07), date!(2026 - 03 - 08), date!(2026 - 03 - 09)]);
    let assignment = AssignmentLogs { schedule: open_from(date!(2026 - 02 - 02), 2), logs: &logs };
    // In UTC the week of the 2nd would have held one log, not two.
    assert_eq!(assignment.week(date!(2026 - 03 - 02)).logs, 2);
    assert!(assignment.week(date!(2026 - 03 - 02)).is_met());
    assert_eq!(assignment.week(date!(2026 - 03 - 09)).logs, 1);
}

#[test]
fn the_household_figure_caps_each_assignment_at_its_target() {
    let five = [date!(2026 - 03 - 02); 5];
    let one = [date!(2026 - 03 - 03)];
    let assignments = [
        AssignmentLogs { schedule: open_from(date!(2026 - 02 - 02), 3), logs: &five },
        AssignmentLogs { schedule: open_from(date!(2026 - 02 - 02), 4), logs: &one },
        AssignmentLogs { schedule: open_from(date!(2026 - 04 - 01), 7), logs: &[] },
    ];
    let week = household_week(&assignments, date!(2026 - 03 - 04));
    // min(5, 3) + min(1, 4) = 4 of 3 + 4 = 7; the April assignment adds nothing.
    assert_eq!((week.counted_logs, week.target), (4, 7));
    assert_eq!(week.adherence(), Some(4.0 / 7.0));
}

#[test]
fn a_household_with_nothing_in_force_has_no_adherence() {
    assert_eq!(household_week(&[], date!(2026 - 03 - 04)).adherence(), None);
    let later = [AssignmentLogs { schedule: open_from(date!(2026 - 04 - 01), 3), logs: &[] }];
    assert_eq!(household_week(&later, date!(2026 - 03 - 04)).adherence(), None);
}

fn twice_weekly_from_february(logs: &[Date]) -> AssignmentLogs<'_> {
    AssignmentLogs { schedule: open_from(date!(2026 - 02 - 02), 2), logs }
}

const STREAK_LOGS: [Date; 8] = [
    date!(2026 - 02 - 24), // week of 23 Feb: 1 of 2
    date!(2026 - 03 - 02),
    date!(2026 - 03 - 05), // week of 2 March: 2 of 2
    date!(2026 - 03 - 10),
    date!(2026 - 03 - 11), // week of 9 March: 2 of 2
    date!(2026 - 03 - 16),
    date!(2026 - 03 - 17),
    date!(2026 - 03 - 22), // week of 16 March: 3 of 2
];

#[test]
fn an_unfinished_week_below_target_does_not_break_the_streak() {
    let mut logs = STREAK_LOGS.to_vec();
    logs.push(date!(2026 - 03 - 23)); // this week: 1 of 2 so far
    let today = date!(2026 - 03 - 25);
    assert_eq!(twice_weekly_from_february(&logs).streak(today), 3);
}

#[test]
fn the_current_week_counts_once_its_target_is_met() {
    let mut logs = STREAK_LOGS.to_vec();
    logs.extend([date!(2026 - 03 - 23), date!(2026 - 03 - 25)]);
    assert_eq!(twice_weekly_from_february(&logs).streak(date!(2026 - 03 - 25)), 4);
}

#[test]
fn a_missed_week_ends_the_streak() {
    // Last week (16 March) is left with nothing.
    let logs = &STREAK_LOGS[..5];
    assert_eq!(twice_weekly_from_february(logs).streak(date!(2026 - 03 - 25)), 0);
}

#[test]
fn the_streak_stops_at_the_start_of_the_assignment() {
    let logs = [
        date!(2026 - 03 - 02),
        date!(2026 - 03 - 03),
        date!(2026 - 03 - 09),
        date!(2026 - 03 - 10),
    ];
    let assignment = AssignmentLogs { schedule: open_from(date!(2026 - 03 - 02), 2), logs: &logs };
    assert_eq!(assignment.streak(date!(2026 - 03 - 12)), 2);
}

#[test]
fn a_week_with_nothing_in_force_ends_the_streak() {
    let ended = AssignmentSchedule {
        end: Some(date!(2026 - 03 - 15)),
        ..open_from(date!(2026 - 02 - 02), 2)
    };
    let assignment = AssignmentLogs { schedule: ended, logs: &STREAK_LOGS };
    assert_eq!(assignment.streak(date!(2026 - 03 - 18)), 2, "still counting last week");
    assert_eq!(assignment.streak(date!(2026 - 03 - 25)), 0, "last week had no target");
}

#[test]
fn the_household_streak_needs_every_assignment_met() {
    let other = [date!(2026 - 03 - 17)];
    let assignments = [
        twice_weekly_from_february(&STREAK_LOGS),
        AssignmentLogs { schedule: open_from(date!(2026 - 03 - 09), 1), logs: &other },
    ];
    // Week of 16 March: both met. Week of 9 March: the new one was missed.
    assert_eq!(household_streak(&assignments, date!(2026 - 03 - 25)), 1);
}

#[test]
fn days_since_the_last_log_count_from_today() {
    let logs = [date!(2026 - 03 - 23), date!(2026 - 03 - 20)];
    assert_eq!(days_since_last_log(&logs, date!(2026 - 03 - 25)), Some(2));
    assert_eq!(days_since_last_log(&logs, date!(2026 - 03 - 23)), Some(0));
    assert_eq!(days_since_last_log(&logs, date!(2026 - 03 - 21)), Some(1), "as of the 21st");
    assert_eq!(days_since_last_log(&logs, date!(2026 - 03 - 19)), None);
    assert_eq!(days_since_last_log(&[], date!(2026 - 03 - 25)), None);
}

#[test]
fn the_series_lists_the_weeks_ending_with_this_one_oldest_first() {
    let logs = [date!(2026 - 03 - 06), date!(2026 - 03 - 10)];
    let assignment = AssignmentLogs { schedule: open_from(date!(2026 - 03 - 05), 5), logs: &logs };
    let series = assignment.series(date!(2026 - 03 - 11), 3);
    let rows: Vec<_> =
        series.iter().map(|w| (w.week_start, w.logs, w.target, w.adherence())).collect();
    assert_eq!(
        rows,
        [
            (date!(2026 - 02 - 23), 0, 0, None),
            (date!(2026 - 03 - 02), 1, 3, Some(1.0 / 3.0)),
            (date!(2026 - 03 - 09), 1, 5, Some(0.2)),
        ]
    );
    assert!(assignment.series(date!(2026 - 03 - 11), 0).is_empty());
}

#[test]
fn weeks_taken_together_weigh_by_their_targets() {
    let logs = [date!(2026 - 03 - 02), date!(2026 - 03 - 09), date!(2026 - 03 - 10)];
    let assignments =
        [AssignmentLogs { schedule: open_from(date!(2026 - 03 - 05), 5), logs: &logs }];
    let weeks = household_series(&assignments, date!(2026 - 03 - 11), 2);
    // Week of 2 March: Monday's log predates the start, 0 of 3. Week of 9 March: 2 of 5.
    assert_eq!(combined_adherence(&weeks), Some(2.0 / 8.0));
    assert_eq!(combined_adherence(&[]), None);
}

proptest! {
    #[test]
    fn the_pro_rated_target_is_the_smallest_whole_number_covering_the_days(
        times in 0_u32..30,
        start_offset in 0_i64..7,
    ) {
        let schedule = open_from(date!(2026 - 03 - 02) + Duration::days(start_offset), times);
        let days = schedule.days_in_force(date!(2026 - 03 - 02));
        let target = schedule.target_for_week(date!(2026 - 03 - 02));
        prop_assert_eq!(days, 7 - start_offset as u32);
        prop_assert!(target * 7 >= times * days);
        prop_assert!(target == 0 || (target - 1) * 7 < times * days);
    }

    #[test]
    fn every_log_on_a_day_in_force_counts_in_exactly_one_week(
        offsets in prop::collection::vec(0_i64..84, 0..40),
    ) {
        let logs: Vec<Date> = offsets.iter().map(|&d| date!(2026 - 01 - 05) + Duration::days(d)).collect();
        let schedule = AssignmentSchedule {
            start: date!(2026 - 01 - 15),
            end: Some(date!(2026 - 03 - 10)),
            times_per_week: 3,
        };
        let assignment = AssignmentLogs { schedule, logs: &logs };
        let counted: u32 = assignment.series(date!(2026 - 03 - 29), 12).iter().map(|w| w.logs).sum();
        let in_force = logs.iter().filter(|&&d| schedule.in_force_on(d)).count() as u32;
        prop_assert_eq!(counted, in_force);
    }
}
