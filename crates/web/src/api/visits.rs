//! Coaching visits' JSON twins (issue 13): planned visits, the visit record
//! saved field by field (what `/static/visit.js` calls), ending it, the note,
//! signing, addenda, sharing the summary, and fidelity. Paths mirror the
//! pages' under `/api/v1`. A save from a stale revision answers 409 with
//! both texts (`outcome: stale`); nothing is lost.

use axum::{
    Json,
    extract::{Path, State},
    http::StatusCode,
    response::{IntoResponse, Response},
};
use carryover_ops::{
    Operation,
    visits::{
        self, AddendumInput, CancelInput, EndInput, EndOutcome, EntryInput, FidelityFigures,
        FieldInput, LinksInput, QuestionsInput, QuestionsView, RevisionInput, Saved, ShareInput,
        StartInput, TherapistFidelity, VisitFieldsInput, VisitInput,
    },
};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use super::plan::Created;
use crate::{
    AppState,
    auth::{Caller, Grant},
    error::AppError,
    routes::Routes,
};

pub fn routes() -> Routes {
    Routes::new()
        .get("/api/v1/children/{child_id}/visits", get_visits)
        .calls(Operation::ViewVisits)
        .post("/api/v1/children/{child_id}/visits", schedule)
        .calls(Operation::ScheduleVisit)
        .post("/api/v1/children/{child_id}/visits/{visit_id}/reschedule", reschedule)
        .calls(Operation::RescheduleVisit)
        .post("/api/v1/children/{child_id}/visits/{visit_id}/cancel", cancel)
        .calls(Operation::CancelVisit)
        .post("/api/v1/children/{child_id}/sessions", start)
        .calls(Operation::StartRecord)
        .get("/api/v1/children/{child_id}/sessions/{session_id}", get_record)
        .calls(Operation::ViewRecord)
        .post("/api/v1/children/{child_id}/sessions/{session_id}/field", save_field)
        .calls(Operation::SaveRecordField)
        .post("/api/v1/children/{child_id}/sessions/{session_id}/visit", save_visit)
        .calls(Operation::SaveRecordVisit)
        .post("/api/v1/children/{child_id}/sessions/{session_id}/goals", save_goals)
        .calls(Operation::SaveRecordGoals)
        .post("/api/v1/children/{child_id}/sessions/{session_id}/attendees", save_attendees)
        .calls(Operation::SaveRecordAttendees)
        .post("/api/v1/children/{child_id}/sessions/{session_id}/entries", add_entry)
        .calls(Operation::AddRecordEntry)
        .post("/api/v1/children/{child_id}/sessions/{session_id}/entries/{entry_id}", update_entry)
        .calls(Operation::UpdateRecordEntry)
        .post(
            "/api/v1/children/{child_id}/sessions/{session_id}/entries/{entry_id}/remove",
            remove_entry,
        )
        .calls(Operation::RemoveRecordEntry)
        .get("/api/v1/children/{child_id}/sessions/{session_id}/end", get_ending)
        .calls(Operation::ViewEnding)
        .post("/api/v1/children/{child_id}/sessions/{session_id}/end", end)
        .calls(Operation::EndVisit)
        .get("/api/v1/children/{child_id}/sessions/{session_id}/note", get_note)
        .calls(Operation::ViewNote)
        .post("/api/v1/children/{child_id}/sessions/{session_id}/sign", sign)
        .calls(Operation::SignNote)
        .post("/api/v1/children/{child_id}/sessions/{session_id}/addenda", add_addendum)
        .calls(Operation::AddAddendum)
        .post("/api/v1/children/{child_id}/sessions/{session_id}/share", share)
        .calls(Operation::ShareSummary)
        .get("/api/v1/me/fidelity", my_fidelity)
        .calls(Operation::MyFidelity)
        .get("/api/v1/fidelity", clinic_fidelity)
        .calls(Operation::ClinicFidelity)
        .get("/api/v1/clinic/reflection-questions", get_questions)
        .calls(Operation::ViewQuestions)
        .put("/api/v1/clinic/reflection-questions", put_questions)
        .calls(Operation::SetQuestions)
}

fn view<T: Serialize>(value: &T) -> Result<Json<serde_json::Value>, AppError> {
    serde_json::to_value(value).map(Json).map_err(|e| AppError::Internal(e.into()))
}

