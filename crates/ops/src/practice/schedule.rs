//! From agreed plan versions to the schedules `domain::adherence` counts.
//!
//! An assignment carried into a newer version is one line of practice: its
//! history runs through every version it was carried through. Each version
//! is one segment: in force from the clinic's date the version was agreed,
//! to the day before the next agreed version. A version agreed mid-week asks
//! for a pro-rated target that week, and its segment counts only the logs of
//! its own days, so a line changed mid-week is counted once, by the days.

use std::collections::{BTreeMap, BTreeSet};

use carryover_domain::{
    adherence::{AssignmentLogs, AssignmentSchedule, WeekAdherence, days_since_last_log},
    library::StrategySnapshot,
    zone::{ClinicZone, week_start},
};
use carryover_store::practice_logs::AgreedAssignment;
use time::{Date, Duration};
use uuid::Uuid;

/// One assignment with the history it was carried from.
#[derive(Clone, Debug)]
pub(crate) struct Line {
    /// The newest assignment of the line.
    pub assignment_id: Uuid,
    pub snapshot: StrategySnapshot,
    /// Every assignment id of the line, newest first.
    pub ids: Vec<Uuid>,
    /// One schedule per version it was in.
    pub segments: Vec<AssignmentSchedule>,
    /// Whether its newest assignment is in the current agreed version.
    pub current: bool,
}

/// The lines of a child's agreed versions: every assignment that no newer
/// agreed assignment was carried from, with its history.
pub(crate) fn lines(agreed: &[AgreedAssignment], zone: &ClinicZone) -> Vec<Line> {
    // Each agreed version's first day, in version order.
    let mut versions: BTreeMap<i64, Date> = BTreeMap::new();
    for a in agreed {
        versions.entry(a.version_number).or_insert_with(|| zone.local_date(a.agreed_at));
    }
    let newest = versions.keys().next_back().copied();
    let end_of = |number: i64| -> Option<Date> {
        let next = versions.range(number + 1..).next()?;
        Some(next.1.previous_day().unwrap_or(*next.1))
    };
    let by_id: BTreeMap<Uuid, &AgreedAssignment> =
        agreed.iter().map(|a| (a.assignment_id, a)).collect();
    let carried: BTreeSet<Uuid> = agreed.iter().filter_map(|a| a.carried_from).collect();
    agreed
        .iter()
        .filter(|a| !carried.contains(&a.assignment_id))
        .map(|leaf| {
            let mut ids = Vec::new();
            let mut segments = Vec::new();
            let mut at = Some(leaf);
            // The chain is finite (each link points to an older version); the
            // bound only guards against a corrupt cycle.
            while let Some(a) = at.filter(|_| ids.len() <= agreed.len()) {
                ids.push(a.assignment_id);
                segments.push(AssignmentSchedule {
                    start: versions[&a.version_number],
                    end: end_of(a.version_number),
                    times_per_week: a.times_per_week,
                });
                at = a.carried_from.and_then(|id| by_id.get(&id).copied());
            }
            Line {
                assignment_id: leaf.assignment_id,
                snapshot: leaf.snapshot.clone(),
                ids,
                segments,
                current: Some(leaf.version_number) == newest,
            }
        })
        .collect()
}

impl Line {
    /// The line's week: the logs of its segments together, and one target
    /// pro-rated over the days each segment was in force: ceil(Σ times per
    /// week × days ÷ 7). A line carried into a new version mid-week, with
    /// the same 5 a week, still asks for 5 that week, not 2 + 4.
    pub(crate) fn week(&self, dates: &[Date], week: Date) -> WeekAdherence {
        let monday = week_start(week);
        let (logs, scaled) =
            self.segments.iter().fold((0_u32, 0_u64), |(logs, scaled), schedule| {
                let one = AssignmentLogs { schedule: *schedule, logs: dates }.week(week);
                let days = u64::from(schedule.days_in_force(week));
                (logs.saturating_add(one.logs), scaled + u64::from(schedule.times_per_week) * days)
            });
        let target = u32::try_from(scaled.div_ceil(7)).unwrap_or(u32::MAX);
        WeekAdherence { week_start: monday, logs, target }
    }

    /// Weeks at or above target, counted back as `domain::adherence` counts
    /// one assignment's streak: this week once met, else from last week.
    pub(crate) fn streak(&self, dates: &[Date], today: Date) -> u32 {
        streak(today, |week| self.week(dates, week).is_met())
    }

    pub(crate) fn days_since(&self, dates: &[Date], today: Date) -> Option<u32> {
        days_since_last_log(dates, today)
    }
}

/// Consecutive met weeks back from the week of `today` (rules at
/// [`Line::streak`]). A week with nothing in force is not met, so this ends.
pub(crate) fn streak(today: Date, is_met: impl Fn(Date) -> bool) -> u32 {
    let this_week = week_start(today);
    let mut week = if is_met(this_week) { Some(this_week) } else { last_week(this_week) };
    let mut count = 0;
    while let Some(monday) = week.filter(|&m| is_met(m)) {
        count += 1;
        week = last_week(monday);
    }
    count
}

fn last_week(monday: Date) -> Option<Date> {
    monday.checked_sub(Duration::WEEK)
}

/// The Mondays of the `n` weeks ending with the week of `today`, oldest first.
pub(crate) fn weeks_ending(today: Date, n: u32) -> Vec<Date> {
    let last = week_start(today);
    (0..i64::from(n)).rev().filter_map(|back| last.checked_sub(Duration::weeks(back))).collect()
}

/// The household's week over several lines: Σ min(logs, target) and Σ target.
pub(crate) fn household_week(lines: &[(&Line, Vec<Date>)], week: Date) -> (u32, u32) {
    lines.iter().fold((0, 0), |(counted, target), (line, dates)| {
        let one = line.week(dates, week);
        (counted + one.logs.min(one.target), target + one.target)
    })
}
