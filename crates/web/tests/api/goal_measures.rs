//! Goals with COPM and GAS through the pages: numbers worked out by hand,
//! ratings outside their scale refused at the field, helpers kept from them.

use std::sync::Arc;

use carryover::passwords::{PasswordCost, PasswordHasher};
use carryover_ops::{Ops, RequestMeta, Who, access, goals};
use carryover_store::{Backend, people};
use uuid::Uuid;

use crate::helpers::{TestApp, TestClient, on_both_databases, spawn_app};
use crate::plan_world::{add_goal, scale_form};
use crate::world::{Persona, World};

pub async fn page(client: &TestClient, path: &str) -> String {
    let response = client.get(path).await;
    assert_eq!(response.status(), 200, "GET {path}");
    response.text().await.unwrap()
}

async fn post_ok(client: &TestClient, path: &str, form: &[(&str, &str)]) {
    let response = client.post_form(path, form).await;
    let status = response.status();
    assert_eq!(status, 303, "POST {path}: {}", response.text().await.unwrap());
}

async fn count(app: &TestApp, table: &str) -> i64 {
    let sql = format!("SELECT COUNT(*) FROM {table}");
    sqlx::query_scalar(sqlx::AssertSqlSafe(sql)).fetch_one(app.db.reader()).await.unwrap()
}

/// A goal with a five-level scale (baseline −1) and, if given, a weight.
pub async fn scaled_goal(
    app: &TestApp,
    world: &World,
    words: &str,
    weight: Option<(&str, &str)>,
) -> Uuid {
    let team = world.client(Persona::TeamTherapist);
    let goal = add_goal(app, team, world.child, words).await;
    let mut form = scale_form();
    if let Some((importance, difficulty)) = weight {
        form.extend([("importance", importance), ("difficulty", difficulty)]);
    }
    post_ok(team, &format!("/children/{}/goals/{goal}/gas", world.child), &form).await;
    goal
}

pub async fn rate(world: &World, goal: Uuid, level: &str) {
    let path = format!("/children/{}/goals/{goal}/gas/ratings", world.child);
    let form = [("rated_on", "2026-11-02"), ("level", level)];
    post_ok(world.client(Persona::TeamTherapist), &path, &form).await;
}

pub async fn copm(world: &World, rated_on: &str, rows: &[(Uuid, &str, &str, &str)]) {
    let mut form = vec![
        ("rated_on".to_owned(), rated_on.to_owned()),
        ("respondent".into(), "caregiver".into()),
    ];
    for (goal, importance, performance, satisfaction) in rows {
        form.push((format!("importance-{goal}"), (*importance).into()));
        form.push((format!("performance-{goal}"), (*performance).into()));
        form.push((format!("satisfaction-{goal}"), (*satisfaction).into()));
    }
    let pairs: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    post_ok(
        world.client(Persona::TeamTherapist),
        &format!("/children/{}/copm", world.child),
        &pairs,
    )
    .await;
}

/// The operation behind the goals page, called as the team therapist: what
/// the API returns.
async fn goals_view(app: &TestApp, world: &World, set: &[Uuid]) -> goals::GoalsView {
    let ops = Ops {
        db: app.db.clone(),
        clock: Arc::new(app.clock.clone()),
        secrets: carryover_ops::secrets::random(),
        passwords: PasswordHasher::new(PasswordCost::Fast).unwrap(),
    };
    let person = world.person(Persona::TeamTherapist);
    let mut conn = app.db.read_conn().await.unwrap();
    let account =
        people::account_in_clinic(&mut conn, world.clinic, person.person_id).await.unwrap();
    let who = Who { actor: account.unwrap().actor().unwrap(), meta: RequestMeta::default() };
    let grant = access::child_grant(&ops, &who, world.child).await.unwrap().unwrap();
    let set: Vec<String> = set.iter().map(Uuid::to_string).collect();
    goals::view(&ops, &who, &grant, &set).await.unwrap()
}

