//! The joint plan as each person reads it: the agreed plan in plain words
//! (caregivers on a phone), what waits for a guardian to confirm, one
//! version with what changed, the history; and the steps that move a
//! version on: start, share, agree in a session, confirm from a phone.

use askama::Template;
use axum::{
    Form,
    extract::{Path, Query, State},
    response::{IntoResponse, Redirect, Response},
};
use carryover_ops::plan::{self, AgreeInput, OpenVersion};
use serde::Deserialize;
use uuid::Uuid;

use carryover_ops::Operation;

use super::{Routes, plan_editor};
use crate::{
    AppState,
    auth::{Caller, Grant},
    error::AppError,
    i18n::Tr,
    pages::{self, Chrome, Page},
    plan_words::{self, VersionWords},
};

pub fn routes() -> Routes {
    Routes::new()
        .get("/children/{child_id}/plan", show_plan)
        .calls(Operation::ViewPlan)
        .get("/children/{child_id}/plan/history", show_history)
        .calls(Operation::PlanHistory)
        .get("/children/{child_id}/plan/{version_id}", show_version)
        .calls(Operation::ViewPlanVersion)
        .post("/children/{child_id}/plan/drafts", start_draft)
        .calls(Operation::StartDraft)
        .post("/children/{child_id}/plan/{version_id}/share", share)
        .calls(Operation::SharePlan)
        .post("/children/{child_id}/plan/{version_id}/agree", agree)
        .calls(Operation::AgreePlan)
        .post("/children/{child_id}/plan/{version_id}/confirm", confirm)
        .calls(Operation::ConfirmPlan)
}

#[derive(Deserialize)]
pub(super) struct VersionPath {
    pub version_id: Uuid,
}

/// The open version in one sentence, for the care team or a guardian.
pub fn open_line(t: &Tr, open: &OpenVersion) -> String {
    let number = ("number", open.number.into());
    match (open.shared_at, open.days_waiting) {
        (Some(at), Some(days)) => t.with(
            "plan-open-shared",
            &[number, ("date", t.date(t.zone().local_date(at)).into()), ("days", days.into())],
        ),
        _ => t.with("plan-open-draft", &[number]),
    }
}

#[derive(Template)]
#[template(path = "plan/show.html")]
struct PlanPage {
    t: Tr,
    c: Chrome,
    child_id: String,
    child_name: String,
    current: Option<VersionWords>,
    agreed_on: String,
    open: Option<(String, String)>,
    can_edit: bool,
    can_confirm: bool,
    can_see_history: bool,
    notice: Option<String>,
}

#[derive(Deserialize)]
struct Done {
    agreed: Option<String>,
}

async fn show_plan(
    State(state): State<AppState>,
    page: Page,
    caller: Caller,
    grant: Grant,
    Query(done): Query<Done>,
) -> Result<Response, AppError> {
    let view = plan::view(&state.ops, &caller.who, &grant.0).await?;
    let Page { t, c } = page;
    let notice = done.agreed.is_some().then(|| t.get("plan-agreed-notice"));
    let o = &view.overview;
    let agreed_on = o
        .current
        .as_ref()
        .and_then(|v| v.agreed_at)
        .map(|at| t.with("plan-agreed-on", &[("date", t.date(t.zone().local_date(at)).into())]))
        .unwrap_or_default();
    pages::render(&PlanPage {
        child_id: grant.child_id().to_string(),
        current: o.current.as_ref().map(|v| plan_words::version(&t, v)),
        open: o.open.as_ref().map(|open| (open.version_id.to_string(), open_line(&t, open))),
        can_edit: o.can_edit,
        can_confirm: o.can_confirm,
        can_see_history: o.can_see_history,
        child_name: view.child_name,
        agreed_on,
        notice,
        c,
        t,
    })
}

#[derive(Template)]
#[template(path = "plan/version.html")]
struct VersionPage {
    t: Tr,
    c: Chrome,
    child_id: String,
    child_name: String,
    version: VersionWords,
    changes: Vec<String>,
    can_confirm: bool,
    can_edit: bool,
}

