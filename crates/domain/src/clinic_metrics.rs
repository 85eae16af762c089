//! The clinic's figures over a period (issue 14, the admin's clinic page):
//! how the households' adherence is spread, coaching fidelity per therapist,
//! the share of goals with a clinically important COPM change and the mean
//! GAS T-score change. Only the arithmetic lives here: which rows count is
//! the operation's business. Every figure over nothing is `None`, never a
//! division by zero.

use crate::{
    code_enum,
    copm::{CopmScores, CopmThreshold},
    fidelity::CoachingSteps,
};

code_enum! {
    /// Where a household's adherence over the period falls.
    pub enum AdherenceBucket {
        /// 0–24%.
        Low = "0_24",
        /// 25–49%.
        Some = "25_49",
        /// 50–74%.
        Most = "50_74",
        /// 75–100%.
        High = "75_100",
        /// The plan asked for nothing in the period's weeks.
        NoTarget = "no_target",
    }
}

/// A household's practice over the period: Σ min(logs, target) and Σ
/// target over its weeks (PRODUCT.md §3).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Adherence {
    pub counted: u64,
    pub target: u64,
}

impl Adherence {
    /// The bucket, compared in whole numbers so that 1 of 4 is exactly 25%.
    pub fn bucket(self) -> AdherenceBucket {
        let Adherence { counted, target } = self;
        if target == 0 {
            return AdherenceBucket::NoTarget;
        }
        let percent_times_target = counted.min(target).saturating_mul(100);
        if percent_times_target < target.saturating_mul(25) {
            AdherenceBucket::Low
        } else if percent_times_target < target.saturating_mul(50) {
            AdherenceBucket::Some
        } else if percent_times_target < target.saturating_mul(75) {
            AdherenceBucket::Most
        } else {
            AdherenceBucket::High
        }
    }

    /// counted ÷ target, at most 1; `None` without a target.
    pub fn ratio(self) -> Option<f64> {
        (self.target > 0).then(|| self.counted.min(self.target) as f64 / self.target as f64)
    }
}

/// How many households fall in each bucket (in [`AdherenceBucket::ALL`]'s
/// order), and the median over the households with a target.
#[derive(Clone, Debug, PartialEq)]
pub struct Distribution {
    pub counts: [u32; 5],
    /// 0–1; `None` when no household had a target.
    pub median: Option<f64>,
}

pub fn distribution(households: &[Adherence]) -> Distribution {
    let mut counts = [0_u32; 5];
    for household in households {
        let bucket = household.bucket();
        if let Some(i) = AdherenceBucket::ALL.iter().position(|b| *b == bucket) {
            counts[i] = counts[i].saturating_add(1);
        }
    }
    let ratios: Vec<f64> = households.iter().filter_map(|h| h.ratio()).collect();
    Distribution { counts, median: median(ratios) }
}

/// The middle value, or the mean of the two middle ones; `None` when empty.
pub fn median(mut values: Vec<f64>) -> Option<f64> {
    values.retain(|v| v.is_finite());
    values.sort_by(f64::total_cmp);
    let n = values.len();
    match n {
        0 => None,
        _ if n % 2 == 1 => Some(values[n / 2]),
        _ => Some((values[n / 2 - 1] + values[n / 2]) / 2.0),
    }
}

/// The mean; `None` when empty.
pub fn mean(values: &[f64]) -> Option<f64> {
    let finite: Vec<f64> = values.iter().copied().filter(|v| v.is_finite()).collect();
    (!finite.is_empty()).then(|| finite.iter().sum::<f64>() / finite.len() as f64)
}

/// `part` of `whole` as a whole percent, rounded half up; `None` of nothing.
pub fn percent(part: u64, whole: u64) -> Option<u64> {
    (whole > 0).then(|| (part.saturating_mul(200) + whole) / whole.saturating_mul(2))
}

/// One therapist's visits in the period.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct FidelityTally {
    pub visits: u32,
    /// Steps present, summed over the visits (0–5 each).
    pub steps_present: u32,
    pub all_five: u32,
}

impl FidelityTally {
    pub fn add(&mut self, steps: CoachingSteps) {
        self.visits = self.visits.saturating_add(1);
        let present = u32::try_from(steps.present().count()).unwrap_or(0);
        self.steps_present = self.steps_present.saturating_add(present);
        self.all_five = self.all_five.saturating_add(u32::from(steps.has_all_five()));
    }

