//! Practice logs (issue 12 part A) through the real app: three requests from
//! the caregiver's home, a replay that stores nothing more, a conflict, ids
//! of another household, the 24-hour correction rule, and the measures on
//! fixed dates across a week boundary, a daylight-saving change and a plan
//! agreed mid-week.

use reqwest::Method;
use serde_json::{Value, json};
use time::macros::datetime;
use uuid::Uuid;

use crate::helpers::{TestApp, TestClient, on_both_databases, spawn_app};
use crate::plan_world::PlanWorld;
use crate::world::{Persona, World, sign_in_again};
use carryover_store::Backend;

on_both_databases!(
    a_caregiver_logs_a_practice_in_three_requests_and_a_replay_stores_one,
    another_households_child_or_assignment_is_not_found_and_its_id_is_refused,
    a_caregiver_corrects_or_deletes_only_their_own_log_and_only_for_24_hours,
    measures_equal_hand_computed_values_across_a_week_boundary_dst_and_a_mid_week_plan,
    the_demo_families_practise_steadily_fade_and_spread,
);

/// The world, with the child's plan agreed by the guardian.
async fn agreed_world(app: &TestApp) -> (World, PlanWorld) {
    let world = World::build(app).await;
    let plan = PlanWorld::build(app, &world).await;
    for (persona, child) in [(Persona::Guardian, &plan.own), (Persona::OtherGuardian, &plan.other)]
    {
        let path = format!("/children/{}/plan/{}/confirm", child.child, child.version);
        let response = world.client(persona).post_form(&path, &[]).await;
        assert_eq!(response.status(), 303, "{persona:?} agrees to the plan");
    }
    (world, plan)
}

async fn logs_stored(app: &TestApp) -> i64 {
    sqlx::query_scalar("SELECT COUNT(*) FROM practice_log")
        .fetch_one(app.db.reader())
        .await
        .unwrap()
}

fn hidden(html: &str, name: &str) -> String {
    let marker = format!("name=\"{name}\" value=\"");
    let start = html.find(&marker).unwrap_or_else(|| panic!("no {name} in {html}")) + marker.len();
    html[start..].split('"').next().unwrap().to_owned()
}

async fn a_caregiver_logs_a_practice_in_three_requests_and_a_replay_stores_one(backend: Backend) {
    let app = spawn_app(backend).await;
    let (world, plan) = agreed_world(&app).await;
    let guardian = world.client(Persona::Guardian);
    let child = world.child;
    let first = plan.own.assignments[0];

    // 1: the home shows this week's cards, each with its log button.
    let home = guardian.get("/home").await.text().await.unwrap();
    let button = format!("/children/{child}/logs/new?assignment={first}");
    assert!(home.contains(&button), "{home}");
    assert!(home.contains("0 of 5 this week"), "{home}");
    // 2: the card's log button opens the log form, with a fresh id in it.
    let form = guardian.get(&button).await;
    assert_eq!(form.status(), 200);
    let form = form.text().await.unwrap();
    let log_id = hidden(&form, "log_id");
    assert!(form.contains("Went well") && form.contains("Getting dressed"), "{form}");
    // 3: how it went, and it is saved.
    let post = [
        ("log_id", log_id.as_str()),
        ("assignment_id", &hidden(&form, "assignment_id")),
        ("routine", "dressing"),
        ("practised_by", ""),
        ("when", "now"),
        ("response", "went_well"),
    ];
    let path = format!("/children/{child}/logs");
    let saved = guardian.post_form(&path, &post).await;
    assert_eq!(saved.status(), 303);
    let location = saved.headers()["location"].to_str().unwrap().to_owned();
    assert_eq!(location, format!("/children/{child}/logs/{log_id}?saved=1"));
    let confirmation = guardian.get(&location).await.text().await.unwrap();
    assert!(confirmation.contains("Saved. Thank you for practising!"), "{confirmation}");

    // The same post again (a double tap): the same answer, one log.
    let again = guardian.post_form(&path, &post).await;
    assert_eq!(again.status(), 303);
    assert_eq!(again.headers()["location"].to_str().unwrap(), location);
    assert_eq!(logs_stored(&app).await, 1);
    assert!(guardian.get("/home").await.text().await.unwrap().contains("1 of 5 this week"));

    // The same id with another answer is refused, never merged.
    let mut other = post;
    other[5] = ("response", "hard");
    assert_eq!(guardian.post_form(&path, &other).await.status(), 409);
    assert_eq!(logs_stored(&app).await, 1);
    let api = format!("/api/v1/children/{child}/logs/{log_id}");
    let (status, _) = send(guardian, Method::GET, &api, None).await;
    assert_eq!(status, 200);
}

