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
    TriageWords {
        lines: view.rows.iter().map(|r| line(t, r)).collect(),
        filters,
        no_caseload: caseload.is_none_or(|f| f.children == 0),
    }
}

fn percent(figure: &Figure) -> Option<u32> {
    figure.counted().percent()
}

fn count_or_none(t: &Tr, key: &str, n: u32) -> String {
    if n == 0 { t.get("triage-none") } else { t.with(key, &[("count", n.into())]) }
}

fn line(t: &Tr, r: &TriageRow) -> TriageLine {
    let silence = match r.days_since_practice {
        None => t.get("triage-never"),
        Some(days) => t.with("triage-days-ago", &[("days", days.into())]),
    };
    let this_week = if r.this_week.target == 0 {
        t.get("triage-no-target-week")
    } else {
        t.with(
            "triage-this-week",
            &[("counted", r.this_week.counted.into()), ("target", r.this_week.target.into())],
        )
    };
    let four_weeks = match percent(&r.four_weeks) {
        Some(p) => t.with("triage-four-weeks", &[("percent", p.into())]),
        None => t.get("triage-no-target"),
    };
    let weeks: Vec<String> = r
        .weeks
        .iter()
        .map(|w| match percent(&w.figure) {
            Some(p) => t.with("triage-percent", &[("percent", p.into())]),
            None => t.get("triage-no-target-short"),
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
        None => t.get("triage-no-visit"),
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
        flags: count_or_none(t, "triage-flags", r.open_flags),
        has_flags: r.open_flags > 0,
        awaiting: count_or_none(t, "triage-awaiting", r.awaiting_answer),
        plan: if r.plan_waiting { t.get("triage-plan-waiting") } else { t.get("triage-none") },
        next_visit,
    }
}
