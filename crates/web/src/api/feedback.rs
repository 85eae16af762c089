//! Reflections, feedback threads and the inbox as JSON (issue 12 part B):
//! the same operations as the pages. Reading a thread does not mark it
//! read here; `…/read` does, so that a program decides.

use axum::{
    Json,
    extract::{Path, Query, State},
    http::StatusCode,
    response::{IntoResponse, Response},
};
use carryover_ops::{
    Operation,
    feedback::{self, MessageInput},
    reflections::{self, AnswerInput, ReflectionInput},
};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use super::paging::{PageQuery, Paged};
use crate::{
    AppState,
    auth::{Caller, Grant},
    error::AppError,
    routes::Routes,
};

pub fn routes() -> Routes {
    Routes::new()
        .get("/api/v1/inbox", get_inbox)
        .calls(Operation::Inbox)
        .get("/api/v1/me/feedback", get_new_feedback)
        .calls(Operation::NewFeedback)
        .get("/api/v1/children/{child_id}/reflections", get_reflections)
        .calls(Operation::ViewReflections)
        .post("/api/v1/children/{child_id}/reflections", reflect)
        .calls(Operation::Reflect)
        .get("/api/v1/children/{child_id}/reflections/{reflection_id}", get_reflection)
        .calls(Operation::ViewReflection)
        .post("/api/v1/children/{child_id}/reflections/{reflection_id}/messages", answer)
        .calls(Operation::AnswerReflection)
        .post("/api/v1/children/{child_id}/reflections/{reflection_id}/handled", handled)
        .calls(Operation::HandleFlag)
        .post("/api/v1/children/{child_id}/reflections/{reflection_id}/read", read_reflection)
        .calls(Operation::MarkReflectionRead)
        .get("/api/v1/children/{child_id}/messages", get_messages)
        .calls(Operation::ViewChildThread)
        .post("/api/v1/children/{child_id}/messages", write)
        .calls(Operation::WriteAboutChild)
        .post("/api/v1/children/{child_id}/messages/read", read_messages)
        .calls(Operation::MarkChildThreadRead)
        .get("/api/v1/children/{child_id}/logs/{log_id}/feedback", get_log_thread)
        .calls(Operation::ViewLogThread)
        .post("/api/v1/children/{child_id}/logs/{log_id}/feedback", answer_log)
        .calls(Operation::AnswerLog)
        .post("/api/v1/children/{child_id}/logs/{log_id}/feedback/read", read_log)
        .calls(Operation::MarkLogRead)
}

/// The id of what a request made.
#[derive(Debug, Serialize, ToSchema)]
#[schema(example = json!({"id": "0190f000-0000-7000-8000-000000000040"}))]
pub struct FeedbackCreated {
    pub id: Uuid,
}

fn created(id: Uuid) -> Response {
    (StatusCode::CREATED, Json(FeedbackCreated { id })).into_response()
}

fn json<T: Serialize>(value: &T) -> Result<Json<serde_json::Value>, AppError> {
    serde_json::to_value(value).map(Json).map_err(|e| AppError::Internal(e.into()))
}

type Answer = Result<Json<serde_json::Value>, AppError>;

#[derive(Deserialize)]
pub(super) struct ReflectionPath {
    #[allow(dead_code)]
    child_id: String,
    reflection_id: String,
}

impl ReflectionPath {
    fn id(&self) -> Result<Uuid, AppError> {
        Uuid::parse_str(&self.reflection_id).map_err(|_| AppError::NotFound)
    }
}

/// What awaits the caller's answer across their caseload, oldest first.
#[utoipa::path(get, path = "/api/v1/inbox", tag = "feedback", params(PageQuery),
    responses((status = 200, body = Object, description = "Inbox entries, oldest first",
        example = json!({"items": [{"child_id": "0190f000-0000-7000-8000-000000000001", "child_name": "Mia", "thread_id": "0190f000-0000-7000-8000-000000000041", "subject": "reflection", "reflection_id": "0190f000-0000-7000-8000-000000000042", "practice_log_id": null, "flag_open": true, "since": "2026-11-02T19:30:00Z", "unread": 0}], "next_cursor": null}))))]
pub(super) async fn get_inbox(
    State(state): State<AppState>,
    caller: Caller,
    Query(query): Query<PageQuery>,
) -> Answer {
    let page = feedback::inbox(&state.ops, &caller.who, query.by_id()?).await?;
    json(&Paged { items: page.items, next_cursor: page.next.map(|n| n.to_string()) })
}

