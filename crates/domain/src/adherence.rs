//! Carryover measures from practice logs: adherence per assignment and per
//! household, streaks, days since the last log, and weekly series for charts.
//!
//! Everything here counts local dates: the caller turns each log's instant
//! into the clinic's date with [`ClinicZone::local_date`] first, and passes
//! "today" the same way. Weeks run Monday to Sunday; every function that
//! takes a week accepts any date in it.
//!
//! [`ClinicZone::local_date`]: crate::zone::ClinicZone::local_date

use time::{Date, Duration};

use crate::zone::week_start;

/// When an assignment is in force and how often it is meant to be practised.
/// An end before the start means it was never in force.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AssignmentSchedule {
    /// First day in force.
    pub start: Date,
    /// Last day in force, inclusive; `None` while the assignment is open.
    pub end: Option<Date>,
    pub times_per_week: u32,
}

impl AssignmentSchedule {
    pub fn in_force_on(&self, date: Date) -> bool {
        self.start <= date && self.end.is_none_or(|end| date <= end)
    }

    /// How many days of the week holding `week` the assignment is in force,
    /// 0–7.
    pub fn days_in_force(&self, week: Date) -> u32 {
        days_of_week(week).filter(|&day| self.in_force_on(day)).count() as u32
    }

    /// The week's target, pro-rated by the days in force and rounded up:
    /// ceil(times_per_week × days ÷ 7). An assignment added on a Thursday
    /// with 5 a week asks for ceil(5 × 4 ÷ 7) = 3 that week. Rounding up
    /// means any day in force asks for some practice; rounding down would
    /// let "once a week" added on a Friday ask for none.
    pub fn target_for_week(&self, week: Date) -> u32 {
        let scaled = u64::from(self.times_per_week) * u64::from(self.days_in_force(week));
        u32::try_from(scaled.div_ceil(7)).unwrap_or(u32::MAX)
    }
}

/// An assignment with the local dates of its practice logs (one date per
/// log, in any order; two logs on a day are two practices).
#[derive(Clone, Copy, Debug)]
pub struct AssignmentLogs<'a> {
    pub schedule: AssignmentSchedule,
    pub logs: &'a [Date],
}

impl AssignmentLogs<'_> {
    /// Logs and target for the week holding `week`. Logs on days the
    /// assignment was not in force do not count.
    pub fn week(&self, week: Date) -> WeekAdherence {
        let monday = week_start(week);
        let logs = self
            .logs
            .iter()
            .filter(|&&day| week_start(day) == monday && self.schedule.in_force_on(day))
            .count();
        let logs = u32::try_from(logs).unwrap_or(u32::MAX);
        WeekAdherence { week_start: monday, logs, target: self.schedule.target_for_week(monday) }
    }

    /// Consecutive weeks at or above target, counted back from the week of
    /// `today`. This week counts only once its target is met; until then
    /// counting starts from last week, because this week is not over and is
    /// no failure yet. A week with target 0 (nothing in force) ends the
    /// streak: a pause in the plan is not practice.
    pub fn streak(&self, today: Date) -> u32 {
        count_streak(today, |week| self.week(week).is_met())
    }

    /// The `weeks` weeks ending with the week of `today`, oldest first.
    pub fn series(&self, today: Date, weeks: usize) -> Vec<WeekAdherence> {
        weeks_ending(today, weeks).map(|week| self.week(week)).collect()
    }
}

/// One assignment's week.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct WeekAdherence {
    /// The Monday.
    pub week_start: Date,
    pub logs: u32,
    pub target: u32,
}

impl WeekAdherence {
    /// logs ÷ target, which may exceed 1; `None` when the target is 0.
    pub fn adherence(&self) -> Option<f64> {
        ratio(self.logs, self.target)
    }

    /// At or above a target that is more than 0.
    pub fn is_met(&self) -> bool {
        self.target > 0 && self.logs >= self.target
    }
}

