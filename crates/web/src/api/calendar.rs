//! The caller's calendar feed link (issue 12 part C), the twin of
//! `/account/calendar`: its state, a new link (which ends the old one), and
//! turning it off. The feed itself is `GET /calendar/{token}.ics`.

use axum::{
    Json,
    extract::State,
    http::{HeaderMap, StatusCode},
    response::{IntoResponse, Response},
};
use carryover_ops::{Operation, calendar};
use serde::Serialize;
use utoipa::ToSchema;

use crate::{AppState, auth::Caller, calendar_words, error::AppError, links, routes::Routes};

pub fn routes() -> Routes {
    Routes::new()
        .get("/api/v1/me/calendar", get_calendar)
        .calls(Operation::CalendarFeedStatus)
        .post("/api/v1/me/calendar", create_calendar)
        .calls(Operation::CreateCalendarFeed)
        .delete("/api/v1/me/calendar", revoke_calendar)
        .calls(Operation::RevokeCalendarFeed)
}

/// Whether the caller has a live calendar link, and since when.
#[derive(Debug, Serialize, ToSchema)]
#[schema(example = json!({"live": true, "created_at": "2026-11-30T09:00:00Z"}))]
pub struct CalendarFeed {
    pub live: bool,
    pub created_at: Option<String>,
}

/// A link just made: shown this once (only its hash is kept).
#[derive(Debug, Serialize, ToSchema)]
#[schema(example = json!({
    "url": "https://carryover.clinic.example/calendar/0190f0000000700080000000000000aa.0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef.ics",
    "created_at": "2026-11-30T09:00:00Z"
}))]
pub struct CalendarFeedCreated {
    /// The feed's address: subscribe to it from a calendar app.
    pub url: String,
    pub created_at: String,
}

fn rfc3339(at: time::OffsetDateTime) -> String {
    at.format(&time::format_description::well_known::Rfc3339).unwrap_or_default()
}

/// The caller's calendar link.
#[utoipa::path(get, path = "/api/v1/me/calendar", tag = "account",
    responses((status = 200, body = CalendarFeed)))]
pub(super) async fn get_calendar(
    State(state): State<AppState>,
    caller: Caller,
) -> Result<Json<CalendarFeed>, AppError> {
    let status = calendar::status(&state.ops, &caller.who).await?;
    Ok(Json(CalendarFeed {
        live: status.feed_id.is_some(),
        created_at: status.created_at.map(rfc3339),
    }))
}

/// Makes a calendar link; any older link stops working at once.
#[utoipa::path(post, path = "/api/v1/me/calendar", tag = "account",
    responses((status = 201, body = CalendarFeedCreated)))]
pub(super) async fn create_calendar(
    State(state): State<AppState>,
    caller: Caller,
    headers: HeaderMap,
) -> Result<Response, AppError> {
    let made = calendar::create(&state.ops, &caller.who).await?;
    let url = calendar_words::feed_url(&links::base_url(&state, &headers), &made.token);
    let created_at = made.status.created_at.map(rfc3339).unwrap_or_default();
    Ok((StatusCode::CREATED, Json(CalendarFeedCreated { url, created_at })).into_response())
}

/// Turns the calendar link off (nothing to do when there is none).
#[utoipa::path(delete, path = "/api/v1/me/calendar", tag = "account",
    responses((status = 204, description = "Turned off")))]
pub(super) async fn revoke_calendar(
    State(state): State<AppState>,
    caller: Caller,
) -> Result<StatusCode, AppError> {
    calendar::revoke(&state.ops, &caller.who).await?;
    Ok(StatusCode::NO_CONTENT)
}