/// A caregiver's threads with feedback they have not read.
#[utoipa::path(get, path = "/api/v1/me/feedback", tag = "feedback",
    responses((status = 200, body = Object, description = "Threads with unread feedback",
        example = json!({"items": [{"child_id": "0190f000-0000-7000-8000-000000000001", "child_name": "Mia", "thread_id": "0190f000-0000-7000-8000-000000000041", "subject": "reflection", "reflection_id": "0190f000-0000-7000-8000-000000000042", "practice_log_id": null, "unread": 1}]}))))]
pub(super) async fn get_new_feedback(State(state): State<AppState>, caller: Caller) -> Answer {
    let items = feedback::my_new_feedback(&state.ops, &caller.who).await?;
    json(&serde_json::json!({ "items": items }))
}

/// The child's reflections, oldest first, and the flags for the next session.
#[utoipa::path(get, path = "/api/v1/children/{child_id}/reflections", tag = "feedback",
    params(("child_id" = Uuid, Path), PageQuery),
    responses((status = 200, body = Object, description = "Reflections and open flags")))]
pub(super) async fn get_reflections(
    State(state): State<AppState>,
    caller: Caller,
    grant: Grant,
    Query(query): Query<PageQuery>,
) -> Answer {
    let list =
        reflections::list_reflections(&state.ops, &caller.who, &grant.0, query.by_id()?).await?;
    json(&serde_json::json!({
        "items": list.items,
        "next_cursor": list.next.map(|n| n.to_string()),
        "open_flags": list.open_flags,
    }))
}

/// A guardian reflects on an assignment of the agreed plan, or on the week.
#[utoipa::path(post, path = "/api/v1/children/{child_id}/reflections", tag = "feedback",
    params(("child_id" = Uuid, Path)), request_body = ReflectionInput,
    responses((status = 201, body = FeedbackCreated)))]
pub(super) async fn reflect(
    State(state): State<AppState>,
    caller: Caller,
    grant: Grant,
    Json(body): Json<ReflectionInput>,
) -> Result<Response, AppError> {
    Ok(created(reflections::reflect(&state.ops, &caller.who, &grant.0, &body).await?))
}

/// One reflection with its thread (not marked read).
#[utoipa::path(get, path = "/api/v1/children/{child_id}/reflections/{reflection_id}", tag = "feedback",
    params(("child_id" = Uuid, Path), ("reflection_id" = Uuid, Path)),
    responses((status = 200, body = Object, description = "The reflection and its messages")))]
pub(super) async fn get_reflection(
    State(state): State<AppState>,
    caller: Caller,
    grant: Grant,
    Path(path): Path<ReflectionPath>,
) -> Answer {
    json(
        &reflections::reflection_thread(&state.ops, &caller.who, &grant.0, path.id()?, false)
            .await?,
    )
}

/// Answers a reflection; the care team may mark its flag handled with `handled: "true"`.
#[utoipa::path(post, path = "/api/v1/children/{child_id}/reflections/{reflection_id}/messages", tag = "feedback",
    params(("child_id" = Uuid, Path), ("reflection_id" = Uuid, Path)), request_body = AnswerInput,
    responses((status = 201, body = FeedbackCreated)))]
pub(super) async fn answer(
    State(state): State<AppState>,
    caller: Caller,
    grant: Grant,
    Path(path): Path<ReflectionPath>,
    Json(body): Json<AnswerInput>,
) -> Result<Response, AppError> {
    let id = reflections::answer_reflection(&state.ops, &caller.who, &grant.0, path.id()?, &body)
        .await?;
    Ok(created(id))
}

/// The care team marks a flag handled (again: no change).
#[utoipa::path(post, path = "/api/v1/children/{child_id}/reflections/{reflection_id}/handled", tag = "feedback",
    params(("child_id" = Uuid, Path), ("reflection_id" = Uuid, Path)),
    responses((status = 200, body = Object, description = "The reflection, handled")))]
pub(super) async fn handled(
    State(state): State<AppState>,
    caller: Caller,
    grant: Grant,
    Path(path): Path<ReflectionPath>,
) -> Answer {
    json(&reflections::handle_flag(&state.ops, &caller.who, &grant.0, path.id()?).await?)
}

/// Marks a reflection's thread read for the caller.
#[utoipa::path(post, path = "/api/v1/children/{child_id}/reflections/{reflection_id}/read", tag = "feedback",
    params(("child_id" = Uuid, Path), ("reflection_id" = Uuid, Path)),
    responses((status = 200, body = Object, description = "Unread messages left", example = json!({"unread": 0}))))]
