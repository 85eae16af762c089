use super::*;
use crate::scale::ScaleError;
use proptest::prelude::*;

fn rating(value: i64) -> CopmRating {
    CopmRating::new(value).unwrap()
}

fn rated(id: &'static str, performance: i64, satisfaction: i64) -> CopmProblem<&'static str> {
    CopmProblem {
        id,
        importance: rating(8),
        scores: Some(CopmScores {
            performance: rating(performance),
            satisfaction: rating(satisfaction),
        }),
    }
}

fn unrated(id: &'static str) -> CopmProblem<&'static str> {
    CopmProblem { id, importance: rating(3), scores: None }
}

fn occasion(problems: Vec<CopmProblem<&'static str>>) -> CopmOccasion<&'static str> {
    CopmOccasion::new(problems).unwrap()
}

#[test]
fn ratings_outside_one_to_ten_are_refused() {
    assert_eq!(CopmRating::new(0), Err(ScaleError::OutOfRange { value: 0, min: 1, max: 10 }));
    assert_eq!(CopmRating::new(11), Err(ScaleError::OutOfRange { value: 11, min: 1, max: 10 }));
    assert_eq!(CopmRating::new(-4), Err(ScaleError::OutOfRange { value: -4, min: 1, max: 10 }));
    assert_eq!(CopmRating::parse("abc"), Err(ScaleError::not_a_whole_number("abc")));
    assert_eq!(CopmRating::parse("7").unwrap().get(), 7);
}

#[test]
fn the_scores_are_the_means_of_the_rated_problems_only() {
    let dressing_breakfast_bedtime = occasion(vec![
        rated("dressing", 6, 5),
        unrated("bath"),
        rated("breakfast", 4, 3),
        rated("bedtime", 8, 4),
    ]);
    // (6 + 4 + 8) ÷ 3 and (5 + 3 + 4) ÷ 3; the unrated bath does not count.
    assert_eq!(dressing_breakfast_bedtime.performance_score(), Some(6.0));
    assert_eq!(dressing_breakfast_bedtime.satisfaction_score(), Some(4.0));
    let two = occasion(vec![rated("dressing", 7, 2), rated("bath", 4, 3)]);
    assert_eq!(two.performance_score(), Some(5.5));
    assert_eq!(two.satisfaction_score(), Some(2.5));
}

#[test]
fn an_occasion_with_nothing_rated_has_no_score_rather_than_nan() {
    assert_eq!(occasion(vec![unrated("bath")]).performance_score(), None);
    assert_eq!(occasion(vec![]).satisfaction_score(), None);
}

#[test]
fn five_problems_may_be_rated_but_not_six() {
    let mut problems: Vec<_> =
        ["a", "b", "c", "d", "e"].into_iter().map(|id| rated(id, 5, 5)).collect();
    problems.push(unrated("f"));
    assert!(CopmOccasion::new(problems.clone()).is_ok());
    problems[5] = rated("f", 5, 5);
    assert_eq!(CopmOccasion::new(problems), Err(CopmError::TooManyRated { rated: 6 }));
}

#[test]
fn the_same_problem_twice_is_refused() {
    let twice = CopmOccasion::new(vec![rated("bath", 4, 4), unrated("bath")]);
    assert_eq!(twice, Err(CopmError::DuplicateProblem));
}

#[test]
fn each_problem_shows_its_change_and_two_points_is_clinically_important() {
    let first = occasion(vec![rated("dressing", 3, 4), rated("bath", 5, 6)]);
    let again = occasion(vec![rated("dressing", 6, 5), rated("bath", 7, 5)]);
    let change = CopmChange::between(&first, &again, DEFAULT_COPM_THRESHOLD);
    let dressing = &change.problems[0];
    assert_eq!(dressing.id, "dressing");
    assert_eq!(dressing.performance.points(), 3);
    assert!(dressing.performance.clinically_important);
    assert_eq!(dressing.satisfaction.points(), 1);
    assert!(!dressing.satisfaction.clinically_important);
    let bath = &change.problems[1];
    assert_eq!(bath.performance.points(), 2);
    assert!(bath.performance.clinically_important, "exactly the threshold counts");
    assert_eq!(bath.satisfaction.points(), -1);
}

#[test]
fn a_decline_is_never_clinically_important() {
    let first = occasion(vec![rated("bath", 9, 9)]);
    let again = occasion(vec![rated("bath", 5, 6)]);
    let change = CopmChange::between(&first, &again, DEFAULT_COPM_THRESHOLD);
    assert_eq!(change.problems[0].performance.points(), -4);
    assert!(!change.problems[0].performance.clinically_important);
    assert!(!change.performance.unwrap().clinically_important);
}

#[test]
fn the_average_change_covers_only_problems_rated_at_both_occasions() {
    let first = occasion(vec![rated("dressing", 3, 2), rated("bath", 4, 4), rated("meals", 9, 9)]);
    let again = occasion(vec![rated("dressing", 5, 6), rated("bath", 5, 4), rated("play", 1, 1)]);
    let change = CopmChange::between(&first, &again, DEFAULT_COPM_THRESHOLD);
    let ids: Vec<_> = change.problems.iter().map(|p| p.id).collect();
    assert_eq!(ids, ["dressing", "bath"]);
    // Performance: (3 + 4) ÷ 2 = 3.5 → (5 + 5) ÷ 2 = 5.0, +1.5: under 2.
    let performance = change.performance.unwrap();
    assert_eq!((performance.before, performance.after, performance.change), (3.5, 5.0, 1.5));
    assert!(!performance.clinically_important);
    // Satisfaction: (2 + 4) ÷ 2 = 3.0 → (6 + 4) ÷ 2 = 5.0, +2.0.
    let satisfaction = change.satisfaction.unwrap();
    assert_eq!((satisfaction.before, satisfaction.after, satisfaction.change), (3.0, 5.0, 2.0));
    assert!(satisfaction.clinically_important);
}

#[test]
fn the_threshold_is_the_clinics_to_choose() {
    let first = occasion(vec![rated("dressing", 3, 3)]);
    let again = occasion(vec![rated("dressing", 5, 6)]);
    let strict = CopmThreshold::new(3).unwrap();
    let change = CopmChange::between(&first, &again, strict);
    assert!(!change.problems[0].performance.clinically_important);
    assert!(change.problems[0].satisfaction.clinically_important);
    assert!(CopmThreshold::new(0).is_err());
    assert!(CopmThreshold::new(10).is_err());
}

#[test]
fn an_average_change_of_exactly_the_threshold_in_thirds_is_important() {
    // +1, +2 and +3 over three problems: 6 ÷ 3 = 2.
    let first = occasion(vec![rated("a", 1, 1), rated("b", 1, 1), rated("c", 1, 1)]);
    let again = occasion(vec![rated("a", 2, 2), rated("b", 3, 3), rated("c", 4, 3)]);
    let change = CopmChange::between(&first, &again, DEFAULT_COPM_THRESHOLD);
    assert!(change.performance.unwrap().clinically_important);
    // Satisfaction: +1, +2, +2 = 5 ÷ 3 ≈ 1.67.
    assert!(!change.satisfaction.unwrap().clinically_important);
}

#[test]
fn two_occasions_with_no_problem_in_common_have_no_average_change() {
    let first = occasion(vec![rated("dressing", 3, 3)]);
    let again = occasion(vec![rated("bath", 5, 6), unrated("dressing")]);
    let change = CopmChange::between(&first, &again, DEFAULT_COPM_THRESHOLD);
    assert!(change.problems.is_empty());
    assert_eq!(change.performance, None);
    assert_eq!(change.satisfaction, None);
}

proptest! {
    #[test]
    fn exactly_one_to_ten_is_a_rating(value in any::<i64>()) {
        prop_assert_eq!(CopmRating::new(value).is_ok(), (1..=10).contains(&value));
    }

    #[test]
    fn the_average_change_is_the_mean_of_the_problem_changes(
        pairs in proptest::collection::vec((1_i64..=10, 1_i64..=10), 1..=5),
    ) {
        let ids = ["a", "b", "c", "d", "e"];
        let first = occasion(pairs.iter().zip(ids).map(|(&(b, _), id)| rated(id, b, b)).collect());
        let again = occasion(pairs.iter().zip(ids).map(|(&(_, a), id)| rated(id, a, a)).collect());
        let change = CopmChange::between(&first, &again, DEFAULT_COPM_THRESHOLD);
        let total: i64 = change.problems.iter().map(|p| i64::from(p.performance.points())).sum();
        let mean = total as f64 / pairs.len() as f64;
        prop_assert!((change.performance.unwrap().change - mean).abs() < 1e-9);
        prop_assert_eq!(change.performance.unwrap().clinically_important, mean >= 2.0 - 1e-9);
    }
}
