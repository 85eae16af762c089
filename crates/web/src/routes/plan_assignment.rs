//! One assignment of a version being prepared: its page, to change what the
//! family does with the strategy, and removing it.

use askama::Template;
use axum::{
    Form,
    extract::{Path, State},
    http::StatusCode,
    response::Response,
};
use carryover_ops::plan::{self, AssignmentInput};
use serde::Deserialize;
use uuid::Uuid;

use carryover_ops::Operation;

use super::{
    Routes,
    plan_editor::{AssignmentFieldsForm, assignment_input, fields_form, to_editor},
};
use crate::{
    AppState,
    auth::{Caller, Grant},
    error::AppError,
    i18n::Tr,
    pages::{self, Chrome, Errors, Page, form_errors},
    plan_words::{self, AssignmentCard},
};

pub fn routes() -> Routes {
    Routes::new()
        .get("/children/{child_id}/plan/{version_id}/assignments/{assignment_id}", show_assignment)
        .post(
            "/children/{child_id}/plan/{version_id}/assignments/{assignment_id}",
            update_assignment,
        )
        .calls(Operation::UpdateAssignment)
        .post(
            "/children/{child_id}/plan/{version_id}/assignments/{assignment_id}/remove",
            remove_assignment,
        )
        .calls(Operation::RemoveAssignment)
}

#[derive(Deserialize)]
struct AssignmentPath {
    version_id: Uuid,
    assignment_id: Uuid,
}

#[derive(Template)]
#[template(path = "plan/assignment.html")]
struct AssignmentPage {
    t: Tr,
    c: Chrome,
    child_id: String,
    child_name: String,
    version_id: String,
    card: AssignmentCard,
    editable: bool,
    form: AssignmentFieldsForm,
    errors: Errors,
}

async fn assignment_page(
    state: &AppState,
    page: Page,
    caller: &Caller,
    grant: Grant,
    path: &AssignmentPath,
    typed: Option<AssignmentInput>,
    errors: Errors,
) -> Result<AssignmentPage, AppError> {
    let view = plan::assignment_form(
        &state.ops,
        &caller.who,
        &grant.0,
        path.version_id,
        path.assignment_id,
    )
    .await?;
    let Page { t, c } = page.back_to(format!(
        "/children/{}/plan/{}/assignments/{}",
        grant.child_id(),
        path.version_id,
        path.assignment_id
    ));
    let a = &view.assignment;
    let input = typed.unwrap_or_else(|| AssignmentInput {
        routines: a.routines.iter().map(|r| r.key.clone()).collect(),
        times_per_week: a.times_per_week.to_string(),
        practised_by: a.practised_by.map(|p| p.to_string()).unwrap_or_default(),
        goals: a.goals.iter().map(|g| g.goal_id.to_string()).collect(),
        changes: a.changes.clone(),
        ..AssignmentInput::default()
    });
    Ok(AssignmentPage {
        child_id: grant.child_id().to_string(),
        version_id: path.version_id.to_string(),
        card: plan_words::assignment_card(&t, a),
        form: fields_form(&t, &view.goals, &view.routines, &view.caregivers, &input),
        child_name: view.child_name,
        editable: view.editable,
        errors,
        c,
        t,
    })
}

async fn show_assignment(
    State(state): State<AppState>,
    page: Page,
    caller: Caller,
    grant: Grant,
    Path(path): Path<AssignmentPath>,
) -> Result<Response, AppError> {
    let page =
        assignment_page(&state, page, &caller, grant, &path, None, Errors::default()).await?;
    pages::render(&page)
}

async fn update_assignment(
    State(state): State<AppState>,
    page: Page,
    caller: Caller,
    grant: Grant,
    Path(path): Path<AssignmentPath>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let (input, _) = assignment_input(&pairs);
    let result = plan::update_assignment(
        &state.ops,
        &caller.who,
        &grant.0,
        path.version_id,
        path.assignment_id,
        &input,
    )
    .await;
    match result {
        Ok(()) => Ok(to_editor(&grant, path.version_id)),
        Err(error) => {
            let errors = form_errors(&page.t, error)?;
            let page =
                assignment_page(&state, page, &caller, grant, &path, Some(input), errors).await?;
            pages::render_with(StatusCode::UNPROCESSABLE_ENTITY, &page)
        }
    }
}

async fn remove_assignment(
    State(state): State<AppState>,
    caller: Caller,
    grant: Grant,
    Path(path): Path<AssignmentPath>,
) -> Result<Response, AppError> {
    plan::remove_assignment(&state.ops, &caller.who, &grant.0, path.version_id, path.assignment_id)
        .await?;
    Ok(to_editor(&grant, path.version_id))
}
