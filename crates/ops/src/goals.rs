//! A child's goals: the list with their scores, one goal with its scale and
//! ratings, and setting or changing a goal. Everyone tied to the child reads
//! the goals' words; ratings and scores are for everyone but helpers; the
//! care team sets goals.

use std::collections::BTreeMap;

use carryover_domain::{
    audit::{AuditAction, AuditResource},
    goal::{GOAL_WORDS_MAX_CHARS, GasRater, GasScale, GoalStatus},
    strategies::Area,
    text::check_line,
};
use carryover_store::{
    WriteTx, audit, children,
    goals::{self, Goal, GoalFields},
    measures::{self, GasRating},
};
use serde::{Deserialize, Serialize};
use time::{Date, OffsetDateTime};
use uuid::Uuid;

use crate::{
    ChildGrant, FullGrant, OpError, Ops, Problem, Who,
    error::Fields,
    scope::{clinic_day, full, team},
    scores::{
        CopmChangeView, CopmOccasionView, TScoreView, copm_change_view, copm_occasion_view,
        latest_level, t_score_view,
    },
};

/// A goal in words: what helpers see too.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct GoalWords {
    pub goal_id: Uuid,
    pub words: String,
    pub area: Area,
    pub status: GoalStatus,
}

impl From<&Goal> for GoalWords {
    fn from(goal: &Goal) -> GoalWords {
        GoalWords {
            goal_id: goal.goal_id,
            words: goal.words.clone(),
            area: goal.area,
            status: goal.status,
        }
    }
}

/// A goal's GAS scale in short, for the list.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct GasLine {
    pub baseline: i8,
    pub weight: Option<u8>,
    /// The newest level each rater gave.
    pub therapist_level: Option<i8>,
    pub guardian_level: Option<i8>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct GoalLine {
    #[serde(flatten)]
    pub goal: GoalWords,
    /// `None` for helpers, and for a goal without a scale.
    pub gas: Option<GasLine>,
}

/// What helpers must not see: the instruments' numbers.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Measures {
    pub copm: Vec<CopmOccasionView>,
    pub copm_change: Option<CopmChangeView>,
    /// The goals the T-scores are over.
    pub t_score_set: Vec<Uuid>,
    /// Over the baselines, then the therapist's and the guardians' latest levels.
    pub t_scores: Vec<TScoreView>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct GoalsView {
    pub child_name: String,
    pub goals: Vec<GoalLine>,
    pub measures: Option<Measures>,
    /// The care team: set goals and record COPM.
    pub can_edit: bool,
}

/// The goals page. `set` chooses the goals of the T-scores (ids as text);
/// empty: every goal with a scale that is not discontinued. An id that is
/// not one of this child's goals finds nothing.
pub async fn view(
    ops: &Ops,
    who: &Who,
    grant: &ChildGrant,
    set: &[String],
) -> Result<GoalsView, OpError> {
    let chosen: Vec<Uuid> = set
        .iter()
        .map(|id| Uuid::parse_str(id.trim()))
        .collect::<Result<_, _>>()
        .map_err(|_| OpError::NotFound)?;
    let mut tx = ops.db.begin_write().await?;
    let basics = children::child_basics(&mut tx, grant).await?;
    let found = goals::goals(&mut tx, grant).await?;
    if chosen.iter().any(|id| !found.iter().any(|g| g.goal_id == *id)) {
        return Err(OpError::NotFound);
    }
    let mut lines: Vec<GoalLine> =
        found.iter().map(|g| GoalLine { goal: g.into(), gas: None }).collect();
    let measures = match grant.full() {
        Some(full) => Some(measures_of(&mut tx, &full, &found, &chosen, &mut lines, ops).await?),
        None => None,
    };
    let event = who.event(AuditAction::View, AuditResource::Goal, None, Some(grant.child_id()));
    audit::append(&mut tx, &event, ops.now()).await?;
    tx.commit().await?;
    Ok(GoalsView {
        child_name: basics.preferred_name,
        goals: lines,
        measures,
        can_edit: team(grant).is_ok(),
    })
}