pub(super) async fn read_reflection(
    State(state): State<AppState>,
    caller: Caller,
    grant: Grant,
    Path(path): Path<ReflectionPath>,
) -> Answer {
    json(&feedback::mark_reflection_read(&state.ops, &caller.who, &grant.0, path.id()?).await?)
}

/// The child's thread between the family and the care team, a page at a time (not marked read).
#[utoipa::path(get, path = "/api/v1/children/{child_id}/messages", tag = "feedback",
    params(("child_id" = Uuid, Path), PageQuery),
    responses((status = 200, body = Object, description = "Messages, oldest first")))]
pub(super) async fn get_messages(
    State(state): State<AppState>,
    caller: Caller,
    grant: Grant,
    Query(query): Query<PageQuery>,
) -> Answer {
    let view =
        feedback::child_thread(&state.ops, &caller.who, &grant.0, query.by_id()?, false).await?;
    json(&serde_json::json!({
        "thread_id": view.thread_id,
        "items": view.messages,
        "next_cursor": view.next.map(|n| n.to_string()),
        "unread": view.unread,
    }))
}

/// Writes in the child's thread.
#[utoipa::path(post, path = "/api/v1/children/{child_id}/messages", tag = "feedback",
    params(("child_id" = Uuid, Path)), request_body = MessageInput,
    responses((status = 201, body = FeedbackCreated)))]
pub(super) async fn write(
    State(state): State<AppState>,
    caller: Caller,
    grant: Grant,
    Json(body): Json<MessageInput>,
) -> Result<Response, AppError> {
    Ok(created(feedback::write_about_child(&state.ops, &caller.who, &grant.0, &body).await?))
}

/// Marks the child's thread read for the caller.
#[utoipa::path(post, path = "/api/v1/children/{child_id}/messages/read", tag = "feedback",
    params(("child_id" = Uuid, Path)),
    responses((status = 200, body = Object, description = "Unread messages left", example = json!({"unread": 0}))))]
pub(super) async fn read_messages(
    State(state): State<AppState>,
    caller: Caller,
    grant: Grant,
) -> Answer {
    json(&feedback::mark_child_thread_read(&state.ops, &caller.who, &grant.0).await?)
}

#[derive(Deserialize)]
pub(super) struct LogPath {
    #[allow(dead_code)]
    child_id: String,
    log_id: String,
}

impl LogPath {
    fn id(&self) -> Result<Uuid, AppError> {
        Uuid::parse_str(&self.log_id).map_err(|_| AppError::NotFound)
    }
}

/// A practice log in short and its feedback thread (not marked read).
#[utoipa::path(get, path = "/api/v1/children/{child_id}/logs/{log_id}/feedback", tag = "feedback",
    params(("child_id" = Uuid, Path), ("log_id" = Uuid, Path)),
    responses((status = 200, body = Object, description = "The log and its messages")))]
pub(super) async fn get_log_thread(
    State(state): State<AppState>,
    caller: Caller,
    grant: Grant,
    Path(path): Path<LogPath>,
) -> Answer {
    json(&feedback::log_thread(&state.ops, &caller.who, &grant.0, path.id()?, false).await?)
}

/// Answers a practice log (or answers back, for the caregiver who logged it).
#[utoipa::path(post, path = "/api/v1/children/{child_id}/logs/{log_id}/feedback", tag = "feedback",
    params(("child_id" = Uuid, Path), ("log_id" = Uuid, Path)), request_body = MessageInput,
    responses((status = 201, body = FeedbackCreated)))]
pub(super) async fn answer_log(
    State(state): State<AppState>,
    caller: Caller,
    grant: Grant,
    Path(path): Path<LogPath>,
    Json(body): Json<MessageInput>,
) -> Result<Response, AppError> {
    Ok(created(feedback::answer_log(&state.ops, &caller.who, &grant.0, path.id()?, &body).await?))
}

/// Marks a practice log's thread read for the caller.
#[utoipa::path(post, path = "/api/v1/children/{child_id}/logs/{log_id}/feedback/read", tag = "feedback",
    params(("child_id" = Uuid, Path), ("log_id" = Uuid, Path)),
    responses((status = 200, body = Object, description = "Unread messages left", example = json!({"unread": 0}))))]
pub(super) async fn read_log(
    State(state): State<AppState>,
    caller: Caller,
    grant: Grant,
    Path(path): Path<LogPath>,
) -> Answer {
    json(&feedback::mark_log_read(&state.ops, &caller.who, &grant.0, path.id()?).await?)
}
