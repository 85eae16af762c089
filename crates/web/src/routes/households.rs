//! A therapist adds a family: the child, a first caregiver, and that
//! caregiver's invitation.

use askama::Template;
use axum::{
    Form,
    extract::State,
    http::{HeaderMap, StatusCode},
    response::{IntoResponse, Redirect, Response},
};
use carryover_ops::households::{self, NewHouseholdInput};

use carryover_ops::Operation;

use super::{Routes, caregivers::relationship_choices, invitations::show_link};
use crate::{
    AppState,
    auth::Caller,
    error::AppError,
    i18n::Tr,
    pages::{self, Chrome, Errors, Page, form_errors},
};

pub fn routes() -> Routes {
    Routes::new()
        .get("/households/new", new_household)
        .post("/households", create_household)
        .calls(Operation::CreateHousehold)
}

/// The family form as typed, to show again with its errors.
#[derive(Clone, Debug, Default, serde::Deserialize)]
pub struct HouseholdForm {
    #[serde(default)]
    pub child_name: String,
    #[serde(default)]
    pub caregiver_name: String,
    #[serde(default)]
    pub caregiver_email: String,
    #[serde(default)]
    pub relationship: String,
    #[serde(default)]
    pub access: String,
}

impl HouseholdForm {
    fn input(&self) -> NewHouseholdInput {
        NewHouseholdInput {
            child_name: self.child_name.clone(),
            caregiver: super::caregivers::input_of(self),
        }
    }
}

#[derive(Template)]
#[template(path = "households/new.html")]
struct HouseholdNewPage {
    t: Tr,
    c: Chrome,
    form: HouseholdForm,
    errors: Errors,
    /// (value, label) pairs for the relationship choice.
    relationships: Vec<(&'static str, String)>,
}

fn form_page(page: Page, form: HouseholdForm, errors: Errors) -> HouseholdNewPage {
    let Page { t, c } = page.back_to("/households/new");
    HouseholdNewPage { relationships: relationship_choices(&t), c, form, errors, t }
}

async fn new_household(page: Page) -> Result<Response, AppError> {
    let form = HouseholdForm {
        relationship: "mother".into(),
        access: "guardian".into(),
        ..HouseholdForm::default()
    };
    pages::render(&form_page(page, form, Errors::default()))
}

async fn create_household(
    State(state): State<AppState>,
    page: Page,
    caller: Caller,
    headers: HeaderMap,
    Form(form): Form<HouseholdForm>,
) -> Result<Response, AppError> {
    let lang = page.lang().language();
    match households::create(&state.ops, &caller.who, &form.input(), lang).await {
        Ok(created) => match &created.invitation {
            Some(link) => {
                let names = [
                    ("name", crate::i18n::isolate(&created.caregiver_name).into()),
                    ("child", crate::i18n::isolate(&created.child_name).into()),
                ];
                let headline = page.t.with("invitation-for-caregiver", &names);
                show_link(&state, page.back_to("/home"), &headers, link, headline)
            }
            None => Ok(Redirect::to(&format!("/children/{}", created.child_id)).into_response()),
        },
        Err(error) => {
            let errors = form_errors(&page.t, error)?;
            pages::render_with(StatusCode::UNPROCESSABLE_ENTITY, &form_page(page, form, errors))
        }
    }
}
