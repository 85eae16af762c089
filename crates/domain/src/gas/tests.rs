use super::*;
use proptest::prelude::*;

fn level(value: i64) -> GasLevel {
    GasLevel::parse(value, true).unwrap()
}

fn weight(importance: i64, difficulty: i64) -> GasWeight {
    GasWeight::new(GasImportance::new(importance).unwrap(), GasDifficulty::new(difficulty).unwrap())
}

fn unweighted(levels: &[i64]) -> Vec<GasGoal> {
    levels.iter().map(|&x| GasGoal { level: level(x), weight: None }).collect()
}

fn weighted(pairs: &[(i64, GasWeight)]) -> Vec<GasGoal> {
    pairs.iter().map(|&(x, w)| GasGoal { level: level(x), weight: Some(w) }).collect()
}

#[test]
fn five_levels_run_from_minus_two_to_plus_two() {
    assert_eq!(GasLevel::parse(-2, false), Ok(GasLevel::MUCH_LESS));
    assert_eq!(GasLevel::parse(2, false), Ok(GasLevel::MUCH_MORE));
    assert_eq!(
        GasLevel::parse(-3, false),
        Err(ScaleError::OutOfRange { value: -3, min: -2, max: 2 })
    );
    assert!(GasLevel::parse(3, false).is_err());
}

#[test]
fn only_the_six_level_variant_has_minus_three() {
    assert_eq!(GasLevel::parse(-3, true), Ok(GasLevel::WORSE_THAN_BASELINE));
    assert_eq!(
        GasLevel::parse(-4, true),
        Err(ScaleError::OutOfRange { value: -4, min: -3, max: 2 })
    );
    assert!(GasLevel::parse(3, true).is_err());
}

#[test]
fn levels_are_read_and_written_with_their_sign() {
    assert_eq!(GasLevel::parse_text("+1", false), Ok(GasLevel::MORE));
    assert_eq!(GasLevel::parse_text("-2", false), Ok(GasLevel::MUCH_LESS));
    assert!(GasLevel::parse_text("more", false).is_err());
    assert_eq!(GasLevel::MUCH_MORE.to_string(), "+2");
    assert_eq!(GasLevel::EXPECTED.to_string(), "0");
    assert_eq!(GasLevel::LESS.to_string(), "-1");
}

#[test]
fn importance_and_difficulty_run_from_zero_to_three() {
    assert!(GasImportance::new(4).is_err());
    assert!(GasImportance::new(-1).is_err());
    assert!(GasDifficulty::new(4).is_err());
    assert!(GasDifficulty::parse("-1").is_err());
    assert_eq!(weight(3, 3).get(), 9);
    assert_eq!(weight(2, 0).get(), 0);
}

#[test]
fn three_goals_one_level_above_expected_score_63_69() {
    let score = t_score(&unweighted(&[1, 1, 1])).unwrap();
    assert_eq!(score.rounded(), 63.69);
    assert_eq!(score.to_string(), "63.69");
    assert!(!score.weighted);
}

#[test]
fn three_goals_one_level_below_expected_score_36_31() {
    assert_eq!(t_score(&unweighted(&[-1, -1, -1])).unwrap().rounded(), 36.31);
}

#[test]
fn goals_all_at_the_expected_level_score_50() {
    assert_eq!(t_score(&unweighted(&[0, 0, 0])).unwrap().to_string(), "50.00");
}

#[test]
fn weights_one_two_three_at_minus_one_zero_two_score_61_02() {
    let goals = weighted(&[(-1, weight(1, 1)), (0, weight(1, 2)), (2, weight(3, 1))]);
    let score = t_score(&goals).unwrap();
    assert_eq!(score.rounded(), 61.02);
    assert!(score.weighted);
    assert_eq!(score.goals, 3);
}

