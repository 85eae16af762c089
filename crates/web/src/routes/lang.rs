use axum::{
    Form, Router,
    http::header,
    response::{IntoResponse, Redirect, Response},
    routing::post,
};
use serde::Deserialize;

use crate::{AppState, error::AppError, i18n::Lang};

pub fn routes() -> Router<AppState> {
    Router::new().route("/lang", post(set_language))
}

#[derive(Deserialize)]
struct LanguageForm {
    lang: String,
    #[serde(default)]
    next: String,
}

/// Remembers the chosen language in a cookie and returns to the page the person was on.
async fn set_language(Form(form): Form<LanguageForm>) -> Result<Response, AppError> {
    let lang = Lang::parse(&form.lang)
        .ok_or_else(|| AppError::BadRequest("lang must be en or es".into()))?;
    let cookie = format!(
        "lang={}; Path=/; Max-Age=31536000; SameSite=Lax",
        lang.code()
    );
    Ok((
        [(header::SET_COOKIE, cookie)],
        Redirect::to(local_path(&form.next)),
    )
        .into_response())
}

/// Only paths on this site: never `//elsewhere` or an absolute URL.
pub fn local_path(next: &str) -> &str {
    if next.starts_with('/') && !next.starts_with("//") && !next.contains('\\') {
        next
    } else {
        "/"
    }
}
