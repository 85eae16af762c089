//! Personal access tokens for the JSON API, on the person's account page:
//! made here, shown once, listed with their last use, revoked here.

use askama::Template;
use axum::{
    Form,
    extract::{Path, State},
    http::StatusCode,
    response::{IntoResponse, Redirect, Response},
};
use carryover_ops::{
    Operation,
    tokens::{self, NewTokenInput, TokenView},
};
use uuid::Uuid;

use super::Routes;
use crate::{
    AppState,
    auth::Caller,
    error::AppError,
    i18n::Tr,
    pages::{self, Chrome, Errors, Page, form_errors},
};

pub fn routes() -> Routes {
    Routes::new()
        .get("/account/tokens", show_tokens)
        .calls(Operation::ListTokens)
        .post("/account/tokens", create_token)
        .calls(Operation::CreateToken)
        .post("/account/tokens/{token_id}/revoke", revoke_token)
        .calls(Operation::RevokeToken)
}

/// One token, in words.
struct TokenRow {
    id: String,
    name: String,
    created: String,
    expires: String,
    last_used: String,
    live: bool,
    state: String,
}

#[derive(Template)]
#[template(path = "account/tokens.html")]
struct TokensPage {
    t: Tr,
    c: Chrome,
    tokens: Vec<TokenRow>,
    form: NewTokenInput,
    errors: Errors,
    /// The secret of a token just made: shown this once.
    created: Option<String>,
}

fn rows(t: &Tr, tokens: Vec<TokenView>, now: time::OffsetDateTime) -> Vec<TokenRow> {
    tokens
        .into_iter()
        .map(|token| {
            let live = token.is_live(now);
            let state = match (token.revoked_at, live) {
                (Some(_), _) => t.get("tokens-revoked"),
                (None, false) => t.get("tokens-expired"),
                (None, true) => t.get("tokens-live"),
            };
            TokenRow {
                id: token.id.to_string(),
                created: t.datetime(token.created_at),
                expires: t.date(t.zone().local_date(token.expires_at)),
                last_used: token
                    .last_used_at
                    .map_or_else(|| t.get("tokens-never-used"), |at| t.datetime(at)),
                name: token.name,
                live,
                state,
            }
        })
        .collect()
}

async fn page_with(
    state: &AppState,
    page: Page,
    caller: &Caller,
    form: NewTokenInput,
    errors: Errors,
    created: Option<String>,
) -> Result<TokensPage, AppError> {
    let tokens = tokens::list(&state.ops, &caller.who).await?;
    let Page { t, c } = page.back_to("/account/tokens");
    let tokens = rows(&t, tokens, state.ops.now());
    Ok(TokensPage { t, c, tokens, form, errors, created })
}

async fn show_tokens(
    State(state): State<AppState>,
    page: Page,
    caller: Caller,
) -> Result<Response, AppError> {
    let form = NewTokenInput { name: String::new(), days: Some("90".into()) };
    pages::render(&page_with(&state, page, &caller, form, Errors::default(), None).await?)
}

async fn create_token(
    State(state): State<AppState>,
    page: Page,
    caller: Caller,
    Form(form): Form<NewTokenInput>,
) -> Result<Response, AppError> {
    if !caller.signed_in_with_session() {
        return Err(AppError::NotFound);
    }
    match tokens::create(&state.ops, &caller.who, &form).await {
        Ok(made) => {
            let blank = NewTokenInput { name: String::new(), days: Some("90".into()) };
            let page =
                page_with(&state, page, &caller, blank, Errors::default(), Some(made.secret))
                    .await?;
            pages::render(&page)
        }
        Err(error) => {
            let errors = form_errors(&page.t, error)?;
            let page = page_with(&state, page, &caller, form, errors, None).await?;
            pages::render_with(StatusCode::UNPROCESSABLE_ENTITY, &page)
        }
    }
}

async fn revoke_token(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let id = Uuid::parse_str(&id).map_err(|_| AppError::NotFound)?;
    tokens::revoke(&state.ops, &caller.who, id).await?;
    Ok(Redirect::to("/account/tokens").into_response())
}
