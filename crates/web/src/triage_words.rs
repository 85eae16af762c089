//! The caseload triage (issue 14) in the reader's language: each row's
//! figures as words, with empty states in words (never NaN, never "0 of 0").

use carryover_domain::triage::{SILENT_DAYS, TriageFilter};
use carryover_ops::triage::{Figure, TriageRow, TriageView};

use crate::{charts::sparkline, i18n::Tr};

/// One row of the triage table.
pub struct TriageLine {
    pub child_id: String,
    pub name: String,
    pub household: String,
    /// "5 days ago", "Today", "No practice logged yet".
    pub silence: String,
    /// No practice for a week or more, or never: shown strong.
    pub silent: bool,
    /// "3 of 5 this week" or "No practice planned this week".
    pub this_week: String,
    /// "60% over 4 weeks" or "No target yet".
    pub four_weeks: String,
    /// The four weeks as a small picture; its label says the numbers.
    pub chart: String,
    pub flags: String,
    pub has_flags: bool,
    pub awaiting: String,
    pub plan: String,
    pub next_visit: String,
}

/// One choice of the filter form.
pub struct FilterChoice {
    pub code: &'static str,
    pub label: String,
    pub chosen: bool,
}

pub struct TriageWords {
    pub lines: Vec<TriageLine>,
    pub filters: Vec<FilterChoice>,
    /// The caseload has no children at all (not just none for this filter).
    pub no_caseload: bool,
}

pub fn triage_words(t: &Tr, view: &TriageView) -> TriageWords {
    let filters = view
        .filters
        .iter()
        .map(|f| FilterChoice {
            code: f.filter.as_str(),
            label: t.with(
                &format!("triage-filter-{}", f.filter.as_str()),
                &[("count", f.children.into())],
            ),
            chosen: f.filter == view.filter,
        })
        .collect();
    let caseload = view.filters.iter().find(|f| f.filter == TriageFilter::All);
    let mut words = Words::new(t);
    TriageWords {
        lines: view.rows.iter().map(|r| line(&mut words, r)).collect(),
        filters,
        no_caseload: caseload.is_none_or(|f| f.children == 0),
    }
}

/// The words a caseload repeats from child to child, each put through
/// Fluent once per page: sixty children made some seven hundred Fluent
/// calls, most of them for the same few texts (issue 15).
struct Words<'t> {
    t: &'t Tr,
    none: String,
    never: String,
    no_target_week: String,
    no_target: String,
    no_target_short: String,
    no_visit: String,
    plan_waiting: String,
    /// "60%", by percent, made when first needed.
    percents: Vec<Option<String>>,
}

impl<'t> Words<'t> {
    fn new(t: &'t Tr) -> Words<'t> {
        Words {
            t,
            none: t.get("triage-none"),
            never: t.get("triage-never"),
            no_target_week: t.get("triage-no-target-week"),
            no_target: t.get("triage-no-target"),
            no_target_short: t.get("triage-no-target-short"),
            no_visit: t.get("triage-no-visit"),
            plan_waiting: t.get("triage-plan-waiting"),
            percents: vec![None; 101],
        }
    }

    fn percent(&mut self, p: u32) -> String {
        let t = self.t;
        match self.percents.get_mut(p as usize) {
            Some(slot) => slot
                .get_or_insert_with(|| t.with("triage-percent", &[("percent", p.into())]))
                .clone(),
            // Above 100% (more practice than planned) is rare: no cache.
            None => t.with("triage-percent", &[("percent", p.into())]),
        }
    }

    fn count_or_none(&self, key: &str, n: u32) -> String {
        if n == 0 { self.none.clone() } else { self.t.with(key, &[("count", n.into())]) }
    }
}

fn percent(figure: &Figure) -> Option<u32> {
    figure.counted().percent()
}

fn line(words: &mut Words<'_>, r: &TriageRow) -> TriageLine {
    let t = words.t;
    let silence = match r.days_since_practice {
        None => words.never.clone(),
        Some(days) => t.with("triage-days-ago", &[("days", days.into())]),
    };
    let this_week = if r.this_week.target == 0 {
        words.no_target_week.clone()
    } else {
        t.with(
            "triage-this-week",
            &[("counted", r.this_week.counted.into()), ("target", r.this_week.target.into())],
        )
    };
    let four_weeks = match percent(&r.four_weeks) {
        Some(p) => t.with("triage-four-weeks", &[("percent", p.into())]),
        None => words.no_target.clone(),
    };
    let weeks: Vec<String> = r
        .weeks
        .iter()
        .map(|w| match percent(&w.figure) {
            Some(p) => words.percent(p),
            None => words.no_target_short.clone(),
        })
        .collect();
    let label = t.with(
        "triage-chart",
        &[("name", r.child_name.as_str().into()), ("weeks", weeks.join(", ").into())],
    );
    let values: Vec<Option<f64>> = r.weeks.iter().map(|w| w.figure.counted().ratio()).collect();
    let next_visit = match &r.next_visit {
        Some(v) => format!(
            "{} {} · {}",
            v.local_date,
            v.local_time,
            crate::visit_words::setting(t, v.setting)
        ),
        None => words.no_visit.clone(),
    };
    TriageLine {
        child_id: r.child_id.to_string(),
        name: r.child_name.clone(),
        household: r.household_name.clone(),
        silence,
        silent: r.days_since_practice.is_none_or(|d| d >= SILENT_DAYS),
        this_week,
        four_weeks,
        chart: sparkline(&label, &values, 1.0),
        flags: words.count_or_none("triage-flags", r.open_flags),
        has_flags: r.open_flags > 0,
        awaiting: words.count_or_none("triage-awaiting", r.awaiting_answer),
        plan: if r.plan_waiting { words.plan_waiting.clone() } else { words.none.clone() },
        next_visit,
    }
}
