//! Two-step sign-in: enrolling an authenticator app on the account page,
//! the code step after the password, and an admin's reset for a lost phone.

use askama::Template;
use axum::{
    Form,
    extract::{Path, Query, State},
    http::{HeaderMap, StatusCode, header},
    response::{IntoResponse, Redirect, Response},
};
use carryover_ops::{
    OpError,
    two_factor::{self, Enrolment, Status},
};
use serde::Deserialize;
use uuid::Uuid;

use super::{Routes, lang::local_path, login::signed_in_response};
use crate::{
    AppState,
    auth::{Caller, Meta, cookies},
    error::AppError,
    i18n::Tr,
    links,
    pages::{self, Chrome, Errors, MessagePage, Page, form_errors},
};

pub fn routes() -> Routes {
    Routes::new()
        .get("/login/code", show_code_step)
        .post("/login/code", check_code)
        .get("/account/two-factor", show_status)
        .post("/account/two-factor/start", start_enrolment)
        .post("/account/two-factor/confirm", confirm_enrolment)
        .post("/admin/people/{person_id}/two-factor/reset", reset_for_person)
}

/// `t.get("code-wrong")`: the message for a wrong or used code.
const CODE_WRONG: &str = "code-wrong";

#[derive(Template)]
#[template(path = "auth/code.html")]
struct CodePage {
    t: Tr,
    c: Chrome,
    /// Says whose sign-in this is.
    lead: String,
    next: String,
    error: Option<String>,
}

#[derive(Deserialize)]
struct NextQuery {
    next: Option<String>,
}

async fn show_code_step(
    State(state): State<AppState>,
    page: Page,
    headers: HeaderMap,
    Query(q): Query<NextQuery>,
) -> Result<Response, AppError> {
    let waiting = match cookies::session_from(&headers) {
        Some(cookie) => two_factor::awaiting_code(&state.ops, &cookie).await?,
        None => None,
    };
    let Some(name) = waiting else { return expired(page) };
    let next = local_path(q.next.as_deref().unwrap_or("/home")).to_owned();
    let Page { t, c } = page;
    let lead = t.with_name("code-lead", &name);
    pages::render(&CodePage { t, c, lead, next, error: None })
}

#[derive(Deserialize)]
struct CodeForm {
    #[serde(default)]
    code: String,
    #[serde(default)]
    next: String,
}

async fn check_code(
    State(state): State<AppState>,
    page: Page,
    Meta(meta): Meta,
    headers: HeaderMap,
    Form(form): Form<CodeForm>,
) -> Result<Response, AppError> {
    let next = local_path(&form.next).to_owned();
    let Some(cookie) = cookies::session_from(&headers) else { return expired(page) };
    let (status, key, wait) = match two_factor::sign_in_code(&state.ops, &meta, &cookie, &form.code)
        .await
    {
        Ok(signed_in) => {
            let target = if next == "/" || next.starts_with("/login") { "/home" } else { &next };
            return Ok(signed_in_response(&signed_in, target));
        }
        Err(OpError::NotFound) => return expired(page),
        Err(OpError::Invalid(_)) => (StatusCode::UNPROCESSABLE_ENTITY, CODE_WRONG, None),
        Err(OpError::Throttled { retry_after_secs }) => {
            (StatusCode::TOO_MANY_REQUESTS, "login-wait", Some(retry_after_secs))
        }
        Err(other) => return Err(other.into()),
    };
    let name = two_factor::awaiting_code(&state.ops, &cookie).await?.unwrap_or_default();
    let Page { t, c } = page.back_to("/login");
    let minutes = wait.map(|s| s.div_ceil(60).max(1)).unwrap_or(1);
    let error = Some(t.with(key, &[("minutes", minutes.into())]));
    let lead = t.with_name("code-lead", &name);
    let mut response = pages::render_with(status, &CodePage { t, c, lead, next, error })?;
    if let Some(seconds) = wait
        && let Ok(value) = header::HeaderValue::from_str(&seconds.to_string())
    {
        response.headers_mut().insert(header::RETRY_AFTER, value);
    }
    Ok(response)
}

