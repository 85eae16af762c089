//! The practice part of a child's progress (issue 14) in the reader's
//! language: weekly adherence, how the child responded, caregiver
//! confidence, the generalization grids, the visits and the timeline. Built
//! once here for the progress page, the report page and the PDF.

use carryover_domain::{reflection::ThreadSubject, visit::VisitStatus};
use carryover_ops::progress::{ProgressView, Timeline, TimelineEntry, TimelineItem, VisitFigures};

use crate::{
    charts::{Format, LineChart, Series},
    i18n::{Lang, Tr},
    plan_words,
    routes::practice::{GridWords, grid_words, percent},
};

/// One line of the timeline.
pub struct EntryWords {
    pub date: String,
    /// "Practice", "Visit", "Reflection", "Message".
    pub kind: String,
    pub title: String,
    /// The language of `title` when it is not the page's (a strategy).
    pub title_lang: Option<&'static str>,
    pub detail: String,
    /// What the person wrote; empty: nothing.
    pub text: String,
}

pub struct TimelineWords {
    pub period: String,
    pub entries: Vec<EntryWords>,
    /// `before` for "show older", YYYY-MM-DD.
    pub older: Option<String>,
}

pub struct PracticeWords {
    pub adherence: LineChart,
    pub responses: LineChart,
    pub confidence: LineChart,
    pub grids: Vec<GridWords>,
    pub visits: String,
    pub timeline: Option<TimelineWords>,
}

fn week_labels(t: &Tr, view: &ProgressView) -> Vec<String> {
    view.weeks.iter().map(|w| t.date(w.week_start)).collect()
}

fn adherence(t: &Tr, view: &ProgressView) -> LineChart {
    // Whole percent rounded down, as the practice page's measures write it.
    let values =
        view.weeks.iter().map(|w| (w.target > 0).then(|| f64::from(w.logs * 100 / w.target)));
    let summary = match view.weeks.iter().rev().find(|w| w.target > 0) {
        Some(w) => t.with(
            "progress-adherence-summary",
            &[("week", t.date(w.week_start).into()), ("done", percent(t, w.logs, w.target).into())],
        ),
        None => t.get("progress-adherence-none"),
    };
    LineChart {
        id: "adherence".into(),
        title: t.get("progress-adherence-title"),
        summary,
        empty: t.get("progress-adherence-none"),
        x_heading: t.get("progress-week"),
        x_labels: week_labels(t, view),
        y_min: 0.0,
        y_max: 100.0,
        y_ticks: vec![0.0, 50.0, 100.0],
        step: false,
        series: vec![Series {
            label: t.get("progress-adherence-series"),
            values: values.collect(),
        }],
        format: Format::Percent,
        gap: t.get("measure-no-target"),
    }
}

fn responses(t: &Tr, view: &ProgressView) -> LineChart {
    let r = &view.responses;
    let (well, mixed, hard) =
        r.iter().fold((0, 0, 0), |(a, b, c), w| (a + w.went_well, b + w.mixed, c + w.hard));
    let any = well + mixed + hard > 0;
    let series = |key: &str, count: &dyn Fn(usize) -> u32| Series {
        label: t.get(key),
        values: (0..r.len()).map(|i| any.then(|| f64::from(count(i)))).collect(),
    };
    let top = r.iter().flat_map(|w| [w.went_well, w.mixed, w.hard]).max().unwrap_or(0).max(1);
    LineChart {
        id: "responses".into(),
        title: t.get("progress-responses-title"),
        summary: t.with(
            "progress-responses-summary",
            &[("well", well.into()), ("mixed", mixed.into()), ("hard", hard.into())],
        ),
        empty: t.get("progress-no-logs"),
        x_heading: t.get("progress-week"),
        x_labels: week_labels(t, view),
        y_min: 0.0,
        y_max: f64::from(top),
        y_ticks: vec![0.0, f64::from(top)],
        step: false,
        series: vec![
            series("log-response-went_well", &|i| r[i].went_well),
            series("log-response-mixed", &|i| r[i].mixed),
            series("log-response-hard", &|i| r[i].hard),
        ],
        format: Format::Whole,
        gap: "–".into(),
    }
}

