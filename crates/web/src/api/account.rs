//! The signed-in person: who they are, their language and password, their
//! tokens, and signing in and out with a session cookie.

use axum::{
    Json,
    extract::{Path, State},
    http::{StatusCode, header},
    response::{IntoResponse, Response},
};
use carryover_domain::people::Language;
use carryover_ops::{
    Operation, account, auth,
    tokens::{self, NewTokenInput},
};
use uuid::Uuid;

use super::models::{LanguageChoice, Me, NewToken, PasswordChange, SignIn, Token, TokenCreated};
use crate::{
    AppState,
    auth::{Caller, Credential, Meta, cookies},
    error::AppError,
    routes::Routes,
};

pub fn routes() -> Routes {
    Routes::new()
        .get("/api/v1/me", get_me)
        .put("/api/v1/me/language", put_language)
        .calls(Operation::SetLanguage)
        .put("/api/v1/me/password", put_password)
        .calls(Operation::ChangePassword)
        .get("/api/v1/me/tokens", list_tokens)
        .calls(Operation::ListTokens)
        .post("/api/v1/me/tokens", create_token)
        .calls(Operation::CreateToken)
        .delete("/api/v1/me/tokens/{token_id}", revoke_token)
        .calls(Operation::RevokeToken)
        .post("/api/v1/session", sign_in)
        .calls(Operation::SignIn)
        .delete("/api/v1/session", sign_out)
        .calls(Operation::SignOut)
}

/// The signed-in person.
#[utoipa::path(get, path = "/api/v1/me", tag = "account", responses((status = 200, body = Me)))]
pub(super) async fn get_me(caller: Caller) -> Json<Me> {
    Json(Me::new(&caller.person, caller.zone.name()))
}

/// Chooses the language of pages and messages.
#[utoipa::path(put, path = "/api/v1/me/language", tag = "account", request_body = LanguageChoice,
    responses((status = 204, description = "Saved")))]
pub(super) async fn put_language(
    State(state): State<AppState>,
    caller: Caller,
    Json(body): Json<LanguageChoice>,
) -> Result<StatusCode, AppError> {
    let language = Language::parse(&body.language).ok_or_else(|| {
        AppError::Invalid(vec![carryover_ops::FieldError::new(
            "language",
            carryover_ops::Problem::InvalidChoice,
        )])
    })?;
    account::set_language(&state.ops, &caller.who, language).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Changes the password; every other session ends, this one gets a new cookie.
#[utoipa::path(put, path = "/api/v1/me/password", tag = "account", request_body = PasswordChange,
    responses((status = 204, description = "Changed; a new session cookie is set")))]
pub(super) async fn put_password(
    State(state): State<AppState>,
    caller: Caller,
    Json(body): Json<PasswordChange>,
) -> Result<Response, AppError> {
    let change = account::PasswordChange {
        current: body.current,
        password: body.password,
        password_confirm: body.password_confirm,
    };
    let cookie = account::change_password(&state.ops, &caller.who, change).await?;
    let set = cookies::set_session(&cookie, caller.person.role);
    Ok((StatusCode::NO_CONTENT, [(header::SET_COOKIE, set)]).into_response())
}

/// The caller's tokens, newest first.
#[utoipa::path(get, path = "/api/v1/me/tokens", tag = "account", responses((status = 200, body = Vec<Token>)))]
pub(super) async fn list_tokens(
    State(state): State<AppState>,
    caller: Caller,
) -> Result<Json<Vec<Token>>, AppError> {
    let list = tokens::list(&state.ops, &caller.who).await?;
    Ok(Json(list.into_iter().map(Token::from).collect()))
}

/// Makes a token. Only with a session cookie: a token cannot make tokens.
#[utoipa::path(post, path = "/api/v1/me/tokens", tag = "account", request_body = NewToken,
    responses((status = 201, body = TokenCreated)))]
pub(super) async fn create_token(
    State(state): State<AppState>,
    caller: Caller,
    Json(body): Json<NewToken>,
) -> Result<Response, AppError> {
    if !caller.signed_in_with_session() {
        return Err(AppError::NotFound);
    }
    let input = NewTokenInput { name: body.name, days: body.days.map(|d| d.to_string()) };
    let made = tokens::create(&state.ops, &caller.who, &input).await?;
    let body = TokenCreated { token: made.secret, details: made.token.into() };
    Ok((StatusCode::CREATED, Json(body)).into_response())
}

/// Revokes one of the caller's tokens.
#[utoipa::path(delete, path = "/api/v1/me/tokens/{token_id}", tag = "account",
    params(("token_id" = Uuid, Path)), responses((status = 204, description = "Revoked")))]
pub(super) async fn revoke_token(
    State(state): State<AppState>,
    caller: Caller,
    Path(token_id): Path<String>,
) -> Result<StatusCode, AppError> {
    let id = Uuid::parse_str(&token_id).map_err(|_| AppError::NotFound)?;
    tokens::revoke(&state.ops, &caller.who, id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Signs in with a session cookie, as the sign-in page does. Programs should
/// use a personal access token instead.
#[utoipa::path(post, path = "/api/v1/session", tag = "account", request_body = SignIn,
    responses((status = 200, body = Me)), security(()))]
pub(super) async fn sign_in(
    State(state): State<AppState>,
    Meta(meta): Meta,
    Json(body): Json<SignIn>,
) -> Result<Response, AppError> {
    let signed_in = auth::sign_in(&state.ops, &meta, &body.email, body.password).await?;
    let zone = carryover_ops::settings::zone_of(&state.ops, &signed_in.actor).await?;
    let me = Me::new(&signed_in.person, &zone);
    let set = cookies::set_session(&signed_in.cookie, signed_in.person.role);
    Ok(([(header::SET_COOKIE, set)], Json(me)).into_response())
}

/// Ends the current session.
#[utoipa::path(delete, path = "/api/v1/session", tag = "account", responses((status = 204, description = "Signed out")))]
pub(super) async fn sign_out(
    State(state): State<AppState>,
    caller: Caller,
) -> Result<Response, AppError> {
    let Credential::Session(key) = &caller.credential else {
        return Err(AppError::NotFound);
    };
    auth::sign_out(&state.ops, &caller.who, key).await?;
    Ok((StatusCode::NO_CONTENT, [(header::SET_COOKIE, cookies::clear_session())]).into_response())
}
