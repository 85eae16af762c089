//! Canadian Occupational Performance Measure (PRODUCT.md §4).
//!
//! Each problem the family names gets an importance; up to five of them get
//! performance and satisfaction ratings at the first rating and again at
//! each re-rating. An occasion's score is the mean of its ratings; change is
//! re-rating minus first rating, per problem and on average, and a change of
//! at least the clinic's threshold is marked clinically important.
//!
//! Problems are identified by a caller-chosen key `K` (a goal id, usually):
//! the rules only need to match the same problem across two occasions, so
//! they ask for nothing but `Ord` (and `Clone` to name problems in a result).

use std::collections::{BTreeMap, BTreeSet};

use crate::scale::bounded_scale;

bounded_scale! {
    /// One COPM rating: importance, performance or satisfaction, 1–10.
    pub struct CopmRating(u8) in 1..=10;
}

bounded_scale! {
    /// The smallest improvement, in points, that a clinic marks clinically
    /// important. 9 is the most a 1–10 rating can change.
    pub struct CopmThreshold(u8) in 1..=9;
}

/// Two points: the threshold the COPM literature uses.
pub const DEFAULT_COPM_THRESHOLD: CopmThreshold = CopmThreshold(2);

/// At most this many problems get performance and satisfaction ratings.
pub const MAX_RATED_PROBLEMS: usize = 5;

/// The two ratings a rated problem gets at an occasion.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CopmScores {
    pub performance: CopmRating,
    pub satisfaction: CopmRating,
}

/// A problem as named at one occasion; `scores` only for the (up to five)
/// problems rated this time.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CopmProblem<K> {
    pub id: K,
    pub importance: CopmRating,
    pub scores: Option<CopmScores>,
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum CopmError {
    #[error("at most {MAX_RATED_PROBLEMS} problems are rated at one time, not {rated}")]
    TooManyRated { rated: usize },
    #[error("the same problem is listed twice")]
    DuplicateProblem,
}

/// One rating occasion (the first rating or a re-rating), checked: no
/// problem twice, no more than five rated.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CopmOccasion<K> {
    problems: Vec<CopmProblem<K>>,
}

impl<K: Ord> CopmOccasion<K> {
    /// Keeps the problems in the order given (the family's order of
    /// priority, usually). The five rated problems are not checked to be the
    /// five most important: the manual leaves that choice to the family.
    pub fn new(problems: Vec<CopmProblem<K>>) -> Result<CopmOccasion<K>, CopmError> {
        let mut seen = BTreeSet::new();
        if !problems.iter().all(|problem| seen.insert(&problem.id)) {
            return Err(CopmError::DuplicateProblem);
        }
        let rated = problems.iter().filter(|problem| problem.scores.is_some()).count();
        if rated > MAX_RATED_PROBLEMS {
            return Err(CopmError::TooManyRated { rated });
        }
        Ok(CopmOccasion { problems })
    }

    pub fn problems(&self) -> &[CopmProblem<K>] {
        &self.problems
    }

    /// The rated problems and their ratings, in the order given.
    pub fn rated(&self) -> impl Iterator<Item = (&K, CopmScores)> {
        self.problems.iter().filter_map(|problem| Some((&problem.id, problem.scores?)))
    }

    /// Sum of performance ratings ÷ number of problems rated; `None` when
    /// none was rated.
    pub fn performance_score(&self) -> Option<f64> {
        mean(self.rated().map(|(_, scores)| scores.performance))
    }

    /// Sum of satisfaction ratings ÷ number of problems rated; `None` when
    /// none was rated.
    pub fn satisfaction_score(&self) -> Option<f64> {
        mean(self.rated().map(|(_, scores)| scores.satisfaction))
    }
}

fn mean(ratings: impl Iterator<Item = CopmRating>) -> Option<f64> {
    let (sum, count) = ratings
        .fold((0_u32, 0_u32), |(sum, count), rating| (sum + u32::from(rating.get()), count + 1));
    (count > 0).then(|| f64::from(sum) / f64::from(count))
}

/// How one rating moved between two occasions.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RatingChange {
    pub before: CopmRating,
    pub after: CopmRating,
    /// Improved by at least the threshold. A decline is never marked: the
    /// mark is for a change of at least +threshold, and a decline is negative.
    pub clinically_important: bool,
}

impl RatingChange {
    fn new(before: CopmRating, after: CopmRating, threshold: CopmThreshold) -> RatingChange {
        let clinically_important = after.get() >= before.get() + threshold.get();
        RatingChange { before, after, clinically_important }
    }

    /// After minus before, −9 to +9.
    pub fn points(self) -> i8 {
        self.after.get().cast_signed() - self.before.get().cast_signed()
    }
}

/// How one problem, rated at both occasions, moved.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProblemChange<K> {
    pub id: K,
    pub performance: RatingChange,
    pub satisfaction: RatingChange,
}

/// How an average score moved, over the problems rated at both occasions.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ScoreChange {
    pub before: f64,
    pub after: f64,
    /// `after − before`, which equals the mean of the per-problem changes.
    pub change: f64,
    pub clinically_important: bool,
}

/// Re-rating minus first rating.
#[derive(Clone, Debug, PartialEq)]
pub struct CopmChange<K> {
    /// The problems rated at both occasions, in the first occasion's order.
    /// A problem rated at only one of them has no change to show.
    pub problems: Vec<ProblemChange<K>>,
    /// Averages over `problems` only, so that both sides describe the same
    /// problems; they can differ from each occasion's own score when the
    /// rated problems changed. `None` when no problem was rated at both.
    pub performance: Option<ScoreChange>,
    pub satisfaction: Option<ScoreChange>,
}

impl<K: Ord + Clone> CopmChange<K> {
    pub fn between(
        first: &CopmOccasion<K>,
        rerating: &CopmOccasion<K>,
        threshold: CopmThreshold,
    ) -> CopmChange<K> {
        let later: BTreeMap<&K, CopmScores> = rerating.rated().collect();
        let problems: Vec<ProblemChange<K>> = first
            .rated()
            .filter_map(|(id, before)| {
                let after = later.get(id)?;
                Some(ProblemChange {
                    id: id.clone(),
                    performance: RatingChange::new(
                        before.performance,
                        after.performance,
                        threshold,
                    ),
                    satisfaction: RatingChange::new(
                        before.satisfaction,
                        after.satisfaction,
                        threshold,
                    ),
                })
            })
            .collect();
        CopmChange {
            performance: average_change(problems.iter().map(|p| p.performance), threshold),
            satisfaction: average_change(problems.iter().map(|p| p.satisfaction), threshold),
            problems,
        }
    }
}

fn average_change(
    changes: impl Iterator<Item = RatingChange>,
    threshold: CopmThreshold,
) -> Option<ScoreChange> {
    let (before, after, count) = changes.fold((0_i64, 0_i64, 0_i64), |(b, a, n), change| {
        (b + i64::from(change.before.get()), a + i64::from(change.after.get()), n + 1)
    });
    if count == 0 {
        return None;
    }
    let n = count as f64;
    Some(ScoreChange {
        before: before as f64 / n,
        after: after as f64 / n,
        change: (after - before) as f64 / n,
        // Compared in whole points times n, so that 6 points over 3 problems
        // is exactly 2 and never 1.9999999.
        clinically_important: after - before >= i64::from(threshold.get()) * count,
    })
}

#[cfg(test)]
mod tests;
