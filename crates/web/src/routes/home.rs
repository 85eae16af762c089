use axum::{Router, response::Response, routing::get};

use crate::{AppState, error::AppError, i18n::Tr, pages};

pub fn routes() -> Router<AppState> {
    Router::new().route("/", get(show_home))
}

async fn show_home(t: Tr) -> Result<Response, AppError> {
    pages::render(&pages::HomePage {
        t,
        lang_next: "/".into(),
    })
}
