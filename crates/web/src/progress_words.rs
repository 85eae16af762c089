//! A child's progress figures as words and charts (issue 14), in the
//! reader's language: what the progress page, the report page and the PDF
//! all show, built once here so that the three agree.

use carryover_domain::goal::GasRater;
use carryover_ops::{
    progress::{GoalProgress, ProgressView},
    scores::{RatingChangeView, TScoreView},
};
use time::Date;

use crate::{
    charts::{Format, LineChart, Series},
    i18n::Tr,
    progress_practice::{PracticeWords, practice_words},
};

/// One goal's part of the page.
pub struct GoalBlock {
    pub words: String,
    /// "Performance 3 → 6 (+3) · clinically important; satisfaction …", or
    /// the empty state ("Rated once: no re-rating yet").
    pub copm_change: String,
    pub copm: LineChart,
    /// `None`: the goal has no GAS scale.
    pub gas: Option<LineChart>,
    /// "Started at −1 · therapist now +1 · family not rated yet"
    pub gas_now: String,
}

/// A T-score line: who rated, the value (two decimals) and notes.
pub struct ScoreLine {
    pub label: String,
    pub value: Option<String>,
    pub note: String,
}

pub struct ProgressWords {
    pub goals: Vec<GoalBlock>,
    pub scores: Vec<ScoreLine>,
    /// Adherence, responses, confidence, the grids, visits, the timeline.
    pub practice: PracticeWords,
}

fn rating_change(t: &Tr, r: &RatingChangeView) -> String {
    let mark = if r.clinically_important {
        format!(" · {}", t.get("copm-important"))
    } else {
        String::new()
    };
    format!("{} → {} ({}){mark}", r.before, r.after, t.signed(r.change.into()))
}

fn copm_block(t: &Tr, n: usize, goal: &GoalProgress) -> (String, LineChart) {
    let change = match (&goal.copm_change, goal.copm.as_slice()) {
        (Some(c), _) => t.with(
            "progress-copm-change",
            &[
                ("first", t.date(c.first_on).into()),
                ("latest", t.date(c.latest_on).into()),
                ("performance", rating_change(t, &c.performance).into()),
                ("satisfaction", rating_change(t, &c.satisfaction).into()),
            ],
        ),
        (None, []) => t.get("progress-copm-never"),
        (None, [once, ..]) => {
            t.with("progress-copm-once", &[("date", t.date(once.rated_on).into())])
        }
    };
    let chart = LineChart {
        id: format!("copm-{n}"),
        title: t.with("progress-copm-chart", &[("goal", goal.goal.words.clone().into())]),
        summary: change.clone(),
        empty: t.get("progress-copm-never"),
        x_heading: t.get("copm-date"),
        x_labels: goal.copm.iter().map(|p| t.date(p.rated_on)).collect(),
        y_min: 1.0,
        y_max: 10.0,
        y_ticks: vec![1.0, 4.0, 7.0, 10.0],
        step: false,
        series: vec![
            Series {
                label: t.get("copm-performance"),
                values: goal.copm.iter().map(|p| Some(p.performance.into())).collect(),
            },
            Series {
                label: t.get("copm-satisfaction"),
                values: goal.copm.iter().map(|p| Some(p.satisfaction.into())).collect(),
            },
        ],
        format: Format::Whole,
        gap: "–".into(),
    };
    (change, chart)
}

fn gas_block(t: &Tr, n: usize, goal: &GoalProgress) -> (Option<LineChart>, String) {
    let Some(gas) = &goal.gas else {
        return (None, t.get("progress-gas-no-scale"));
    };
    let level = |l: Option<i8>| l.map_or_else(|| t.get("gas-not-rated"), |l| t.signed(l.into()));
    let now = t.with(
        "progress-gas-now",
        &[
            ("baseline", t.signed(gas.baseline.into()).into()),
            ("therapist", level(gas.therapist_level).into()),
            ("guardian", level(gas.guardian_level).into()),
        ],
    );
    let mut days: Vec<Date> = gas.ratings.iter().map(|r| r.rated_on).collect();
    days.dedup();
    // Each rater's level on each day (the last of the day when rated twice).
    let on = |rater: GasRater| -> Vec<Option<f64>> {
        days.iter()
            .map(|day| {
                let mut found =
                    gas.ratings.iter().filter(|r| r.rated_on == *day && r.rater == rater);
                found.next_back().map(|r| f64::from(r.level))
            })
            .collect()
    };
    let min = if gas.six_level { -3.0 } else { -2.0 };
    let chart = LineChart {
        id: format!("gas-{n}"),
        title: t.with("progress-gas-chart", &[("goal", goal.goal.words.clone().into())]),
        summary: now.clone(),
        empty: t.get("progress-gas-none"),
        x_heading: t.get("copm-date"),
        x_labels: days.iter().map(|d| t.date(*d)).collect(),
        y_min: min,
        y_max: 2.0,
        y_ticks: (min as i64..=2).map(|v| v as f64).collect(),
        step: true,
        series: vec![
            Series { label: t.get("progress-rater-therapist"), values: on(GasRater::Therapist) },
            Series { label: t.get("progress-rater-guardian"), values: on(GasRater::Guardian) },
        ],
        format: Format::Signed,
        gap: "–".into(),
    };
    (Some(chart), now)
}

pub fn score_line(t: &Tr, view: &TScoreView, words: &dyn Fn(uuid::Uuid) -> String) -> ScoreLine {
    let label = match view.rater {
        None => t.get("gas-t-baseline"),
        Some(GasRater::Therapist) => t.get("gas-t-therapist"),
        Some(GasRater::Guardian) => t.get("gas-t-guardian"),
    };
    let mut notes = Vec::new();
    if let Some(score) = &view.score {
        notes.push(t.with("gas-t-over", &[("count", score.goals.into())]));
        if !score.weighted {
            notes.push(t.get("gas-t-unweighted"));
        }
    }
    if let Some(reason) = view.no_score {
        notes.push(t.get(&format!("gas-no-score-{}", reason.as_str())));
    }
    if !view.unrated.is_empty() {
        let names: Vec<String> = view.unrated.iter().map(|id| words(*id)).collect();
        notes.push(t.with("gas-t-unrated", &[("goals", names.join("; ").into())]));
    }
    ScoreLine {
        label,
        value: view.score.as_ref().map(|s| t.decimal(s.value)),
        note: notes.join(" "),
    }
}

pub fn progress_words(t: &Tr, view: &ProgressView) -> ProgressWords {
    let words = |id: uuid::Uuid| {
        view.goals
            .iter()
            .find(|g| g.goal.goal_id == id)
            .map(|g| g.goal.words.clone())
            .unwrap_or_default()
    };
    let goals = view
        .goals
        .iter()
        .enumerate()
        .map(|(n, goal)| {
            let (copm_change, copm) = copm_block(t, n, goal);
            let (gas, gas_now) = gas_block(t, n, goal);
            GoalBlock { words: goal.goal.words.clone(), copm_change, copm, gas, gas_now }
        })
        .collect();
    ProgressWords {
        goals,
        scores: view.t_scores.iter().map(|s| score_line(t, s, &words)).collect(),
        practice: practice_words(t, view),
    }
}
