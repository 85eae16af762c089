//! Practice logs' JSON twins (issue 12 part A). A log is created with PUT
//! under an id the client made, so a retry is safe: the same id and content
//! again answers 201 with the same body; other content under that id is 409.

use axum::{
    Json,
    extract::{Path, Query, State},
    http::StatusCode,
    response::{IntoResponse, Response},
};
use carryover_ops::{
    Operation,
    practice::{self, CorrectInput, LogInput, LogView},
};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use super::paging::PageQuery;
use crate::{
    AppState,
    auth::{Caller, Grant},
    error::AppError,
    routes::Routes,
};

pub fn routes() -> Routes {
    Routes::new()
        .get("/api/v1/children/{child_id}/week", get_week)
        .calls(Operation::ThisWeek)
        .get("/api/v1/children/{child_id}/logs", list_logs)
        .calls(Operation::ListLogs)
        .put("/api/v1/children/{child_id}/logs/{log_id}", put_log)
        .calls(Operation::LogPractice)
        .get("/api/v1/children/{child_id}/logs/{log_id}", get_log)
        .calls(Operation::ViewLog)
        .patch("/api/v1/children/{child_id}/logs/{log_id}", patch_log)
        .calls(Operation::CorrectLog)
        .delete("/api/v1/children/{child_id}/logs/{log_id}", delete_log)
        .calls(Operation::DeleteLog)
        .get("/api/v1/children/{child_id}/measures", get_measures)
        .calls(Operation::PracticeMeasures)
}

#[derive(Deserialize)]
pub(super) struct LogPath {
    #[allow(dead_code)]
    child_id: String,
    log_id: String,
}

fn id(text: &str) -> Result<Uuid, AppError> {
    Uuid::parse_str(text).map_err(|_| AppError::NotFound)
}

fn view<T: Serialize>(value: &T) -> Result<Json<serde_json::Value>, AppError> {
    serde_json::to_value(value).map(Json).map_err(|e| AppError::Internal(e.into()))
}

type Answer = Result<Json<serde_json::Value>, AppError>;

/// A page of logs, newest practice first.
#[derive(Debug, Serialize, ToSchema)]
#[schema(example = json!({"items": [], "next_cursor": null, "only_own": false}))]
pub struct LogPage {
    #[schema(value_type = Vec<Object>)]
    pub items: Vec<serde_json::Value>,
    pub next_cursor: Option<Uuid>,
    /// A helper's list holds only their own logs.
    pub only_own: bool,
}

/// "This week": one card per assignment of the agreed plan, with this week's
/// target (pro-rated when the plan changed this week) and the practices so far.
#[utoipa::path(get, path = "/api/v1/children/{child_id}/week", tag = "practice",
    params(("child_id" = Uuid, Path)),
    responses((status = 200, body = Object, description = "This week's cards",
        example = json!({"child_id": "0190f000-0000-7000-8000-000000000001", "child_name": "Mia", "week_start": "2026-11-02", "today": "2026-11-04", "has_plan": true, "cards": [{"assignment_id": "0190f000-0000-7000-8000-000000000020", "times_per_week": 5, "target": 5, "done": 2}], "household": {"week_start": "2026-11-02", "logs": 2, "target": 5, "adherence": 0.4}, "recent_weeks": [{"week_start": "2026-10-26", "logs": 5, "target": 5, "adherence": 1.0}, {"week_start": "2026-11-02", "logs": 2, "target": 5, "adherence": 0.4}], "only_own": false, "can_log": true}))))]
pub(super) async fn get_week(
    State(state): State<AppState>,
    caller: Caller,
    grant: Grant,
) -> Answer {
    view(&practice::week(&state.ops, &caller.who, &grant.0).await?)
}

/// The child's practice logs (a helper: their own), newest practice first.
#[utoipa::path(get, path = "/api/v1/children/{child_id}/logs", tag = "practice",
    params(("child_id" = Uuid, Path), PageQuery),
    responses((status = 200, body = LogPage)))]
