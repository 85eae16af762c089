//! A person changes their own password; every other session of theirs ends.

use axum::{
    Form,
    extract::State,
    http::StatusCode,
    response::{IntoResponse, Response},
};
use carryover_domain::{audit::AuditAction, password};
use carryover_store::{audit, people, session as stored_session};
use serde::Deserialize;

use super::Routes;
use super::login::signed_in_response;
use crate::{
    AppState,
    auth::{AuditCtx, Caller, session},
    error::AppError,
    i18n::Tr,
    pages::{self, Chrome, PasswordPage},
};

pub fn routes() -> Routes {
    Routes::new()
        .get("/account/password", show_password_form)
        .post("/account/password", change_password)
}

fn page(t: Tr, caller: &Caller) -> PasswordPage {
    PasswordPage {
        c: Chrome::new(Some(caller), "/account/password"),
        email: caller.person.email.clone(),
        notice: None,
        current_error: None,
        password_error: None,
        confirm_error: None,
        t,
    }
}

#[derive(serde::Deserialize)]
struct Done {
    done: Option<String>,
}

async fn show_password_form(
    t: Tr,
    caller: Caller,
    axum::extract::Query(q): axum::extract::Query<Done>,
) -> Result<Response, AppError> {
    let mut page = page(t, &caller);
    if q.done.is_some() {
        page.notice = Some(page.t.get("password-changed"));
    }
    pages::render(&page)
}

#[derive(Deserialize)]
struct PasswordForm {
    #[serde(default)]
    current: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    password_confirm: String,
}

async fn change_password(
    State(state): State<AppState>,
    t: Tr,
    caller: Caller,
    ctx: AuditCtx,
    Form(form): Form<PasswordForm>,
) -> Result<Response, AppError> {
    let stored =
        people::person_by_email(&mut *state.db.read_conn().await?, &caller.person.email).await?;
    let current_ok =
        state.passwords.verify_blocking(form.current, stored.and_then(|(_, h)| h)).await;
    let person = &caller.person;
    let mut failed = page(t.clone(), &caller);
    if !current_ok {
        failed.current_error = Some(t.get("password-current-wrong"));
    } else if let Err(problem) =
        password::check(&form.password, &[&person.display_name, &person.email])
    {
        failed.password_error = Some(t.get(problem.message_key()));
    } else if form.password != form.password_confirm {
        failed.confirm_error = Some(t.get("accept-mismatch"));
    } else {
        let hash = state.passwords.hash_blocking(form.password).await?;
        let now = state.clock.now();
        let mut tx = state.db.begin_write().await?;
        people::set_password(&mut tx, person.person_id, &hash).await?;
        stored_session::end_all_sessions(&mut tx, person.person_id, now).await?;
        let token = session::start(&mut tx, person, now).await?;
        audit::append(
            &mut tx,
            &ctx.event(AuditAction::Update, "person", Some(person.person_id.to_string()), None),
            now,
        )
        .await?;
        carryover_store::commit(tx).await?;
        return Ok(signed_in_response(&token, person, "/account/password?done=1").into_response());
    }
    let mut response = pages::render(&failed)?;
    *response.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
    Ok(response)
}