fn confidence(t: &Tr, view: &ProgressView) -> LineChart {
    let ratings: u32 = view.confidence.iter().map(|w| w.ratings).sum();
    let latest = view.confidence.iter().rev().find_map(|w| Some((w.week_start, w.average?)));
    let summary = match latest {
        Some((week, average)) => t.with(
            "progress-confidence-summary",
            &[
                ("count", ratings.into()),
                ("average", t.decimal(average).into()),
                ("week", t.date(week).into()),
            ],
        ),
        None => t.get("progress-confidence-none"),
    };
    LineChart {
        id: "confidence".into(),
        title: t.get("progress-confidence-title"),
        summary,
        empty: t.get("progress-confidence-none"),
        x_heading: t.get("progress-week"),
        x_labels: week_labels(t, view),
        y_min: 0.0,
        y_max: 10.0,
        y_ticks: vec![0.0, 5.0, 10.0],
        step: false,
        series: vec![Series {
            label: t.get("progress-confidence-series"),
            values: view.confidence.iter().map(|w| w.average).collect(),
        }],
        format: Format::Hundredths { comma: t.lang == Lang::Es },
        gap: "–".into(),
    }
}

pub fn visit_words(t: &Tr, v: &VisitFigures) -> String {
    let planned = t.with(
        "progress-visits-planned",
        &[("planned", v.planned.into()), ("cancelled", v.cancelled.into())],
    );
    let held = match v.fidelity_percent {
        None => t.get("progress-visits-none"),
        Some(percent) => t.with(
            "progress-visits-held",
            &[
                ("held", v.held.into()),
                ("five", v.with_all_five.into()),
                ("percent", percent.into()),
            ],
        ),
    };
    format!("{held} {planned}")
}

fn entry_words(t: &Tr, e: &TimelineEntry) -> EntryWords {
    let strategy = |s: &Option<carryover_domain::library::StrategySnapshot>| {
        s.as_ref().map(|s| plan_words::strategy(t, s))
    };
    let mut w = EntryWords {
        date: t.date(e.on),
        kind: String::new(),
        title: String::new(),
        title_lang: None,
        detail: String::new(),
        text: String::new(),
    };
    match &e.item {
        TimelineItem::Visit { status, steps, .. } => {
            w.kind = t.get("timeline-visit");
            w.title = t.get(&format!("timeline-visit-{}", status.as_str()));
            if let (VisitStatus::Held, Some(steps)) = (status, steps) {
                w.detail = t.with("timeline-visit-steps", &[("steps", (*steps).into())]);
            }
        }
        TimelineItem::PracticeLog {
            strategy: s,
            practised_by_name,
            response,
            confidence,
            note,
            ..
        } => {
            w.kind = t.get("timeline-log");
            if let Some(s) = strategy(s) {
                w.title_lang = s.other_language.then_some(s.lang);
                w.title = s.title;
            }
            let mut parts = vec![
                t.get(&format!("log-response-{}", response.as_str())),
                practised_by_name.clone(),
            ];
            if let Some(c) = confidence {
                parts.push(t.with("timeline-confidence", &[("confidence", (*c).into())]));
            }
            w.detail = parts.join(" · ");
            w.text = note.clone();
        }
        TimelineItem::Reflection {
            strategy: s, author_name, words, flagged, flag_open, ..
        } => {
            w.kind = t.get("timeline-reflection");
            match strategy(s) {
                Some(s) => {
                    w.title_lang = s.other_language.then_some(s.lang);
                    w.title = s.title;
                }
                None => w.title = t.get("timeline-reflection-week"),
            }
            let flag = match (flagged, flag_open) {
                (false, _) => String::new(),
                (true, true) => format!(" · {}", t.get("timeline-flag-open")),
                (true, false) => format!(" · {}", t.get("timeline-flag-handled")),
            };
            w.detail = format!("{author_name}{flag}");
            w.text = words.clone();
        }
        TimelineItem::Feedback { subject, author_name, body, .. } => {
            w.kind = t.get("timeline-message");
            let about = match subject {
                ThreadSubject::Reflection => "timeline-about-reflection",
                ThreadSubject::PracticeLog => "timeline-about-log",
                ThreadSubject::Child => "timeline-about-child",
            };
            w.title = t.get(about);
            w.detail = author_name.clone();
            w.text = body.clone();
        }
    }
    w
}

fn timeline_words(t: &Tr, tl: &Timeline) -> TimelineWords {
    TimelineWords {
        period: t.with(
            "report-period",
            &[("from", t.date(tl.from).into()), ("to", t.date(tl.to).into())],
        ),
        entries: tl.entries.iter().map(|e| entry_words(t, e)).collect(),
        older: tl.older.map(carryover_domain::text::date_text),
    }
}

pub fn practice_words(t: &Tr, view: &ProgressView) -> PracticeWords {
    PracticeWords {
        adherence: adherence(t, view),
        responses: responses(t, view),
        confidence: confidence(t, view),
        grids: grid_words(t, &view.matrix),
        visits: visit_words(t, &view.visits),
        timeline: view.timeline.as_ref().map(|tl| timeline_words(t, tl)),
    }
}