async fn send(
    client: &TestClient,
    method: Method,
    path: &str,
    body: Option<Value>,
) -> (u16, Value) {
    let response = match body {
        Some(body) => client.send_json(method, path, &body).await,
        None => client.send(client.request(method, path)).await,
    };
    let status = response.status().as_u16();
    let text = response.text().await.unwrap();
    (status, serde_json::from_str(&text).unwrap_or(Value::Null))
}

async fn another_households_child_or_assignment_is_not_found_and_its_id_is_refused(
    backend: Backend,
) {
    let app = spawn_app(backend).await;
    let (world, plan) = agreed_world(&app).await;
    let guardian = world.client(Persona::Guardian);
    let other = world.client(Persona::OtherGuardian);
    let body = |assignment: Uuid| json!({"assignment_id": assignment, "response": "mixed"});
    let id = Uuid::now_v7();
    let own = format!("/api/v1/children/{}/logs/{id}", world.child);

    // Another household's child: not found, and nothing stored.
    let (status, _) = send(other, Method::PUT, &own, Some(body(plan.own.assignments[0]))).await;
    assert_eq!(status, 404);
    // Another child's assignment under one's own child: not found.
    let (status, _) =
        send(guardian, Method::PUT, &own, Some(body(plan.other.assignments[0]))).await;
    assert_eq!(status, 404);
    assert_eq!(logs_stored(&app).await, 0);

    // Logged once (201), again the same (201, the same body).
    let (status, first) =
        send(guardian, Method::PUT, &own, Some(body(plan.own.assignments[0]))).await;
    assert_eq!(status, 201, "{first}");
    let (status, again) =
        send(guardian, Method::PUT, &own, Some(body(plan.own.assignments[0]))).await;
    assert_eq!((status, &again), (201, &first));
    // The same id for the other household's child: a conflict.
    let theirs = format!("/api/v1/children/{}/logs/{id}", world.other_child);
    let (status, problem) =
        send(other, Method::PUT, &theirs, Some(body(plan.other.assignments[0]))).await;
    assert_eq!(status, 409, "{problem}");
    // Other content under the id: a conflict, with the field named.
    let changed = json!({"assignment_id": plan.own.assignments[0], "response": "hard"});
    let (status, problem) = send(guardian, Method::PUT, &own, Some(changed)).await;
    assert_eq!(status, 409);
    assert_eq!(problem["errors"][0]["field"], "log_id", "{problem}");
    assert_eq!(logs_stored(&app).await, 1);
    // An empty body is refused field by field, even for an id in use.
    let (status, problem) = send(guardian, Method::PUT, &own, Some(json!({}))).await;
    assert_eq!(status, 422, "{problem}");
    // Another household cannot read it either.
    let (status, _) = send(other, Method::GET, &own, None).await;
    assert_eq!(status, 404);
}

async fn a_caregiver_corrects_or_deletes_only_their_own_log_and_only_for_24_hours(
    backend: Backend,
) {
    let app = spawn_app(backend).await;
    let (world, plan) = agreed_world(&app).await;
    let guardian = world.client(Persona::Guardian);
    let helper = world.client(Persona::Helper);
    let child = world.child;
    let body = json!({"assignment_id": plan.own.assignments[0], "response": "mixed"});
    let mine = format!("/api/v1/children/{child}/logs/{}", Uuid::now_v7());
    let helpers = format!("/api/v1/children/{child}/logs/{}", Uuid::now_v7());
    assert_eq!(send(guardian, Method::PUT, &mine, Some(body.clone())).await.0, 201);
    assert_eq!(send(helper, Method::PUT, &helpers, Some(body)).await.0, 201);

    // A helper sees only their own log, and cannot change the guardian's.
    let (_, list) =
        send(helper, Method::GET, &format!("/api/v1/children/{child}/logs"), None).await;
    assert_eq!(list["items"].as_array().unwrap().len(), 1, "{list}");
    assert_eq!(list["only_own"], true);
    // Their "This week" counts their own practice; the guardian's counts both.
    let week = format!("/api/v1/children/{child}/week");
    let done = |view: &serde_json::Value| view["cards"][0]["done"].clone();
    assert_eq!(done(&send(helper, Method::GET, &week, None).await.1), json!(1));
    assert_eq!(done(&send(guardian, Method::GET, &week, None).await.1), json!(2));
    let fix = json!({"response": "went_well", "confidence": "8", "note": "Socks on alone"});
    assert_eq!(send(helper, Method::PATCH, &mine, Some(fix.clone())).await.0, 404);
    assert_eq!(
        send(helper, Method::GET, &format!("/api/v1/children/{child}/measures"), None).await.0,
        404
    );
    // The guardian cannot change the helper's log: it is not theirs.
    let (status, problem) = send(guardian, Method::PATCH, &helpers, Some(fix.clone())).await;
    assert_eq!((status, problem["errors"][0]["code"].clone()), (422, json!("not_your_log")));

    // Within 24 hours the guardian corrects their own log; a long note is refused.
    let (status, fixed) = send(guardian, Method::PATCH, &mine, Some(fix.clone())).await;
    assert_eq!(status, 200, "{fixed}");
    assert_eq!(
        (fixed["response"].clone(), fixed["confidence"].clone()),
        (json!("went_well"), json!(8))
    );
    let long = json!({"note": "x".repeat(501)});
    let (status, problem) = send(guardian, Method::PATCH, &mine, Some(long)).await;
    assert_eq!((status, problem["errors"][0]["field"].clone()), (422, json!("note")));

    // A day later it stays as it is.
    app.clock.advance(time::Duration::hours(24));
    sign_in_again(&app, guardian, &world.person(Persona::Guardian).email).await;
    let (status, problem) = send(guardian, Method::PATCH, &mine, Some(fix)).await;
    assert_eq!((status, problem["errors"][0]["code"].clone()), (422, json!("correction_closed")));
    assert_eq!(send(guardian, Method::DELETE, &mine, None).await.0, 422);

    // The helper's log, 24 hours old too, is closed as well; a fresh one can be deleted.
    sign_in_again(&app, helper, &world.person(Persona::Helper).email).await;
    let fresh = format!("/api/v1/children/{child}/logs/{}", Uuid::now_v7());
    let body = json!({"assignment_id": plan.own.assignments[1], "response": "hard"});
    assert_eq!(send(helper, Method::PUT, &fresh, Some(body.clone())).await.0, 201);
    assert_eq!(send(helper, Method::DELETE, &fresh, None).await.0, 204);
    // Deleted: gone from the list, and its id is not taken again.
    assert_eq!(send(helper, Method::GET, &fresh, None).await.0, 404);
    assert_eq!(send(helper, Method::PUT, &fresh, Some(body)).await.0, 409);
}

