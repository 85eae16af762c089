use time::macros::date;

use super::*;
use crate::strategies::{find_starter, starter_library};

#[test]
fn words_are_found_in_either_language_without_case_or_accents() {
    let chaining = find_starter("backward-chaining-dressing").unwrap();
    let texts = || [&chaining.en, &chaining.es];
    let ages = (chaining.age_min_months, chaining.age_max_months);
    let found = |q: &str| LibraryQuery::new(q, None, None).matches(&chaining.areas, ages, texts());
    assert!(found("LAST step"));
    assert!(found("ultimo paso"), "Spanish without its accent");
    assert!(found("último"));
    assert!(!found("bedtime"));
    assert!(found(""), "no words: everything");
}

#[test]
fn area_and_age_narrow_the_library_and_no_age_filters_nothing() {
    let library = starter_library();
    let count = |query: LibraryQuery| {
        library
            .iter()
            .filter(|s| {
                query.matches(&s.areas, (s.age_min_months, s.age_max_months), [&s.en, &s.es])
            })
            .count()
    };
    let all = count(LibraryQuery::new("", None, None));
    assert_eq!(all, library.len());
    let sleep = count(LibraryQuery::new("", Some(Area::Sleep), None));
    assert!(sleep >= 3 && sleep < all, "{sleep}");
    let baby = count(LibraryQuery::new("", None, Some(6)));
    assert!(baby < all, "a six-month-old does not get every strategy: {baby}");
}

#[test]
fn age_in_months_counts_whole_months() {
    assert_eq!(age_in_months(date!(2021 - 03 - 14), date!(2026 - 03 - 14)), Some(60));
    assert_eq!(age_in_months(date!(2021 - 03 - 14), date!(2026 - 03 - 13)), Some(59));
    assert_eq!(age_in_months(date!(2021 - 03 - 31), date!(2021 - 04 - 30)), Some(0));
    assert_eq!(age_in_months(date!(2026 - 03 - 14), date!(2026 - 03 - 13)), None);
}

#[test]
fn a_snapshot_falls_back_to_the_language_it_was_written_in() {
    let chaining = find_starter("backward-chaining-dressing").unwrap();
    let both = StrategySnapshot::of_starter(chaining);
    assert_eq!(both.text(Language::Es).map(|(_, l)| l), Some(Language::Es));
    let english_only = StrategySnapshot { en: Some(chaining.en.clone()), es: None };
    let (text, lang) = english_only.text(Language::Es).unwrap();
    assert_eq!((text.title.as_str(), lang), (chaining.en.title.as_str(), Language::En));
    assert_eq!(StrategySnapshot::default().text(Language::En), None);
}

#[test]
fn a_snapshot_reads_back_as_it_was_written() {
    let snapshot = StrategySnapshot::of_starter(find_starter("first-then-board").unwrap());
    let json = serde_json::to_string(&snapshot).unwrap();
    assert_eq!(serde_json::from_str::<StrategySnapshot>(&json).unwrap(), snapshot);
}

#[test]
fn a_language_left_blank_is_not_written_and_one_begun_needs_title_why_and_a_step() {
    assert_eq!(StrategyDraft::default().check(), Ok(None));
    let begun = StrategyDraft { title: "Sock game".into(), ..StrategyDraft::default() };
    let problems = begun.check().unwrap_err();
    assert_eq!(
        problems,
        [
            (StrategyPart::Why, PartProblem::Text(NameProblem::Empty)),
            (StrategyPart::Steps, PartProblem::List(ListProblem::TooFew)),
        ]
    );
    let done = StrategyDraft {
        title: "Sock game".into(),
        why: "Pulling socks builds strong hands.".into(),
        steps: "Sit on the floor.\r\n\r\nPull the sock up.".into(),
        ..StrategyDraft::default()
    };
    let text = done.check().unwrap().unwrap();
    assert_eq!(text.steps, ["Sit on the floor.", "Pull the sock up."]);
    assert_eq!(StrategyDraft::of(&text).check(), Ok(Some(text)));
}

#[test]
fn an_age_range_runs_upward_within_eighteen_years() {
    assert!(check_ages(0, 216));
    assert!(!check_ages(24, 24));
    assert!(!check_ages(36, 24));
    assert!(!check_ages(0, 217));
}

#[test]
fn a_strategy_is_named_by_its_library_and_its_slug_or_id() {
    let starter = StrategySource::parse("starter:first-then-board").unwrap();
    assert_eq!(starter, StrategySource::Starter("first-then-board".into()));
    assert_eq!(StrategySource::parse(&starter.key()), Some(starter));
    let id = uuid::Uuid::now_v7();
    assert_eq!(StrategySource::parse(&format!("clinic:{id}")), Some(StrategySource::Clinic(id)));
    for wrong in ["clinic:42", "starter:", "first-then-board", "other:x", ""] {
        assert_eq!(StrategySource::parse(wrong), None, "{wrong:?}");
    }
}