type Answer = Result<Json<serde_json::Value>, AppError>;

fn id(text: &str) -> Result<Uuid, AppError> {
    Uuid::parse_str(text).map_err(|_| AppError::NotFound)
}

#[derive(Deserialize)]
pub(super) struct VisitPath {
    #[allow(dead_code)]
    child_id: String,
    visit_id: String,
}

#[derive(Deserialize)]
pub(super) struct SessionPath {
    #[allow(dead_code)]
    child_id: String,
    session_id: String,
}

#[derive(Deserialize)]
pub(super) struct EntryPath {
    #[allow(dead_code)]
    child_id: String,
    session_id: String,
    entry_id: String,
}

/// A save refused because another came first: a problem (409) that also
/// carries both texts, so the caller can show them side by side.
#[derive(Debug, Serialize, ToSchema)]
#[schema(example = json!({"type": "urn:carryover:problem:conflict", "title": "Saved elsewhere first", "status": 409, "code": "conflict", "outcome": "stale", "revision": 7, "field": "agenda", "saved": "Bedtime first", "yours": "Mealtime first"}))]
pub struct StaleSave {
    #[serde(rename = "type")]
    pub kind: String,
    pub title: String,
    pub status: u16,
    pub code: String,
    /// Always `stale`.
    pub outcome: String,
    /// The record's revision now: save again from it.
    pub revision: i64,
    pub field: String,
    /// The text the record holds.
    pub saved: String,
    /// The text this save sent, kept beside the record.
    pub yours: String,
}

fn saved(outcome: Saved) -> Response {
    match outcome {
        Saved::Saved { revision } => {
            Json(serde_json::json!({"outcome": "saved", "revision": revision})).into_response()
        }
        Saved::Stale { revision, field, saved, yours } => {
            let body = StaleSave {
                kind: "urn:carryover:problem:conflict".into(),
                title: "The record was saved elsewhere first; your text is kept.".into(),
                status: 409,
                code: "conflict".into(),
                outcome: "stale".into(),
                revision,
                field,
                saved,
                yours,
            };
            let mut response = (StatusCode::CONFLICT, Json(body)).into_response();
            response.headers_mut().insert(
                axum::http::header::CONTENT_TYPE,
                axum::http::HeaderValue::from_static("application/problem+json"),
            );
            response.extensions_mut().insert(crate::error::KeepBody);
            response
        }
    }
}

/// The child's planned visits and visit records (guardians: shared summaries).
#[utoipa::path(get, path = "/api/v1/children/{child_id}/visits", tag = "visits",
    params(("child_id" = Uuid, Path)), responses((status = 200, body = Object, description = "Planned visits and records")))]
pub(super) async fn get_visits(
    State(state): State<AppState>,
    caller: Caller,
    grant: Grant,
) -> Answer {
    view(&visits::visits(&state.ops, &caller.who, &grant.0).await?)
}

#[utoipa::path(post, path = "/api/v1/children/{child_id}/visits", tag = "visits",
    params(("child_id" = Uuid, Path)), request_body = VisitInput, responses((status = 201, body = Created)))]
pub(super) async fn schedule(
    State(state): State<AppState>,
    caller: Caller,
    grant: Grant,
    Json(body): Json<VisitInput>,
) -> Result<Response, AppError> {
    let id = visits::schedule(&state.ops, &caller.who, &grant.0, &body).await?;
    Ok((StatusCode::CREATED, Json(Created { id })).into_response())
}

#[utoipa::path(post, path = "/api/v1/children/{child_id}/visits/{visit_id}/reschedule", tag = "visits",
    params(("child_id" = Uuid, Path), ("visit_id" = Uuid, Path)), request_body = VisitInput, responses((status = 204, description = "Moved")))]