#[test]
fn one_goal_without_a_weight_makes_the_whole_set_unweighted() {
    let mut goals = weighted(&[(-1, weight(1, 1)), (0, weight(1, 2))]);
    goals.push(GasGoal { level: GasLevel::MUCH_MORE, weight: None });
    // As (−1, 0, +2) unweighted: 50 + 10·1/√(0.7·3 + 0.3·9) = 54.56.
    let score = t_score(&goals).unwrap();
    assert_eq!(score.rounded(), 54.56);
    assert!(!score.weighted);
}

#[test]
fn a_goal_with_weight_zero_does_not_count() {
    let with_zero = weighted(&[(1, weight(1, 1)), (-2, weight(0, 3)), (1, weight(2, 2))]);
    let without = weighted(&[(1, weight(1, 1)), (1, weight(2, 2))]);
    assert_eq!(t_score(&with_zero), t_score(&without));
    assert_eq!(t_score(&with_zero).unwrap().goals, 2);
}

#[test]
fn a_goal_with_weight_zero_does_not_count_in_an_unweighted_set_either() {
    let goals = vec![
        GasGoal { level: GasLevel::MORE, weight: None },
        GasGoal { level: GasLevel::MUCH_LESS, weight: Some(weight(0, 0)) },
        GasGoal { level: GasLevel::MORE, weight: Some(weight(2, 2)) },
    ];
    // As (+1, +1) unweighted: 50 + 10·2/√(0.7·2 + 0.3·4) = 62.40.
    assert_eq!(t_score(&goals).unwrap().rounded(), 62.40);
}

#[test]
fn a_set_whose_weights_are_all_zero_has_no_score() {
    let goals = weighted(&[(1, weight(0, 2)), (2, weight(3, 0))]);
    assert_eq!(t_score(&goals), Err(NoTScore::AllWeightsZero));
    assert_eq!(t_score(&[]), Err(NoTScore::NoGoals));
}

fn any_goal() -> impl Strategy<Value = GasGoal> {
    (-3_i64..=2, proptest::option::of((0_i64..=3, 0_i64..=3)))
        .prop_map(|(x, w)| GasGoal { level: level(x), weight: w.map(|(i, d)| weight(i, d)) })
}

proptest! {
    #[test]
    fn the_score_is_50_when_every_level_is_expected(goals in prop::collection::vec(any_goal(), 1..8)) {
        let expected: Vec<_> = goals.iter().map(|g| GasGoal { level: GasLevel::EXPECTED, ..*g }).collect();
        if let Ok(score) = t_score(&expected) {
            prop_assert!((score.value - 50.0).abs() < 1e-9);
        }
    }

    #[test]
    fn raising_a_counted_goal_raises_the_score(
        goals in prop::collection::vec(any_goal(), 1..8),
        pick in any::<prop::sample::Index>(),
    ) {
        let i = pick.index(goals.len());
        prop_assume!(goals[i].weight.is_none_or(|w| w.get() > 0) && goals[i].level.get() < 2);
        let mut raised = goals.clone();
        raised[i].level = level(i64::from(goals[i].level.get()) + 1);
        prop_assert!(t_score(&raised).unwrap().value > t_score(&goals).unwrap().value);
    }

    #[test]
    fn a_weight_zero_goal_is_the_same_as_an_absent_one(
        goals in prop::collection::vec(any_goal(), 0..8),
        extra_level in -3_i64..=2,
        at in any::<prop::sample::Index>(),
    ) {
        let mut with_zero = goals.clone();
        let zero = GasGoal { level: level(extra_level), weight: Some(weight(0, 2)) };
        with_zero.insert(at.index(goals.len() + 1), zero);
        prop_assert_eq!(t_score(&with_zero).ok(), t_score(&goals).ok());
    }

    #[test]
    fn all_weights_zero_gives_no_score(levels in prop::collection::vec(-3_i64..=2, 1..8)) {
        let goals: Vec<_> = levels.iter().map(|&x| (x, weight(0, 3))).collect();
        prop_assert_eq!(t_score(&weighted(&goals)), Err(NoTScore::AllWeightsZero));
    }
}