pub(super) async fn list_logs(
    State(state): State<AppState>,
    caller: Caller,
    grant: Grant,
    Query(query): Query<PageQuery>,
) -> Result<Json<LogPage>, AppError> {
    let paging = query.by_id()?;
    let list = practice::list_logs(&state.ops, &caller.who, &grant.0, paging, false).await?;
    let items = list
        .logs
        .iter()
        .map(|l| serde_json::to_value(l).map_err(|e| AppError::Internal(e.into())))
        .collect::<Result<_, _>>()?;
    Ok(Json(LogPage { items, next_cursor: list.next, only_own: list.only_own }))
}

/// Logs a practice under an id the client made (a UUID). Sending the same
/// id and content again stores nothing more and answers the same; other
/// content under that id, or the id of another child's log, is 409.
#[utoipa::path(put, path = "/api/v1/children/{child_id}/logs/{log_id}", tag = "practice",
    params(("child_id" = Uuid, Path), ("log_id" = Uuid, Path, description = "Made by the client")),
    request_body = LogInput,
    responses((status = 201, body = LogView, description = "Logged (or the same log sent again)")))]
pub(super) async fn put_log(
    State(state): State<AppState>,
    caller: Caller,
    grant: Grant,
    Path(path): Path<LogPath>,
    Json(body): Json<LogInput>,
) -> Result<Response, AppError> {
    let log_id = id(&path.log_id)?;
    let log = practice::create_log(&state.ops, &caller.who, &grant.0, log_id, &body).await?;
    Ok((StatusCode::CREATED, view(&log)?).into_response())
}

/// One log (a helper: only their own).
#[utoipa::path(get, path = "/api/v1/children/{child_id}/logs/{log_id}", tag = "practice",
    params(("child_id" = Uuid, Path), ("log_id" = Uuid, Path)),
    responses((status = 200, body = LogView)))]
pub(super) async fn get_log(
    State(state): State<AppState>,
    caller: Caller,
    grant: Grant,
    Path(path): Path<LogPath>,
) -> Answer {
    view(&practice::view_log(&state.ops, &caller.who, &grant.0, id(&path.log_id)?).await?)
}

/// Corrects one's own log, within 24 hours of logging it; absent fields keep their value.
#[utoipa::path(patch, path = "/api/v1/children/{child_id}/logs/{log_id}", tag = "practice",
    params(("child_id" = Uuid, Path), ("log_id" = Uuid, Path)),
    request_body = CorrectInput,
    responses((status = 200, body = LogView)))]
pub(super) async fn patch_log(
    State(state): State<AppState>,
    caller: Caller,
    grant: Grant,
    Path(path): Path<LogPath>,
    Json(body): Json<CorrectInput>,
) -> Answer {
    let log_id = id(&path.log_id)?;
    view(&practice::correct_log(&state.ops, &caller.who, &grant.0, log_id, &body).await?)
}

/// Deletes one's own log, within 24 hours of logging it. Its id stays taken.
#[utoipa::path(delete, path = "/api/v1/children/{child_id}/logs/{log_id}", tag = "practice",
    params(("child_id" = Uuid, Path), ("log_id" = Uuid, Path)),
    responses((status = 204, description = "Deleted")))]
pub(super) async fn delete_log(
    State(state): State<AppState>,
    caller: Caller,
    grant: Grant,
    Path(path): Path<LogPath>,
) -> Result<StatusCode, AppError> {
    practice::delete_log(&state.ops, &caller.who, &grant.0, id(&path.log_id)?).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// The measures from the logs: household adherence (Σ min(logs, target) ÷
/// Σ target) by week, streaks, days since the last log, each assignment's
/// weeks, and the generalization matrix. Not for helpers.
#[utoipa::path(get, path = "/api/v1/children/{child_id}/measures", tag = "practice",
    params(("child_id" = Uuid, Path)),
    responses((status = 200, body = Object, description = "Measures",
        example = json!({"child_name": "Mia", "today": "2026-11-04", "household_weeks": [{"week_start": "2026-11-02", "logs": 2, "target": 5, "adherence": 0.4}], "household_streak": 3, "days_since_last_log": 0, "assignments": [], "matrix": []}))))]
pub(super) async fn get_measures(
    State(state): State<AppState>,
    caller: Caller,
    grant: Grant,
) -> Answer {
    view(&practice::measures(&state.ops, &caller.who, &grant.0).await?)
}
