//! The progress report in words (issue 14): what the print-ready page and
//! the PDF both show, built once from the operation's view.

use carryover_ops::progress::{GoalProgress, ReportView};

use crate::{
    i18n::Tr,
    progress_words::{ProgressWords, progress_words},
};

/// A table in words: its header and its rows.
#[derive(Clone, Debug, Default)]
pub struct Table {
    pub head: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

pub struct ReportWords {
    pub title: String,
    /// The period, and the date the report was made.
    pub subtitle: Vec<String>,
    /// Goal, COPM at the start and now, GAS at the start and now.
    pub goals: Table,
    pub words: ProgressWords,
    /// The therapist's summary; empty: none written yet.
    pub summary: String,
    pub summary_by: String,
}

fn copm_cell(t: &Tr, goal: &GoalProgress, latest: bool) -> String {
    let point = match (goal.copm.as_slice(), latest) {
        ([], _) => return t.get("report-not-rated"),
        ([_], true) => return t.get("report-no-rerating"),
        (points, true) => points.last(),
        (points, false) => points.first(),
    };
    point.map_or_else(String::new, |p| {
        t.with(
            "report-copm-cell",
            &[
                ("performance", p.performance.into()),
                ("satisfaction", p.satisfaction.into()),
                ("date", t.date(p.rated_on).into()),
            ],
        )
    })
}

fn gas_cell(t: &Tr, goal: &GoalProgress, latest: bool) -> String {
    match &goal.gas {
        None => t.get("report-no-scale"),
        Some(g) if !latest => t.signed(g.baseline.into()),
        Some(g) => g.therapist_level.map_or_else(|| t.get("gas-not-rated"), |l| t.signed(l.into())),
    }
}

pub fn report_words(t: &Tr, view: &ReportView) -> ReportWords {
    let p = &view.progress;
    let period = match view.from {
        Some(from) => t.with(
            "report-period",
            &[("from", t.date(from).into()), ("to", t.date(view.to).into())],
        ),
        None => t.with("report-period-until", &[("to", t.date(view.to).into())]),
    };
    let made = t.with("report-made", &[("date", t.date(p.today).into())]);
    let goals = Table {
        head: vec![
            t.get("copm-problem"),
            t.get("report-copm-start"),
            t.get("report-copm-now"),
            t.get("report-gas-start"),
            t.get("report-gas-now"),
        ],
        rows: p
            .goals
            .iter()
            .map(|g| {
                vec![
                    g.goal.words.clone(),
                    copm_cell(t, g, false),
                    copm_cell(t, g, true),
                    gas_cell(t, g, false),
                    gas_cell(t, g, true),
                ]
            })
            .collect(),
    };
    let (summary, summary_by) = match &view.summary {
        Some(s) if !s.text.is_empty() => (
            s.text.clone(),
            t.with(
                "report-summary-by",
                &[("name", s.updated_by.clone().into()), ("date", t.datetime(s.updated_at).into())],
            ),
        ),
        _ => (String::new(), String::new()),
    };
    ReportWords {
        title: t.with_name("report-title", &p.child_name),
        subtitle: vec![period, made],
        goals,
        words: progress_words(t, p),
        summary,
        summary_by,
    }
}
