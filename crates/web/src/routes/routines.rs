//! A household's routines, with their usual times, and its own routines.

use askama::Template;
use axum::{
    Form,
    extract::{Path, State},
    http::StatusCode,
    response::{IntoResponse, Redirect, Response},
};
use carryover_ops::routines::{self, NewRoutineInput, RoutinesView, UsualTimeInput};
use serde::Deserialize;

use carryover_ops::Operation;

use super::Routes;
use crate::{
    AppState,
    auth::{Caller, Grant},
    error::AppError,
    i18n::Tr,
    pages::{self, Chrome, Errors, Page, form_errors},
    plan_words::routine_name,
};

pub fn routes() -> Routes {
    Routes::new()
        .get("/children/{child_id}/routines", show_routines)
        .calls(Operation::ViewRoutines)
        .post("/children/{child_id}/routines", add_routine)
        .calls(Operation::AddRoutine)
        .post("/children/{child_id}/routines/{routine}", set_usual_time)
        .calls(Operation::SetUsualTime)
}

struct RoutineRow {
    key: String,
    name: String,
    /// "07:30", what a time field shows.
    time: String,
    time_words: String,
    own: bool,
}

#[derive(Template)]
#[template(path = "routines/index.html")]
struct RoutinesPage {
    t: Tr,
    c: Chrome,
    child_id: String,
    child_name: String,
    rows: Vec<RoutineRow>,
    can_change: bool,
    form: NewRoutineInput,
    errors: Errors,
}

fn page_of(
    page: Page,
    grant: Grant,
    view: RoutinesView,
    form: NewRoutineInput,
    errors: Errors,
) -> RoutinesPage {
    let Page { t, c } = page.back_to(format!("/children/{}/routines", grant.child_id()));
    let rows = view
        .routines
        .iter()
        .map(|line| RoutineRow {
            key: line.key.clone(),
            name: routine_name(&t, line),
            time: line.usual_time.map(|u| u.to_string()).unwrap_or_default(),
            time_words: line
                .usual_time
                .map(|u| t.time_of_day(u.hour(), u.minute()))
                .unwrap_or_default(),
            own: line.standard.is_none(),
        })
        .collect();
    RoutinesPage {
        child_id: grant.child_id().to_string(),
        child_name: view.child_name,
        can_change: view.can_change,
        rows,
        form,
        errors,
        c,
        t,
    }
}

async fn show_routines(
    State(state): State<AppState>,
    page: Page,
    caller: Caller,
    grant: Grant,
) -> Result<Response, AppError> {
    let view = routines::view(&state.ops, &caller.who, &grant.0).await?;
    pages::render(&page_of(page, grant, view, NewRoutineInput::default(), Errors::default()))
}

async fn add_routine(
    State(state): State<AppState>,
    page: Page,
    caller: Caller,
    grant: Grant,
    Form(form): Form<NewRoutineInput>,
) -> Result<Response, AppError> {
    match routines::add(&state.ops, &caller.who, &grant.0, &form).await {
        Ok(_) => {
            Ok(Redirect::to(&format!("/children/{}/routines", grant.child_id())).into_response())
        }
        Err(error) => {
            let errors = form_errors(&page.t, error)?;
            let view = routines::view(&state.ops, &caller.who, &grant.0).await?;
            pages::render_with(
                StatusCode::UNPROCESSABLE_ENTITY,
                &page_of(page, grant, view, form, errors),
            )
        }
    }
}

#[derive(Deserialize)]
struct RoutinePath {
    routine: String,
}

async fn set_usual_time(
    State(state): State<AppState>,
    page: Page,
    caller: Caller,
    grant: Grant,
    Path(path): Path<RoutinePath>,
    Form(form): Form<UsualTimeInput>,
) -> Result<Response, AppError> {
    match routines::set_time(&state.ops, &caller.who, &grant.0, &path.routine, &form).await {
        Ok(()) => {
            Ok(Redirect::to(&format!("/children/{}/routines", grant.child_id())).into_response())
        }
        Err(error) => {
            let mut errors = form_errors(&page.t, error)?;
            errors.rename("usual_time", &format!("time-{}", path.routine));
            let view = routines::view(&state.ops, &caller.who, &grant.0).await?;
            let page = page_of(page, grant, view, NewRoutineInput::default(), errors);
            pages::render_with(StatusCode::UNPROCESSABLE_ENTITY, &page)
        }
    }
}
