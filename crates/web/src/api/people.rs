//! The clinic's people, for its admins: the list, staff invitations,
//! deactivation and password-reset links.

use axum::{
    Json,
    extract::{Path, Query, State},
    http::{HeaderMap, StatusCode},
    response::{IntoResponse, Response},
};
use carryover_ops::{
    Operation,
    staff::{self, StaffInput},
};
use uuid::Uuid;

use super::{
    models::{Invitation, NewStaff, PersonItem, PersonLink},
    paging::{PageQuery, Paged},
};
use crate::{AppState, auth::Caller, error::AppError, links, routes::Routes};

pub fn routes() -> Routes {
    Routes::new()
        .get("/api/v1/people", list_people)
        .calls(Operation::ListStaff)
        .post("/api/v1/people", invite_staff)
        .calls(Operation::InviteStaff)
        .post("/api/v1/people/{person_id}/deactivate", deactivate)
        .calls(Operation::DeactivatePerson)
        .post("/api/v1/people/{person_id}/reset-link", reset_link)
        .calls(Operation::ResetLink)
}

fn person_id(text: &str) -> Result<Uuid, AppError> {
    Uuid::parse_str(text).map_err(|_| AppError::NotFound)
}

/// Everyone with an account at the clinic. Paged by id.
#[utoipa::path(get, path = "/api/v1/people", tag = "people", params(PageQuery),
    responses((status = 200, body = Paged<PersonItem>)))]
pub(super) async fn list_people(
    State(state): State<AppState>,
    caller: Caller,
    Query(page): Query<PageQuery>,
) -> Result<Json<Paged<PersonItem>>, AppError> {
    let found = staff::list(&state.ops, &caller.who, page.by_id()?).await?;
    Ok(Json(Paged {
        items: found.items.into_iter().map(PersonItem::from).collect(),
        next_cursor: found.next.map(|id| id.to_string()),
    }))
}

/// Invites a therapist or an admin; the answer holds their single-use link.
#[utoipa::path(post, path = "/api/v1/people", tag = "people", request_body = NewStaff,
    responses((status = 201, body = PersonLink)))]
pub(super) async fn invite_staff(
    State(state): State<AppState>,
    caller: Caller,
    headers: HeaderMap,
    Json(body): Json<NewStaff>,
) -> Result<Response, AppError> {
    let input = StaffInput { name: body.name, email: body.email, role: body.role };
    let made = staff::invite(&state.ops, &caller.who, &input, super::language_of(&caller)).await?;
    let base = links::base_url(&state, &headers);
    let body = PersonLink {
        person_id: made.person.person_id,
        invitation: Invitation::new(&base, &made.link),
    };
    Ok((StatusCode::CREATED, Json(body)).into_response())
}

/// Deactivates a person and ends their sessions and tokens.
#[utoipa::path(post, path = "/api/v1/people/{person_id}/deactivate", tag = "people",
    params(("person_id" = Uuid, Path),
        ("move_to" = Option<Uuid>, Query, description = "Who takes the children this therapist is the only therapist of; required when there are any")),
    responses((status = 204, description = "Deactivated")))]
pub(super) async fn deactivate(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
    Query(input): Query<staff::DeactivateInput>,
) -> Result<StatusCode, AppError> {
    staff::deactivate(&state.ops, &caller.who, person_id(&id)?, &input).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Makes a link for an active person to set a new password.
#[utoipa::path(post, path = "/api/v1/people/{person_id}/reset-link", tag = "people",
    params(("person_id" = Uuid, Path)), responses((status = 201, body = PersonLink)))]
pub(super) async fn reset_link(
    State(state): State<AppState>,
    caller: Caller,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let made = staff::reset_link(&state.ops, &caller.who, person_id(&id)?).await?;
    let base = links::base_url(&state, &headers);
    let body = PersonLink {
        person_id: made.person.person_id,
        invitation: Invitation::new(&base, &made.link),
    };
    Ok((StatusCode::CREATED, Json(body)).into_response())
}
