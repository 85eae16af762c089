//! Goal Attainment Scaling (PRODUCT.md §4): attainment levels −2..+2 (−3 in
//! the six-level variant), optional weights, and the aggregate T-score of
//! Kiresuk and Sherman with ρ = 0.3.

use serde::Serialize;

use crate::scale::{ScaleError, bounded_scale, parse_whole_number};

/// The correlation between goals that the T-score formula assumes.
pub const RHO: f64 = 0.3;

/// An attainment level. 0 is the expected outcome.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct GasLevel(i8);

impl GasLevel {
    /// Only in the six-level variant: worse than the baseline.
    pub const WORSE_THAN_BASELINE: GasLevel = GasLevel(-3);
    pub const MUCH_LESS: GasLevel = GasLevel(-2);
    pub const LESS: GasLevel = GasLevel(-1);
    pub const EXPECTED: GasLevel = GasLevel(0);
    pub const MORE: GasLevel = GasLevel(1);
    pub const MUCH_MORE: GasLevel = GasLevel(2);

    /// The level `value`: −2..=+2, or −3..=+2 when the goal's scale has the
    /// six-level variant. Whether it does is the goal's, so serde only
    /// writes levels; reading one goes through here.
    pub fn parse(value: i64, six_level: bool) -> Result<GasLevel, ScaleError> {
        let min = if six_level { -3 } else { -2 };
        match i8::try_from(value) {
            Ok(level) if (min..=2).contains(&value) => Ok(GasLevel(level)),
            _ => Err(ScaleError::OutOfRange { value, min, max: 2 }),
        }
    }

    /// As [`GasLevel::parse`], from a form's text ("+1", "-2", "0").
    pub fn parse_text(text: &str, six_level: bool) -> Result<GasLevel, ScaleError> {
        GasLevel::parse(parse_whole_number(text)?, six_level)
    }

    pub const fn get(self) -> i8 {
        self.0
    }
}

/// Written as GAS writes it: "+2", "0", "-1".
impl std::fmt::Display for GasLevel {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.0 > 0 { write!(f, "+{}", self.0) } else { write!(f, "{}", self.0) }
    }
}

bounded_scale! {
    /// How much a goal matters to the family, 0–3.
    pub struct GasImportance(u8) in 0..=3;
}

bounded_scale! {
    /// How hard the therapist judges a goal to be, 0–3.
    pub struct GasDifficulty(u8) in 0..=3;
}

/// A goal's weight: importance × difficulty, 0–9.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct GasWeight(u8);

impl GasWeight {
    pub fn new(importance: GasImportance, difficulty: GasDifficulty) -> GasWeight {
        GasWeight(importance.get() * difficulty.get())
    }

    pub const fn get(self) -> u8 {
        self.0
    }
}

/// One goal's part in a T-score.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct GasGoal {
    pub level: GasLevel,
    pub weight: Option<GasWeight>,
}

impl GasGoal {
    /// A weight of 0 takes a goal out of the score entirely.
    fn counts(self) -> bool {
        self.weight.is_none_or(|weight| weight.get() > 0)
    }
}

/// An aggregate T-score; 50 means "as expected" on average.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TScore {
    pub value: f64,
    /// Whether the weights were used. They are only when every goal that
    /// counts has one; otherwise every goal weighed 1.
    pub weighted: bool,
    /// How many goals the score is over (goals of weight 0 left out).
    pub goals: usize,
}

impl TScore {
    /// The value rounded to two decimals, as reported.
    pub fn rounded(self) -> f64 {
        (self.value * 100.0).round() / 100.0
    }
}

/// Two decimals: "63.69".
impl std::fmt::Display for TScore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:.2}", self.value)
    }
}

/// Why a set of goals has no T-score.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum NoTScore {
    #[error("there are no goals to score")]
    NoGoals,
    #[error("every goal has weight 0, so there is no T-score")]
    AllWeightsZero,
}

/// T = 50 + 10·Σ(wᵢxᵢ) / √((1−ρ)Σwᵢ² + ρ(Σwᵢ)²).
///
/// Goals of weight 0 are dropped first, so such a goal is the same as an
/// absent one; then the weights are used only if every remaining goal has
/// one, else each weighs 1 (and [`TScore::weighted`] says so).
pub fn t_score(goals: &[GasGoal]) -> Result<TScore, NoTScore> {
    if goals.is_empty() {
        return Err(NoTScore::NoGoals);
    }
    let counted: Vec<GasGoal> = goals.iter().copied().filter(|goal| goal.counts()).collect();
    if counted.is_empty() {
        return Err(NoTScore::AllWeightsZero);
    }
    let weighted = counted.iter().all(|goal| goal.weight.is_some());
    let weight_of = |goal: &GasGoal| match goal.weight {
        Some(weight) if weighted => i64::from(weight.get()),
        _ => 1,
    };
    // Sums stay whole numbers until the one division, so a rise of one level
    // always shows in the score.
    let (mut sum_wx, mut sum_w, mut sum_w2) = (0_i64, 0_i64, 0_i64);
    for goal in &counted {
        let w = weight_of(goal);
        sum_wx += w * i64::from(goal.level.get());
        sum_w += w;
        sum_w2 += w * w;
    }
    // Every counted weight is at least 1, so this is positive.
    let spread = ((1.0 - RHO) * sum_w2 as f64 + RHO * (sum_w * sum_w) as f64).sqrt();
    Ok(TScore { value: 50.0 + 10.0 * sum_wx as f64 / spread, weighted, goals: counted.len() })
}

#[cfg(test)]
mod tests;
