use carryover_store::Backend;

use crate::helpers::{on_both_databases, spawn_app};

async fn an_unknown_page_gets_a_friendly_page_in_the_persons_language(backend: Backend) {
    let app = spawn_app(backend).await;
    let response = app
        .client
        .send(
            app.client
                .request(reqwest::Method::GET, "/no-such-page")
                .header("accept-language", "es"),
        )
        .await;
    assert_eq!(response.status(), 404);
    assert!(response.headers()["content-type"].to_str().unwrap().starts_with("text/html"));
    let body = response.text().await.unwrap();
    assert!(body.contains("No encontramos esta página."), "{body}");
    assert!(body.contains("<html lang=\"es\">"));
}

async fn an_unknown_api_path_gets_a_structured_json_error(backend: Backend) {
    let app = spawn_app(backend).await;
    let response = app.client.get("/api/v1/no-such-thing").await;
    assert_eq!(response.status(), 404);
    assert_eq!(response.headers()["content-type"], "application/problem+json");
    let body: serde_json::Value = response.json().await.unwrap();
    assert_eq!(body["code"], "not_found");
    assert_eq!(body["type"], "urn:carryover:problem:not_found");
    assert_eq!(body["status"], 404);
    assert!(body["title"].as_str().unwrap().len() > 5);
}

async fn a_bad_form_gets_a_clear_400_not_a_500(backend: Backend) {
    let app = spawn_app(backend).await;
    let response = app.client.post_form("/lang", &[("lang", "klingon")]).await;
    assert_eq!(response.status(), 400);
    assert!(response.text().await.unwrap().contains("Something in the form was not right"));
}

on_both_databases!(
    an_unknown_page_gets_a_friendly_page_in_the_persons_language,
    an_unknown_api_path_gets_a_structured_json_error,
    a_bad_form_gets_a_clear_400_not_a_500,
);

async fn a_signed_in_person_gets_error_pages_in_their_own_language_with_their_menu(
    backend: Backend,
) {
    let app = spawn_app(backend).await;
    let world = crate::world::World::build(&app).await;
    let guardian = world.client(crate::world::Persona::Guardian);
    guardian.post_form("/lang", &[("lang", "es"), ("next", "/home")]).await;
    let english_browser = guardian
        .request(reqwest::Method::GET, "/children/not-a-child/x")
        .header("accept-language", "en");
    let page = guardian.send(english_browser).await;
    assert_eq!(page.status(), 404);
    let html = page.text().await.unwrap();
    assert!(html.contains("No encontramos esta página."), "{html}");
    let other = format!("/children/{}", world.other_child);
    let hidden = guardian.get(&other).await.text().await.unwrap();
    assert!(hidden.contains("data-testid=\"user-name\"><bdi>Gloria Guardian</bdi><"), "{hidden}");
}

on_both_databases!(a_signed_in_person_gets_error_pages_in_their_own_language_with_their_menu);
