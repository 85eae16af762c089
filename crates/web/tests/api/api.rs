//! The JSON API: twins of the pages, tokens, errors as problem+json, paging,
//! and a document that lists exactly the routes there are.

use std::collections::BTreeSet;

use carryover::routes;
use carryover_store::Backend;
use reqwest::Method;
use serde_json::{Value, json};

use crate::{
    helpers::{TestApp, TestClient, on_both_databases, spawn_app},
    world::{Persona, World},
};

async fn json(response: reqwest::Response) -> (u16, Value) {
    let status = response.status().as_u16();
    let text = response.text().await.unwrap();
    (status, serde_json::from_str(&text).unwrap_or_else(|e| panic!("{e}: {text}")))
}

/// A program with a bearer token and no cookies.
fn program(app: &TestApp, token: &str) -> (TestClient, String) {
    (app.new_client(), format!("Bearer {token}"))
}

async fn bearer_get(client: &TestClient, auth: &str, path: &str) -> reqwest::Response {
    client.send(client.request(Method::GET, path).header("authorization", auth)).await
}

/// Makes a token on the account page, as a person would, and reads it off the page.
async fn make_token(client: &TestClient, name: &str) -> String {
    let page = client.post_form("/account/tokens", &[("name", name), ("days", "30")]).await;
    assert_eq!(page.status(), 200);
    let html = page.text().await.unwrap();
    let start = html.find("data-testid=\"new-token\">").expect("the new token is shown") + 24;
    html[start..start + html[start..].find('<').unwrap()].to_owned()
}

#[tokio::test]
async fn the_document_names_every_api_route_and_no_other() {
    let app = spawn_app(Backend::Sqlite).await;
    let (status, doc) = json(app.client.get("/api/v1/openapi.json").await).await;
    assert_eq!(status, 200);
    assert_eq!(doc["openapi"], "3.1.0");
    let mut documented = BTreeSet::new();
    for (path, item) in doc["paths"].as_object().unwrap() {
        for method in item.as_object().unwrap().keys() {
            documented.insert((method.to_uppercase(), path.clone()));
        }
    }
    let self_describing = ["/api/v1/openapi.json", "/api/v1/docs"];
    let routed: BTreeSet<(String, String)> = routes::inventory()
        .into_iter()
        .filter(|(_, path)| path.starts_with("/api/v1/") && !self_describing.contains(path))
        .map(|(m, p)| (m.to_owned(), p.to_owned()))
        .collect();
    let undocumented: Vec<_> = routed.difference(&documented).collect();
    let unrouted: Vec<_> = documented.difference(&routed).collect();
    assert!(undocumented.is_empty(), "API routes missing from the document: {undocumented:?}");
    assert!(unrouted.is_empty(), "the document names routes that do not exist: {unrouted:?}");
    let schemas = doc["components"]["schemas"].as_object().unwrap();
    let without: Vec<_> = schemas
        .iter()
        .filter(|(_, s)| s.get("example").is_none() && s.get("examples").is_none())
        .map(|(name, _)| name)
        .collect();
    assert!(without.is_empty(), "schemas without an example: {without:?}");
    for (path, item) in doc["paths"].as_object().unwrap() {
        for (method, operation) in item.as_object().unwrap() {
            let responses = operation["responses"].as_object().unwrap();
            for status in ["401", "404", "500"] {
                assert!(responses.contains_key(status), "{method} {path} documents {status}");
            }
        }
    }
}

#[test]
fn every_operation_a_page_calls_has_an_api_twin() {
    let calls = routes::operations();
    let by = |api: bool| -> BTreeSet<&str> {
        calls
            .iter()
            .filter(|(_, path, _)| path.starts_with("/api/") == api)
            .map(|(_, _, op)| op.as_str())
            .collect()
    };
    let (pages, api) = (by(false), by(true));
    assert!(pages.len() >= 15, "pages name their operations: {pages:?}");
    let missing: Vec<_> = pages.difference(&api).collect();
    assert!(missing.is_empty(), "operations with a page but no API route: {missing:?}");
}

async fn a_token_is_made_used_listed_and_revoked_and_every_use_is_audited(backend: Backend) {
    let app = spawn_app(backend).await;
    let world = World::build(&app).await;
    let guardian = world.person(Persona::Guardian).person_id.to_string();
    let token = make_token(world.client(Persona::Guardian), "report script").await;
    let (client, auth) = program(&app, &token);

    let before = app.audit_count(&format!("actor_id = '{guardian}'")).await;
    let (status, children) = json(bearer_get(&client, &auth, "/api/v1/children").await).await;
    assert_eq!(status, 200);
    assert_eq!(children["items"][0]["preferred_name"], "Mia");
    let path = format!("/api/v1/children/{}", world.child);
    let (status, child) = json(bearer_get(&client, &auth, &path).await).await;
    assert_eq!(status, 200);
    assert_eq!(child["details"]["notes"], "Private note about sleep");
    let after = app.audit_count(&format!("actor_id = '{guardian}'")).await;
    assert_eq!(after - before, 2, "the list and the record, each audited as the guardian");
    let viewed =
        format!("actor_id = '{guardian}' AND action = 'view' AND child_id = '{}'", world.child);
    assert_eq!(app.audit_count(&viewed).await, 1);

    let other = format!("/api/v1/children/{}", world.other_child);
    assert_eq!(
        bearer_get(&client, &auth, &other).await.status(),
        404,
        "no more than the person's rights"
    );
    let minted = client
        .send(
            client
                .request(Method::POST, "/api/v1/me/tokens")
                .header("authorization", &auth)
                .json(&json!({"name": "x"})),
        )
        .await;
    assert_eq!(minted.status(), 404, "a token cannot make tokens");

    let list = world.client(Persona::Guardian).get("/account/tokens").await.text().await.unwrap();
    assert!(list.contains("report script") && !list.contains("Not used yet"), "last use shown");
    let id_at = list.find("/account/tokens/").unwrap() + "/account/tokens/".len();
    let revoke = format!("/account/tokens/{}/revoke", &list[id_at..id_at + 36]);
    assert_eq!(world.client(Persona::Guardian).post_form(&revoke, &[]).await.status(), 303);
    let (status, problem) = json(bearer_get(&client, &auth, "/api/v1/children").await).await;
    assert_eq!(
        (status, problem["code"].as_str()),
        (401, Some("unauthorized")),
        "refused once revoked"
    );
    assert_eq!(app.audit_count("action = 'create' AND resource_type = 'api_token'").await, 1);
    assert_eq!(app.audit_count("action = 'update' AND resource_type = 'api_token'").await, 1);
}

