use axum::{
    extract::State,
    http::{HeaderMap, StatusCode, header},
    response::{IntoResponse, Response},
};
use secrecy::ExposeSecret;

use super::Routes;
use crate::{AppState, error::AppError};

pub fn routes() -> Routes {
    Routes::new().get("/healthz", healthz).get("/readyz", readyz).get("/metrics", metrics)
}

const READY_WAIT: std::time::Duration = std::time::Duration::from_secs(2);

/// The process is alive; says nothing about the database.
async fn healthz() -> &'static str {
    "ok"
}

/// The database answers and holds every migration this build knows.
/// Answers within two seconds even when the database hangs or is away
/// (issue 16): a load balancer must not wait on the pool's longer timeout.
async fn readyz(State(state): State<AppState>) -> impl IntoResponse {
    let ready = tokio::time::timeout(READY_WAIT, state.db().is_ready()).await;
    if ready.unwrap_or(false) {
        (StatusCode::OK, "ready")
    } else {
        (StatusCode::SERVICE_UNAVAILABLE, "database not ready")
    }
}

/// Prometheus text, for a scraper that sends the configured bearer token.
/// Without a token configured, or with a wrong one, it looks like no page
/// at all: request counts and the version are nobody else's business.
async fn metrics(State(state): State<AppState>, headers: HeaderMap) -> Response {
    let Some(token) = &state.settings.metrics_token else {
        return AppError::NotFound.into_response();
    };
    let sent = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .unwrap_or("");
    if !same_secret(sent, token.expose_secret()) {
        return AppError::NotFound.into_response();
    }
    let ready = state.db().is_ready().await;
    ([(header::CONTENT_TYPE, "text/plain; version=0.0.4")], state.metrics.render(ready))
        .into_response()
}

/// Compares two secrets in time that does not depend on where they differ.
fn same_secret(sent: &str, expected: &str) -> bool {
    use sha2::{Digest, Sha256};
    let (a, b) = (Sha256::digest(sent.as_bytes()), Sha256::digest(expected.as_bytes()));
    a.iter().zip(b.iter()).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}
