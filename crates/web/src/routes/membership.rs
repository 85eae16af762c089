//! A household's caregivers, for a guardian, the care team and the admin:
//! remove one (after a question, without JavaScript) or change their access.

use askama::Template;
use axum::{
    Form,
    extract::{Query, State},
    http::StatusCode,
    response::{IntoResponse, Redirect, Response},
};
use carryover_ops::membership::{self, MemberInput};
use serde::Deserialize;

use carryover_ops::Operation;

use super::{Routes, children::CaregiverRow};
use crate::{
    AppState,
    auth::{Caller, Grant},
    error::AppError,
    i18n::Tr,
    pages::{self, Chrome, Errors, Page, form_errors},
};

pub fn routes() -> Routes {
    Routes::new()
        .get("/children/{child_id}/caregivers", list_caregivers)
        .calls(Operation::ListCaregivers)
        .post("/children/{child_id}/caregivers/remove", remove_caregiver)
        .calls(Operation::RemoveCaregiver)
        .post("/children/{child_id}/caregivers/access", change_access)
        .calls(Operation::ChangeAccess)
}

#[derive(Template)]
#[template(path = "children/caregivers.html")]
struct CaregiversPage {
    t: Tr,
    c: Chrome,
    child_id: String,
    child_name: String,
    rows: Vec<CaregiverRow>,
    can_change: bool,
    notice: Option<String>,
    errors: Errors,
}

#[derive(Deserialize)]
struct Done {
    removed: Option<String>,
    changed: Option<String>,
}

async fn caregivers_page(
    state: &AppState,
    page: Page,
    caller: &Caller,
    grant: Grant,
    notice: Option<String>,
    errors: Errors,
) -> Result<CaregiversPage, AppError> {
    let view = membership::list(&state.ops, &caller.who, &grant.0).await?;
    let Page { t, c } = page.back_to(format!("/children/{}/caregivers", grant.child_id()));
    Ok(CaregiversPage {
        child_id: grant.child_id().to_string(),
        child_name: view.child_name,
        rows: view.caregivers.iter().map(|l| CaregiverRow::of(&t, l)).collect(),
        can_change: view.can_change,
        notice,
        errors,
        c,
        t,
    })
}

async fn list_caregivers(
    State(state): State<AppState>,
    page: Page,
    caller: Caller,
    grant: Grant,
    Query(done): Query<Done>,
) -> Result<Response, AppError> {
    let notice = match (done.removed, done.changed) {
        (Some(name), _) => Some(page.t.with_name("caregivers-removed", &name)),
        (None, Some(name)) => Some(page.t.with_name("caregivers-changed", &name)),
        _ => None,
    };
    pages::render(&caregivers_page(&state, page, &caller, grant, notice, Errors::default()).await?)
}

#[derive(Template)]
#[template(path = "children/caregiver_remove.html")]
struct RemovePage {
    t: Tr,
    c: Chrome,
    child_id: String,
    person_id: String,
    name: String,
}

#[derive(Clone, Debug, Default, Deserialize)]
struct RemoveForm {
    #[serde(default)]
    person_id: String,
    /// "yes" once the person has answered the question.
    #[serde(default)]
    confirm: String,
}

fn back(grant: Grant, key: &str, name: &str) -> Response {
    let name: String = form_urlencoded::byte_serialize(name.as_bytes()).collect();
    Redirect::to(&format!("/children/{}/caregivers?{key}={name}", grant.child_id())).into_response()
}

async fn remove_caregiver(
    State(state): State<AppState>,
    page: Page,
    caller: Caller,
    grant: Grant,
    Form(form): Form<RemoveForm>,
) -> Result<Response, AppError> {
    let ops = &state.ops;
    if form.confirm != "yes" {
        return match membership::confirm_removal(ops, &caller.who, &grant.0, &form.person_id).await
        {
            Ok(line) => {
                let Page { t, c } =
                    page.back_to(format!("/children/{}/caregivers", grant.child_id()));
                let child_id = grant.child_id().to_string();
                let person_id = line.person_id.to_string();
                pages::render(&RemovePage { t, c, child_id, person_id, name: line.display_name })
            }
            Err(error) => refused(&state, page, &caller, grant, error).await,
        };
    }
    let input = MemberInput { person_id: form.person_id, access: String::new() };
    match membership::remove(ops, &caller.who, &grant.0, &input).await {
        Ok(removed) if removed.was_caller => Ok(Redirect::to("/home").into_response()),
        Ok(removed) => Ok(back(grant, "removed", &removed.name)),
        Err(error) => refused(&state, page, &caller, grant, error).await,
    }
}

async fn change_access(
    State(state): State<AppState>,
    page: Page,
    caller: Caller,
    grant: Grant,
    Form(form): Form<MemberInput>,
) -> Result<Response, AppError> {
    match membership::change_access(&state.ops, &caller.who, &grant.0, &form).await {
        Ok(line) if line.person_id == caller.who.actor.person_id() => {
            Ok(Redirect::to(&format!("/children/{}", grant.child_id())).into_response())
        }
        Ok(line) => Ok(back(grant, "changed", &line.display_name)),
        Err(error) => refused(&state, page, &caller, grant, error).await,
    }
}

/// The list again, with why the change was refused.
async fn refused(
    state: &AppState,
    page: Page,
    caller: &Caller,
    grant: Grant,
    error: carryover_ops::OpError,
) -> Result<Response, AppError> {
    let errors = form_errors(&page.t, error)?;
    let page = caregivers_page(state, page, caller, grant, None, errors).await?;
    pages::render_with(StatusCode::UNPROCESSABLE_ENTITY, &page)
}
