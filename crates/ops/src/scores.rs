//! The instruments' numbers as pages and the API show them: COPM scores per
//! occasion and change between the first and the latest, GAS T-scores per
//! rater over a set of goals. The rules are the domain's (`copm`, `gas`);
//! this only picks their inputs from stored ratings. Numbers are rounded to
//! two decimals here, once, so that a page and the API show the same ones.

use carryover_domain::{
    code_enum,
    copm::{CopmChange, CopmOccasion, CopmThreshold, RatingChange, ScoreChange},
    gas::{GasGoal, GasLevel, NoTScore, t_score},
    goal::{CopmRespondent, GasRater, GasScale},
};
use carryover_store::measures::{CopmOccasionRow, GasRating};
use serde::Serialize;
use time::Date;
use uuid::Uuid;

/// Two decimals, as reported.
pub fn two_decimals(value: f64) -> f64 {
    (value * 100.0).round() / 100.0
}

code_enum! {
    /// Why a set of goals has no T-score.
    pub enum NoScore {
        NoGoals = "no_goals",
        AllWeightsZero = "all_weights_zero",
    }
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TScoreNumbers {
    /// Rounded to two decimals.
    pub value: f64,
    /// False when some goal of the set has no weight: then every goal counted 1.
    pub weighted: bool,
    /// Goals the score is over (goals of weight 0 do not count).
    pub goals: usize,
}

/// A T-score over a set of goals, from one rater's latest levels or from
/// the baselines.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TScoreView {
    /// `None`: the baseline levels.
    pub rater: Option<GasRater>,
    pub score: Option<TScoreNumbers>,
    pub no_score: Option<NoScore>,
    /// Goals of the set this rater has not rated yet: left out.
    pub unrated: Vec<Uuid>,
}

/// The newest level `rater` gave `goal` (ratings come oldest first).
pub fn latest_level(ratings: &[GasRating], goal: Uuid, rater: GasRater) -> Option<GasLevel> {
    ratings.iter().rev().find(|r| r.goal_id == goal && r.rater == rater).map(|r| r.level)
}

pub fn t_score_view(
    set: &[(Uuid, &GasScale)],
    ratings: &[GasRating],
    rater: Option<GasRater>,
) -> TScoreView {
    let mut unrated = Vec::new();
    let goals: Vec<GasGoal> = set
        .iter()
        .filter_map(|(goal, scale)| {
            let level = match rater {
                None => Some(scale.baseline),
                Some(rater) => latest_level(ratings, *goal, rater),
            };
            if level.is_none() {
                unrated.push(*goal);
            }
            Some(GasGoal { level: level?, weight: scale.weight() })
        })
        .collect();
    let (score, no_score) = match t_score(&goals) {
        Ok(t) => {
            (Some(TScoreNumbers { value: t.rounded(), weighted: t.weighted, goals: t.goals }), None)
        }
        Err(NoTScore::NoGoals) => (None, Some(NoScore::NoGoals)),
        Err(NoTScore::AllWeightsZero) => (None, Some(NoScore::AllWeightsZero)),
    };
    TScoreView { rater, score, no_score, unrated }
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CopmProblemView {
    pub goal_id: Uuid,
    pub importance: u8,
    pub performance: Option<u8>,
    pub satisfaction: Option<u8>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CopmOccasionView {
    pub occasion_id: Uuid,
    pub rated_on: Date,
    pub respondent: CopmRespondent,
    pub rated_by: String,
    /// Mean of the performance ratings, two decimals; `None` when nothing was rated.
    pub performance: Option<f64>,
    pub satisfaction: Option<f64>,
    pub problems: Vec<CopmProblemView>,
}

fn occasion_of(row: &CopmOccasionRow) -> Option<CopmOccasion<Uuid>> {
    CopmOccasion::new(row.problems.clone()).ok()
}

pub fn copm_occasion_view(row: &CopmOccasionRow) -> CopmOccasionView {
    let occasion = occasion_of(row);
    CopmOccasionView {
        occasion_id: row.occasion_id,
        rated_on: row.rated_on,
        respondent: row.respondent,
        rated_by: row.rated_by_name.clone(),
        performance: occasion.as_ref().and_then(CopmOccasion::performance_score).map(two_decimals),
        satisfaction: occasion
            .as_ref()
            .and_then(CopmOccasion::satisfaction_score)
            .map(two_decimals),
        problems: row
            .problems
            .iter()
            .map(|p| CopmProblemView {
                goal_id: p.id,
                importance: p.importance.get(),
                performance: p.scores.map(|s| s.performance.get()),
                satisfaction: p.scores.map(|s| s.satisfaction.get()),
            })
            .collect(),
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct RatingChangeView {
    pub before: u8,
    pub after: u8,
    pub change: i8,
    pub clinically_important: bool,
}

impl From<RatingChange> for RatingChangeView {
    fn from(c: RatingChange) -> RatingChangeView {
        RatingChangeView {
            before: c.before.get(),
            after: c.after.get(),
            change: c.points(),
            clinically_important: c.clinically_important,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct ScoreChangeView {
    pub before: f64,
    pub after: f64,
    pub change: f64,
    pub clinically_important: bool,
}

impl From<ScoreChange> for ScoreChangeView {
    fn from(c: ScoreChange) -> ScoreChangeView {
        ScoreChangeView {
            before: two_decimals(c.before),
            after: two_decimals(c.after),
            change: two_decimals(c.change),
            clinically_important: c.clinically_important,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ProblemChangeView {
    pub goal_id: Uuid,
    pub performance: RatingChangeView,
    pub satisfaction: RatingChangeView,
}

/// Re-rating minus first rating: the latest occasion against the first.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CopmChangeView {
    pub first_on: Date,
    pub latest_on: Date,
    /// The clinic's threshold for "clinically important", in points.
    pub threshold: u8,
    pub problems: Vec<ProblemChangeView>,
    pub performance: Option<ScoreChangeView>,
    pub satisfaction: Option<ScoreChangeView>,
}

/// `None` until there are two occasions.
pub fn copm_change_view(
    occasions: &[CopmOccasionRow],
    threshold: CopmThreshold,
) -> Option<CopmChangeView> {
    let (first, latest) = (occasions.first()?, occasions.last()?);
    if occasions.len() < 2 {
        return None;
    }
    let change = CopmChange::between(&occasion_of(first)?, &occasion_of(latest)?, threshold);
    Some(CopmChangeView {
        first_on: first.rated_on,
        latest_on: latest.rated_on,
        threshold: threshold.get(),
        problems: change
            .problems
            .iter()
            .map(|p| ProblemChangeView {
                goal_id: p.id,
                performance: p.performance.into(),
                satisfaction: p.satisfaction.into(),
            })
            .collect(),
        performance: change.performance.map(ScoreChangeView::from),
        satisfaction: change.satisfaction.map(ScoreChangeView::from),
    })
}
