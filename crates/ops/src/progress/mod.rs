//! Progress you can see (issue 14): a child's COPM and GAS over time, with
//! the change since the first rating and the current T-scores; the same
//! figures over a date range make the progress report. Helpers see none of
//! the measures: every read here takes the full grant.
//!
//! Numbers come from `scores` (rounded to two decimals there, once), so the
//! page, the API and the PDF show the same ones.

use std::collections::BTreeMap;

use carryover_domain::{
    audit::{AuditAction, AuditResource},
    copm::{CopmChange, CopmOccasion, CopmProblem, CopmThreshold},
    goal::{GasRater, GasScale, GoalStatus},
};
use carryover_store::{
    AnyConnection, audit, children, goals,
    measures::{self, CopmOccasionRow, GasRating},
};
use serde::Serialize;
use time::Date;
use uuid::Uuid;

mod report;
mod timeline;
mod visits;

pub use report::{
    ReportInput, ReportUse, ReportView, SUMMARY_MAX_CHARS, SummaryInput, SummaryView, report,
    save_summary,
};
pub use timeline::{TIMELINE_DAYS, Timeline, TimelineEntry, TimelineInput, TimelineItem};
pub use visits::VisitFigures;

pub use crate::practice::{ConfidenceWeek, GridView, ResponseWeek, WeekLine};
use crate::{
    ChildGrant, FullGrant, OpError, Ops, Who,
    goals::GoalWords,
    scope::{clinic_day, full},
    scores::{RatingChangeView, TScoreView, t_score_view},
};

/// One COPM occasion at which the goal was rated.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CopmPoint {
    pub rated_on: Date,
    pub performance: u8,
    pub satisfaction: u8,
}

/// The goal's latest COPM rating against its first.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CopmGoalChange {
    pub first_on: Date,
    pub latest_on: Date,
    pub performance: RatingChangeView,
    pub satisfaction: RatingChangeView,
}

/// One GAS rating: the level a rater gave on a day.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct GasPoint {
    pub rated_on: Date,
    pub rater: GasRater,
    pub level: i8,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct GasProgress {
    pub six_level: bool,
    pub baseline: i8,
    /// Oldest first.
    pub ratings: Vec<GasPoint>,
    pub therapist_level: Option<i8>,
    pub guardian_level: Option<i8>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct GoalProgress {
    pub goal: GoalWords,
    /// Oldest first; empty: not rated with COPM yet.
    pub copm: Vec<CopmPoint>,
    /// `None` until the goal has been rated twice ("no re-rating yet").
    pub copm_change: Option<CopmGoalChange>,
    /// `None` for a goal without a GAS scale.
    pub gas: Option<GasProgress>,
}

/// What the progress page, its API twin and the report show.
#[derive(Clone, Debug, Serialize)]
pub struct ProgressView {
    pub child_name: String,
    /// The clinic's today.
    pub today: Date,
    /// The clinic's threshold for a clinically important COPM change.
    pub copm_threshold: u8,
    pub goals: Vec<GoalProgress>,
    /// The goals the T-scores are over: every goal with a scale that is not
    /// discontinued, as on the goals page.
    pub t_score_set: Vec<Uuid>,
    /// Over the baselines, then the therapist's and the guardians' latest levels.
    pub t_scores: Vec<TScoreView>,
    /// The household's adherence week by week, oldest first: on the page
    /// the last 12 weeks; in a report the weeks of its period, the last 26 at
    /// most (without a start: from the first week with a plan or a log).
    pub weeks: Vec<WeekLine>,
    /// How the child responded, the same weeks.
    pub responses: Vec<ResponseWeek>,
    /// The caregivers' confidence from their logs, the same weeks. Not a
    /// validated instrument.
    pub confidence: Vec<ConfidenceWeek>,
    /// Strategies × routines × caregivers over the logs of the period.
    pub matrix: Vec<GridView>,
    pub visits: VisitFigures,
    /// The page's timeline (the report has none).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub timeline: Option<Timeline>,
}

/// How many weeks of practice the page shows, and a report at most.
pub const PAGE_WEEKS: i64 = 12;
pub const REPORT_WEEKS: i64 = 26;

/// The Mondays of the weeks `first..=last`, the last `at_most` of them.
fn mondays(first: Date, last: Date, at_most: i64) -> Vec<Date> {
    let last = carryover_domain::zone::week_start(last);
    let oldest = last.saturating_sub(time::Duration::weeks(at_most - 1));
    let first = carryover_domain::zone::week_start(first).max(oldest);
    let mut out = Vec::new();
    let mut monday = first;
    while monday <= last {
        out.push(monday);
        monday = monday.saturating_add(time::Duration::WEEK);
    }
    out
}

/// Ratings dated `from..=to` (no `from`: since the first).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Range {
    pub from: Option<Date>,
    pub to: Date,
}

