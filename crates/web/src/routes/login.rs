//! Signing in and out.

use askama::Template;
use axum::{
    Form,
    extract::{Query, State},
    http::{HeaderMap, HeaderValue, StatusCode, header},
    response::{IntoResponse, Redirect, Response},
};
use carryover_ops::{
    OpError,
    auth::{self, SignedIn},
};
use serde::Deserialize;

use carryover_ops::Operation;

use super::{MaybeCaller, Routes, lang::local_path};
use crate::{
    AppState,
    auth::{Caller, Credential, Meta, cookies},
    error::AppError,
    i18n::{Lang, Tr},
    pages::{self, Chrome},
};

pub fn routes() -> Routes {
    Routes::new()
        .get("/login", show_login)
        .post("/login", sign_in)
        .calls(Operation::SignIn)
        .post("/logout", sign_out)
        .calls(Operation::SignOut)
}

#[derive(Template)]
#[template(path = "auth/login.html")]
struct LoginPage {
    t: Tr,
    c: Chrome,
    email: String,
    next: String,
    error: Option<String>,
}

#[derive(Deserialize)]
struct NextQuery {
    next: Option<String>,
}

async fn show_login(
    t: Tr,
    MaybeCaller(caller): MaybeCaller,
    Query(q): Query<NextQuery>,
) -> Result<Response, AppError> {
    if caller.is_some() {
        return Ok(Redirect::to("/home").into_response());
    }
    let next = local_path(q.next.as_deref().unwrap_or("/home")).to_owned();
    let page =
        LoginPage { t, c: Chrome::new(None, "/login"), email: String::new(), next, error: None };
    pages::render(&page)
}

#[derive(Deserialize)]
struct SignInForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    next: String,
}

async fn sign_in(
    State(state): State<AppState>,
    t: Tr,
    Meta(meta): Meta,
    Form(form): Form<SignInForm>,
) -> Result<Response, AppError> {
    let next = local_path(&form.next).to_owned();
    let refuse = |t: Tr, status: StatusCode, key: &str, wait: Option<u64>| {
        let minutes = wait.map(|s| s.div_ceil(60).max(1)).unwrap_or(1);
        let error = Some(t.with(key, &[("minutes", minutes.into())]));
        let email = form.email.trim().to_owned();
        let page =
            LoginPage { t, c: Chrome::new(None, "/login"), email, next: next.clone(), error };
        let mut response = pages::render_with(status, &page)?;
        if let Some(seconds) = wait
            && let Ok(value) = HeaderValue::from_str(&seconds.to_string())
        {
            response.headers_mut().insert(header::RETRY_AFTER, value);
        }
        Ok(response)
    };
    match auth::sign_in(&state.ops, &meta, &form.email, form.password.clone()).await {
        Ok(signed_in) => {
            let target = if next == "/" || next.starts_with("/login") { "/home" } else { &next };
            Ok(signed_in_response(&signed_in, target))
        }
        Err(OpError::Unauthorized) => refuse(t, StatusCode::UNAUTHORIZED, "login-failed", None),
        Err(OpError::Throttled { retry_after_secs }) => {
            refuse(t, StatusCode::TOO_MANY_REQUESTS, "login-wait", Some(retry_after_secs))
        }
        Err(other) => Err(other.into()),
    }
}

/// The answer to a new session: its cookie, the person's language for pages
/// rendered before the session is read, and a redirect.
pub fn signed_in_response(signed_in: &SignedIn, target: &str) -> Response {
    // The password step of a person with a second factor: its cookie opens
    // nothing until the code step.
    let code_step;
    let target = if signed_in.awaiting_code {
        code_step = format!("/login/code?next={}", crate::auth::encode_query_value(target));
        code_step.as_str()
    } else {
        target
    };
    let mut response = Redirect::to(target).into_response();
    let headers: &mut HeaderMap = response.headers_mut();
    headers
        .append(header::SET_COOKIE, cookies::set_session(&signed_in.cookie, signed_in.person.role));
    let lang = Lang::parse(&signed_in.person.lang).unwrap_or(Lang::En).code();
    if let Ok(value) =
        HeaderValue::from_str(&format!("lang={lang}; Path=/; Max-Age=31536000; SameSite=Lax"))
    {
        headers.append(header::SET_COOKIE, value);
    }
    response
}

async fn sign_out(State(state): State<AppState>, caller: Caller) -> Result<Response, AppError> {
    if let Credential::Session(key) = &caller.credential {
        auth::sign_out(&state.ops, &caller.who, key).await?;
    }
    let mut response = Redirect::to("/login").into_response();
    response.headers_mut().append(header::SET_COOKIE, cookies::clear_session());
    Ok(response)
}
