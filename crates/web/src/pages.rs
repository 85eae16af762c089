//! What every page needs, built in one place: the request's translations
//! `t` and the page chrome `c` (who is signed in, their menu, where the
//! language switcher returns). Page structs live beside their handlers and
//! hold view models; this module holds the shared pieces.

use std::collections::BTreeMap;

use askama::Template;
use axum::{
    extract::FromRequestParts,
    http::{Method, StatusCode, request::Parts},
    response::{Html, IntoResponse, Response},
};
use carryover_domain::people::Role;
use carryover_ops::{FieldError, OpError};

use crate::{
    AppState,
    auth::Caller,
    error::AppError,
    i18n::{Lang, Tr},
    routes::local_path,
};

/// Renders a page, turning a template failure into a logged 500.
pub fn render<T: Template>(page: &T) -> Result<Response, AppError> {
    let html = page.render().map_err(|e| AppError::Internal(anyhow::Error::new(e)))?;
    Ok(Html(html).into_response())
}

/// Renders a page with a status other than 200 (a form shown again, say).
pub fn render_with<T: Template>(status: StatusCode, page: &T) -> Result<Response, AppError> {
    let mut response = render(page)?;
    *response.status_mut() = status;
    Ok(response)
}

/// What the layout around every page needs.
#[derive(Clone, Debug, Default)]
pub struct Chrome {
    /// The page the language switcher returns to: a GET page.
    pub lang_next: String,
    /// The signed-in person's name.
    pub user: Option<String>,
    pub is_admin: bool,
    pub is_staff: bool,
}

impl Chrome {
    pub fn new(caller: Option<&Caller>, lang_next: impl Into<String>) -> Chrome {
        let role = caller.map(|c| c.who.actor.role());
        Chrome {
            lang_next: lang_next.into(),
            user: caller.map(|c| c.person.display_name.clone()),
            is_admin: role == Some(Role::Admin),
            is_staff: role.is_some_and(Role::is_staff),
        }
    }
}

/// The two things every page struct starts with, from the request.
#[derive(Clone, Debug)]
pub struct Page {
    pub t: Tr,
    pub c: Chrome,
}

impl Page {
    /// Where the language switcher should return when this request is not a
    /// page of its own (a form post shown again).
    pub fn back_to(mut self, path: impl Into<String>) -> Page {
        self.c.lang_next = path.into();
        self
    }

    pub fn lang(&self) -> Lang {
        self.t.lang
    }
}

impl FromRequestParts<AppState> for Page {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let t = Tr::from_request_parts(parts, state).await?;
        let caller = parts.extensions.get::<Caller>();
        let here = if parts.method == Method::GET {
            local_path(parts.uri.path()).to_owned()
        } else if caller.is_some() {
            "/home".to_owned()
        } else {
            "/".to_owned()
        };
        Ok(Page { c: Chrome::new(caller, here), t })
    }
}

/// Messages next to the fields an operation refused, by field name.
#[derive(Clone, Debug, Default)]
pub struct Errors(BTreeMap<&'static str, String>);

impl Errors {
    pub fn from_fields(t: &Tr, fields: &[FieldError]) -> Errors {
        Errors(fields.iter().map(|f| (f.field, problem_message(t, f))).collect())
    }

    pub fn get(&self, field: &str) -> Option<&String> {
        self.0.get(field)
    }

    pub fn contains_key(&self, field: &str) -> bool {
        self.0.contains_key(field)
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Every message, for a page whose only fields are buttons.
    pub fn messages(&self) -> Vec<String> {
        self.0.values().cloned().collect()
    }

    /// Messages for fields the form does not show, to put above it.
    pub fn others(&self, shown: &[&str]) -> Vec<String> {
        self.0.iter().filter(|(f, _)| !shown.contains(f)).map(|(_, m)| m.clone()).collect()
    }
}

/// The sentence for one refused field.
pub fn problem_message(t: &Tr, field: &FieldError) -> String {
    t.get(&format!("problem-{}", field.code.as_str()))
}

/// Field errors of an operation to show on its form again; any other error
/// goes up to the error renderer.
pub fn form_errors(t: &Tr, error: OpError) -> Result<Errors, AppError> {
    match error {
        OpError::Invalid(_) | OpError::Conflict { field: Some(_), .. } => {
            Ok(Errors::from_fields(t, error.fields()))
        }
        other => Err(other.into()),
    }
}

#[derive(Template)]
#[template(path = "layout/error.html")]
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
#[template(path = "layout/message.html")]
pub struct MessagePage {
    pub t: Tr,
    pub c: Chrome,
    pub title: String,
    pub message: String,
    pub link_href: String,
    pub link_text: String,
}