pub(super) async fn reschedule(
    State(state): State<AppState>,
    caller: Caller,
    grant: Grant,
    Path(path): Path<VisitPath>,
    Json(body): Json<VisitInput>,
) -> Result<StatusCode, AppError> {
    visits::reschedule(&state.ops, &caller.who, &grant.0, id(&path.visit_id)?, &body).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[utoipa::path(post, path = "/api/v1/children/{child_id}/visits/{visit_id}/cancel", tag = "visits",
    params(("child_id" = Uuid, Path), ("visit_id" = Uuid, Path)), request_body = CancelInput, responses((status = 204, description = "Cancelled")))]
pub(super) async fn cancel(
    State(state): State<AppState>,
    caller: Caller,
    grant: Grant,
    Path(path): Path<VisitPath>,
    Json(body): Json<CancelInput>,
) -> Result<StatusCode, AppError> {
    visits::cancel(&state.ops, &caller.who, &grant.0, id(&path.visit_id)?, &body).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Starts today's visit record, or answers the one already open.
#[utoipa::path(post, path = "/api/v1/children/{child_id}/sessions", tag = "visits",
    params(("child_id" = Uuid, Path)), request_body = StartInput, responses((status = 201, body = Created)))]
pub(super) async fn start(
    State(state): State<AppState>,
    caller: Caller,
    grant: Grant,
    Json(body): Json<StartInput>,
) -> Result<Response, AppError> {
    let id = visits::start(&state.ops, &caller.who, &grant.0, &body).await?;
    Ok((StatusCode::CREATED, Json(Created { id })).into_response())
}

#[utoipa::path(get, path = "/api/v1/children/{child_id}/sessions/{session_id}", tag = "visits",
    params(("child_id" = Uuid, Path), ("session_id" = Uuid, Path)), responses((status = 200, body = Object, description = "The visit record")))]
pub(super) async fn get_record(
    State(state): State<AppState>,
    caller: Caller,
    grant: Grant,
    Path(path): Path<SessionPath>,
) -> Answer {
    view(&visits::record(&state.ops, &caller.who, &grant.0, id(&path.session_id)?).await?)
}

#[utoipa::path(post, path = "/api/v1/children/{child_id}/sessions/{session_id}/field", tag = "visits",
    params(("child_id" = Uuid, Path), ("session_id" = Uuid, Path)), request_body = FieldInput,
    responses((status = 200, body = Saved), (status = 409, body = StaleSave, description = "Saved elsewhere first: both texts")))]
pub(super) async fn save_field(
    State(state): State<AppState>,
    caller: Caller,
    grant: Grant,
    Path(path): Path<SessionPath>,
    Json(body): Json<FieldInput>,
) -> Result<Response, AppError> {
    Ok(saved(
        visits::save_field(&state.ops, &caller.who, &grant.0, id(&path.session_id)?, &body).await?,
    ))
}

#[utoipa::path(post, path = "/api/v1/children/{child_id}/sessions/{session_id}/visit", tag = "visits",
    params(("child_id" = Uuid, Path), ("session_id" = Uuid, Path)), request_body = VisitFieldsInput,
    responses((status = 200, body = Saved), (status = 409, body = StaleSave, description = "Saved elsewhere first")))]
pub(super) async fn save_visit(
    State(state): State<AppState>,
    caller: Caller,
    grant: Grant,
    Path(path): Path<SessionPath>,
    Json(body): Json<VisitFieldsInput>,
) -> Result<Response, AppError> {
    Ok(saved(
        visits::save_visit(&state.ops, &caller.who, &grant.0, id(&path.session_id)?, &body).await?,
    ))
}

/// Step 1: the goals addressed today (`ids`: goal ids of the child).
#[utoipa::path(post, path = "/api/v1/children/{child_id}/sessions/{session_id}/goals", tag = "visits",
    params(("child_id" = Uuid, Path), ("session_id" = Uuid, Path)), request_body = LinksInput,
    responses((status = 200, body = Saved), (status = 409, body = StaleSave, description = "Saved elsewhere first")))]
pub(super) async fn save_goals(
    State(state): State<AppState>,
    caller: Caller,
    grant: Grant,
    Path(path): Path<SessionPath>,
    Json(body): Json<LinksInput>,
) -> Result<Response, AppError> {
    Ok(saved(
        visits::save_goals(&state.ops, &caller.who, &grant.0, id(&path.session_id)?, &body).await?,
    ))
}

/// The caregivers who attended (`ids`: caregivers of the household).
#[utoipa::path(post, path = "/api/v1/children/{child_id}/sessions/{session_id}/attendees", tag = "visits",
    params(("child_id" = Uuid, Path), ("session_id" = Uuid, Path)), request_body = LinksInput,
    responses((status = 200, body = Saved), (status = 409, body = StaleSave, description = "Saved elsewhere first")))]