/// Sets the clock, signs the guardian in again (sessions end when idle),
/// and logs a practice "now" of the assignment.
async fn log_at(app: &TestApp, world: &World, assignment: Uuid, at: time::OffsetDateTime) {
    app.clock.set(at);
    let guardian = world.client(Persona::Guardian);
    sign_in_again(app, guardian, &world.person(Persona::Guardian).email).await;
    let path = format!("/api/v1/children/{}/logs/{}", world.child, Uuid::now_v7());
    let body = json!({"assignment_id": assignment, "when": "now", "response": "went_well"});
    let (status, log) = send(guardian, Method::PUT, &path, Some(body)).await;
    assert_eq!(status, 201, "{log}");
}

async fn measures_equal_hand_computed_values_across_a_week_boundary_dst_and_a_mid_week_plan(
    backend: Backend,
) {
    let app = spawn_app(backend).await;
    let world = World::build(&app).await;
    let plan = PlanWorld::build(&app, &world).await;
    let mut tx = app.db.begin_write().await.unwrap();
    sqlx::query("UPDATE clinic SET time_zone = 'America/New_York'")
        .execute(&mut *tx)
        .await
        .unwrap();
    tx.commit().await.unwrap();
    // Agreed on Thursday, March 11, 2027 (New York, standard time): that week
    // asks for ceil(5 × 4 ÷ 7) = 3 of each of the five assignments.
    app.clock.set(datetime!(2027-03-11 14:00 UTC));
    let guardian = world.client(Persona::Guardian);
    sign_in_again(&app, guardian, &world.person(Persona::Guardian).email).await;
    let confirm = format!("/children/{}/plan/{}/confirm", world.child, plan.own.version);
    assert_eq!(guardian.post_form(&confirm, &[]).await.status(), 303);

    let a = plan.own.assignments[0];
    log_at(&app, &world, a, datetime!(2027-03-11 15:00 UTC)).await; // Thursday
    log_at(&app, &world, a, datetime!(2027-03-12 15:00 UTC)).await; // Friday
    // Clocks sprang forward on Sunday, March 14: 23:00 UTC is 19:00 Sunday.
    log_at(&app, &world, a, datetime!(2027-03-14 23:00 UTC)).await;
    // 04:30 UTC Monday is 00:30 Monday in daylight time (23:30 Sunday in
    // standard time): it belongs to the new week.
    log_at(&app, &world, a, datetime!(2027-03-15 04:30 UTC)).await;

    // Wednesday, March 17.
    app.clock.set(datetime!(2027-03-17 15:00 UTC));
    sign_in_again(&app, guardian, &world.person(Persona::Guardian).email).await;
    let path = format!("/api/v1/children/{}/measures", world.child);
    let (status, m) = send(guardian, Method::GET, &path, None).await;
    assert_eq!(status, 200, "{m}");
    assert_eq!(m["today"], "2027-03-17");
    assert_eq!(m["days_since_last_log"], 2);
    let first =
        m["assignments"].as_array().unwrap().iter().find(|x| x["assignment_id"] == json!(a));
    let first = first.unwrap_or_else(|| panic!("{m}"));
    assert_eq!(first["this_week"]["week_start"], "2027-03-15");
    assert_eq!(
        (first["this_week"]["logs"].clone(), first["this_week"]["target"].clone()),
        (json!(1), json!(5))
    );
    assert_eq!(first["this_week"]["adherence"], 0.2);
    let weeks = first["weeks"].as_array().unwrap();
    let last_week = &weeks[weeks.len() - 2];
    assert_eq!(last_week["week_start"], "2027-03-08");
    assert_eq!((last_week["logs"].clone(), last_week["target"].clone()), (json!(3), json!(3)));
    assert_eq!(weeks[weeks.len() - 3]["target"], 0, "before the plan there is no target");
    // Last week met, this week not yet over: a streak of 1.
    assert_eq!(first["streak"], 1);
    assert_eq!(first["days_since_last_log"], 2);
    // The household: Σ min(logs, target) ÷ Σ target over the five assignments.
    let household = m["household_weeks"].as_array().unwrap();
    let (previous, this) = (&household[household.len() - 2], &household[household.len() - 1]);
    assert_eq!((previous["logs"].clone(), previous["target"].clone()), (json!(3), json!(15)));
    assert_eq!(previous["adherence"], 0.2);
    assert_eq!((this["logs"].clone(), this["target"].clone()), (json!(1), json!(25)));
    assert_eq!(m["household_streak"], 0);
    // The generalization matrix: one strategy, practised in dressing by the guardian.
    let grid = &m["matrix"][0];
    assert_eq!(grid["assignment_id"], json!(a));
    assert_eq!(grid["cells"][0][0]["went_well"], 4, "{grid}");
    // And the home says the same in words.
    let home = guardian.get("/home").await.text().await.unwrap();
    assert!(
        home.contains("1 of 5 this week") && home.contains("This week: 1 of 25 practices done."),
        "{home}"
    );
}

