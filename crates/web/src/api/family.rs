//! The people side: a child's details and care team, the caregivers of its
//! household, discharge and re-admission, a family's copy of its data, and
//! a therapist's caseload — each the twin of a page.

use axum::{
    Json,
    extract::{Path, State},
    http::StatusCode,
};
use carryover_ops::{
    Operation, care_team, caseload, child_details, discharge, export, membership, staff,
};
use uuid::Uuid;

use super::family_models::{
    CareTeam, Caregivers, Caseload, CaseloadMove, CaseloadMoved, ChildDetailsForm, Deactivation,
    DetailsUpdate, DischargeBody, MemberChange, MemberRemoved, ReadmitBody, TeamChangeBody,
};
use crate::{
    AppState,
    auth::{Caller, Grant},
    error::AppError,
    routes::Routes,
};

pub fn routes() -> Routes {
    Routes::new()
        .get("/api/v1/children/{child_id}/details", get_details)
        .calls(Operation::ViewChildDetails)
        .put("/api/v1/children/{child_id}/details", put_details)
        .calls(Operation::UpdateChildDetails)
        .get("/api/v1/children/{child_id}/team", get_team)
        .calls(Operation::ViewCareTeam)
        .post("/api/v1/children/{child_id}/team", change_team)
        .calls(Operation::ChangeCareTeam)
        .get("/api/v1/children/{child_id}/caregivers", list_caregivers)
        .calls(Operation::ListCaregivers)
        .post("/api/v1/children/{child_id}/caregivers/access", change_access)
        .calls(Operation::ChangeAccess)
        .post("/api/v1/children/{child_id}/caregivers/remove", remove_caregiver)
        .calls(Operation::RemoveCaregiver)
        .post("/api/v1/children/{child_id}/discharge", discharge_child)
        .calls(Operation::Discharge)
        .post("/api/v1/children/{child_id}/readmit", readmit_child)
        .calls(Operation::Readmit)
        .get("/api/v1/children/{child_id}/export", export_child)
        .calls(Operation::ExportChild)
        .get("/api/v1/people/{person_id}/caseload", get_caseload)
        .calls(Operation::ViewCaseload)
        .post("/api/v1/people/{person_id}/caseload", move_caseload)
        .calls(Operation::MoveCaseload)
        .get("/api/v1/people/{person_id}/deactivation", get_deactivation)
        .calls(Operation::DeactivationPreview)
}

fn person_id(text: &str) -> Result<Uuid, AppError> {
    Uuid::parse_str(text).map_err(|_| AppError::NotFound)
}

/// A child's details as the caller may edit them (the care team and admins
/// all fields; a guardian the name and the languages).
#[utoipa::path(get, path = "/api/v1/children/{child_id}/details", tag = "family",
    params(("child_id" = Uuid, Path)), responses((status = 200, body = ChildDetailsForm)))]
pub(super) async fn get_details(
    State(state): State<AppState>,
    caller: Caller,
    grant: Grant,
) -> Result<Json<ChildDetailsForm>, AppError> {
    Ok(Json(child_details::form(&state.ops, &caller.who, &grant.0).await?.into()))
}

/// Saves the details the caller may change; 409 once the child is discharged.
#[utoipa::path(put, path = "/api/v1/children/{child_id}/details", tag = "family",
    params(("child_id" = Uuid, Path)), request_body = DetailsUpdate, responses((status = 204, description = "Saved")))]
pub(super) async fn put_details(
    State(state): State<AppState>,
    caller: Caller,
    grant: Grant,
    Json(body): Json<DetailsUpdate>,
) -> Result<StatusCode, AppError> {
    let input = child_details::DetailsInput {
        preferred_name: body.preferred_name,
        date_of_birth: body.date_of_birth,
        home_languages: body.home_languages,
        notes: body.notes,
    };
    child_details::update(&state.ops, &caller.who, &grant.0, &input).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// The care team, for the clinic's admins.
#[utoipa::path(get, path = "/api/v1/children/{child_id}/team", tag = "family",
    params(("child_id" = Uuid, Path)), responses((status = 200, body = CareTeam)))]
pub(super) async fn get_team(
    State(state): State<AppState>,
    caller: Caller,
    grant: Grant,
) -> Result<Json<CareTeam>, AppError> {
    let view = care_team::view(&state.ops, &caller.who, &grant.0).await?;
    Ok(Json(CareTeam {
        child_name: view.child_name,
        team: view.team.into_iter().map(Into::into).collect(),
        therapists: view.therapists.into_iter().map(Into::into).collect(),
    }))
}

/// Adds a therapist, removes one, or names the primary one.
#[utoipa::path(post, path = "/api/v1/children/{child_id}/team", tag = "family",
    params(("child_id" = Uuid, Path)), request_body = TeamChangeBody, responses((status = 204, description = "Changed")))]
pub(super) async fn change_team(
    State(state): State<AppState>,
    caller: Caller,
    grant: Grant,
    Json(body): Json<TeamChangeBody>,
) -> Result<StatusCode, AppError> {
    let input = care_team::TeamInput { change: body.change, therapist_id: body.therapist_id };
    care_team::change(&state.ops, &caller.who, &grant.0, &input).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// The caregivers of the child's household.
#[utoipa::path(get, path = "/api/v1/children/{child_id}/caregivers", tag = "family",
    params(("child_id" = Uuid, Path)), responses((status = 200, body = Caregivers)))]
