//! A person changes their own password; every other session of theirs ends.

use askama::Template;
use axum::{
    Form,
    extract::{Query, State},
    http::StatusCode,
    response::{IntoResponse, Response},
};
use carryover_ops::account::{self, PasswordChange};
use serde::Deserialize;

use carryover_ops::Operation;

use super::Routes;
use crate::{
    AppState,
    auth::{Caller, cookies},
    error::AppError,
    i18n::Tr,
    pages::{self, Chrome, Errors, Page, form_errors},
};

pub fn routes() -> Routes {
    Routes::new()
        .get("/account/password", show_password_form)
        .post("/account/password", change_password)
        .calls(Operation::ChangePassword)
}

#[derive(Template)]
#[template(path = "auth/password.html")]
struct PasswordPage {
    t: Tr,
    c: Chrome,
    email: String,
    notice: Option<String>,
    errors: Errors,
}

#[derive(Deserialize)]
struct Done {
    done: Option<String>,
}

async fn show_password_form(
    page: Page,
    caller: Caller,
    Query(q): Query<Done>,
) -> Result<Response, AppError> {
    let Page { t, c } = page;
    let notice = q.done.is_some().then(|| t.get("password-changed"));
    let email = caller.person.email;
    pages::render(&PasswordPage { t, c, email, notice, errors: Errors::default() })
}

#[derive(Deserialize)]
struct PasswordForm {
    #[serde(default)]
    current: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    password_confirm: String,
}

async fn change_password(
    State(state): State<AppState>,
    page: Page,
    caller: Caller,
    Form(form): Form<PasswordForm>,
) -> Result<Response, AppError> {
    let change = PasswordChange {
        current: form.current,
        password: form.password,
        password_confirm: form.password_confirm,
    };
    match account::change_password(&state.ops, &caller.who, change).await {
        Ok(cookie) => {
            let mut response =
                axum::response::Redirect::to("/account/password?done=1").into_response();
            let value = cookies::set_session(&cookie, caller.person.role);
            response.headers_mut().append(axum::http::header::SET_COOKIE, value);
            Ok(response)
        }
        Err(error) => {
            let Page { t, c } = page.back_to("/account/password");
            let errors = form_errors(&t, error)?;
            let email = caller.person.email;
            let page = PasswordPage { t, c, email, notice: None, errors };
            pages::render_with(StatusCode::UNPROCESSABLE_ENTITY, &page)
        }
    }
}