pub(super) async fn save_attendees(
    State(state): State<AppState>,
    caller: Caller,
    grant: Grant,
    Path(path): Path<SessionPath>,
    Json(body): Json<LinksInput>,
) -> Result<Response, AppError> {
    Ok(saved(
        visits::save_attendees(&state.ops, &caller.who, &grant.0, id(&path.session_id)?, &body)
            .await?,
    ))
}

#[utoipa::path(post, path = "/api/v1/children/{child_id}/sessions/{session_id}/entries", tag = "visits",
    params(("child_id" = Uuid, Path), ("session_id" = Uuid, Path)), request_body = EntryInput,
    responses((status = 200, body = Saved), (status = 409, body = StaleSave, description = "Saved elsewhere first")))]
pub(super) async fn add_entry(
    State(state): State<AppState>,
    caller: Caller,
    grant: Grant,
    Path(path): Path<SessionPath>,
    Json(body): Json<EntryInput>,
) -> Result<Response, AppError> {
    Ok(saved(
        visits::add_entry(&state.ops, &caller.who, &grant.0, id(&path.session_id)?, &body).await?,
    ))
}

#[utoipa::path(post, path = "/api/v1/children/{child_id}/sessions/{session_id}/entries/{entry_id}", tag = "visits",
    params(("child_id" = Uuid, Path), ("session_id" = Uuid, Path), ("entry_id" = Uuid, Path)), request_body = EntryInput,
    responses((status = 200, body = Saved), (status = 409, body = StaleSave, description = "Saved elsewhere first")))]
pub(super) async fn update_entry(
    State(state): State<AppState>,
    caller: Caller,
    grant: Grant,
    Path(path): Path<EntryPath>,
    Json(body): Json<EntryInput>,
) -> Result<Response, AppError> {
    let (session, entry) = (id(&path.session_id)?, id(&path.entry_id)?);
    Ok(saved(visits::update_entry(&state.ops, &caller.who, &grant.0, session, entry, &body).await?))
}

#[utoipa::path(post, path = "/api/v1/children/{child_id}/sessions/{session_id}/entries/{entry_id}/remove", tag = "visits",
    params(("child_id" = Uuid, Path), ("session_id" = Uuid, Path), ("entry_id" = Uuid, Path)), request_body = RevisionInput,
    responses((status = 200, body = Saved), (status = 409, body = StaleSave, description = "Saved elsewhere first")))]
pub(super) async fn remove_entry(
    State(state): State<AppState>,
    caller: Caller,
    grant: Grant,
    Path(path): Path<EntryPath>,
    Json(body): Json<RevisionInput>,
) -> Result<Response, AppError> {
    let (session, entry) = (id(&path.session_id)?, id(&path.entry_id)?);
    Ok(saved(visits::remove_entry(&state.ops, &caller.who, &grant.0, session, entry, &body).await?))
}

/// What ending offers: the plan carried forward, today's modifications, the guardians.
#[utoipa::path(get, path = "/api/v1/children/{child_id}/sessions/{session_id}/end", tag = "visits",
    params(("child_id" = Uuid, Path), ("session_id" = Uuid, Path)), responses((status = 200, body = Object, description = "The end of the visit")))]
pub(super) async fn get_ending(
    State(state): State<AppState>,
    caller: Caller,
    grant: Grant,
    Path(path): Path<SessionPath>,
) -> Answer {
    view(&visits::ending(&state.ops, &caller.who, &grant.0, id(&path.session_id)?).await?)
}

/// Ends the visit; with `guardian_id`, the next version is agreed at once.
#[utoipa::path(post, path = "/api/v1/children/{child_id}/sessions/{session_id}/end", tag = "visits",
    params(("child_id" = Uuid, Path), ("session_id" = Uuid, Path)), request_body = EndInput, responses((status = 200, body = EndOutcome)))]
pub(super) async fn end(
    State(state): State<AppState>,
    caller: Caller,
    grant: Grant,
    Path(path): Path<SessionPath>,
    Json(body): Json<EndInput>,
) -> Result<Json<EndOutcome>, AppError> {
    Ok(Json(visits::end(&state.ops, &caller.who, &grant.0, id(&path.session_id)?, &body).await?))
}