/// The instruments' numbers, and each goal's GAS line in `lines`.
async fn measures_of(
    tx: &mut WriteTx,
    full: &FullGrant,
    found: &[Goal],
    chosen: &[Uuid],
    lines: &mut [GoalLine],
    ops: &Ops,
) -> Result<Measures, OpError> {
    let day = clinic_day(tx, full.clinic_id(), ops.now()).await?;
    let scales: BTreeMap<Uuid, GasScale> =
        measures::gas_scales(tx, full).await?.into_iter().collect();
    let ratings = measures::gas_ratings(tx, full).await?;
    let occasions = measures::copm_occasions(tx, full).await?;
    for line in lines.iter_mut() {
        line.gas = scales.get(&line.goal.goal_id).map(|s| gas_line(s, &ratings, line.goal.goal_id));
    }
    let in_set = |g: &&Goal| match chosen {
        [] => g.status != GoalStatus::Discontinued,
        ids => ids.contains(&g.goal_id),
    };
    let set: Vec<(Uuid, &GasScale)> = found
        .iter()
        .filter(in_set)
        .filter_map(|g| Some((g.goal_id, scales.get(&g.goal_id)?)))
        .collect();
    Ok(Measures {
        copm: occasions.iter().map(copm_occasion_view).collect(),
        copm_change: copm_change_view(&occasions, day.copm_threshold),
        t_score_set: set.iter().map(|(id, _)| *id).collect(),
        t_scores: [None, Some(GasRater::Therapist), Some(GasRater::Guardian)]
            .into_iter()
            .map(|rater| t_score_view(&set, &ratings, rater))
            .collect(),
    })
}

fn gas_line(scale: &GasScale, ratings: &[GasRating], goal: Uuid) -> GasLine {
    let level = |rater| latest_level(ratings, goal, rater).map(|l| l.get());
    GasLine {
        baseline: scale.baseline.get(),
        weight: scale.weight().map(|w| w.get()),
        therapist_level: level(GasRater::Therapist),
        guardian_level: level(GasRater::Guardian),
    }
}

/// A goal as a form or an API body sends it.
#[derive(Clone, Debug, Default, Deserialize, utoipa::ToSchema)]
#[schema(example = json!({"words": "Mia puts on her shoes by herself before school", "area": "dressing", "status": "active"}))]
pub struct GoalInput {
    #[serde(default)]
    pub words: String,
    #[serde(default)]
    pub area: String,
    /// Empty for a new goal: active.
    #[serde(default)]
    pub status: String,
}

fn check_goal(input: &GoalInput) -> Result<GoalFields, OpError> {
    let mut fields = Fields::default();
    let words = fields.check("words", check_line(&input.words, GOAL_WORDS_MAX_CHARS));
    let area = fields.some("area", Area::parse(input.area.trim()), Problem::InvalidChoice);
    let status = if input.status.trim().is_empty() {
        Some(GoalStatus::Active)
    } else {
        fields.some("status", GoalStatus::parse(input.status.trim()), Problem::InvalidChoice)
    };
    let value = words.zip(area).zip(status).map(|((words, area), status)| GoalFields {
        words,
        area,
        status,
    });
    fields.finish(value)
}

/// The care team sets a new goal; returns its id.
pub async fn create(
    ops: &Ops,
    who: &Who,
    grant: &ChildGrant,
    input: &GoalInput,
) -> Result<Uuid, OpError> {
    let team = team(grant)?;
    let fields = check_goal(input)?;
    let mut tx = ops.db.begin_write().await?;
    let id = goals::insert_goal(&mut tx, &team, &fields, ops.now()).await?;
    let event = who.event(
        AuditAction::Create,
        AuditResource::Goal,
        Some(id.to_string()),
        Some(grant.child_id()),
    );
    audit::append(&mut tx, &event, ops.now()).await?;
    tx.commit().await?;
    Ok(id)
}

/// The care team changes a goal's words, area or status.
pub async fn update(
    ops: &Ops,
    who: &Who,
    grant: &ChildGrant,
    goal_id: Uuid,
    input: &GoalInput,
) -> Result<(), OpError> {
    let team = team(grant)?;
    let mut tx = ops.db.begin_write().await?;
    goals::goal(&mut tx, grant, goal_id).await?.ok_or(OpError::NotFound)?;
    let fields = check_goal(input)?;
    goals::update_goal(&mut tx, &team, goal_id, &fields, ops.now()).await?;
    let event = who.event(
        AuditAction::Update,
        AuditResource::Goal,
        Some(goal_id.to_string()),
        Some(grant.child_id()),
    );
    audit::append(&mut tx, &event, ops.now()).await?;
    tx.commit().await?;
    Ok(())
}

