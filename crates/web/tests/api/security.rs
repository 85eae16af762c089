use carryover_store::Backend;

use crate::helpers::{on_both_databases, spawn_app};

fn assert_hardened(response: &reqwest::Response, what: &str) {
    let h = response.headers();
    let csp = h["content-security-policy"].to_str().unwrap();
    assert!(
        csp.contains("frame-ancestors 'none'") && !csp.contains("unsafe-inline"),
        "{what}: {csp}"
    );
    assert_eq!(h["x-content-type-options"], "nosniff", "{what}");
    assert_eq!(h["referrer-policy"], "no-referrer", "{what}");
    assert!(h["strict-transport-security"].to_str().unwrap().starts_with("max-age="), "{what}");
}

async fn pages_errors_and_static_files_carry_the_security_headers(backend: Backend) {
    let app = spawn_app(backend).await;
    let page = app.client.get("/").await;
    assert_hardened(&page, "page");
    assert_eq!(page.headers()["cache-control"], "no-store");
    assert_hardened(&app.client.get("/no-such-page").await, "error page");
    assert_hardened(&app.client.get("/api/v1/nothing").await, "api error");
    let css = app.client.get("/static/app.css").await;
    assert_eq!(css.status(), 200);
    assert_hardened(&css, "static file");
    assert!(css.headers()["cache-control"].to_str().unwrap().contains("max-age"));
}

async fn a_cross_site_post_is_refused_and_changes_nothing(backend: Backend) {
    let app = spawn_app(backend).await;
    let attack = app
        .client
        .request(reqwest::Method::POST, "/lang")
        .header("sec-fetch-site", "cross-site")
        .form(&[("lang", "es"), ("next", "/")]);
    let response = app.client.send(attack).await;
    assert_eq!(response.status(), 403);
    assert!(response.headers().get("set-cookie").is_none());
    assert_eq!(app.client.cookie("lang"), None);

    let old_browser = app
        .client
        .request(reqwest::Method::POST, "/lang")
        .header("origin", "https://evil.example")
        .form(&[("lang", "es")]);
    assert_eq!(app.client.send(old_browser).await.status(), 403);
}

async fn every_response_names_its_request_id(backend: Backend) {
    let app = spawn_app(backend).await;
    let response = app.client.get("/healthz").await;
    let id = response.headers()["x-request-id"].to_str().unwrap();
    assert_eq!(uuid::Uuid::parse_str(id).unwrap().get_version_num(), 7);
}

on_both_databases!(
    pages_errors_and_static_files_carry_the_security_headers,
    a_cross_site_post_is_refused_and_changes_nothing,
    every_response_names_its_request_id,
);

async fn a_request_body_over_the_limit_is_refused_with_413(backend: Backend) {
    let app = spawn_app(backend).await;
    let huge = "x".repeat(300 * 1024);
    let response =
        app.client.post_form("/login", &[("email", "a@example.org"), ("password", &huge)]).await;
    assert_eq!(response.status(), 413);
    assert!(response.text().await.unwrap().contains("too large"));
}

on_both_databases!(a_request_body_over_the_limit_is_refused_with_413);
