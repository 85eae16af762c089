//! One struct per page; each carries the request's translations `t` and the
//! path the language switcher returns to.

use askama::Template;
use axum::response::{Html, IntoResponse, Response};

use crate::{error::AppError, i18n::Tr};

/// Renders a page, turning a template failure into a logged 500.
pub fn render<T: Template>(page: &T) -> Result<Response, AppError> {
    let html = page
        .render()
        .map_err(|e| AppError::Internal(anyhow::Error::new(e)))?;
    Ok(Html(html).into_response())
}

#[derive(Template)]
#[template(path = "home.html")]
pub struct HomePage {
    pub t: Tr,
    pub lang_next: String,
}

#[derive(Template)]
#[template(path = "error.html")]
pub struct ErrorPage {
    pub t: Tr,
    pub status: u16,
    pub message: String,
    /// The switcher on an error page returns to the start page.
    pub lang_next: &'static str,
}

impl ErrorPage {
    pub fn render_or_plain(&self) -> String {
        self.render().unwrap_or_else(|e| {
            tracing::error!(error = %e, "error page failed to render");
            self.message.clone()
        })
    }
}
