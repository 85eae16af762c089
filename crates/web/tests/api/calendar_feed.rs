//! The caregiver's private calendar feed (issue 12 part C): a link made on
//! the account page (or through the API), the coming four weeks of the
//! agreed plan in it, and nothing once the link is revoked or replaced, or
//! once its owner leaves the household.

use carryover_domain::ical::property_values;
use carryover_store::Backend;
use serde_json::Value;

use crate::helpers::{TestApp, TestClient, on_both_databases, spawn_app};
use crate::plan_world::PlanWorld;
use crate::world::{Persona, World};

on_both_databases!(
    a_caregivers_feed_lists_four_weeks_of_the_agreed_plan_and_never_the_childs_name,
    a_replaced_or_revoked_link_answers_404_and_only_the_new_one_works,
    the_api_twin_makes_reports_and_turns_off_the_link,
    a_caregiver_removed_from_the_household_stops_seeing_the_feed_at_once,
);

/// The world with Mia's plan agreed: five assignments, five times a week,
/// in "dressing" (no usual time: 07:30 by default) and "Walk to the bus" (07:40).
async fn agreed_world(app: &TestApp) -> (World, PlanWorld) {
    let world = World::build(app).await;
    let plan = PlanWorld::build(app, &world).await;
    let confirm = format!("/children/{}/plan/{}/confirm", world.child, plan.own.version);
    let confirmed = world.client(Persona::Guardian).post_form(&confirm, &[]).await;
    assert_eq!(confirmed.status(), 303, "the guardian agrees the plan");
    (world, plan)
}

/// Makes a link on the account page and returns the feed's path.
pub async fn make_link(client: &TestClient) -> String {
    let page = client.post_form("/account/calendar", &[]).await;
    assert_eq!(page.status(), 200);
    let html = page.text().await.unwrap();
    let start = html.find("/calendar/").expect("the page shows the new link");
    let end = start + html[start..].find(".ics").unwrap() + 4;
    html[start..end].to_owned()
}

async fn fetch(app: &TestApp, path: &str) -> reqwest::Response {
    app.new_client().get(path).await
}

async fn a_caregivers_feed_lists_four_weeks_of_the_agreed_plan_and_never_the_childs_name(
    backend: Backend,
) {
    let app = spawn_app(backend).await;
    let (world, _plan) = agreed_world(&app).await;
    let guardian = world.person(Persona::Guardian).person_id;
    let link = make_link(world.client(Persona::Guardian)).await;
    let before = app.audit_count("resource_type = 'calendar_feed' AND action = 'view'").await;

    // Monday 2 November 2026, 09:00 UTC (the clinic is on UTC).
    let answer = fetch(&app, &link).await;
    assert_eq!(answer.status(), 200);
    assert_eq!(answer.headers()["content-type"], "text/calendar; charset=utf-8");
    assert_eq!(answer.headers()["cache-control"], "no-store, private");
    let ics = answer.text().await.unwrap();

    // Five a week fall on Mon, Tue, Wed, Fri, Sat: 20 in four weeks, for each of five assignments.
    assert_eq!(ics.matches("BEGIN:VEVENT").count(), 100, "{ics}");
    let summaries = property_values(&ics, "SUMMARY");
    // The first practice of the week is in "dressing" at its default 07:30,
    // the second in the family's own routine at its usual 07:40.
    assert!(ics.contains("DTSTART:20261102T073000Z\r\nDTEND:20261102T074500Z\r\n"));
    assert!(ics.contains("DTSTART:20261103T074000Z\r\n"));
    assert!(ics.contains("DTSTART:20261128T073000Z\r\n"), "the fourth Saturday");
    assert!(!ics.contains("DTSTART:20261129"), "no practice on Sundays at five a week");
    assert!(!ics.contains("DTSTART:20261130"), "four weeks end on Sunday 29 November");
    assert!(summaries.iter().any(|s| s.ends_with("· Getting dressed")), "{summaries:?}");
    assert!(summaries.iter().any(|s| s.ends_with("· Walk to the bus")), "{summaries:?}");
    assert!(summaries.iter().any(|s| s.starts_with("A first–then board · ")), "{summaries:?}");
    for name in ["Mia", "Gloria", "Hilda"] {
        assert!(!ics.contains(name), "the feed names {name}");
    }
    // One audit row per child listed, as its owner.
    let rows = app
        .audit_count(&format!(
            "resource_type = 'calendar_feed' AND action = 'view' AND child_id = '{}' \
             AND actor_id = '{guardian}'",
            world.child
        ))
        .await;
    assert_eq!(rows, 1);
    assert_eq!(
        app.audit_count("resource_type = 'calendar_feed' AND action = 'view'").await,
        before + 1
    );

    // In Spanish when the caregiver reads Spanish.
    let spanish = world
        .client(Persona::Guardian)
        .send_json(
            reqwest::Method::PUT,
            "/api/v1/me/language",
            &serde_json::json!({"language": "es"}),
        )
        .await;
    assert_eq!(spanish.status(), 204);
    let ics = fetch(&app, &link).await.text().await.unwrap();
    assert!(property_values(&ics, "SUMMARY").iter().any(|s| s.ends_with("· Al vestirse")), "{ics}");
}