async fn the_t_score_and_copm_change_shown_equal_the_numbers_worked_out_by_hand(backend: Backend) {
    let app = spawn_app(backend).await;
    let world = World::build(&app).await;
    // Weights 1 × 1 = 1, 1 × 2 = 2, 1 × 3 = 3, and one goal with none.
    let g1 = scaled_goal(&app, &world, "Puts on shoes", Some(("1", "1"))).await;
    let g2 = scaled_goal(&app, &world, "Zips her coat", Some(("1", "2"))).await;
    let g3 = scaled_goal(&app, &world, "Brushes her teeth", Some(("1", "3"))).await;
    let g4 = scaled_goal(&app, &world, "Sleeps in her bed", None).await;
    for (goal, level) in [(g1, "-1"), (g2, "0"), (g3, "+2"), (g4, "+1")] {
        rate(&world, goal, level).await;
    }
    copm(&world, "2026-10-05", &[(g1, "8", "3", "2"), (g2, "6", "4", "4"), (g3, "5", "5", "3")])
        .await;
    copm(&world, "2026-11-02", &[(g1, "8", "6", "4"), (g2, "6", "5", "5"), (g3, "5", "7", "4")])
        .await;

    let therapist = world.client(Persona::TeamTherapist);
    let set = format!("/children/{}/goals?set={g1}&set={g2}&set={g3}", world.child);
    let chosen = page(therapist, &set).await;
    // Therapist: Σwx = 1·(−1) + 2·0 + 3·2 = 5; Σw = 6; Σw² = 14;
    // T = 50 + 10·5 / √(0.7·14 + 0.3·36) = 50 + 50 / √20.6 = 61.016… → 61.02.
    assert!(chosen.contains(">61.02<"), "{chosen}");
    // Baselines, all −1: Σwx = −6, so T = 50 − 60 / √20.6 = 36.780… → 36.78.
    assert!(chosen.contains(">36.78<"), "{chosen}");

    let all = page(therapist, &format!("/children/{}/goals", world.child)).await;
    // With the unweighted goal every weight counts 1: levels −1, 0, 2, 1;
    // T = 50 + 10·2 / √(0.7·4 + 0.3·16) = 50 + 20 / √7.6 = 57.254… → 57.25.
    assert!(all.contains(">57.25<"), "{all}");
    assert!(all.contains("Not every goal has a weight, so each goal counts 1."), "{all}");
    // COPM performance: (3 + 4 + 5) / 3 = 4.00 → (6 + 5 + 7) / 3 = 6.00, +2.00 ≥ 2: important.
    assert!(all.contains("4.00 → 6.00 (+2.00) · clinically important"), "{all}");
    // Satisfaction: (2 + 4 + 3) / 3 = 3.00 → (4 + 5 + 4) / 3 = 4.33, +1.33: not important.
    assert!(all.contains("3.00 → 4.33 (+1.33)<"), "{all}");
    assert!(all.contains("3 → 6 (+3) · clinically important"), "Puts on shoes, performance: {all}");

    // The operation behind the page (and its API twin) carries the same numbers.
    let view = goals_view(&app, &world, &[g1, g2, g3]).await;
    let measures = view.measures.unwrap();
    let therapist_t = measures.t_scores[1].score.clone().unwrap();
    assert_eq!((therapist_t.value, therapist_t.weighted, therapist_t.goals), (61.02, true, 3));
    assert_eq!(measures.t_scores[0].score.clone().unwrap().value, 36.78);
    let change = measures.copm_change.unwrap();
    let (performance, satisfaction) = (change.performance.unwrap(), change.satisfaction.unwrap());
    assert_eq!((performance.before, performance.after, performance.change), (4.0, 6.0, 2.0));
    assert!(performance.clinically_important);
    assert_eq!((satisfaction.after, satisfaction.change), (4.33, 1.33));
    assert!(!satisfaction.clinically_important);
    assert_eq!(change.threshold, 2);
}

