use axum::{Router, http::header, response::IntoResponse, routing::get};

use crate::AppState;

const APP_CSS: &str = include_str!("../../static/app.css");
const ICON_SVG: &str = include_str!("../../static/icon.svg");
const CACHE: &str = "public, max-age=604800";

pub fn routes() -> Router<AppState> {
    Router::new()
        .route(
            "/static/app.css",
            get(|| async { asset("text/css; charset=utf-8", APP_CSS) }),
        )
        .route(
            "/static/icon.svg",
            get(|| async { asset("image/svg+xml", ICON_SVG) }),
        )
}

fn asset(content_type: &'static str, body: &'static str) -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, content_type),
            (header::CACHE_CONTROL, CACHE),
        ],
        body,
    )
}
