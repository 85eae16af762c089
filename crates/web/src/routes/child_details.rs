//! Changing a child's details: the care team and the admin change them all,
//! a guardian the preferred name and the languages at home.

use askama::Template;
use axum::{
    body::Bytes,
    extract::State,
    http::StatusCode,
    response::{IntoResponse, Redirect, Response},
};
use carryover_domain::record::{HomeLanguage, iso_date};
use carryover_ops::child_details::{self, DetailsInput};

use carryover_ops::Operation;

use super::Routes;
use crate::{
    AppState,
    auth::{Caller, Grant},
    error::AppError,
    i18n::Tr,
    pages::{self, Chrome, Errors, Page, form_errors},
};

pub fn routes() -> Routes {
    Routes::new()
        .get("/children/{child_id}/details", edit_details)
        .calls(Operation::ViewChildDetails)
        .post("/children/{child_id}/details", save_details)
        .calls(Operation::UpdateChildDetails)
}

/// One language to tick, named in the reader's language.
struct LanguageChoice {
    code: &'static str,
    name: String,
    chosen: bool,
}

#[derive(Template)]
#[template(path = "children/details.html")]
struct DetailsPage {
    t: Tr,
    c: Chrome,
    child_id: String,
    form: DetailsInput,
    languages: Vec<LanguageChoice>,
    /// False for a guardian: the date of birth and notes are the clinic's.
    all_fields: bool,
    errors: Errors,
}

fn details_page(
    page: Page,
    grant: Grant,
    form: DetailsInput,
    all_fields: bool,
    errors: Errors,
) -> DetailsPage {
    let Page { t, c } = page.back_to(format!("/children/{}/details", grant.child_id()));
    let mut languages: Vec<LanguageChoice> = HomeLanguage::ALL
        .iter()
        .map(|l| LanguageChoice {
            code: l.as_str(),
            name: t.get(&format!("language-{l}")),
            chosen: form.home_languages.iter().any(|c| c == l.as_str()),
        })
        .collect();
    languages.sort_by_key(|l| l.name.to_lowercase());
    DetailsPage {
        child_id: grant.child_id().to_string(),
        form,
        languages,
        all_fields,
        errors,
        c,
        t,
    }
}

async fn edit_details(
    State(state): State<AppState>,
    page: Page,
    caller: Caller,
    grant: Grant,
) -> Result<Response, AppError> {
    let current = child_details::form(&state.ops, &caller.who, &grant.0).await?;
    let form = DetailsInput {
        preferred_name: current.preferred_name,
        date_of_birth: current.date_of_birth.map(iso_date).unwrap_or_default(),
        home_languages: current.home_languages.iter().map(|l| l.as_str().to_owned()).collect(),
        notes: current.notes,
    };
    pages::render(&details_page(page, grant, form, current.all_fields, Errors::default()))
}

/// The form's fields; the language checkboxes repeat one name, which
/// axum's `Form` cannot collect into a list.
fn parse_form(body: &[u8]) -> DetailsInput {
    let mut input = DetailsInput::default();
    for (key, value) in form_urlencoded::parse(body) {
        match key.as_ref() {
            "preferred_name" => input.preferred_name = value.into_owned(),
            "date_of_birth" => input.date_of_birth = value.into_owned(),
            "home_languages" => input.home_languages.push(value.into_owned()),
            "notes" => input.notes = value.into_owned(),
            _ => {}
        }
    }
    input
}

async fn save_details(
    State(state): State<AppState>,
    page: Page,
    caller: Caller,
    grant: Grant,
    body: Bytes,
) -> Result<Response, AppError> {
    let form = parse_form(&body);
    match child_details::update(&state.ops, &caller.who, &grant.0, &form).await {
        Ok(()) => Ok(Redirect::to(&format!("/children/{}", grant.child_id())).into_response()),
        Err(error) => {
            let errors = form_errors(&page.t, error)?;
            // Shown again: which fields are the caller's is read with the form.
            let all_fields =
                child_details::form(&state.ops, &caller.who, &grant.0).await?.all_fields;
            let page = details_page(page, grant, form, all_fields, errors);
            pages::render_with(StatusCode::UNPROCESSABLE_ENTITY, &page)
        }
    }
}