async fn ratings_outside_their_scale_are_refused_at_the_field_and_nothing_is_saved(
    backend: Backend,
) {
    let app = spawn_app(backend).await;
    let world = World::build(&app).await;
    let team = world.client(Persona::TeamTherapist);
    let g1 = scaled_goal(&app, &world, "Puts on shoes", None).await;
    let g2 = scaled_goal(&app, &world, "Zips her coat", None).await;
    let (scales, ratings) = (count(&app, "gas_scale").await, count(&app, "gas_rating").await);

    let copm_path = format!("/children/{}/copm", world.child);
    let form: Vec<(String, String)> = [
        ("rated_on".to_owned(), "2026-11-01"),
        ("respondent".to_owned(), "caregiver"),
        (format!("importance-{g1}"), "0"),
        (format!("performance-{g1}"), "11"),
        (format!("satisfaction-{g1}"), "-4"),
        (format!("importance-{g2}"), "ten"),
    ]
    .into_iter()
    .map(|(k, v)| (k, v.to_owned()))
    .collect();
    let pairs: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let refused = team.post_form(&copm_path, &pairs).await;
    assert_eq!(refused.status(), 422);
    let html = refused.text().await.unwrap();
    for field in
        [format!("importance-{g1}"), format!("performance-{g1}"), format!("satisfaction-{g1}")]
    {
        let at_field = format!("id=\"{field}-error\">This number is outside the range shown.<");
        assert!(html.contains(&at_field), "{field}: {html}");
    }
    assert!(
        html.contains(&format!("id=\"importance-{g2}-error\">Please enter a whole number")),
        "{html}"
    );
    assert!(html.contains("value=\"11\""), "what was typed is shown again");
    assert_eq!((count(&app, "copm_occasion").await, count(&app, "copm_rating").await), (0, 0));

    let rating_path = format!("/children/{}/goals/{g1}/gas/ratings", world.child);
    for level in ["+3", "-3", "-4", "abc"] {
        let refused =
            team.post_form(&rating_path, &[("rated_on", "2026-11-01"), ("level", level)]).await;
        assert_eq!(refused.status(), 422, "level {level}");
        assert!(refused.text().await.unwrap().contains("id=\"level-error\""), "level {level}");
    }
    let future = team.post_form(&rating_path, &[("rated_on", "2026-11-03"), ("level", "0")]).await;
    assert_eq!(future.status(), 422, "a rating dated tomorrow");

    let scale_path = format!("/children/{}/goals/{g1}/gas", world.child);
    let mut form = scale_form();
    form.retain(|(k, _)| *k != "baseline");
    form.extend([("baseline", "0"), ("importance", "4"), ("difficulty", "2")]);
    let refused = team.post_form(&scale_path, &form).await;
    assert_eq!(refused.status(), 422);
    let html = refused.text().await.unwrap();
    assert!(html.contains("id=\"baseline-error\">The starting level is −1 or −2.<"), "{html}");
    assert!(html.contains("id=\"importance-error\""), "{html}");
    assert_eq!(
        (count(&app, "gas_scale").await, count(&app, "gas_rating").await),
        (scales, ratings)
    );
}

async fn a_helper_sees_the_goals_in_words_but_no_ratings_or_scores(backend: Backend) {
    let app = spawn_app(backend).await;
    let world = World::build(&app).await;
    let goal = scaled_goal(&app, &world, "Puts on shoes by herself", Some(("2", "2"))).await;
    rate(&world, goal, "+1").await;
    copm(&world, "2026-11-01", &[(goal, "9", "3", "2")]).await;
    let goals = format!("/children/{}/goals", world.child);

    let helper = page(world.client(Persona::Helper), &goals).await;
    assert!(helper.contains("Puts on shoes by herself"), "{helper}");
    for hidden in ["COPM", "T-score", "GAS", "Performance", "weight"] {
        assert!(!helper.contains(hidden), "a helper sees {hidden:?}: {helper}");
    }
    let one_goal = format!("{goals}/{goal}");
    assert_eq!(world.client(Persona::Helper).get(&one_goal).await.status(), 404);

    let guardian = page(world.client(Persona::Guardian), &goals).await;
    assert!(guardian.contains("GAS T-score") && guardian.contains("COPM"), "{guardian}");
    let guardian_goal = page(world.client(Persona::Guardian), &one_goal).await;
    assert!(guardian_goal.contains("You rate as a guardian."), "{guardian_goal}");
}

async fn a_guardians_gas_ratings_are_kept_apart_from_the_therapists(backend: Backend) {
    let app = spawn_app(backend).await;
    let world = World::build(&app).await;
    let goal = scaled_goal(&app, &world, "Puts on shoes", None).await;
    rate(&world, goal, "+2").await;
    let path = format!("/children/{}/goals/{goal}/gas/ratings", world.child);
    post_ok(world.client(Persona::Guardian), &path, &[("rated_on", "2026-11-02"), ("level", "0")])
        .await;
    let raters: Vec<(String, i64)> =
        sqlx::query_as("SELECT rater, level FROM gas_rating ORDER BY rater")
            .fetch_all(app.db.reader())
            .await
            .unwrap();
    assert_eq!(raters, [("guardian".to_owned(), 0), ("therapist".to_owned(), 2)]);
    let goals =
        page(world.client(Persona::TeamTherapist), &format!("/children/{}/goals", world.child))
            .await;
    // One goal, unweighted: T = 50 + 10·x / √(0.7 + 0.3) = 50 + 10·x.
    assert!(goals.contains(">70.00<") && goals.contains(">50.00<"), "{goals}");
}

on_both_databases!(
    the_t_score_and_copm_change_shown_equal_the_numbers_worked_out_by_hand,
    ratings_outside_their_scale_are_refused_at_the_field_and_nothing_is_saved,
    a_helper_sees_the_goals_in_words_but_no_ratings_or_scores,
    a_guardians_gas_ratings_are_kept_apart_from_the_therapists,
);