/// The measures of the demo child the guardian's API lists by that name.
async fn demo_measures(client: &TestClient, name: &str) -> Value {
    let (_, children) = send(client, Method::GET, "/api/v1/children", None).await;
    let child = children["items"].as_array().unwrap().iter().find(|c| c["preferred_name"] == name);
    let id = child.unwrap_or_else(|| panic!("{name} in {children}"))["child_id"]
        .as_str()
        .unwrap()
        .to_owned();
    let (status, m) =
        send(client, Method::GET, &format!("/api/v1/children/{id}/measures"), None).await;
    assert_eq!(status, 200, "{m}");
    m
}

fn adherence(m: &Value, back: usize) -> f64 {
    let weeks = m["household_weeks"].as_array().unwrap();
    weeks[weeks.len() - 1 - back]["adherence"].as_f64().unwrap_or(0.0)
}

async fn the_demo_families_practise_steadily_fade_and_spread(backend: Backend) {
    use carryover::{
        demo,
        passwords::{PasswordCost, PasswordHasher},
    };
    let app = spawn_app(backend).await;
    let hasher = PasswordHasher::new(PasswordCost::Fast).unwrap();
    let password = secrecy::SecretString::from(crate::world::PASSWORD);
    demo::seed_if_empty(&app.db, app.clock_now(), Some(&password), &hasher).await.unwrap();
    let app = &app;
    let client = |email: &'static str| async move {
        let client = app.new_client();
        crate::world::sign_in(&client, email).await;
        client
    };
    // Steady: every full week well on target.
    let mia = demo_measures(&client("ana.rivera@example.org").await, "Mia").await;
    for back in 1..8 {
        assert!(adherence(&mia, back) >= 0.75, "week -{back}: {mia}");
    }
    // Fading: on target until the last two weeks.
    let leo = demo_measures(&client("wei.chen@example.org").await, "Leo").await;
    assert!(adherence(&leo, 3) >= 0.75 && adherence(&leo, 1) < 0.5, "{leo}");
    assert_eq!(leo["household_streak"], 0);
    // Spreading: the strategy reaches more routines as the weeks go on.
    let sam = demo_measures(&client("grace.okafor@example.org").await, "Sam").await;
    let routines =
        sam["matrix"].as_array().unwrap().iter().map(|g| g["routines"].as_array().unwrap().len());
    assert!(routines.max().unwrap() >= 4, "{sam}");
    // Notes and confidence, on some logs.
    let notes: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM practice_log WHERE note <> ''")
        .fetch_one(app.db.reader())
        .await
        .unwrap();
    assert!(notes > 5, "{notes} notes");
}
