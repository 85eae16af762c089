use axum::{
    Form,
    extract::{Query, State},
    http::{HeaderMap, HeaderValue, StatusCode, header},
    response::{IntoResponse, Redirect, Response},
};
use carryover_domain::{audit::AuditAction, email::Email};
use carryover_store::{
    audit::{self, Outcome},
    people::{self, Person},
    session as stored_session,
};
use serde::Deserialize;

use super::Routes;
use super::{MaybeCaller, lang::local_path};
use crate::{
    AppState,
    auth::{AuditCtx, Caller, session, throttle},
    error::AppError,
    i18n::{Lang, Tr},
    pages::{self, Chrome, LoginPage},
};

pub fn routes() -> Routes {
    Routes::new().get("/login", show_login).post("/login", sign_in).post("/logout", sign_out)
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
    ctx: AuditCtx,
    Form(form): Form<SignInForm>,
) -> Result<Response, AppError> {
    let now = state.clock.now();
    let email = Email::parse(&form.email)
        .map(|e| e.as_str().to_owned())
        .unwrap_or_else(|| form.email.trim().to_lowercase());
    let account_key = throttle::account_key(&email);
    let address_key = throttle::address_key(ctx.client_addr.as_deref().unwrap_or("unknown"));
    let next = local_path(&form.next).to_owned();
    let refuse = |t: Tr, message_key: &str, wait: Option<u64>| -> Result<Response, AppError> {
        let minutes = wait.map(|s| s.div_ceil(60).max(1)).unwrap_or(1);
        let error = Some(t.with(message_key, &[("minutes", minutes.into())]));
        let page = LoginPage {
            t,
            c: Chrome::new(None, "/login"),
            email: email.clone(),
            next: next.clone(),
            error,
        };
        let mut response = pages::render(&page)?;
        if let Some(seconds) = wait {
            *response.status_mut() = StatusCode::TOO_MANY_REQUESTS;
            if let Ok(value) = HeaderValue::from_str(&seconds.to_string()) {
                response.headers_mut().insert(header::RETRY_AFTER, value);
            }
        } else {
            *response.status_mut() = StatusCode::UNAUTHORIZED;
        }
        Ok(response)
    };

    let (address_wait, account_wait, found) = {
        let mut conn = state.db.read_conn().await?;
        (
            throttle::blocked(&mut conn, &address_key, now).await?,
            throttle::blocked(&mut conn, &account_key, now).await?,
            people::person_by_email(&mut conn, &email).await?,
        )
    };
    if let Some(wait) = address_wait.or(account_wait) {
        record_failure(&state, &ctx, found.as_ref().map(|f| &f.0), None).await?;
        return refuse(t, "login-wait", Some(wait));
    }
    let stored_hash =
        found.as_ref().filter(|(p, _)| p.is_active).and_then(|(_, hash)| hash.clone());
    let matches = state.passwords.verify_blocking(form.password, stored_hash).await;
    let person = match (matches, found) {
        (true, Some((person, _))) => person,
        (_, found) => {
            let keys = Some((account_key.as_str(), address_key.as_str()));
            let wait = record_failure(&state, &ctx, found.as_ref().map(|f| &f.0), keys).await?;
            return refuse(t, if wait.is_some() { "login-wait" } else { "login-failed" }, wait);
        }
    };

    let mut tx = state.db.begin_write().await?;
    throttle::succeeded(&mut tx, &account_key).await?;
    let token = session::start(&mut tx, &person, now).await?;
    let signed_in = AuditCtx { actor: Some(person.clone()), ..ctx };
    audit::append(&mut tx, &signed_in.event(AuditAction::SignIn, "session", None, None), now)
        .await?;
    carryover_store::commit(tx).await?;
    let target = if next == "/" || next.starts_with("/login") { "/home".to_owned() } else { next };
    Ok(signed_in_response(&token, &person, &target))
}

/// The answer to a successful sign-in: the new session cookie, the person's
/// language for pages rendered before the session is read, and a redirect.
pub fn signed_in_response(token: &str, person: &Person, target: &str) -> Response {
    let mut response = Redirect::to(target).into_response();
    let headers: &mut HeaderMap = response.headers_mut();
    headers.append(header::SET_COOKIE, session::set_cookie(token, person));
    let lang = Lang::parse(&person.lang).unwrap_or(Lang::En).code();
    if let Ok(value) =
        HeaderValue::from_str(&format!("lang={lang}; Path=/; Max-Age=31536000; SameSite=Lax"))
    {
        headers.append(header::SET_COOKIE, value);
    }
    response
}

/// Audits a failed sign-in and, unless the attempt was refused unseen, counts
/// it against the account and the address. Returns the wait now in force.
async fn record_failure(
    state: &AppState,
    ctx: &AuditCtx,
    person: Option<&Person>,
    keys: Option<(&str, &str)>,
) -> Result<Option<u64>, AppError> {
    let now = state.clock.now();
    let mut tx = state.db.begin_write().await?;
    let mut wait = None;
    if let Some((account, address)) = keys {
        let account_wait = throttle::account_failed(&mut tx, account, now).await?;
        let address_wait = throttle::address_failed(&mut tx, address, now).await?;
        wait = account_wait.max(address_wait);
    }
    let mut event = ctx.event(
        AuditAction::FailedSignIn,
        "person",
        person.map(|p| p.person_id.to_string()),
        None,
    );
    event.clinic_id = person.map(|p| p.clinic_id);
    event.outcome = if keys.is_some() { Outcome::Failure } else { Outcome::Denied };
    audit::append(&mut tx, &event, now).await?;
    carryover_store::commit(tx).await?;
    Ok(wait)
}

async fn sign_out(
    State(state): State<AppState>,
    caller: Caller,
    ctx: AuditCtx,
) -> Result<Response, AppError> {
    let now = state.clock.now();
    let mut tx = state.db.begin_write().await?;
    stored_session::end_session(&mut tx, &caller.session_hash, now).await?;
    audit::append(&mut tx, &ctx.event(AuditAction::SignOut, "session", None, None), now).await?;
    carryover_store::commit(tx).await?;
    let mut response = Redirect::to("/login").into_response();
    response.headers_mut().append(header::SET_COOKIE, session::clear_cookie());
    Ok(response)
}