impl Range {
    fn holds(self, day: Date) -> bool {
        self.from.is_none_or(|from| day >= from) && day <= self.to
    }
}

/// The progress page: everything so far, and the timeline's page `input`.
pub async fn view(
    ops: &Ops,
    who: &Who,
    grant: &ChildGrant,
    input: &TimelineInput,
) -> Result<ProgressView, OpError> {
    let full = full(grant)?;
    let mut tx = ops.db.begin_write().await?;
    let today = clinic_day(&mut tx, grant.clinic_id(), ops.now()).await?.today;
    let last = timeline::last_day(input, today)?;
    let view = figures(&mut tx, &full, grant, ops, Period::Page { timeline_to: last }).await?;
    let event = who.event(AuditAction::View, AuditResource::Progress, None, Some(grant.child_id()));
    audit::append(&mut tx, &event, ops.now()).await?;
    tx.commit().await?;
    Ok(view)
}

/// Which figures: the page's (everything up to today, and a timeline
/// ending on `timeline_to`) or a report's.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Period {
    Page { timeline_to: Date },
    Report(Range),
}

/// The figures, read inside the caller's transaction (the caller audits).
pub(crate) async fn figures(
    conn: &mut AnyConnection,
    full: &FullGrant,
    grant: &ChildGrant,
    ops: &Ops,
    period: Period,
) -> Result<ProgressView, OpError> {
    let day = clinic_day(conn, grant.clinic_id(), ops.now()).await?;
    let (range, weeks) = match period {
        Period::Page { .. } => {
            let first = day.today.saturating_sub(time::Duration::weeks(PAGE_WEEKS - 1));
            (Range { from: None, to: day.today }, mondays(first, day.today, PAGE_WEEKS))
        }
        Period::Report(range) => {
            let back = time::Duration::weeks(REPORT_WEEKS - 1);
            let first = range.from.unwrap_or(range.to.saturating_sub(back));
            (range, mondays(first, range.to, REPORT_WEEKS))
        }
    };
    let mut practice =
        crate::practice::practice_span(conn, grant, &weeks, range.from, range.to, ops.now())
            .await?;
    if let Period::Report(Range { from: None, .. }) = period {
        trim_quiet_start(&mut practice);
    }
    let visit_rows = visits::visit_rows(conn, full, &day.zone).await?;
    let timeline = match period {
        Period::Page { timeline_to } => Some(
            timeline::timeline(
                conn,
                full,
                &day.zone,
                timeline_to,
                &practice.logs,
                &practice.strategies,
                &visit_rows,
            )
            .await?,
        ),
        Period::Report(_) => None,
    };
    let basics = children::child_basics(conn, grant).await?;
    let found = goals::goals(conn, grant).await?;
    let scales: BTreeMap<Uuid, GasScale> =
        measures::gas_scales(conn, full).await?.into_iter().collect();
    let ratings: Vec<GasRating> = measures::gas_ratings(conn, full)
        .await?
        .into_iter()
        .filter(|r| range.holds(r.rated_on))
        .collect();
    let occasions: Vec<CopmOccasionRow> = measures::copm_occasions(conn, full)
        .await?
        .into_iter()
        .filter(|o| range.holds(o.rated_on))
        .collect();
    let set: Vec<(Uuid, &GasScale)> = found
        .iter()
        .filter(|g| g.status != GoalStatus::Discontinued)
        .filter_map(|g| Some((g.goal_id, scales.get(&g.goal_id)?)))
        .collect();
    let goals = found
        .iter()
        .map(|g| GoalProgress {
            goal: g.into(),
            copm: copm_points(&occasions, g.goal_id),
            copm_change: copm_goal_change(&occasions, g.goal_id, day.copm_threshold),
            gas: scales.get(&g.goal_id).map(|s| gas_progress(s, &ratings, g.goal_id)),
        })
        .collect();
    Ok(ProgressView {
        child_name: basics.preferred_name,
        today: day.today,
        copm_threshold: day.copm_threshold.get(),
        goals,
        t_score_set: set.iter().map(|(id, _)| *id).collect(),
        t_scores: [None, Some(GasRater::Therapist), Some(GasRater::Guardian)]
            .into_iter()
            .map(|rater| t_score_view(&set, &ratings, rater))
            .collect(),
        weeks: practice.weeks,
        responses: practice.responses,
        confidence: practice.confidence,
        matrix: practice.matrix,
        visits: visits::visit_figures(&visit_rows, range),
        timeline,
    })
}

