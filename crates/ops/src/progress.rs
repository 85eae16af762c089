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
    text::check_optional_paragraph,
};
use carryover_store::{
    AnyConnection, audit, children, goals,
    measures::{self, CopmOccasionRow, GasRating},
    report_summary,
};
use serde::{Deserialize, Serialize};
use time::Date;
use uuid::Uuid;

use crate::{
    ChildGrant, FullGrant, OpError, Ops, Problem, Who,
    access::writable,
    error::Fields,
    goals::GoalWords,
    scope::{clinic_day, full, rating_day, team},
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

/// A caregiver's confidence on a day, 0–10. Not a validated instrument.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ConfidencePoint {
    pub on: Date,
    pub confidence: u8,
}

/// What the progress page, its API twin and the report show.
#[derive(Clone, Debug, PartialEq, Serialize)]
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
    /// Caregiver confidence from practice logs, oldest first. Empty until
    /// practice logs exist (they arrive with the logs part of issue 12).
    pub confidence: Vec<ConfidencePoint>,
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

/// The progress page: everything so far.
pub async fn view(ops: &Ops, who: &Who, grant: &ChildGrant) -> Result<ProgressView, OpError> {
    let full = full(grant)?;
    let mut tx = ops.db.begin_write().await?;
    let view = figures(&mut tx, &full, grant, ops, None).await?;
    let event = who.event(AuditAction::View, AuditResource::Progress, None, Some(grant.child_id()));
    audit::append(&mut tx, &event, ops.now()).await?;
    tx.commit().await?;
    Ok(view)
}

/// The figures, read inside the caller's transaction (the caller audits).
/// `range`: only ratings dated inside it; `None`: every one up to today.
pub(crate) async fn figures(
    conn: &mut AnyConnection,
    full: &FullGrant,
    grant: &ChildGrant,
    ops: &Ops,
    range: Option<Range>,
) -> Result<ProgressView, OpError> {
    let day = clinic_day(conn, grant.clinic_id(), ops.now()).await?;
    let range = range.unwrap_or(Range { from: None, to: day.today });
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
        confidence: Vec::new(),
    })
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

/// The longest summary a therapist may write, in characters.
pub const SUMMARY_MAX_CHARS: usize = 4000;

/// The report's period as a form or query sends it: dates `YYYY-MM-DD`;
/// empty `from`: since the first rating; empty `to`: the clinic's today.
#[derive(Clone, Debug, Default, Deserialize, Serialize, utoipa::ToSchema, utoipa::IntoParams)]
#[schema(example = json!({"from": "2026-09-01", "to": "2026-11-30"}))]
#[into_params(parameter_in = Query)]
pub struct ReportInput {
    #[serde(default)]
    pub from: Option<String>,
    #[serde(default)]
    pub to: Option<String>,
}

/// The therapist's summary as a form or the API sends it.
#[derive(Clone, Debug, Default, Deserialize, Serialize, utoipa::ToSchema)]
#[schema(example = json!({"summary": "Mia now puts on both shoes on most school days. Next: zipping her coat."}))]
pub struct SummaryInput {
    #[serde(default)]
    pub summary: String,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SummaryView {
    pub text: String,
    pub updated_by: String,
    #[serde(with = "time::serde::rfc3339")]
    pub updated_at: time::OffsetDateTime,
}

/// The progress report: the figures over a period, and the summary.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ReportView {
    pub from: Option<Date>,
    pub to: Date,
    #[serde(flatten)]
    pub progress: ProgressView,
    pub summary: Option<SummaryView>,
    /// The care team and admins write the summary.
    pub can_write_summary: bool,
}

/// How the report is taken: read as a page (or JSON), or downloaded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReportUse {
    View,
    Download,
}

/// A field's text, trimmed; `None` when empty.
fn typed(text: &Option<String>) -> Option<&str> {
    text.as_deref().map(str::trim).filter(|t| !t.is_empty())
}

fn period(input: &ReportInput, today: Date) -> Result<Range, OpError> {
    let mut fields = Fields::default();
    let from = typed(&input.from).and_then(|t| fields.check("from", rating_day(t, today)));
    let to = match typed(&input.to) {
        None => Some(today),
        Some(t) => fields.check("to", rating_day(t, today)),
    };
    if let (Some(from), Some(to)) = (from, to)
        && from > to
    {
        fields.push("from", Problem::OutOfRange);
    }
    let to = fields.finish(to)?;
    Ok(Range { from, to })
}

/// The report for `input`'s period. Every read is audited; a download as an
/// export of the report.
pub async fn report(
    ops: &Ops,
    who: &Who,
    grant: &ChildGrant,
    input: &ReportInput,
    usage: ReportUse,
) -> Result<ReportView, OpError> {
    let full = full(grant)?;
    let mut tx = ops.db.begin_write().await?;
    let today = clinic_day(&mut tx, grant.clinic_id(), ops.now()).await?.today;
    let range = period(input, today)?;
    let progress = figures(&mut tx, &full, grant, ops, Some(range)).await?;
    let summary = report_summary::summary(&mut tx, &full).await?.map(|s| SummaryView {
        text: s.summary,
        updated_by: s.updated_by_name,
        updated_at: s.updated_at,
    });
    let action = match usage {
        ReportUse::View => AuditAction::View,
        ReportUse::Download => AuditAction::Export,
    };
    let event = who.event(action, AuditResource::Report, None, Some(grant.child_id()));
    audit::append(&mut tx, &event, ops.now()).await?;
    tx.commit().await?;
    Ok(ReportView {
        from: range.from,
        to: range.to,
        progress,
        summary,
        can_write_summary: team(grant).is_ok(),
    })
}

/// The care team writes the report's summary (empty clears it).
pub async fn save_summary(
    ops: &Ops,
    who: &Who,
    grant: &ChildGrant,
    input: &SummaryInput,
) -> Result<(), OpError> {
    let team = team(grant)?;
    writable(grant)?;
    let mut fields = Fields::default();
    let text = fields.check("summary", check_optional_paragraph(&input.summary, SUMMARY_MAX_CHARS));
    let text = fields.finish(text)?;
    let mut tx = ops.db.begin_write().await?;
    report_summary::save(&mut tx, &team, &text, ops.now()).await?;
    let event = who.event(AuditAction::Update, AuditResource::Report, None, Some(grant.child_id()));
    audit::append(&mut tx, &event, ops.now()).await?;
    tx.commit().await?;
    Ok(())
}
