//! Children and families: the caller's children, one child's record, a new
//! family, another caregiver of a child.

use axum::{
    Json,
    extract::{Query, State},
    http::{HeaderMap, StatusCode},
    response::{IntoResponse, Response},
};
use carryover_ops::{
    Operation,
    caregivers::{self, CaregiverInput},
    children,
    households::{self, NewHouseholdInput},
};

use super::{
    models::{CaregiverInvited, Child, ChildItem, Invitation, NewCaregiver, NewHousehold},
    paging::{PageQuery, Paged},
};
use crate::{
    AppState,
    auth::{Caller, Grant},
    error::AppError,
    links,
    routes::Routes,
};

pub fn routes() -> Routes {
    Routes::new()
        .get("/api/v1/children", list_children)
        .calls(Operation::ListChildren)
        .get("/api/v1/children/{child_id}", get_child)
        .calls(Operation::ViewChild)
        .post("/api/v1/households", create_household)
        .calls(Operation::CreateHousehold)
        .post("/api/v1/children/{child_id}/caregivers", add_caregiver)
        .calls(Operation::AddCaregiver)
}

/// The children the caller works with: their own (caregivers), their
/// caseload (therapists), the clinic's (admins). Paged by id.
#[utoipa::path(get, path = "/api/v1/children", tag = "children", params(PageQuery),
    responses((status = 200, body = Paged<ChildItem>)))]
pub(super) async fn list_children(
    State(state): State<AppState>,
    caller: Caller,
    Query(page): Query<PageQuery>,
) -> Result<Json<Paged<ChildItem>>, AppError> {
    let found = children::list(&state.ops, &caller.who, page.by_id()?).await?;
    Ok(Json(Paged {
        items: found.items.into_iter().map(ChildItem::from).collect(),
        next_cursor: found.next.map(|id| id.to_string()),
    }))
}

/// One child's record, as much as the caller's access shows.
#[utoipa::path(get, path = "/api/v1/children/{child_id}", tag = "children",
    params(("child_id" = Uuid, Path)), responses((status = 200, body = Child)))]
pub(super) async fn get_child(
    State(state): State<AppState>,
    caller: Caller,
    grant: Grant,
) -> Result<Json<Child>, AppError> {
    Ok(Json(children::view(&state.ops, &caller.who, &grant.0).await?.into()))
}

/// Adds a family: a child and a first caregiver, who gets an invitation.
#[utoipa::path(post, path = "/api/v1/households", tag = "children", request_body = NewHousehold,
    responses((status = 201, body = CaregiverInvited)))]
pub(super) async fn create_household(
    State(state): State<AppState>,
    caller: Caller,
    headers: HeaderMap,
    Json(body): Json<NewHousehold>,
) -> Result<Response, AppError> {
    let input = NewHouseholdInput {
        child_name: body.child_name,
        therapist_id: body.therapist_id.map(|id| id.to_string()).unwrap_or_default(),
        caregiver: CaregiverInput {
            name: body.caregiver_name,
            email: body.caregiver_email,
            relationship: body.relationship,
            access: body.access,
        },
    };
    let lang = super::language_of(&caller);
    let made = households::create(&state.ops, &caller.who, &input, lang).await?;
    let base = links::base_url(&state, &headers);
    let body = CaregiverInvited {
        child_id: made.child_id,
        caregiver_name: made.caregiver_name,
        invitation: made.invitation.as_ref().map(|l| Invitation::new(&base, l)),
    };
    Ok((StatusCode::CREATED, Json(body)).into_response())
}

/// Invites another caregiver of the child (the care team and admins).
#[utoipa::path(post, path = "/api/v1/children/{child_id}/caregivers", tag = "children",
    params(("child_id" = Uuid, Path)), request_body = NewCaregiver,
    responses((status = 201, body = CaregiverInvited)))]
pub(super) async fn add_caregiver(
    State(state): State<AppState>,
    caller: Caller,
    grant: Grant,
    headers: HeaderMap,
    Json(body): Json<NewCaregiver>,
) -> Result<Response, AppError> {
    let input = CaregiverInput {
        name: body.caregiver_name,
        email: body.caregiver_email,
        relationship: body.relationship,
        access: body.access,
    };
    let lang = super::language_of(&caller);
    let added = caregivers::add(&state.ops, &caller.who, &grant.0, &input, lang).await?;
    let base = links::base_url(&state, &headers);
    let body = CaregiverInvited {
        child_id: added.child_id,
        caregiver_name: added.caregiver_name,
        invitation: added.invitation.as_ref().map(|l| Invitation::new(&base, l)),
    };
    Ok((StatusCode::CREATED, Json(body)).into_response())
}
