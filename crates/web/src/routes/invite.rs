//! Accepting an invitation: the invitee sets their own password and language.

use axum::{
    Form,
    extract::{Path, State},
    http::StatusCode,
    response::{IntoResponse, Response},
};
use carryover_domain::{audit::AuditAction, password};
use carryover_store::{
    audit,
    invitation::{self, Purpose},
    people, session as stored_session,
};
use serde::Deserialize;

use super::Routes;
use super::login::signed_in_response;
use crate::{
    AppState,
    auth::{AuditCtx, session, token},
    error::AppError,
    i18n::{Lang, Tr},
    pages::{self, Chrome, InviteAcceptPage, MessagePage},
};

pub fn routes() -> Routes {
    Routes::new().get("/invite/{token}", show_invitation).post("/invite/{token}", accept_invitation)
}

fn link_not_valid(t: Tr, raw: &str) -> Result<Response, AppError> {
    let page = MessagePage {
        title: t.get("invite-invalid-title"),
        message: t.get("invite-invalid"),
        link_href: "/login".into(),
        link_text: t.get("nav-sign-in"),
        c: Chrome::new(None, format!("/invite/{raw}")),
        t,
    };
    let mut response = pages::render(&page)?;
    *response.status_mut() = StatusCode::GONE;
    Ok(response)
}

async fn show_invitation(
    State(state): State<AppState>,
    t: Tr,
    Path(raw): Path<String>,
) -> Result<Response, AppError> {
    let found = if token::looks_like_token(&raw) {
        let mut conn = state.db.read_conn().await?;
        invitation::open_invitation(&mut conn, &token::hash_token(&raw), state.clock.now()).await?
    } else {
        None
    };
    let Some(found) = found else {
        return link_not_valid(t, &raw);
    };
    let page = InviteAcceptPage {
        c: Chrome::new(None, format!("/invite/{raw}")),
        name: found.person.display_name,
        email: found.person.email,
        reset: found.purpose == Purpose::Reset,
        chosen_lang: t.code().to_owned(),
        token: raw,
        password_error: None,
        confirm_error: None,
        t,
    };
    pages::render(&page)
}

#[derive(Deserialize)]
struct AcceptForm {
    #[serde(default)]
    password: String,
    #[serde(default)]
    password_confirm: String,
    #[serde(default)]
    lang: String,
}

async fn accept_invitation(
    State(state): State<AppState>,
    t: Tr,
    ctx: AuditCtx,
    Path(raw): Path<String>,
    Form(form): Form<AcceptForm>,
) -> Result<Response, AppError> {
    if !token::looks_like_token(&raw) {
        return link_not_valid(t, &raw);
    }
    let token_hash = token::hash_token(&raw);
    let now = state.clock.now();
    let found =
        invitation::open_invitation(&mut *state.db.read_conn().await?, &token_hash, now).await?;
    let Some(found) = found else {
        return link_not_valid(t, &raw);
    };
    let lang = Lang::parse(&form.lang).unwrap_or(t.lang);
    let t = Tr::new(lang, state.catalog.clone());
    let personal = [found.person.display_name.as_str(), found.person.email.as_str()];
    let password_error =
        password::check(&form.password, &personal).err().map(|p| t.get(p.message_key()));
    let confirm_error = (password_error.is_none() && form.password != form.password_confirm)
        .then(|| t.get("accept-mismatch"));
    if password_error.is_some() || confirm_error.is_some() {
        let page = InviteAcceptPage {
            c: Chrome::new(None, format!("/invite/{raw}")),
            name: found.person.display_name,
            email: found.person.email,
            reset: found.purpose == Purpose::Reset,
            chosen_lang: lang.code().to_owned(),
            token: raw,
            password_error,
            confirm_error,
            t,
        };
        let mut response = pages::render(&page)?;
        *response.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
        return Ok(response);
    }
    // Hash before taking the write lock: Argon2 is slow on purpose.
    let hash = state.passwords.hash_blocking(form.password).await?;
    let mut tx = state.db.begin_write().await?;
    // Checked again inside the transaction: two tabs may race for one link.
    let still_open = invitation::open_invitation(&mut tx, &token_hash, now).await?;
    let Some(found) = still_open.filter(|f| f.invitation_id == found.invitation_id) else {
        return link_not_valid(t, &raw);
    };
    if !invitation::use_invitation(&mut tx, found.invitation_id, now).await? {
        return link_not_valid(t, &raw);
    }
    let mut person = found.person;
    people::set_password(&mut tx, person.person_id, &hash).await?;
    people::set_language(&mut tx, person.person_id, lang.code()).await?;
    person.lang = lang.code().to_owned();
    // A new password ends every session the old one opened.
    stored_session::end_all_sessions(&mut tx, person.person_id, now).await?;
    let token = session::start(&mut tx, &person, now).await?;
    let actor = AuditCtx { actor: Some(person.clone()), ..ctx };
    let event =
        actor.event(AuditAction::SignIn, "invitation", Some(found.invitation_id.to_string()), None);
    audit::append(&mut tx, &event, now).await?;
    carryover_store::commit(tx).await?;
    Ok(signed_in_response(&token, &person, "/home").into_response())
}