pub(super) async fn list_caregivers(
    State(state): State<AppState>,
    caller: Caller,
    grant: Grant,
) -> Result<Json<Caregivers>, AppError> {
    let view = membership::list(&state.ops, &caller.who, &grant.0).await?;
    Ok(Json(Caregivers {
        child_name: view.child_name,
        caregivers: view.caregivers.into_iter().map(Into::into).collect(),
        can_change: view.can_change,
    }))
}

fn member_input(body: MemberChange) -> membership::MemberInput {
    membership::MemberInput { person_id: body.person_id, access: body.access }
}

/// Makes a caregiver a guardian or a helper; the household keeps a guardian.
#[utoipa::path(post, path = "/api/v1/children/{child_id}/caregivers/access", tag = "family",
    params(("child_id" = Uuid, Path)), request_body = MemberChange, responses((status = 204, description = "Changed")))]
pub(super) async fn change_access(
    State(state): State<AppState>,
    caller: Caller,
    grant: Grant,
    Json(body): Json<MemberChange>,
) -> Result<StatusCode, AppError> {
    membership::change_access(&state.ops, &caller.who, &grant.0, &member_input(body)).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Removes a caregiver from the household; it takes effect on their next request.
#[utoipa::path(post, path = "/api/v1/children/{child_id}/caregivers/remove", tag = "family",
    params(("child_id" = Uuid, Path)), request_body = MemberChange, responses((status = 200, body = MemberRemoved)))]
pub(super) async fn remove_caregiver(
    State(state): State<AppState>,
    caller: Caller,
    grant: Grant,
    Json(body): Json<MemberChange>,
) -> Result<Json<MemberRemoved>, AppError> {
    let removed =
        membership::remove(&state.ops, &caller.who, &grant.0, &member_input(body)).await?;
    Ok(Json(MemberRemoved {
        name: removed.name,
        deactivated: removed.deactivated,
        was_caller: removed.was_caller,
    }))
}

/// Discharges the child: the record becomes read-only for everyone.
#[utoipa::path(post, path = "/api/v1/children/{child_id}/discharge", tag = "family",
    params(("child_id" = Uuid, Path)), request_body = DischargeBody, responses((status = 204, description = "Discharged")))]
pub(super) async fn discharge_child(
    State(state): State<AppState>,
    caller: Caller,
    grant: Grant,
    Json(body): Json<DischargeBody>,
) -> Result<StatusCode, AppError> {
    let input = discharge::DischargeInput {
        discharged_on: body.discharged_on,
        reason: body.reason,
        note: body.note,
    };
    discharge::discharge(&state.ops, &caller.who, &grant.0, &input).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Re-admits a discharged child, with its history.
#[utoipa::path(post, path = "/api/v1/children/{child_id}/readmit", tag = "family",
    params(("child_id" = Uuid, Path)), request_body = ReadmitBody, responses((status = 204, description = "Re-admitted")))]
pub(super) async fn readmit_child(
    State(state): State<AppState>,
    caller: Caller,
    grant: Grant,
    Json(body): Json<ReadmitBody>,
) -> Result<StatusCode, AppError> {
    let input = discharge::ReadmitInput { therapist_id: body.therapist_id };
    discharge::readmit(&state.ops, &caller.who, &grant.0, &input).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Everything about the child a guardian can see, as the download holds it (audited as an export).
#[utoipa::path(get, path = "/api/v1/children/{child_id}/export", tag = "family",
    params(("child_id" = Uuid, Path)), responses((status = 200, body = Object, description = "The family's copy, as in child.json of the download")))]
pub(super) async fn export_child(
    State(state): State<AppState>,
    caller: Caller,
    grant: Grant,
) -> Result<Json<serde_json::Value>, AppError> {
    let bundle = export::for_guardian(&state.ops, &caller.who, &grant.0).await?;
    serde_json::to_value(bundle).map(Json).map_err(|e| AppError::Internal(e.into()))
}

/// A therapist's caseload, for the clinic's admins.
#[utoipa::path(get, path = "/api/v1/people/{person_id}/caseload", tag = "family",
    params(("person_id" = Uuid, Path)), responses((status = 200, body = Caseload)))]
pub(super) async fn get_caseload(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
) -> Result<Json<Caseload>, AppError> {
    Ok(Json(caseload::view(&state.ops, &caller.who, person_id(&id)?).await?.into()))
}

/// Moves some or all of a therapist's children to another therapist in one step.
#[utoipa::path(post, path = "/api/v1/people/{person_id}/caseload", tag = "family",
    params(("person_id" = Uuid, Path)), request_body = CaseloadMove, responses((status = 200, body = CaseloadMoved)))]
pub(super) async fn move_caseload(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
    Json(body): Json<CaseloadMove>,
) -> Result<Json<CaseloadMoved>, AppError> {
    let input = caseload::MoveInput { to: body.to, children: body.children };
    let moved = caseload::move_children(&state.ops, &caller.who, person_id(&id)?, &input).await?;
    Ok(Json(CaseloadMoved { count: moved.count, to_name: moved.to_name }))
}

/// What deactivating a person would need first: where their only-therapist children go.
#[utoipa::path(get, path = "/api/v1/people/{person_id}/deactivation", tag = "family",
    params(("person_id" = Uuid, Path)), responses((status = 200, body = Deactivation)))]
pub(super) async fn get_deactivation(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
) -> Result<Json<Deactivation>, AppError> {
    Ok(Json(staff::deactivation(&state.ops, &caller.who, person_id(&id)?).await?.into()))
}
