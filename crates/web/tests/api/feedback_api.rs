//! Issue 12 part B through the JSON API: the same operations as the pages —
//! reflect, answer, mark handled, mark read, page through lists — with
//! problem+json for bad input and cursor paging.

use carryover_store::Backend;
use reqwest::Method;
use serde_json::{Value, json};

use crate::helpers::{TestClient, on_both_databases, spawn_app};
use crate::reflection_feedback::agreed_plan;
use crate::world::{Persona, World};

async fn send(client: &TestClient, method: Method, path: &str, body: Value) -> (u16, Value) {
    let response = client.send_json(method, path, &body).await;
    let status = response.status().as_u16();
    let text = response.text().await.unwrap();
    (status, serde_json::from_str(&text).unwrap_or(Value::Null))
}

async fn get(client: &TestClient, path: &str) -> Value {
    let response = client.get(path).await;
    assert_eq!(response.status(), 200, "GET {path}");
    response.json().await.unwrap()
}

async fn a_program_reflects_answers_and_handles_a_flag_like_the_pages(backend: Backend) {
    let app = spawn_app(backend).await;
    let world = World::build(&app).await;
    let (guardian, team) = (world.client(Persona::Guardian), world.client(Persona::TeamTherapist));
    let guardian_id = world.person(Persona::Guardian).person_id;
    let assignments = agreed_plan(&app, &world, world.child, team, guardian_id).await;
    let base = format!("/api/v1/children/{}", world.child);

    let bad = json!({"responded": "maybe", "difficulty": "6", "need": "keep_going"});
    let (status, problem) = send(guardian, Method::POST, &format!("{base}/reflections"), bad).await;
    assert_eq!(status, 422, "{problem}");
    let fields: Vec<(String, String)> = problem["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| (e["field"].as_str().unwrap().to_owned(), e["code"].as_str().unwrap().to_owned()))
        .collect();
    assert!(fields.contains(&("difficulty".into(), "out_of_range".into())), "{problem}");
    assert!(fields.contains(&("responded".into(), "required".into())), "{problem}");

    let mut ids = Vec::new();
    for need in ["change_strategy", "keep_going", "try_another_routine"] {
        let body = json!({"assignment": assignments[0].to_string(), "responded": "no", "difficulty": "2", "need": need});
        let (status, made) =
            send(guardian, Method::POST, &format!("{base}/reflections"), body).await;
        assert_eq!(status, 201, "{made}");
        ids.push(made["id"].as_str().unwrap().to_owned());
    }
    // Two flags open; the list pages two at a time.
    let first = get(team, &format!("{base}/reflections?limit=2")).await;
    assert_eq!(first["items"].as_array().unwrap().len(), 2);
    assert_eq!(first["open_flags"].as_array().unwrap().len(), 2);
    let cursor = first["next_cursor"].as_str().unwrap();
    let rest = get(team, &format!("{base}/reflections?limit=2&cursor={cursor}")).await;
    assert_eq!(rest["items"][0]["reflection_id"], ids[2].as_str());
    assert!(rest["next_cursor"].is_null());

    let inbox = get(team, "/api/v1/inbox?limit=2").await;
    assert_eq!(inbox["items"].as_array().unwrap().len(), 2, "{inbox}");
    assert_eq!(inbox["items"][0]["reflection_id"], ids[0].as_str(), "oldest first");
    assert_eq!(inbox["items"][0]["flag_open"], true);
    assert!(inbox["next_cursor"].is_string());

    // An answer that handles the flag; the other flag by the handled route.
    let answer = json!({"body": "Let's change it on Tuesday.", "handled": "true"});
    let path = format!("{base}/reflections/{}/messages", ids[0]);
    assert_eq!(send(team, Method::POST, &path, answer).await.0, 201);
    let path = format!("{base}/reflections/{}/handled", ids[2]);
    let (status, handled) = send(team, Method::POST, &path, json!({})).await;
    assert_eq!((status, handled["flag_open"].clone()), (200, json!(false)), "{handled}");
    let (status, _) = send(guardian, Method::POST, &path, json!({})).await;
    assert_eq!(status, 404, "guardians do not handle flags");
    assert!(
        get(team, &format!("{base}/reflections")).await["open_flags"]
            .as_array()
            .unwrap()
            .is_empty()
    );

    // The guardian's unread answer: reading through the API does not mark it.
    let new = get(guardian, "/api/v1/me/feedback").await;
    assert_eq!(new["items"][0]["unread"], 1, "{new}");
    let thread = get(guardian, &format!("{base}/reflections/{}", ids[0])).await;
    assert_eq!(thread["messages"][0]["body"], "Let's change it on Tuesday.");
    assert_eq!(get(guardian, "/api/v1/me/feedback").await["items"][0]["unread"], 1);
    let path = format!("{base}/reflections/{}/read", ids[0]);
    assert_eq!(send(guardian, Method::POST, &path, json!({})).await.0, 200);
    assert!(get(guardian, "/api/v1/me/feedback").await["items"].as_array().unwrap().is_empty());

    // The child's thread: empty body refused at the field; paging by cursor.
    let (status, problem) =
        send(guardian, Method::POST, &format!("{base}/messages"), json!({"body": " "})).await;
    assert_eq!((status, problem["errors"][0]["field"].clone()), (422, json!("body")), "{problem}");
    for n in 1..=3 {
        let body = json!({"body": format!("Message {n}")});
        assert_eq!(send(guardian, Method::POST, &format!("{base}/messages"), body).await.0, 201);
    }
    let page = get(team, &format!("{base}/messages?limit=2")).await;
    assert_eq!(page["unread"], 3);
    let cursor = page["next_cursor"].as_str().unwrap();
    let rest = get(team, &format!("{base}/messages?limit=2&cursor={cursor}")).await;
    assert_eq!(rest["items"][0]["body"], "Message 3");
    assert_eq!(send(team, Method::POST, &format!("{base}/messages/read"), json!({})).await.0, 200);
    assert_eq!(get(team, &format!("{base}/messages")).await["unread"], 0);
    // A helper reads neither.
    let helper = world.client(Persona::Helper);
    assert_eq!(helper.get(&format!("{base}/messages")).await.status(), 404);
    assert_eq!(helper.get(&format!("{base}/reflections")).await.status(), 404);
}

on_both_databases!(a_program_reflects_answers_and_handles_a_flag_like_the_pages);