/// A household's week over all its assignments.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct HouseholdWeek {
    /// The Monday.
    pub week_start: Date,
    /// Σ min(logs, target): practice beyond one assignment's target does not
    /// make up for another's.
    pub counted_logs: u32,
    pub target: u32,
}

impl HouseholdWeek {
    /// Σ min(logs, target) ÷ Σ target, 0–1; `None` when Σ target is 0.
    pub fn adherence(&self) -> Option<f64> {
        ratio(self.counted_logs, self.target)
    }

    /// Every assignment in force met its target.
    pub fn is_met(&self) -> bool {
        self.target > 0 && self.counted_logs >= self.target
    }
}

/// The household's figures for the week holding `week`.
pub fn household_week(assignments: &[AssignmentLogs<'_>], week: Date) -> HouseholdWeek {
    let (counted_logs, target) =
        assignments.iter().map(|a| a.week(week)).fold((0_u32, 0_u32), |(counted, target), one| {
            (counted.saturating_add(one.logs.min(one.target)), target.saturating_add(one.target))
        });
    HouseholdWeek { week_start: week_start(week), counted_logs, target }
}

/// The household's `weeks` weeks ending with the week of `today`, oldest
/// first.
pub fn household_series(
    assignments: &[AssignmentLogs<'_>],
    today: Date,
    weeks: usize,
) -> Vec<HouseholdWeek> {
    weeks_ending(today, weeks).map(|week| household_week(assignments, week)).collect()
}

/// Adherence over several household weeks taken together (the last four,
/// say): Σ counted logs ÷ Σ target; `None` when Σ target is 0.
pub fn combined_adherence(weeks: &[HouseholdWeek]) -> Option<f64> {
    let counted = weeks.iter().map(|w| u64::from(w.counted_logs)).sum::<u64>();
    let target = weeks.iter().map(|w| u64::from(w.target)).sum::<u64>();
    (target > 0).then(|| counted as f64 / target as f64)
}

/// Consecutive weeks in which every assignment in force met its target,
/// counted as [`AssignmentLogs::streak`] counts one assignment's.
pub fn household_streak(assignments: &[AssignmentLogs<'_>], today: Date) -> u32 {
    count_streak(today, |week| household_week(assignments, week).is_met())
}

/// Whole days from the last log on or before `today` to `today`: 0 when
/// there was a log today, `None` when there was none. Logs dated after
/// `today` are left out, so a report "as of" a past date sees that date.
pub fn days_since_last_log(logs: &[Date], today: Date) -> Option<u32> {
    let last = logs.iter().filter(|&&day| day <= today).max()?;
    Some(u32::try_from((today - *last).whole_days()).unwrap_or(u32::MAX))
}

/// Counts met weeks backwards (rules at [`AssignmentLogs::streak`]). Weeks
/// before an assignment starts have target 0 and are not met, so this stops.
fn count_streak(today: Date, is_met: impl Fn(Date) -> bool) -> u32 {
    let this_week = week_start(today);
    let mut week =
        if is_met(this_week) { Some(this_week) } else { this_week.checked_sub(Duration::WEEK) };
    let mut streak = 0;
    while let Some(monday) = week.filter(|&monday| is_met(monday)) {
        streak += 1;
        week = monday.checked_sub(Duration::WEEK);
    }
    streak
}

fn ratio(part: u32, whole: u32) -> Option<f64> {
    (whole > 0).then(|| f64::from(part) / f64::from(whole))
}

fn days_of_week(week: Date) -> impl Iterator<Item = Date> {
    let monday = week_start(week);
    (0..7).filter_map(move |offset| monday.checked_add(Duration::days(offset)))
}

/// The Mondays of the `weeks` weeks ending with the week of `today`, oldest
/// first (fewer at the very start of the calendar).
fn weeks_ending(today: Date, weeks: usize) -> impl Iterator<Item = Date> {
    let last = week_start(today);
    // More weeks than the calendar holds would only ask Duration to overflow.
    let weeks = weeks.min(1 << 20) as i64;
    (0..weeks).rev().filter_map(move |back| last.checked_sub(Duration::weeks(back)))
}

#[cfg(test)]
mod tests;