/// One GAS rating in words.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct GasRatingView {
    pub rated_on: Date,
    pub level: i8,
    pub rater: GasRater,
    pub rated_by: String,
}

/// A goal's scale, each level with its words (+2 first).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct GasScaleView {
    pub six_level: bool,
    pub levels: Vec<(i8, String)>,
    pub baseline: i8,
    pub importance: Option<u8>,
    pub difficulty: Option<u8>,
    pub weight: Option<u8>,
}

impl From<&GasScale> for GasScaleView {
    fn from(scale: &GasScale) -> GasScaleView {
        let levels = carryover_domain::goal::gas_levels(scale.six_level);
        GasScaleView {
            six_level: scale.six_level,
            levels: levels
                .iter()
                .map(|l| l.get())
                .zip(scale.descriptions.iter().cloned())
                .collect(),
            baseline: scale.baseline.get(),
            importance: scale.importance.map(|i| i.get()),
            difficulty: scale.difficulty.map(|d| d.get()),
            weight: scale.weight().map(|w| w.get()),
        }
    }
}

/// One goal with its measures: for everyone but helpers.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct GoalView {
    pub child_name: String,
    pub goal: GoalWords,
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
    pub scale: Option<GasScaleView>,
    /// Oldest first.
    pub ratings: Vec<GasRatingView>,
    /// This goal at each COPM occasion it was part of.
    pub copm: Vec<(Date, crate::scores::CopmProblemView)>,
    /// The care team: change the goal and its scale.
    pub can_edit: bool,
    /// The caller rates as: therapist (care team, admin) or guardian.
    pub rates_as: GasRater,
    /// The clinic's today, the default day of a new rating.
    pub today: Date,
}

pub async fn goal_view(
    ops: &Ops,
    who: &Who,
    grant: &ChildGrant,
    goal_id: Uuid,
) -> Result<GoalView, OpError> {
    let full = full(grant)?;
    let mut tx = ops.db.begin_write().await?;
    let goal = goals::goal(&mut tx, grant, goal_id).await?.ok_or(OpError::NotFound)?;
    let basics = children::child_basics(&mut tx, grant).await?;
    let day = clinic_day(&mut tx, grant.clinic_id(), ops.now()).await?;
    let scale =
        measures::gas_scales(&mut tx, &full).await?.into_iter().find(|(id, _)| *id == goal_id);
    let ratings = measures::gas_ratings(&mut tx, &full).await?;
    let occasions = measures::copm_occasions(&mut tx, &full).await?;
    let event = who.event(
        AuditAction::View,
        AuditResource::Goal,
        Some(goal_id.to_string()),
        Some(grant.child_id()),
    );
    audit::append(&mut tx, &event, ops.now()).await?;
    tx.commit().await?;
    let copm = occasions
        .iter()
        .filter_map(|o| {
            let view = copm_occasion_view(o);
            let problem = view.problems.into_iter().find(|p| p.goal_id == goal_id)?;
            Some((o.rated_on, problem))
        })
        .collect();
    Ok(GoalView {
        child_name: basics.preferred_name,
        goal: (&goal).into(),
        created_at: goal.created_at,
        scale: scale.as_ref().map(|(_, s)| s.into()),
        ratings: ratings
            .iter()
            .filter(|r| r.goal_id == goal_id)
            .map(|r| GasRatingView {
                rated_on: r.rated_on,
                level: r.level.get(),
                rater: r.rater,
                rated_by: r.rated_by_name.clone(),
            })
            .collect(),
        copm,
        can_edit: team(grant).is_ok(),
        rates_as: rater_of(grant),
        today: day.today,
    })
}

/// The care team and admins rate as the therapist; guardians as guardians.
pub(crate) fn rater_of(grant: &ChildGrant) -> GasRater {
    match grant.tie() {
        carryover_domain::access::ChildTie::Guardian => GasRater::Guardian,
        _ => GasRater::Therapist,
    }
}
