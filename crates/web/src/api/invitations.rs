//! The invitee's side of an invitation link: what it says, and accepting it.

use axum::{
    Json,
    extract::{Path, State},
    http::header,
    response::{IntoResponse, Response},
};
use carryover_domain::people::Language;
use carryover_ops::{
    Operation,
    invitations::{self, Acceptance as OpAcceptance},
};

use super::{
    models::{Acceptance, InvitationInfo, Me},
    problem::Problem,
};
use crate::{
    AppState,
    auth::{Meta, cookies},
    error::AppError,
    routes::Routes,
};

pub fn routes() -> Routes {
    Routes::new()
        .get("/api/v1/invitations/{token}", get_invitation)
        .calls(Operation::OpenInvitation)
        .post("/api/v1/invitations/{token}/accept", accept)
        .calls(Operation::AcceptInvitation)
}

/// What a link says; 410 for a link that is unknown, used or expired (as the page says).
#[utoipa::path(get, path = "/api/v1/invitations/{token}", tag = "invitations",
    params(("token" = String, Path)), responses((status = 200, body = InvitationInfo),
    (status = 410, description = "The link is unknown, used or expired", body = Problem, content_type = "application/problem+json")),
    security(()))]
pub(super) async fn get_invitation(
    State(state): State<AppState>,
    Path(token): Path<String>,
) -> Result<Json<InvitationInfo>, AppError> {
    let view = invitations::open(&state.ops, &token).await?.ok_or(AppError::Gone)?;
    Ok(Json(view.into()))
}

/// Sets the invitee's password (and a new address when asked) and signs them in.
#[utoipa::path(post, path = "/api/v1/invitations/{token}/accept", tag = "invitations",
    params(("token" = String, Path)), request_body = Acceptance, responses((status = 200, body = Me),
    (status = 410, description = "The link is unknown, used or expired", body = Problem, content_type = "application/problem+json")),
    security(()))]
pub(super) async fn accept(
    State(state): State<AppState>,
    Meta(meta): Meta,
    Path(token): Path<String>,
    Json(body): Json<Acceptance>,
) -> Result<Response, AppError> {
    let lang =
        if body.language.is_empty() { Some(Language::En) } else { Language::parse(&body.language) };
    let lang = lang.ok_or_else(|| {
        AppError::Invalid(vec![carryover_ops::FieldError::new(
            "language",
            carryover_ops::Problem::InvalidChoice,
        )])
    })?;
    let input = OpAcceptance {
        password: body.password,
        password_confirm: body.password_confirm,
        lang,
        new_email: body.new_email.filter(|e| !e.trim().is_empty()),
    };
    let signed_in = match invitations::accept(&state.ops, &meta, &token, input).await {
        Err(carryover_ops::OpError::NotFound) => return Err(AppError::Gone),
        other => other?,
    };
    let zone = carryover_ops::settings::zone_of(&state.ops, &signed_in.actor).await?;
    let set = cookies::set_session(&signed_in.cookie, signed_in.person.role);
    Ok(([(header::SET_COOKIE, set)], Json(Me::new(&signed_in.person, &zone))).into_response())
}
