use carryover_store::Backend;

use crate::helpers::{on_both_databases, spawn_app};

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
    let body = app.client.get("/metrics").await.text().await.unwrap();
    assert!(body.contains("# TYPE carryover_http_requests_total counter"));
    assert!(body.contains("carryover_http_requests_total{status=\"2xx\"} 1"), "{body}");
    assert!(body.contains("carryover_http_requests_total{status=\"4xx\"} 1"), "{body}");
    assert!(body.contains("carryover_database_ready 1"));
}

on_both_databases!(
    health_and_readiness_answer_ok_on_a_migrated_database,
    readiness_fails_when_the_database_is_gone,
    metrics_are_prometheus_text_counting_responses,
);
