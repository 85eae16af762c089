//! The caregiver's encouragement on the home screen (issue 14): this week
//! against the plan and the last few weeks, as a small picture and a few
//! plain sentences a parent reads at a glance (6th-grade words, English and
//! Spanish). Helpers see only their own logs, so they get none of it.

use carryover_ops::practice::{WeekLine, WeekView};

use crate::{
    bar_chart::{Bar, BarChart},
    charts::Format,
    i18n::Tr,
};

pub struct EncouragementWords {
    /// One to three short sentences.
    pub lines: Vec<String>,
    /// The weeks as a figure (title, summary, bars, table); `None` when
    /// nothing was asked yet (the lines say so kindly).
    pub chart: Option<String>,
}

/// Weeks in a row with all the practice done, counted back from this week
/// once it is done, else from last week (the measures' streak rule).
fn streak(weeks: &[WeekLine]) -> usize {
    let met = |w: &WeekLine| w.target > 0 && w.logs >= w.target;
    let mut back = weeks.iter().rev().peekable();
    if back.peek().is_some_and(|w| !met(w)) {
        back.next();
    }
    back.take_while(|w| met(w)).count()
}

fn label(t: &Tr, back: usize) -> String {
    match back {
        0 => t.get("encourage-this-week"),
        1 => t.get("encourage-last-week"),
        n => t.with("encourage-weeks-ago", &[("count", n.into())]),
    }
}

pub fn encouragement_words(t: &Tr, view: &WeekView) -> Option<EncouragementWords> {
    let weeks = &view.recent_weeks;
    let this = weeks.last()?;
    if weeks.iter().all(|w| w.target == 0) {
        return Some(EncouragementWords { lines: vec![t.get("encourage-no-target")], chart: None });
    }
    let mut lines = Vec::new();
    let args = [("done", this.logs.into()), ("target", this.target.into())];
    if this.target == 0 {
        lines.push(t.get("encourage-week-none"));
    } else if this.logs >= this.target {
        lines.push(t.with("encourage-week-met", &args));
    } else {
        let left = this.target - this.logs;
        lines.push(t.with(
            "encourage-week-left",
            &[args[0].clone(), args[1].clone(), ("left", left.into())],
        ));
    }
    let run = streak(weeks);
    let last_week_met = weeks.len() >= 2 && {
        let w = &weeks[weeks.len() - 2];
        w.target > 0 && w.logs >= w.target
    };
    if run >= 2 {
        lines.push(t.with("encourage-streak", &[("count", run.into())]));
    } else if last_week_met {
        lines.push(t.get("encourage-last-week-met"));
    } else {
        lines.push(t.get("encourage-keep-going"));
    }
    let n = weeks.len();
    let chart = BarChart {
        id: "encourage-weeks".into(),
        title: t.get("encourage-chart-title"),
        summary: t.with("encourage-chart-summary", &[("count", n.into())]),
        empty: t.get("encourage-no-target"),
        label_heading: t.get("encourage-week"),
        value_heading: t.get("encourage-done"),
        target_heading: Some(t.get("encourage-asked")),
        bars: weeks
            .iter()
            .enumerate()
            .map(|(i, w)| Bar {
                label: label(t, n - 1 - i),
                value: f64::from(w.logs),
                target: Some(f64::from(w.target)),
            })
            .collect(),
        format: Format::Whole,
    };
    Some(EncouragementWords { lines, chart: Some(chart.figure()) })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn week(logs: u32, target: u32) -> WeekLine {
        WeekLine {
            week_start: time::Date::from_calendar_date(2026, time::Month::November, 2).unwrap(),
            logs,
            target,
            adherence: None,
        }
    }

    #[test]
    fn the_streak_counts_back_from_this_week_once_it_is_done_else_from_last_week() {
        assert_eq!(streak(&[week(5, 5), week(5, 5), week(5, 5), week(2, 5)]), 3);
        assert_eq!(streak(&[week(5, 5), week(5, 5), week(5, 5), week(5, 5)]), 4);
        assert_eq!(streak(&[week(5, 5), week(1, 5), week(5, 5), week(2, 5)]), 1);
        assert_eq!(streak(&[week(0, 0), week(0, 0)]), 0);
    }
}
