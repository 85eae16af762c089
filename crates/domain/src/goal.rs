//! A child's goals, in the family's own words, and the facts about them that
//! the two instruments (COPM in `copm`, GAS in `gas`) need around their
//! scoring rules: who answered, who rated, and how a GAS scale is described.

use crate::{
    code_enum,
    gas::{GasDifficulty, GasImportance, GasLevel, GasWeight},
};

/// The longest goal, in characters: a sentence or two in the family's words.
pub const GOAL_WORDS_MAX_CHARS: usize = 300;

/// The longest description of one GAS level.
pub const GAS_LEVEL_MAX_CHARS: usize = 300;

code_enum! {
    pub enum GoalStatus {
        Active = "active",
        Achieved = "achieved",
        Paused = "paused",
        Discontinued = "discontinued",
    }
}

code_enum! {
    /// Who answered a COPM interview: the manual lets a caregiver answer for a young child.
    pub enum CopmRespondent {
        Caregiver = "caregiver",
        Therapist = "therapist",
    }
}

code_enum! {
    /// Who judged a GAS attainment level. The two are kept apart: a T-score
    /// is computed over one rater's levels, never a mix.
    pub enum GasRater {
        Therapist = "therapist",
        Guardian = "guardian",
    }
}

/// A goal's GAS scale: every level described in words, where the child
/// starts, and an optional weight.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GasScale {
    pub six_level: bool,
    /// One description per level of [`gas_levels`], in that order (+2 first).
    pub descriptions: Vec<String>,
    pub baseline: GasLevel,
    pub importance: Option<GasImportance>,
    pub difficulty: Option<GasDifficulty>,
}

impl GasScale {
    /// Importance × difficulty, when both were given.
    pub fn weight(&self) -> Option<GasWeight> {
        gas_weight(self.importance, self.difficulty).ok().flatten()
    }

    /// The words for `level`; `None` for a level the scale does not have.
    pub fn describe(&self, level: GasLevel) -> Option<&str> {
        let position = gas_levels(self.six_level).iter().position(|l| *l == level)?;
        self.descriptions.get(position).map(String::as_str)
    }
}

/// The levels of a scale, highest first, as a form lists them.
pub fn gas_levels(six_level: bool) -> Vec<GasLevel> {
    let lowest = if six_level { -3 } else { -2 };
    (lowest..=2).rev().filter_map(|level| GasLevel::parse(level, six_level).ok()).collect()
}

/// Where a scale may start: below the expected outcome, and never at −3,
/// which in the six-level variant means "worse than the baseline".
pub fn is_possible_baseline(level: GasLevel) -> bool {
    level == GasLevel::LESS || level == GasLevel::MUCH_LESS
}

/// A goal's weight from its parts: both given, or neither (unweighted).
/// `Err(())` when only one of the two is given.
#[allow(clippy::result_unit_err)]
pub fn gas_weight(
    importance: Option<GasImportance>,
    difficulty: Option<GasDifficulty>,
) -> Result<Option<GasWeight>, ()> {
    match (importance, difficulty) {
        (Some(i), Some(d)) => Ok(Some(GasWeight::new(i, d))),
        (None, None) => Ok(None),
        _ => Err(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_five_level_scale_lists_plus_two_down_to_minus_two() {
        let levels: Vec<i8> = gas_levels(false).into_iter().map(GasLevel::get).collect();
        assert_eq!(levels, [2, 1, 0, -1, -2]);
        let six: Vec<i8> = gas_levels(true).into_iter().map(GasLevel::get).collect();
        assert_eq!(six, [2, 1, 0, -1, -2, -3]);
    }

    #[test]
    fn a_scale_describes_each_of_its_levels_and_no_other() {
        let scale = GasScale {
            six_level: false,
            descriptions: ["+2", "+1", "0", "-1", "-2"].map(String::from).to_vec(),
            baseline: GasLevel::LESS,
            importance: GasImportance::new(2).ok(),
            difficulty: GasDifficulty::new(1).ok(),
        };
        assert_eq!(scale.describe(GasLevel::MUCH_MORE), Some("+2"));
        assert_eq!(scale.describe(GasLevel::MUCH_LESS), Some("-2"));
        assert_eq!(scale.describe(GasLevel::WORSE_THAN_BASELINE), None);
        assert_eq!(scale.weight().map(GasWeight::get), Some(2));
    }

    #[test]
    fn a_baseline_is_minus_one_or_minus_two() {
        assert!(is_possible_baseline(GasLevel::LESS));
        assert!(is_possible_baseline(GasLevel::MUCH_LESS));
        assert!(!is_possible_baseline(GasLevel::EXPECTED));
        assert!(!is_possible_baseline(GasLevel::WORSE_THAN_BASELINE));
    }

    #[test]
    fn a_weight_needs_both_importance_and_difficulty() {
        let two = GasImportance::new(2).ok();
        let three = GasDifficulty::new(3).ok();
        assert_eq!(gas_weight(two, three).map(|w| w.map(GasWeight::get)), Ok(Some(6)));
        assert_eq!(gas_weight(None, None), Ok(None));
        assert_eq!(gas_weight(two, None), Err(()));
        assert_eq!(gas_weight(None, three), Err(()));
    }
}