/// A report without a start covers the last 26 weeks; the weeks before the
/// first plan or log say nothing, so they are left out.
fn trim_quiet_start(practice: &mut crate::practice::PracticeSpan) {
    let quiet = practice
        .weeks
        .iter()
        .zip(&practice.responses)
        .take_while(|(w, r)| w.target == 0 && w.logs == 0 && r.went_well + r.mixed + r.hard == 0)
        .count();
    practice.weeks.drain(..quiet);
    practice.responses.drain(..quiet);
    practice.confidence.drain(..quiet);
}

/// The goal's problem at each occasion that rated it.
fn rated_at(occasions: &[CopmOccasionRow], goal: Uuid) -> Vec<(Date, CopmProblem<Uuid>)> {
    occasions
        .iter()
        .filter_map(|o| {
            let problem = o.problems.iter().find(|p| p.id == goal && p.scores.is_some())?;
            Some((o.rated_on, problem.clone()))
        })
        .collect()
}

fn copm_points(occasions: &[CopmOccasionRow], goal: Uuid) -> Vec<CopmPoint> {
    rated_at(occasions, goal)
        .into_iter()
        .filter_map(|(rated_on, p)| {
            let scores = p.scores?;
            Some(CopmPoint {
                rated_on,
                performance: scores.performance.get(),
                satisfaction: scores.satisfaction.get(),
            })
        })
        .collect()
}

/// The domain's change between the goal's first and latest rating; a goal
/// first rated at a later occasion still has its own change.
fn copm_goal_change(
    occasions: &[CopmOccasionRow],
    goal: Uuid,
    threshold: CopmThreshold,
) -> Option<CopmGoalChange> {
    let rated = rated_at(occasions, goal);
    let ((first_on, first), (latest_on, latest)) = (rated.first()?, rated.last()?);
    if rated.len() < 2 {
        return None;
    }
    let first_occasion = CopmOccasion::new(vec![first.clone()]).ok()?;
    let latest_occasion = CopmOccasion::new(vec![latest.clone()]).ok()?;
    let change = CopmChange::between(&first_occasion, &latest_occasion, threshold);
    let problem = change.problems.first()?;
    Some(CopmGoalChange {
        first_on: *first_on,
        latest_on: *latest_on,
        performance: problem.performance.into(),
        satisfaction: problem.satisfaction.into(),
    })
}

fn gas_progress(scale: &GasScale, ratings: &[GasRating], goal: Uuid) -> GasProgress {
    let points: Vec<GasPoint> = ratings
        .iter()
        .filter(|r| r.goal_id == goal)
        .map(|r| GasPoint { rated_on: r.rated_on, rater: r.rater, level: r.level.get() })
        .collect();
    let latest = |rater| points.iter().rev().find(|p| p.rater == rater).map(|p| p.level);
    GasProgress {
        six_level: scale.six_level,
        baseline: scale.baseline.get(),
        therapist_level: latest(GasRater::Therapist),
        guardian_level: latest(GasRater::Guardian),
        ratings: points,
    }
}
