//! A therapist adds a family: the child, a first caregiver, and that
//! caregiver's invitation.

use askama::Template;
use axum::{
    Form,
    extract::State,
    http::{HeaderMap, StatusCode},
    response::{IntoResponse, Redirect, Response},
};
use carryover_ops::{
    caseload::Therapist,
    households::{self, NewHouseholdInput},
};

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
    /// The primary therapist, chosen by an admin.
    #[serde(default)]
    pub therapist_id: String,
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
            therapist_id: self.therapist_id.clone(),
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
    /// For an admin, who must name the primary therapist; empty for a therapist.
    therapists: Vec<Therapist>,
}

async fn form_page(
    state: &AppState,
    caller: &Caller,
    page: Page,
    form: HouseholdForm,
    errors: Errors,
) -> Result<HouseholdNewPage, AppError> {
    let therapists = households::therapist_choices(&state.ops, &caller.who).await?;
    let Page { t, c } = page.back_to("/households/new");
    Ok(HouseholdNewPage { relationships: relationship_choices(&t), therapists, c, form, errors, t })
}

async fn new_household(
    State(state): State<AppState>,
    caller: Caller,
    page: Page,
) -> Result<Response, AppError> {
    let form = HouseholdForm {
        relationship: "mother".into(),
        access: "guardian".into(),
        ..HouseholdForm::default()
    };
    pages::render(&form_page(&state, &caller, page, form, Errors::default()).await?)
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
                    ("name", created.caregiver_name.clone().into()),
                    ("child", created.child_name.clone().into()),
                ];
                let headline = page.t.with("invitation-for-caregiver", &names);
                show_link(&state, page.back_to("/home"), &headers, link, headline)
            }
            None => Ok(Redirect::to(&format!("/children/{}", created.child_id)).into_response()),
        },
        Err(error) => {
            let errors = form_errors(&page.t, error)?;
            let page = form_page(&state, &caller, page, form, errors).await?;
            pages::render_with(StatusCode::UNPROCESSABLE_ENTITY, &page)
        }
    }
}
