//! Discharge and re-admission, for the care team and the admin.

use askama::Template;
use axum::{
    Form,
    extract::State,
    http::StatusCode,
    response::{IntoResponse, Redirect, Response},
};
use carryover_domain::record::{DischargeReason, iso_date};
use carryover_ops::{
    caseload::Therapist,
    discharge::{self, DischargeInput, ReadmitInput},
};

use carryover_ops::Operation;

use super::Routes;
use crate::{
    AppState,
    auth::{Caller, Grant},
    error::AppError,
    i18n::Tr,
    pages::{self, Chrome, Errors, Page, form_errors},
};

pub fn routes() -> Routes {
    Routes::new()
        .get("/children/{child_id}/discharge", discharge_form)
        .post("/children/{child_id}/discharge", discharge_child)
        .calls(Operation::Discharge)
        .post("/children/{child_id}/readmit", readmit_child)
        .calls(Operation::Readmit)
}

#[derive(Template)]
#[template(path = "children/discharge.html")]
struct DischargePage {
    t: Tr,
    c: Chrome,
    child_id: String,
    child_name: String,
    /// `YYYY-MM-DD`: the latest date the field allows.
    max_date: String,
    form: DischargeInput,
    reasons: Vec<(&'static str, String)>,
    errors: Errors,
}

async fn discharge_page(
    state: &AppState,
    page: Page,
    caller: &Caller,
    grant: Grant,
    form: Option<DischargeInput>,
    errors: Errors,
) -> Result<DischargePage, AppError> {
    let view = discharge::form(&state.ops, &caller.who, &grant.0).await?;
    let Page { t, c } = page.back_to(format!("/children/{}/discharge", grant.child_id()));
    let max_date = iso_date(view.today);
    let form = form.unwrap_or_else(|| DischargeInput {
        discharged_on: max_date.clone(),
        ..DischargeInput::default()
    });
    let reasons = DischargeReason::ALL
        .iter()
        .map(|r| (r.as_str(), t.get(&format!("discharge-reason-{r}"))))
        .collect();
    Ok(DischargePage {
        child_id: grant.child_id().to_string(),
        child_name: view.child_name,
        max_date,
        form,
        reasons,
        errors,
        c,
        t,
    })
}

async fn discharge_form(
    State(state): State<AppState>,
    page: Page,
    caller: Caller,
    grant: Grant,
) -> Result<Response, AppError> {
    pages::render(&discharge_page(&state, page, &caller, grant, None, Errors::default()).await?)
}

async fn discharge_child(
    State(state): State<AppState>,
    page: Page,
    caller: Caller,
    grant: Grant,
    Form(form): Form<DischargeInput>,
) -> Result<Response, AppError> {
    match discharge::discharge(&state.ops, &caller.who, &grant.0, &form).await {
        Ok(()) => Ok(Redirect::to(&format!("/children/{}", grant.child_id())).into_response()),
        Err(error) => {
            let errors = form_errors(&page.t, error)?;
            let page = discharge_page(&state, page, &caller, grant, Some(form), errors).await?;
            pages::render_with(StatusCode::UNPROCESSABLE_ENTITY, &page)
        }
    }
}

#[derive(Template)]
#[template(path = "children/readmit.html")]
struct ReadmitPage {
    t: Tr,
    c: Chrome,
    child_id: String,
    therapists: Vec<Therapist>,
    errors: Errors,
}

async fn readmit_child(
    State(state): State<AppState>,
    page: Page,
    caller: Caller,
    grant: Grant,
    Form(form): Form<ReadmitInput>,
) -> Result<Response, AppError> {
    match discharge::readmit(&state.ops, &caller.who, &grant.0, &form).await {
        Ok(()) => Ok(Redirect::to(&format!("/children/{}", grant.child_id())).into_response()),
        Err(error) => {
            // The team has no active therapist left: ask who takes the child.
            let errors = form_errors(&page.t, error)?;
            let therapists = discharge::readmit_choices(&state.ops, &grant.0).await?;
            let Page { t, c } = page.back_to(format!("/children/{}", grant.child_id()));
            let child_id = grant.child_id().to_string();
            let page = ReadmitPage { t, c, child_id, therapists, errors };
            pages::render_with(StatusCode::UNPROCESSABLE_ENTITY, &page)
        }
    }
}
