//! The clinic's own settings, for its admins.

use askama::Template;
use axum::{
    Form,
    extract::{Query, State},
    http::StatusCode,
    response::{IntoResponse, Redirect, Response},
};
use carryover_ops::settings::{self, SettingsInput};
use serde::Deserialize;

use carryover_ops::Operation;

use super::Routes;
use crate::{
    AppState,
    auth::Caller,
    error::AppError,
    i18n::Tr,
    pages::{self, Chrome, Errors, Page, form_errors},
};

pub fn routes() -> Routes {
    Routes::new()
        .get("/admin/settings", show_settings)
        .calls(Operation::ViewSettings)
        .post("/admin/settings", save_settings)
        .calls(Operation::UpdateSettings)
}

#[derive(Template)]
#[template(path = "admin/settings.html")]
struct SettingsPage {
    t: Tr,
    c: Chrome,
    form: SettingsInput,
    errors: Errors,
    notice: Option<String>,
}

#[derive(Deserialize)]
struct Done {
    done: Option<String>,
}

async fn show_settings(
    State(state): State<AppState>,
    page: Page,
    caller: Caller,
    Query(q): Query<Done>,
) -> Result<Response, AppError> {
    if !caller.who.actor.is_admin() {
        return Err(AppError::NotFound);
    }
    let current = settings::current(&state.ops, &caller.who).await?;
    let Page { t, c } = page;
    let form = SettingsInput::from_settings(&current);
    let notice = q.done.is_some().then(|| t.get("settings-saved"));
    pages::render(&SettingsPage { t, c, form, errors: Errors::default(), notice })
}

async fn save_settings(
    State(state): State<AppState>,
    page: Page,
    caller: Caller,
    Form(form): Form<SettingsInput>,
) -> Result<Response, AppError> {
    match settings::update(&state.ops, &caller.who, &form).await {
        Ok(_) => Ok(Redirect::to("/admin/settings?done=1").into_response()),
        Err(error) => {
            let Page { t, c } = page.back_to("/admin/settings");
            let errors = form_errors(&t, error)?;
            let page = SettingsPage { t, c, form, errors, notice: None };
            pages::render_with(StatusCode::UNPROCESSABLE_ENTITY, &page)
        }
    }
}
