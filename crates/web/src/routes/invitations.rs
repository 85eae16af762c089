//! Invitation links: the page that shows a new one (a link and a QR code),
//! and the invitee's side — choosing a password and a language.

use askama::Template;
use axum::{
    Form,
    extract::{Path, State},
    http::{HeaderMap, StatusCode},
    response::{IntoResponse, Response},
};
use carryover_domain::people::Language;
use carryover_ops::{
    OpError,
    invitations::{self, Acceptance, InvitationView, IssuedLink, Purpose},
};
use serde::Deserialize;

use carryover_ops::Operation;

use super::{Routes, login::signed_in_response};
use crate::{
    AppState,
    auth::Meta,
    error::AppError,
    i18n::{Lang, Tr},
    links,
    pages::{self, Chrome, Errors, MessagePage, Page},
};

pub fn routes() -> Routes {
    Routes::new()
        .get("/invite/{token}", show_invitation)
        .calls(Operation::OpenInvitation)
        .post("/invite/{token}", accept_invitation)
        .calls(Operation::AcceptInvitation)
}

#[derive(Template)]
#[template(path = "invitations/show.html")]
pub struct InvitationPage {
    pub t: Tr,
    pub c: Chrome,
    pub headline: String,
    pub link: String,
    pub qr_svg: String,
}

/// The page that shows a link just issued, under `headline`.
pub fn show_link(
    state: &AppState,
    page: Page,
    headers: &HeaderMap,
    issued: &IssuedLink,
    headline: String,
) -> Result<Response, AppError> {
    let link = links::invitation_link(&links::base_url(state, headers), &issued.token);
    let Page { t, c } = page;
    pages::render(&InvitationPage { headline, qr_svg: links::qr_svg(&link)?, link, c, t })
}

#[derive(Template)]
#[template(path = "invitations/accept.html")]
struct AcceptPage {
    t: Tr,
    c: Chrome,
    token: String,
    invitation: InvitationView,
    chosen_lang: String,
    new_email: String,
    errors: Errors,
}

impl AcceptPage {
    fn reset(&self) -> bool {
        self.invitation.purpose == Purpose::Reset
    }
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
    pages::render_with(StatusCode::GONE, &page)
}

async fn show_invitation(
    State(state): State<AppState>,
    t: Tr,
    Path(raw): Path<String>,
) -> Result<Response, AppError> {
    let Some(invitation) = invitations::open(&state.ops, &raw).await? else {
        return link_not_valid(t, &raw);
    };
    let page = AcceptPage {
        c: Chrome::new(None, format!("/invite/{raw}")),
        chosen_lang: t.code().to_owned(),
        token: raw,
        invitation,
        new_email: String::new(),
        errors: Errors::default(),
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
    #[serde(default)]
    new_email: String,
}

async fn accept_invitation(
    State(state): State<AppState>,
    t: Tr,
    Meta(meta): Meta,
    Path(raw): Path<String>,
    Form(form): Form<AcceptForm>,
) -> Result<Response, AppError> {
    let lang = Lang::parse(&form.lang).unwrap_or(t.lang);
    let t = Tr::new(lang, state.catalog.clone());
    let input = Acceptance {
        password: form.password,
        password_confirm: form.password_confirm,
        lang: Language::parse(lang.code()).unwrap_or(Language::En),
        new_email: Some(form.new_email.clone()).filter(|e| !e.trim().is_empty()),
    };
    match invitations::accept(&state.ops, &meta, &raw, input).await {
        Ok(signed_in) => Ok(signed_in_response(&signed_in, "/home").into_response()),
        Err(OpError::NotFound) => link_not_valid(t, &raw),
        Err(error @ (OpError::Invalid(_) | OpError::Conflict { .. })) => {
            let Some(invitation) = invitations::open(&state.ops, &raw).await? else {
                return link_not_valid(t, &raw);
            };
            let page = AcceptPage {
                c: Chrome::new(None, format!("/invite/{raw}")),
                chosen_lang: lang.code().to_owned(),
                errors: Errors::from_fields(&t, error.fields()),
                token: raw,
                invitation,
                new_email: form.new_email,
                t,
            };
            pages::render_with(StatusCode::UNPROCESSABLE_ENTITY, &page)
        }
        Err(other) => Err(other.into()),
    }
}