/// No password step waits for a code here (it took longer than five
/// minutes, or never happened): start again.
fn expired(page: Page) -> Result<Response, AppError> {
    let Page { t, c } = page.back_to("/login");
    pages::render(&MessagePage {
        title: t.get("code-expired-title"),
        message: t.get("code-expired"),
        link_href: "/login".into(),
        link_text: t.get("login-title"),
        t,
        c,
    })
}

#[derive(Template)]
#[template(path = "account/two_factor.html")]
struct StatusPage {
    t: Tr,
    c: Chrome,
    status: Status,
    codes_left: String,
    notice: Option<String>,
}

#[derive(Deserialize)]
struct Done {
    done: Option<String>,
}

async fn show_status(
    State(state): State<AppState>,
    page: Page,
    caller: Caller,
    Query(q): Query<Done>,
) -> Result<Response, AppError> {
    let status = two_factor::status(&state.ops, &caller.who).await?;
    let Page { t, c } = page;
    let notice = q.done.is_some().then(|| t.get("two-factor-already"));
    let codes_left =
        t.with("two-factor-codes-left", &[("count", status.recovery_codes_left.into())]);
    pages::render(&StatusPage { t, c, status, codes_left, notice })
}

#[derive(Template)]
#[template(path = "account/enrol.html")]
struct EnrolPage {
    t: Tr,
    c: Chrome,
    secret: String,
    qr_svg: String,
    errors: Errors,
}

fn enrol_page(page: Page, enrolment: Enrolment, errors: Errors) -> Result<EnrolPage, AppError> {
    let Page { t, c } = page.back_to("/account/two-factor");
    let qr_svg = links::qr_svg(&enrolment.otpauth_uri)?;
    let secret = spaced(&enrolment.secret);
    Ok(EnrolPage { t, c, secret, qr_svg, errors })
}

/// The secret in groups of four, easier to type into an app by hand.
fn spaced(secret: &str) -> String {
    let chars: Vec<char> = secret.chars().collect();
    chars.chunks(4).map(|c| c.iter().collect::<String>()).collect::<Vec<_>>().join(" ")
}

async fn start_enrolment(
    State(state): State<AppState>,
    page: Page,
    caller: Caller,
) -> Result<Response, AppError> {
    match two_factor::start_enrolment(&state.ops, &caller.who).await {
        Ok(enrolment) => pages::render(&enrol_page(page, enrolment, Errors::default())?),
        Err(OpError::Conflict { .. }) => {
            Ok(Redirect::to("/account/two-factor?done=1").into_response())
        }
        Err(other) => Err(other.into()),
    }
}

#[derive(Template)]
#[template(path = "account/recovery_codes.html")]
struct RecoveryCodesPage {
    t: Tr,
    c: Chrome,
    codes: Vec<String>,
}

#[derive(Deserialize)]
struct ConfirmForm {
    #[serde(default)]
    code: String,
}

async fn confirm_enrolment(
    State(state): State<AppState>,
    page: Page,
    caller: Caller,
    Form(form): Form<ConfirmForm>,
) -> Result<Response, AppError> {
    match two_factor::confirm_enrolment(&state.ops, &caller.who, &form.code).await {
        Ok(confirmed) => {
            let Page { t, c } = page.back_to("/account/two-factor");
            let codes = confirmed.recovery_codes;
            let mut response = pages::render(&RecoveryCodesPage { t, c, codes })?;
            let cookie = cookies::set_session(&confirmed.cookie, caller.person.role);
            response.headers_mut().append(header::SET_COOKIE, cookie);
            Ok(response)
        }
        Err(OpError::NotFound) => Ok(Redirect::to("/account/two-factor").into_response()),
        Err(error) => {
            let errors = form_errors(&page.t, error)?;
            let enrolment = two_factor::pending_enrolment(&state.ops, &caller.who).await?;
            let page = enrol_page(page, enrolment, errors)?;
            pages::render_with(StatusCode::UNPROCESSABLE_ENTITY, &page)
        }
    }
}

async fn reset_for_person(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let person_id = Uuid::parse_str(&id).map_err(|_| AppError::NotFound)?;
    two_factor::reset(&state.ops, &caller.who, person_id).await?;
    Ok(Redirect::to("/admin/people?done=two-factor-reset").into_response())
}
