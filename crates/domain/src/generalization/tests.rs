use super::*;

fn log(
    item: &'static str,
    routine: &'static str,
    caregiver: &'static str,
    response: Option<ChildResponse>,
) -> LoggedPractice<&'static str, &'static str, &'static str> {
    LoggedPractice { item, routine, caregiver, response }
}

fn matrix() -> CarryoverMatrix<&'static str, &'static str, &'static str> {
    use ChildResponse::*;
    CarryoverMatrix::from_logs([
        log("first-then", "dressing", "mum", Some(WentWell)),
        log("first-then", "dressing", "mum", Some(Hard)),
        log("first-then", "dressing", "mum", Some(WentWell)),
        log("first-then", "bath", "grandpa", Some(Mixed)),
        log("first-then", "bath", "mum", None),
        log("heavy work", "daycare drop-off", "teacher", Some(WentWell)),
    ])
}

#[test]
fn responses_have_stable_codes() {
    assert_eq!(ChildResponse::CODES, ["went_well", "mixed", "hard"]);
    assert_eq!(ChildResponse::parse("went_well"), Some(ChildResponse::WentWell));
    assert_eq!(ChildResponse::parse("good"), None);
}

#[test]
fn each_place_counts_how_the_child_responded_there() {
    let matrix = matrix();
    let first_then = matrix.grid(&"first-then").unwrap();
    assert_eq!(
        first_then.cell(&"dressing", &"mum"),
        ResponseCounts { went_well: 2, mixed: 0, hard: 1, not_said: 0 }
    );
    assert_eq!(
        first_then.cell(&"bath", &"grandpa"),
        ResponseCounts { went_well: 0, mixed: 1, hard: 0, not_said: 0 }
    );
}

#[test]
fn a_practice_without_a_response_still_shows_where_it_happened() {
    let matrix = matrix();
    let bath_with_mum = matrix.grid(&"first-then").unwrap().cell(&"bath", &"mum");
    assert_eq!(bath_with_mum.not_said, 1);
    assert_eq!(bath_with_mum.total(), 1);
}

#[test]
fn a_place_never_practised_counts_zero() {
    let matrix = matrix();
    let grid = matrix.grid(&"first-then").unwrap();
    assert_eq!(grid.cell(&"dressing", &"grandpa"), ResponseCounts::default());
    assert_eq!(grid.cell(&"bedtime", &"mum").total(), 0);
}

#[test]
fn the_grid_lists_the_routines_and_caregivers_it_reached_in_order() {
    let matrix = matrix();
    let grid = matrix.grid(&"first-then").unwrap();
    assert_eq!(grid.routines(), [&"bath", &"dressing"]);
    assert_eq!(grid.caregivers(), [&"grandpa", &"mum"]);
    assert_eq!(grid.cells().count(), 3);
}

#[test]
fn totals_add_up_by_routine_by_caregiver_and_overall() {
    let matrix = matrix();
    let grid = matrix.grid(&"first-then").unwrap();
    assert_eq!(grid.routine_total(&"bath").total(), 2);
    assert_eq!(
        grid.caregiver_total(&"mum"),
        ResponseCounts { went_well: 2, mixed: 0, hard: 1, not_said: 1 }
    );
    assert_eq!(grid.total().total(), 5);
}

#[test]
fn strategies_keep_their_own_grids() {
    let matrix = matrix();
    let items: Vec<_> = matrix.grids().map(|(item, _)| *item).collect();
    assert_eq!(items, ["first-then", "heavy work"]);
    assert_eq!(matrix.grid(&"heavy work").unwrap().routines(), [&"daycare drop-off"]);
    assert!(matrix.grid(&"visual schedule").is_none());
}
