use axum::{
    extract::State,
    http::{StatusCode, header},
    response::IntoResponse,
};

use super::Routes;
use crate::AppState;

pub fn routes() -> Routes {
    Routes::new().get("/healthz", healthz).get("/readyz", readyz).get("/metrics", metrics)
}

/// The process is alive; says nothing about the database.
async fn healthz() -> &'static str {
    "ok"
}

/// The database answers and holds every migration this build knows.
async fn readyz(State(state): State<AppState>) -> impl IntoResponse {
    if state.db().is_ready().await {
        (StatusCode::OK, "ready")
    } else {
        (StatusCode::SERVICE_UNAVAILABLE, "database not ready")
    }
}

async fn metrics(State(state): State<AppState>) -> impl IntoResponse {
    let ready = state.db().is_ready().await;
    ([(header::CONTENT_TYPE, "text/plain; version=0.0.4")], state.metrics.render(ready))
}