    /// The mean share of the five steps present, as a whole percent:
    /// Σ steps ÷ (5 × visits). `None` without visits.
    pub fn average_steps_percent(self) -> Option<u64> {
        percent(u64::from(self.steps_present), 5 * u64::from(self.visits))
    }
}

/// Whether a goal's latest COPM rating is a clinically important change
/// from its first: performance OR satisfaction improved by at least the
/// threshold. A decline is never important (as `copm::RatingChange`).
pub fn copm_important(first: CopmScores, latest: CopmScores, threshold: CopmThreshold) -> bool {
    let up = |before: u8, after: u8| after >= before.saturating_add(threshold.get());
    up(first.performance.get(), latest.performance.get())
        || up(first.satisfaction.get(), latest.satisfaction.get())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{copm::CopmRating, fidelity::CoachingStep};

    fn share(counted: u64, target: u64) -> Adherence {
        Adherence { counted, target }
    }

    #[test]
    fn buckets_have_their_lower_bounds_inside() {
        assert_eq!(share(0, 4).bucket(), AdherenceBucket::Low);
        // 24 of 100 is 24%, 1 of 4 exactly 25%.
        assert_eq!(share(24, 100).bucket(), AdherenceBucket::Low);
        assert_eq!(share(1, 4).bucket(), AdherenceBucket::Some);
        assert_eq!(share(2, 4).bucket(), AdherenceBucket::Most);
        assert_eq!(share(74, 100).bucket(), AdherenceBucket::Most);
        assert_eq!(share(3, 4).bucket(), AdherenceBucket::High);
        assert_eq!(share(4, 4).bucket(), AdherenceBucket::High);
        assert_eq!(share(0, 0).bucket(), AdherenceBucket::NoTarget);
    }

    #[test]
    fn the_distribution_counts_each_household_once_and_leaves_no_target_out_of_the_median() {
        let d = distribution(&[share(1, 10), share(6, 10), share(9, 10), share(0, 0)]);
        assert_eq!(d.counts, [1, 0, 1, 1, 1]);
        // Median of 0.1, 0.6, 0.9: 0.6.
        assert_eq!(d.median, Some(0.6));
        let even = distribution(&[share(1, 4), share(3, 4)]);
        // (0.25 + 0.75) ÷ 2 = 0.5.
        assert_eq!(even.median, Some(0.5));
    }

    #[test]
    fn figures_over_nothing_are_none() {
        let d = distribution(&[]);
        assert_eq!(d.counts, [0; 5]);
        assert_eq!(d.median, None);
        assert_eq!(distribution(&[share(0, 0)]).median, None);
        assert_eq!(mean(&[]), None);
        assert_eq!(percent(3, 0), None);
        assert_eq!(FidelityTally::default().average_steps_percent(), None);
    }

    #[test]
    fn percent_rounds_half_up() {
        assert_eq!(percent(1, 3), Some(33));
        assert_eq!(percent(2, 3), Some(67));
        assert_eq!(percent(1, 8), Some(13));
        assert_eq!(percent(0, 5), Some(0));
        assert_eq!(mean(&[1.5, 2.5, -1.0]), Some(1.0));
    }

    #[test]
    fn fidelity_averages_the_share_of_steps_present() {
        let mut tally = FidelityTally::default();
        tally.add(CoachingSteps::ALL);
        tally.add([CoachingStep::JointPlan, CoachingStep::Action].into_iter().collect());
        // (5 + 2) ÷ (5 × 2) = 70%; one visit with all five.
        assert_eq!(tally.average_steps_percent(), Some(70));
        assert_eq!((tally.visits, tally.all_five), (2, 1));
    }

    #[test]
    fn a_copm_change_is_important_when_either_rating_rises_by_the_threshold() {
        let scores = |p: i64, s: i64| CopmScores {
            performance: CopmRating::new(p).unwrap(),
            satisfaction: CopmRating::new(s).unwrap(),
        };
        let two = CopmThreshold::new(2).unwrap();
        assert!(copm_important(scores(3, 3), scores(5, 3), two));
        assert!(copm_important(scores(3, 3), scores(3, 6), two));
        assert!(!copm_important(scores(3, 3), scores(4, 4), two));
        // A fall of 2 is a change, but not an improvement.
        assert!(!copm_important(scores(6, 6), scores(4, 4), two));
    }
}