async fn a_replaced_or_revoked_link_answers_404_and_only_the_new_one_works(backend: Backend) {
    let app = spawn_app(backend).await;
    let (world, _plan) = agreed_world(&app).await;
    let guardian = world.client(Persona::Guardian);
    let first = make_link(guardian).await;
    assert_eq!(fetch(&app, &first).await.status(), 200);

    let second = make_link(guardian).await;
    assert_ne!(first, second);
    assert_eq!(fetch(&app, &first).await.status(), 404, "the old link ends");
    assert_eq!(fetch(&app, &second).await.status(), 200, "the new one works");

    let revoked = guardian.post_form("/account/calendar/revoke", &[]).await;
    assert_eq!(revoked.status(), 303);
    assert_eq!(fetch(&app, &second).await.status(), 404);
    let page = guardian.get("/account/calendar").await.text().await.unwrap();
    assert!(page.contains("You have no calendar link yet."));

    // Unknown links and other shapes find nothing either.
    let unknown = second.replace(&second[second.len() - 8..second.len() - 4], "0000");
    assert_eq!(fetch(&app, &unknown).await.status(), 404);
    assert_eq!(fetch(&app, "/calendar/nothing.ics").await.status(), 404);
    assert_eq!(app.audit_count("resource_type = 'calendar_feed' AND action = 'delete'").await, 2);
}

async fn the_api_twin_makes_reports_and_turns_off_the_link(backend: Backend) {
    let app = spawn_app(backend).await;
    let (world, _plan) = agreed_world(&app).await;
    let helper = world.client(Persona::Helper);
    let status = |body: Value| body["live"].as_bool().unwrap();
    let got: Value = helper.get("/api/v1/me/calendar").await.json().await.unwrap();
    assert!(!status(got));

    let made = helper.send_json(reqwest::Method::POST, "/api/v1/me/calendar", &Value::Null).await;
    assert_eq!(made.status(), 201);
    let made: Value = made.json().await.unwrap();
    let url = made["url"].as_str().unwrap();
    let path = &url[url.find("/calendar/").unwrap()..];
    let got: Value = helper.get("/api/v1/me/calendar").await.json().await.unwrap();
    assert!(status(got));
    let ics = fetch(&app, path).await.text().await.unwrap();
    assert_eq!(ics.matches("BEGIN:VEVENT").count(), 100, "a helper practises the plan too");

    let off = helper.send_json(reqwest::Method::DELETE, "/api/v1/me/calendar", &Value::Null).await;
    assert_eq!(off.status(), 204);
    assert_eq!(fetch(&app, path).await.status(), 404);
    let again =
        helper.send_json(reqwest::Method::DELETE, "/api/v1/me/calendar", &Value::Null).await;
    assert_eq!(again.status(), 204, "turning off what is off is no error");
}

async fn a_caregiver_removed_from_the_household_stops_seeing_the_feed_at_once(backend: Backend) {
    let app = spawn_app(backend).await;
    let (world, _plan) = agreed_world(&app).await;
    let link = make_link(world.client(Persona::Helper)).await;
    assert_eq!(fetch(&app, &link).await.status(), 200);

    let path = format!("/children/{}/caregivers/remove", world.child);
    let helper_id = world.person(Persona::Helper).person_id.to_string();
    let form = [("person_id", helper_id.as_str()), ("confirm", "yes")];
    let removed = world.client(Persona::Guardian).post_form(&path, &form).await;
    assert_eq!(removed.status(), 303);
    // Her only household: she is deactivated, and her link finds nobody.
    assert_eq!(fetch(&app, &link).await.status(), 404);
}
