//! The JSON twins of the progress page and the progress report (issue 14),
//! and the report as a PDF. They call the operations the pages call and
//! answer with the same numbers (T-scores to two decimals).

use axum::{
    Json,
    extract::{Query, State},
    http::StatusCode,
    response::{IntoResponse, Response},
};
use carryover_ops::{
    Operation, progress,
    progress::{ReportInput, ReportUse, SummaryInput, TimelineInput},
};

#[allow(unused_imports)] // named in the OpenAPI annotations
use uuid::Uuid;

use crate::{
    AppState,
    auth::{Caller, Grant},
    error::AppError,
    i18n::Tr,
    routes::{Routes, report_pdf},
};

pub fn routes() -> Routes {
    Routes::new()
        .get("/api/v1/children/{child_id}/progress", get_progress)
        .calls(Operation::ViewProgress)
        .get("/api/v1/children/{child_id}/report", get_report)
        .calls(Operation::ViewReport)
        .get("/api/v1/children/{child_id}/report.pdf", get_report_pdf)
        .calls(Operation::DownloadReport)
        .put("/api/v1/children/{child_id}/report/summary", put_summary)
        .calls(Operation::SaveReportSummary)
}

type Answer = Result<Json<serde_json::Value>, AppError>;

fn view<T: serde::Serialize>(value: &T) -> Answer {
    serde_json::to_value(value).map(Json).map_err(|e| AppError::Internal(e.into()))
}

/// A child's progress: COPM per goal over rating occasions with the change
/// since the first rating, GAS levels over time, the current T-scores; the
/// household's weekly adherence, the child's responses and the caregivers'
/// confidence (not a validated instrument) over the last 12 weeks; the
/// generalization matrix; visits; and eight weeks of timeline, newest first,
/// ending the day before `before` (empty: today). Not for helpers (404).
#[utoipa::path(get, path = "/api/v1/children/{child_id}/progress", tag = "progress",
    params(("child_id" = Uuid, Path), TimelineInput),
    responses((status = 200, body = Object, description = "The progress figures",
        example = json!({
            "child_name": "Mia", "today": "2026-11-30", "copm_threshold": 2,
            "goals": [{
                "goal": {"goal_id": "0190f000-0000-7000-8000-000000000031", "words": "Puts on her shoes", "area": "dressing", "status": "active"},
                "copm": [{"rated_on": "2026-10-05", "performance": 3, "satisfaction": 2}, {"rated_on": "2026-11-02", "performance": 6, "satisfaction": 4}],
                "copm_change": {"first_on": "2026-10-05", "latest_on": "2026-11-02",
                    "performance": {"before": 3, "after": 6, "change": 3, "clinically_important": true},
                    "satisfaction": {"before": 2, "after": 4, "change": 2, "clinically_important": true}},
                "gas": {"six_level": false, "baseline": -1, "ratings": [{"rated_on": "2026-11-02", "rater": "therapist", "level": 1}], "therapist_level": 1, "guardian_level": null}
            }],
            "t_score_set": ["0190f000-0000-7000-8000-000000000031"],
            "t_scores": [{"rater": null, "score": {"value": 38.04, "weighted": false, "goals": 1}, "no_score": null, "unrated": []}],
            "weeks": [{"week_start": "2026-11-23", "logs": 3, "target": 5, "adherence": 0.6}],
            "responses": [{"week_start": "2026-11-23", "went_well": 2, "mixed": 1, "hard": 0}],
            "confidence": [{"week_start": "2026-11-23", "ratings": 3, "average": 7.67}],
            "matrix": [],
            "visits": {"held": 3, "with_all_five": 2, "fidelity_percent": 67, "planned": 1, "cancelled": 0},
            "timeline": {"from": "2026-10-06", "to": "2026-11-30", "older": null, "entries": [
                {"on": "2026-11-29", "kind": "practice_log", "log_id": "0190f000-0000-7000-8000-000000000041",
                 "strategy": null, "practised_by_name": "Sam", "response": "went_well", "confidence": 8, "note": ""}]}
        })),
        (status = 422, content_type = "application/problem+json", body = crate::api::problem::Problem, description = "A `before` that is not a date, or is after tomorrow")))]
pub(super) async fn get_progress(
    State(state): State<AppState>,
    caller: Caller,
    grant: Grant,
    Query(input): Query<TimelineInput>,
) -> Answer {
    view(&progress::view(&state.ops, &caller.who, &grant.0, &input).await?)
}

/// The progress report's figures over a period, with the therapist's summary.
#[utoipa::path(get, path = "/api/v1/children/{child_id}/report", tag = "progress",
    params(("child_id" = Uuid, Path), ReportInput),
    responses((status = 200, body = Object, description = "The report: the progress figures over the period, and the summary",
        example = json!({"from": "2026-09-01", "to": "2026-11-30", "child_name": "Mia", "today": "2026-11-30", "copm_threshold": 2,
            "goals": [], "t_score_set": [], "t_scores": [], "weeks": [], "responses": [], "confidence": [], "matrix": [],
            "visits": {"held": 0, "with_all_five": 0, "fidelity_percent": null, "planned": 0, "cancelled": 0},
            "summary": {"text": "Mia now puts on both shoes on most school days.", "updated_by": "Dana Reyes", "updated_at": "2026-11-30T15:04:05Z"},
            "can_write_summary": true})),
        (status = 422, content_type = "application/problem+json", body = crate::api::problem::Problem, description = "A period that cannot be read, or that ends before it starts")))]
pub(super) async fn get_report(
    State(state): State<AppState>,
    caller: Caller,
    grant: Grant,
    Query(input): Query<ReportInput>,
) -> Answer {
    view(&progress::report(&state.ops, &caller.who, &grant.0, &input, ReportUse::View).await?)
}

/// The progress report as a PDF, in the caller's language (audited as a download).
#[utoipa::path(get, path = "/api/v1/children/{child_id}/report.pdf", tag = "progress",
    params(("child_id" = Uuid, Path), ReportInput),
    responses((status = 200, content_type = "application/pdf", body = Vec<u8>, description = "The report as PDF"),
        (status = 422, content_type = "application/problem+json", body = crate::api::problem::Problem, description = "A period that cannot be read, or that ends before it starts")))]
pub(super) async fn get_report_pdf(
    State(state): State<AppState>,
    t: Tr,
    caller: Caller,
    grant: Grant,
    Query(input): Query<ReportInput>,
) -> Result<Response, AppError> {
    let view =
        progress::report(&state.ops, &caller.who, &grant.0, &input, ReportUse::Download).await?;
    report_pdf(t, view).await
}

/// Writes the therapist's summary of the report (the care team; empty clears it).
#[utoipa::path(put, path = "/api/v1/children/{child_id}/report/summary", tag = "progress",
    params(("child_id" = Uuid, Path)), request_body = SummaryInput,
    responses((status = 204, description = "Saved")))]
pub(super) async fn put_summary(
    State(state): State<AppState>,
    caller: Caller,
    grant: Grant,
    Json(body): Json<SummaryInput>,
) -> Result<Response, AppError> {
    progress::save_summary(&state.ops, &caller.who, &grant.0, &body).await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}
