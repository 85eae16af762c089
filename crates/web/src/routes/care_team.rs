//! The admin keeps care teams: one child's team, and one therapist's
//! caseload moved, whole or in part, to another therapist.

use askama::Template;
use axum::{
    Form,
    body::Bytes,
    extract::{Path, Query, State},
    http::StatusCode,
    response::{IntoResponse, Redirect, Response},
};
use carryover_ops::{
    care_team::{self, TeamInput, TeamView},
    caseload::{self, CaseloadView, MoveInput},
};
use serde::Deserialize;
use uuid::Uuid;

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
        .get("/children/{child_id}/team", show_team)
        .calls(Operation::ViewCareTeam)
        .post("/children/{child_id}/team", change_team)
        .calls(Operation::ChangeCareTeam)
        .get("/admin/people/{person_id}/caseload", show_caseload)
        .calls(Operation::ViewCaseload)
        .post("/admin/people/{person_id}/caseload", move_caseload)
        .calls(Operation::MoveCaseload)
}

#[derive(Template)]
#[template(path = "children/team.html")]
struct TeamPage {
    t: Tr,
    c: Chrome,
    child_id: String,
    view: TeamView,
    errors: Errors,
}

async fn team_page(
    state: &AppState,
    page: Page,
    caller: &Caller,
    grant: Grant,
    errors: Errors,
) -> Result<TeamPage, AppError> {
    let view = care_team::view(&state.ops, &caller.who, &grant.0).await?;
    let Page { t, c } = page.back_to(format!("/children/{}/team", grant.child_id()));
    Ok(TeamPage { child_id: grant.child_id().to_string(), view, errors, c, t })
}

async fn show_team(
    State(state): State<AppState>,
    page: Page,
    caller: Caller,
    grant: Grant,
) -> Result<Response, AppError> {
    pages::render(&team_page(&state, page, &caller, grant, Errors::default()).await?)
}

async fn change_team(
    State(state): State<AppState>,
    page: Page,
    caller: Caller,
    grant: Grant,
    Form(form): Form<TeamInput>,
) -> Result<Response, AppError> {
    match care_team::change(&state.ops, &caller.who, &grant.0, &form).await {
        Ok(()) => Ok(Redirect::to(&format!("/children/{}/team", grant.child_id())).into_response()),
        Err(error) => {
            let errors = form_errors(&page.t, error)?;
            let page = team_page(&state, page, &caller, grant, errors).await?;
            pages::render_with(StatusCode::UNPROCESSABLE_ENTITY, &page)
        }
    }
}

#[derive(Template)]
#[template(path = "admin/caseload.html")]
struct CaseloadPage {
    t: Tr,
    c: Chrome,
    view: CaseloadView,
    /// The children ticked (all of them at first).
    chosen: Vec<String>,
    to: String,
    notice: Option<String>,
    errors: Errors,
}

fn person_id(text: &str) -> Result<Uuid, AppError> {
    Uuid::parse_str(text).map_err(|_| AppError::NotFound)
}

#[derive(Deserialize)]
struct Done {
    moved: Option<usize>,
    to: Option<String>,
}

async fn show_caseload(
    State(state): State<AppState>,
    page: Page,
    caller: Caller,
    Path(id): Path<String>,
    Query(done): Query<Done>,
) -> Result<Response, AppError> {
    let view = caseload::view(&state.ops, &caller.who, person_id(&id)?).await?;
    let Page { t, c } = page;
    let notice = done.moved.map(|count| {
        let to = done.to.clone().unwrap_or_default();
        t.with("caseload-moved", &[("count", count.into()), ("name", to.into())])
    });
    let chosen = view.children.iter().map(|c| c.child_id.to_string()).collect();
    pages::render(&CaseloadPage {
        t,
        c,
        view,
        chosen,
        to: String::new(),
        notice,
        errors: Errors::default(),
    })
}

/// The ticked children repeat one field, which axum's `Form` cannot collect.
fn parse_move(body: &[u8]) -> MoveInput {
    let mut input = MoveInput::default();
    for (key, value) in form_urlencoded::parse(body) {
        match key.as_ref() {
            "to" => input.to = value.into_owned(),
            "children" => input.children.push(value.into_owned()),
            _ => {}
        }
    }
    input
}

async fn move_caseload(
    State(state): State<AppState>,
    page: Page,
    caller: Caller,
    Path(id): Path<String>,
    body: Bytes,
) -> Result<Response, AppError> {
    let from = person_id(&id)?;
    let form = parse_move(&body);
    match caseload::move_children(&state.ops, &caller.who, from, &form).await {
        Ok(moved) => {
            let to: String = form_urlencoded::byte_serialize(moved.to_name.as_bytes()).collect();
            let target = format!("/admin/people/{from}/caseload?moved={}&to={to}", moved.count);
            Ok(Redirect::to(&target).into_response())
        }
        Err(error) => {
            let errors = form_errors(&page.t, error)?;
            let view = caseload::view(&state.ops, &caller.who, from).await?;
            let Page { t, c } = page.back_to(format!("/admin/people/{from}/caseload"));
            let page = CaseloadPage {
                t,
                c,
                view,
                chosen: form.children,
                to: form.to,
                notice: None,
                errors,
            };
            pages::render_with(StatusCode::UNPROCESSABLE_ENTITY, &page)
        }
    }
}
