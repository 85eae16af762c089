use carryover_store::Backend;

use crate::helpers::{TEST_METRICS_TOKEN, on_both_databases, spawn_app, spawn_app_with};

async fn health_and_readiness_answer_ok_on_a_migrated_database(backend: Backend) {
    let app = spawn_app(backend).await;
    assert_eq!(app.client.get("/healthz").await.status(), 200);
    let ready = app.client.get("/readyz").await;
    assert_eq!(ready.status(), 200);
    assert_eq!(ready.text().await.unwrap(), "ready");
    let head = app.client.send(app.client.request(reqwest::Method::HEAD, "/healthz")).await;
    assert_eq!(head.status(), 200, "HEAD follows the GET rule, for uptime monitors");
}

async fn readiness_fails_when_the_database_is_gone(backend: Backend) {
    let app = spawn_app(backend).await;
    app.db.close().await;
    assert_eq!(app.client.get("/healthz").await.status(), 200, "the process is still alive");
    assert_eq!(app.client.get("/readyz").await.status(), 503);
}

async fn metrics_are_prometheus_text_counting_responses(backend: Backend) {
    let app = spawn_app(backend).await;
    app.client.get("/healthz").await;
    app.client.get("/no-such-page").await;
    let bearer = format!("Bearer {TEST_METRICS_TOKEN}");
    let scrape =
        app.client.request(reqwest::Method::GET, "/metrics").header("authorization", bearer);
    let body = app.client.send(scrape).await.text().await.unwrap();
    assert!(body.contains("# TYPE carryover_http_requests_total counter"));
    assert!(body.contains("carryover_http_requests_total{status=\"2xx\"} 1"), "{body}");
    assert!(body.contains("carryover_http_requests_total{status=\"4xx\"} 1"), "{body}");
    assert!(body.contains("carryover_database_ready 1"));
}

/// Finding 7: `/metrics` was public. It needs the configured bearer token;
/// without it (or with none configured) it is no page at all.
async fn metrics_need_the_configured_bearer_token(backend: Backend) {
    let app = spawn_app(backend).await;
    assert_eq!(app.client.get("/metrics").await.status(), 404);
    let wrong =
        app.client.request(reqwest::Method::GET, "/metrics").header("authorization", "Bearer nope");
    assert_eq!(app.client.send(wrong).await.status(), 404);
    let unset = spawn_app_with(backend, |config| config.metrics_token = None).await;
    let guess = format!("Bearer {TEST_METRICS_TOKEN}");
    let anyone =
        unset.client.request(reqwest::Method::GET, "/metrics").header("authorization", guess);
    assert_eq!(unset.client.send(anyone).await.status(), 404, "no token configured: off");
}

on_both_databases!(
    metrics_need_the_configured_bearer_token,
    health_and_readiness_answer_ok_on_a_migrated_database,
    readiness_fails_when_the_database_is_gone,
    metrics_are_prometheus_text_counting_responses,
);