/// The note: only what was written, the steps not documented, signature and addenda.
#[utoipa::path(get, path = "/api/v1/children/{child_id}/sessions/{session_id}/note", tag = "visits",
    params(("child_id" = Uuid, Path), ("session_id" = Uuid, Path)), responses((status = 200, body = Object, description = "The session note")))]
pub(super) async fn get_note(
    State(state): State<AppState>,
    caller: Caller,
    grant: Grant,
    Path(path): Path<SessionPath>,
) -> Answer {
    view(&visits::note(&state.ops, &caller.who, &grant.0, id(&path.session_id)?).await?)
}

#[utoipa::path(post, path = "/api/v1/children/{child_id}/sessions/{session_id}/sign", tag = "visits",
    params(("child_id" = Uuid, Path), ("session_id" = Uuid, Path)), responses((status = 204, description = "Signed and locked")))]
pub(super) async fn sign(
    State(state): State<AppState>,
    caller: Caller,
    grant: Grant,
    Path(path): Path<SessionPath>,
) -> Result<StatusCode, AppError> {
    visits::sign(&state.ops, &caller.who, &grant.0, id(&path.session_id)?).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[utoipa::path(post, path = "/api/v1/children/{child_id}/sessions/{session_id}/addenda", tag = "visits",
    params(("child_id" = Uuid, Path), ("session_id" = Uuid, Path)), request_body = AddendumInput, responses((status = 204, description = "Added under the signed note")))]
pub(super) async fn add_addendum(
    State(state): State<AppState>,
    caller: Caller,
    grant: Grant,
    Path(path): Path<SessionPath>,
    Json(body): Json<AddendumInput>,
) -> Result<StatusCode, AppError> {
    visits::add_addendum(&state.ops, &caller.who, &grant.0, id(&path.session_id)?, &body).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[utoipa::path(post, path = "/api/v1/children/{child_id}/sessions/{session_id}/share", tag = "visits",
    params(("child_id" = Uuid, Path), ("session_id" = Uuid, Path)), request_body = ShareInput, responses((status = 204, description = "Shared or no longer shared")))]
pub(super) async fn share(
    State(state): State<AppState>,
    caller: Caller,
    grant: Grant,
    Path(path): Path<SessionPath>,
    Json(body): Json<ShareInput>,
) -> Result<StatusCode, AppError> {
    visits::share_summary(&state.ops, &caller.who, &grant.0, id(&path.session_id)?, &body).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// The signed-in therapist's share of visits with all five steps.
#[utoipa::path(get, path = "/api/v1/me/fidelity", tag = "visits", responses((status = 200, body = FidelityFigures)))]
pub(super) async fn my_fidelity(
    State(state): State<AppState>,
    caller: Caller,
) -> Result<Json<FidelityFigures>, AppError> {
    Ok(Json(visits::my_fidelity(&state.ops, &caller.who).await?))
}

/// Every therapist's share, for the admin.
#[utoipa::path(get, path = "/api/v1/fidelity", tag = "visits", responses((status = 200, body = Vec<TherapistFidelity>)))]
pub(super) async fn clinic_fidelity(
    State(state): State<AppState>,
    caller: Caller,
) -> Result<Json<Vec<TherapistFidelity>>, AppError> {
    Ok(Json(visits::clinic_fidelity(&state.ops, &caller.who).await?))
}

/// The clinic's reflective questions (empty: the ones that ship with Carryover).
#[utoipa::path(get, path = "/api/v1/clinic/reflection-questions", tag = "visits", responses((status = 200, body = QuestionsView)))]
pub(super) async fn get_questions(
    State(state): State<AppState>,
    caller: Caller,
) -> Result<Json<QuestionsView>, AppError> {
    Ok(Json(visits::questions(&state.ops, &caller.who).await?))
}

/// Replaces the clinic's reflective questions, one per line.
#[utoipa::path(put, path = "/api/v1/clinic/reflection-questions", tag = "visits", request_body = QuestionsInput, responses((status = 204, description = "Saved")))]
pub(super) async fn put_questions(
    State(state): State<AppState>,
    caller: Caller,
    Json(body): Json<QuestionsInput>,
) -> Result<StatusCode, AppError> {
    visits::set_questions(&state.ops, &caller.who, &body).await?;
    Ok(StatusCode::NO_CONTENT)
}
