use axum::{
    Form,
    extract::State,
    http::header,
    response::{IntoResponse, Redirect, Response},
};
use serde::Deserialize;

use super::MaybeCaller;
use super::Routes;
use crate::{AppState, error::AppError, i18n::Lang};

pub fn routes() -> Routes {
    Routes::new().post("/lang", set_language)
}

#[derive(Deserialize)]
struct LanguageForm {
    lang: String,
    #[serde(default)]
    next: String,
}

/// Remembers the chosen language (in a cookie, and for a signed-in person in
/// their account) and returns to the page the person was on.
async fn set_language(
    State(state): State<AppState>,
    MaybeCaller(caller): MaybeCaller,
    Form(form): Form<LanguageForm>,
) -> Result<Response, AppError> {
    let lang = Lang::parse(&form.lang)
        .ok_or_else(|| AppError::BadRequest("lang must be en or es".into()))?;
    if let Some(caller) = caller {
        let mut tx = state.db.begin_write().await?;
        carryover_store::people::set_language(&mut tx, caller.person.person_id, lang.code())
            .await?;
        carryover_store::commit(tx).await?;
    }
    let cookie = format!("lang={}; Path=/; Max-Age=31536000; SameSite=Lax", lang.code());
    Ok(([(header::SET_COOKIE, cookie)], Redirect::to(local_path(&form.next))).into_response())
}

/// Only paths on this site: never `//elsewhere` or an absolute URL.
pub fn local_path(next: &str) -> &str {
    if next.starts_with('/') && !next.starts_with("//") && !next.contains('\\') {
        next
    } else {
        "/"
    }
}
