use axum::{
    Form,
    extract::State,
    http::header,
    response::{IntoResponse, Redirect, Response},
};
use carryover_domain::people::Language;
use carryover_ops::account;
use serde::Deserialize;

use carryover_ops::Operation;

use super::{MaybeCaller, Routes};
use crate::{AppState, error::AppError, i18n::Lang};

pub fn routes() -> Routes {
    Routes::new().post("/lang", set_language).calls(Operation::SetLanguage)
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
    if let (Some(caller), Some(language)) = (caller, Language::parse(lang.code())) {
        account::set_language(&state.ops, &caller.who, language).await?;
    }
    let cookie = format!("lang={}; Path=/; Max-Age=31536000; SameSite=Lax", lang.code());
    Ok(([(header::SET_COOKIE, cookie)], Redirect::to(local_path(&form.next))).into_response())
}

/// A path on this site to send someone back to, or `/`. Only a plain path of
/// safe characters passes: never `//elsewhere`, a backslash, a tab or a
/// newline (browsers drop tabs and newlines and may then read `/\t/evil`
/// as `//evil`), nor an absolute URL.
pub fn local_path(next: &str) -> &str {
    let safe = |b: u8| {
        b.is_ascii_alphanumeric()
            || matches!(b, b'/' | b'-' | b'_' | b'.' | b'~' | b'?' | b'=' | b'&' | b'%')
    };
    let ok = next.starts_with('/')
        && !next.starts_with("//")
        && next.len() <= 512
        && next.bytes().all(safe)
        && !next.to_ascii_lowercase().contains("%2f%2f")
        && !next.contains("/%09")
        && !next.contains("%5c");
    if ok { next } else { "/" }
}

#[cfg(test)]
mod tests {
    use super::local_path;

    #[test]
    fn only_plain_paths_of_this_site_are_returned_to() {
        for good in ["/", "/home", "/children/abc?tab=plan", "/login?next=%2Fhome"] {
            assert_eq!(local_path(good), good);
        }
        for bad in [
            "//evil.example",
            "https://evil.example",
            "/\\evil.example",
            "/\t/evil.example",
            "/%09/evil.example",
            "/\n/x",
            "/%5cevil.example",
            "evil",
            "",
        ] {
            assert_eq!(local_path(bad), "/", "{bad:?}");
        }
    }
}
