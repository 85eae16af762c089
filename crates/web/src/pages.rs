//! One struct per page. Each carries the request's translations `t` and the
//! page chrome `c` (who is signed in, where the language switcher returns).

use std::collections::HashMap;

use askama::Template;
use axum::response::{Html, IntoResponse, Response};
use carryover_domain::people::Role;
use carryover_store::children::{ChildRecord, ChildSummary};

use crate::{auth::Caller, error::AppError, i18n::Tr};

/// Renders a page, turning a template failure into a logged 500.
pub fn render<T: Template>(page: &T) -> Result<Response, AppError> {
    let html = page.render().map_err(|e| AppError::Internal(anyhow::Error::new(e)))?;
    Ok(Html(html).into_response())
}

/// What the layout around every page needs.
#[derive(Clone, Debug, Default)]
pub struct Chrome {
    /// The page the language switcher returns to: a GET page.
    pub lang_next: String,
    /// The signed-in person's name.
    pub user: Option<String>,
    pub is_admin: bool,
}

impl Chrome {
    pub fn new(caller: Option<&Caller>, lang_next: impl Into<String>) -> Chrome {
        Chrome {
            lang_next: lang_next.into(),
            user: caller.map(|c| c.person.display_name.clone()),
            is_admin: caller.is_some_and(|c| c.person.role == Role::Admin),
        }
    }
}

#[derive(Template)]
#[template(path = "landing.html")]
pub struct LandingPage {
    pub t: Tr,
    pub c: Chrome,
}

#[derive(Template)]
#[template(path = "home.html")]
pub struct HomePage {
    pub t: Tr,
    pub c: Chrome,
    pub is_caregiver: bool,
    pub is_admin: bool,
    pub children: Vec<ChildSummary>,
}

#[derive(Template)]
#[template(path = "error.html")]
pub struct ErrorPage {
    pub t: Tr,
    pub c: Chrome,
    pub status: u16,
    pub message: String,
}

impl ErrorPage {
    pub fn render_or_plain(&self) -> String {
        self.render().unwrap_or_else(|e| {
            tracing::error!(error = %e, "error page failed to render");
            self.message.clone()
        })
    }
}

/// A page with one message and one link: used, expired and invalid links.
#[derive(Template)]
#[template(path = "message.html")]
pub struct MessagePage {
    pub t: Tr,
    pub c: Chrome,
    pub title: String,
    pub message: String,
    pub link_href: String,
    pub link_text: String,
}

#[derive(Template)]
#[template(path = "login.html")]
pub struct LoginPage {
    pub t: Tr,
    pub c: Chrome,
    pub email: String,
    pub next: String,
    pub error: Option<String>,
}

#[derive(Clone, Debug, Default, serde::Deserialize)]
pub struct HouseholdForm {
    #[serde(default)]
    pub child_name: String,
    #[serde(default)]
    pub caregiver_name: String,
    #[serde(default)]
    pub caregiver_email: String,
    #[serde(default)]
    pub relationship: String,
    #[serde(default)]
    pub access: String,
}

#[derive(Template)]
#[template(path = "household_new.html")]
pub struct HouseholdNewPage {
    pub t: Tr,
    pub c: Chrome,
    pub form: HouseholdForm,
    pub errors: HashMap<&'static str, String>,
    /// (value, label) pairs for the relationship choice.
    pub relationships: Vec<(&'static str, String)>,
}

#[derive(Template)]
#[template(path = "caregiver_new.html")]
pub struct CaregiverNewPage {
    pub t: Tr,
    pub c: Chrome,
    pub child_id: String,
    pub child_name: String,
    /// Only the caregiver fields are used.
    pub form: HouseholdForm,
    pub errors: HashMap<&'static str, String>,
    pub relationships: Vec<(&'static str, String)>,
}

#[derive(Template)]
#[template(path = "invitation.html")]
pub struct InvitationPage {
    pub t: Tr,
    pub c: Chrome,
    pub headline: String,
    pub link: String,
    pub qr_svg: String,
}

#[derive(Template)]
#[template(path = "invite_accept.html")]
pub struct InviteAcceptPage {
    pub t: Tr,
    pub c: Chrome,
    pub token: String,
    pub name: String,
    pub email: String,
    pub reset: bool,
    pub chosen_lang: String,
    pub password_error: Option<String>,
    pub confirm_error: Option<String>,
}

#[derive(Template)]
#[template(path = "password.html")]
pub struct PasswordPage {
    pub t: Tr,
    pub c: Chrome,
    pub email: String,
    pub notice: Option<String>,
    pub current_error: Option<String>,
    pub password_error: Option<String>,
    pub confirm_error: Option<String>,
}

#[derive(Template)]
#[template(path = "child.html")]
pub struct ChildPage {
    pub t: Tr,
    pub c: Chrome,
    pub child: ChildRecord,
    /// False for helpers: no notes, no household details.
    pub full_record: bool,
    pub is_guardian: bool,
    pub is_admin: bool,
    /// The care team and admins may invite another caregiver.
    pub can_invite: bool,
    /// (name, relationship, access), translated.
    pub caregivers: Vec<(String, String, String)>,
    pub care_team: Vec<(String, bool)>,
}

/// One row of an audit table, in words.
#[derive(Clone, Debug)]
pub struct AuditRow {
    pub when: String,
    pub who: String,
    pub what: String,
    pub child: String,
}

#[derive(Template)]
#[template(path = "audit.html")]
pub struct AuditPage {
    pub t: Tr,
    pub c: Chrome,
    pub title: String,
    pub lead: String,
    pub csv_href: Option<String>,
    pub show_child: bool,
    pub rows: Vec<AuditRow>,
}

#[derive(Clone, Debug)]
pub struct PersonRow {
    pub id: String,
    pub name: String,
    pub email: String,
    pub role: String,
    pub status: String,
    pub active: bool,
    pub is_me: bool,
}

#[derive(Template)]
#[template(path = "people.html")]
pub struct PeoplePage {
    pub t: Tr,
    pub c: Chrome,
    pub people: Vec<PersonRow>,
    pub notice: Option<String>,
    pub form_error: Option<String>,
}