async fn show_version(
    State(state): State<AppState>,
    page: Page,
    caller: Caller,
    grant: Grant,
    Path(path): Path<VersionPath>,
) -> Result<Response, AppError> {
    let view = plan::version_page(&state.ops, &caller.who, &grant.0, path.version_id).await?;
    let Page { t, c } = page;
    pages::render(&VersionPage {
        child_id: grant.child_id().to_string(),
        version: plan_words::version(&t, &view.version),
        changes: view.changes.iter().map(|ch| plan_words::change(&t, ch)).collect(),
        child_name: view.child_name,
        can_confirm: view.can_confirm,
        can_edit: view.can_edit,
        c,
        t,
    })
}

struct HistoryRow {
    version: VersionWords,
    dates: String,
    changes: Vec<String>,
}

#[derive(Template)]
#[template(path = "plan/history.html")]
struct HistoryPage {
    t: Tr,
    c: Chrome,
    child_id: String,
    child_name: String,
    rows: Vec<HistoryRow>,
}

async fn show_history(
    State(state): State<AppState>,
    page: Page,
    caller: Caller,
    grant: Grant,
) -> Result<Response, AppError> {
    let view = plan::history(&state.ops, &caller.who, &grant.0).await?;
    let Page { t, c } = page;
    let rows = view
        .versions
        .iter()
        .map(|entry| HistoryRow {
            version: plan_words::version(&t, &entry.version),
            dates: t.with(
                "plan-started-on",
                &[("date", t.date(t.zone().local_date(entry.version.created_at)).into())],
            ),
            changes: entry.changes.iter().map(|ch| plan_words::change(&t, ch)).collect(),
        })
        .collect();
    pages::render(&HistoryPage {
        child_id: grant.child_id().to_string(),
        child_name: view.child_name,
        rows,
        c,
        t,
    })
}

fn to_editor(grant: &Grant, version_id: Uuid) -> Response {
    Redirect::to(&format!("/children/{}/plan/{version_id}/edit", grant.child_id())).into_response()
}

async fn start_draft(
    State(state): State<AppState>,
    caller: Caller,
    grant: Grant,
) -> Result<Response, AppError> {
    let started = plan::start_draft(&state.ops, &caller.who, &grant.0).await?;
    Ok(to_editor(&grant, started.version_id))
}

async fn share(
    State(state): State<AppState>,
    page: Page,
    caller: Caller,
    grant: Grant,
    Path(path): Path<VersionPath>,
) -> Result<Response, AppError> {
    match plan::share(&state.ops, &caller.who, &grant.0, path.version_id).await {
        Ok(()) => Ok(to_editor(&grant, path.version_id)),
        Err(error) => {
            plan_editor::refused_action(&state, page, &caller, grant, path.version_id, error).await
        }
    }
}

/// Agreed in a session, with the guardian present.
async fn agree(
    State(state): State<AppState>,
    page: Page,
    caller: Caller,
    grant: Grant,
    Path(path): Path<VersionPath>,
    Form(form): Form<AgreeInput>,
) -> Result<Response, AppError> {
    match plan::record_agreement(&state.ops, &caller.who, &grant.0, path.version_id, &form).await {
        Ok(()) => Ok(Redirect::to(&format!("/children/{}/plan", grant.child_id())).into_response()),
        Err(error) => {
            plan_editor::refused_action(&state, page, &caller, grant, path.version_id, error).await
        }
    }
}

/// A guardian confirms from their own phone.
async fn confirm(
    State(state): State<AppState>,
    caller: Caller,
    grant: Grant,
    Path(path): Path<VersionPath>,
) -> Result<Response, AppError> {
    plan::confirm(&state.ops, &caller.who, &grant.0, path.version_id).await?;
    Ok(Redirect::to(&format!("/children/{}/plan?agreed=1", grant.child_id())).into_response())
}
