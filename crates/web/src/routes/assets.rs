use axum::{http::header, response::IntoResponse};

use super::Routes;

const APP_CSS: &str = include_str!("../../static/app.css");
const ICON_SVG: &str = include_str!("../../static/icon.svg");
/// Issue 12 part A: logging a practice without a reload.
const LOG_JS: &str = include_str!("../../static/log.js");
// Issue 13: saves the visit record as the therapist goes.
const VISIT_JS: &str = include_str!("../../static/visit.js");
const CACHE: &str = "public, max-age=604800";

pub fn routes() -> Routes {
    Routes::new()
        .get("/static/app.css", css)
        .get("/static/icon.svg", icon)
        .get("/static/log.js", log_js)
        .get("/static/visit.js", visit_js)
}

async fn css() -> impl IntoResponse {
    asset("text/css; charset=utf-8", APP_CSS)
}

async fn log_js() -> impl IntoResponse {
    asset("text/javascript; charset=utf-8", LOG_JS)
}

async fn visit_js() -> impl IntoResponse {
    asset("text/javascript; charset=utf-8", VISIT_JS)
}

async fn icon() -> impl IntoResponse {
    asset("image/svg+xml", ICON_SVG)
}

fn asset(content_type: &'static str, body: &'static str) -> impl IntoResponse {
    ([(header::CONTENT_TYPE, content_type), (header::CACHE_CONTROL, CACHE)], body)
}