async fn errors_are_problem_json_with_the_operations_field_codes(backend: Backend) {
    let app = spawn_app(backend).await;
    let world = World::build(&app).await;
    let therapist = world.client(Persona::TeamTherapist);
    let bad = json!({"child_name": "", "caregiver_name": "Rosa", "caregiver_email": "not-an-email", "relationship": "mother", "access": "guardian"});
    let response = therapist.send_json(Method::POST, "/api/v1/households", &bad).await;
    assert_eq!(response.headers()["content-type"], "application/problem+json");
    let (status, problem) = json(response).await;
    assert_eq!(status, 422);
    assert_eq!(problem["code"], "invalid");
    let fields: BTreeSet<(String, String)> = problem["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| (e["field"].as_str().unwrap().to_owned(), e["code"].as_str().unwrap().to_owned()))
        .collect();
    assert!(fields.contains(&("child_name".into(), "required".into())), "{problem}");
    assert!(fields.contains(&("caregiver_email".into(), "invalid_email".into())), "{problem}");
    let garbage = therapist
        .send(
            therapist
                .request(Method::POST, "/api/v1/households")
                .header("content-type", "application/json")
                .header("sec-fetch-site", "same-origin")
                .body("{not json"),
        )
        .await;
    let (status, problem) = json(garbage).await;
    assert_eq!((status, problem["code"].as_str()), (400, Some("bad_request")));
    let nothing = app.new_client();
    let (status, problem) = json(nothing.get("/api/v1/children").await).await;
    assert_eq!((status, problem["code"].as_str()), (401, Some("unauthorized")));
    let (status, problem) = json(
        nothing
            .send_json(
                Method::POST,
                "/api/v1/session",
                &json!({"email": "nobody@example.org", "password": "wrong wrong"}),
            )
            .await,
    )
    .await;
    assert_eq!((status, problem["code"].as_str()), (401, Some("wrong_credentials")));
    let children: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM child").fetch_one(app.db.reader()).await.unwrap();
    assert_eq!(children, 2, "nothing was created");
}

async fn a_helper_gets_from_the_api_exactly_what_the_page_shows(backend: Backend) {
    let app = spawn_app(backend).await;
    let world = World::build(&app).await;
    let path = format!("/api/v1/children/{}", world.child);
    let (status, helper) = json(world.client(Persona::Helper).get(&path).await).await;
    assert_eq!(status, 200);
    assert_eq!(helper["your_access"], "helper");
    assert!(helper["details"].is_null(), "no notes, no birth date: {helper}");
    assert!(!helper.to_string().contains("Private note"));
    let (_, guardian) = json(world.client(Persona::Guardian).get(&path).await).await;
    assert_eq!(guardian["details"]["date_of_birth"], "2021-03-14");
    assert_eq!(guardian["permissions"]["see_access_log"], true);
}

async fn lists_come_in_pages_that_together_hold_everything_once(backend: Backend) {
    let app = spawn_app(backend).await;
    let world = World::build(&app).await;
    let admin = world.client(Persona::Admin);
    let mut seen = Vec::new();
    let mut cursor: Option<String> = None;
    for _ in 0..20 {
        let path = match &cursor {
            Some(c) => format!("/api/v1/people?limit=2&cursor={c}"),
            None => "/api/v1/people?limit=2".to_owned(),
        };
        let (status, page) = json(admin.get(&path).await).await;
        assert_eq!(status, 200, "{page}");
        let items = page["items"].as_array().unwrap();
        assert!(items.len() <= 2);
        seen.extend(items.iter().map(|p| p["person_id"].as_str().unwrap().to_owned()));
        cursor = page["next_cursor"].as_str().map(str::to_owned);
        if cursor.is_none() {
            break;
        }
    }
    let unique: BTreeSet<_> = seen.iter().cloned().collect();
    assert_eq!(unique.len(), seen.len(), "no one twice");
    assert_eq!(seen.len(), 9, "the nine people of clinic A");
    for bad in ["limit=0", "limit=101", "cursor=nope"] {
        assert_eq!(admin.get(&format!("/api/v1/people?{bad}")).await.status(), 400, "{bad}");
    }
}

#[tokio::test]
async fn the_docs_page_is_served_by_the_app_with_nothing_from_elsewhere() {
    let app = spawn_app(Backend::Sqlite).await;
    let page = app.client.get("/api/v1/docs").await;
    assert_eq!(page.status(), 200);
    let html = page.text().await.unwrap();
    assert!(html.contains("GET /api/v1/children"));
    assert!(!html.contains("https://") && !html.contains("<script"), "no outside file, no script");
}

on_both_databases!(
    a_token_is_made_used_listed_and_revoked_and_every_use_is_audited,
    errors_are_problem_json_with_the_operations_field_codes,
    a_helper_gets_from_the_api_exactly_what_the_page_shows,
    lists_come_in_pages_that_together_hold_everything_once,
);
