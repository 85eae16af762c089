//! A child's visits (issue 13): what is planned (plan, move, cancel with a
//! reason) and the records so far; starting today's record.

use askama::Template;
use axum::{
    Form,
    extract::{Path, State},
    http::StatusCode,
    response::{IntoResponse, Redirect, Response},
};
use carryover_ops::{
    Operation,
    visits::{self, CancelInput, StartInput, VisitInput, VisitsView},
};
use uuid::Uuid;

use super::Routes;
use crate::{
    AppState,
    auth::{Caller, Grant},
    error::AppError,
    i18n::Tr,
    pages::{self, Chrome, Errors, Page, form_errors},
    visit_words,
};

pub fn routes() -> Routes {
    Routes::new()
        .get("/children/{child_id}/visits", show)
        .calls(Operation::ViewVisits)
        .post("/children/{child_id}/visits", schedule)
        .calls(Operation::ScheduleVisit)
        .post("/children/{child_id}/visits/{visit_id}/reschedule", reschedule)
        .calls(Operation::RescheduleVisit)
        .post("/children/{child_id}/visits/{visit_id}/cancel", cancel)
        .calls(Operation::CancelVisit)
        .post("/children/{child_id}/sessions", start)
        .calls(Operation::StartRecord)
}

/// A planned visit in words.
pub struct PlannedRow {
    pub id: String,
    pub date: String,
    pub time: String,
    pub setting: String,
    pub setting_code: &'static str,
    pub minutes: i64,
    pub minutes_text: String,
    pub cancelled: bool,
    pub reason: String,
    pub therapist: String,
}

pub struct RecordRow {
    pub id: String,
    pub date: String,
    pub setting: String,
    pub therapist: String,
    pub open: bool,
    pub signed: bool,
    pub steps_text: String,
    pub summary: Option<String>,
}

#[derive(Template)]
#[template(path = "visits/index.html")]
struct VisitsPage {
    t: Tr,
    c: Chrome,
    child_id: String,
    child_name: String,
    planned: Vec<PlannedRow>,
    records: Vec<RecordRow>,
    open_record: Option<String>,
    can_write: bool,
    settings: Vec<(&'static str, String)>,
    form: VisitInput,
    /// The planned visit whose form the errors are about; empty: the new one.
    errors_for: String,
    errors: Errors,
}

fn page_of(
    page: Page,
    grant: &Grant,
    view: VisitsView,
    form: VisitInput,
    errors_for: String,
    errors: Errors,
) -> VisitsPage {
    let Page { t, c } = page.back_to(format!("/children/{}/visits", grant.child_id()));
    VisitsPage {
        child_id: grant.child_id().to_string(),
        planned: view
            .planned
            .iter()
            .map(|v| PlannedRow {
                id: v.visit_id.to_string(),
                date: v.local_date.clone(),
                time: v.local_time.clone(),
                setting: visit_words::setting(&t, v.setting),
                setting_code: v.setting.as_str(),
                minutes: v.duration_minutes,
                minutes_text: t.with("visit-minutes", &[("minutes", v.duration_minutes.into())]),
                cancelled: v.status == carryover_domain::visit::VisitStatus::Cancelled,
                reason: v.reason.clone(),
                therapist: v.therapist_name.clone(),
            })
            .collect(),
        records: view
            .records
            .iter()
            .map(|r| RecordRow {
                id: r.session_id.to_string(),
                date: r.date.clone(),
                setting: visit_words::setting(&t, r.setting),
                therapist: r.therapist_name.clone(),
                open: r.ended_at.is_none(),
                signed: r.signed,
                steps_text: t.with("visit-steps-count", &[("count", r.steps_done.len().into())]),
                summary: r.summary.clone(),
            })
            .collect(),
        open_record: view.open_record.map(|id| id.to_string()),
        can_write: view.can_write,
        settings: visit_words::setting_choices(&t),
        child_name: view.child_name,
        form,
        errors_for,
        errors,
        c,
        t,
    }
}

async fn show(
    State(state): State<AppState>,
    page: Page,
    caller: Caller,
    grant: Grant,
) -> Result<Response, AppError> {
    let view = visits::visits(&state.ops, &caller.who, &grant.0).await?;
    let form =
        VisitInput { duration: "60".into(), setting: "home".into(), ..VisitInput::default() };
    pages::render(&page_of(page, &grant, view, form, String::new(), Errors::default()))
}

fn to_visits(grant: &Grant) -> Response {
    Redirect::to(&format!("/children/{}/visits", grant.child_id())).into_response()
}

async fn again(
    state: &AppState,
    page: Page,
    caller: &Caller,
    grant: &Grant,
    form: VisitInput,
    errors_for: String,
    error: carryover_ops::OpError,
) -> Result<Response, AppError> {
    let errors = form_errors(&page.t, error)?;
    let view = visits::visits(&state.ops, &caller.who, &grant.0).await?;
    pages::render_with(
        StatusCode::UNPROCESSABLE_ENTITY,
        &page_of(page, grant, view, form, errors_for, errors),
    )
}

async fn schedule(
    State(state): State<AppState>,
    page: Page,
    caller: Caller,
    grant: Grant,
    Form(input): Form<VisitInput>,
) -> Result<Response, AppError> {
    match visits::schedule(&state.ops, &caller.who, &grant.0, &input).await {
        Ok(_) => Ok(to_visits(&grant)),
        Err(error) => again(&state, page, &caller, &grant, input, String::new(), error).await,
    }
}

async fn reschedule(
    State(state): State<AppState>,
    page: Page,
    caller: Caller,
    grant: Grant,
    Path((_, visit_id)): Path<(Uuid, Uuid)>,
    Form(input): Form<VisitInput>,
) -> Result<Response, AppError> {
    match visits::reschedule(&state.ops, &caller.who, &grant.0, visit_id, &input).await {
        Ok(()) => Ok(to_visits(&grant)),
        Err(error) => {
            again(&state, page, &caller, &grant, input, visit_id.to_string(), error).await
        }
    }
}

async fn cancel(
    State(state): State<AppState>,
    page: Page,
    caller: Caller,
    grant: Grant,
    Path((_, visit_id)): Path<(Uuid, Uuid)>,
    Form(input): Form<CancelInput>,
) -> Result<Response, AppError> {
    match visits::cancel(&state.ops, &caller.who, &grant.0, visit_id, &input).await {
        Ok(()) => Ok(to_visits(&grant)),
        Err(error) => {
            let form = VisitInput { reason: input.reason, ..VisitInput::default() };
            again(&state, page, &caller, &grant, form, visit_id.to_string(), error).await
        }
    }
}

async fn start(
    State(state): State<AppState>,
    caller: Caller,
    grant: Grant,
) -> Result<Response, AppError> {
    let id = visits::start(&state.ops, &caller.who, &grant.0, &StartInput {}).await?;
    Ok(Redirect::to(&format!("/children/{}/sessions/{id}", grant.child_id())).into_response())
}
