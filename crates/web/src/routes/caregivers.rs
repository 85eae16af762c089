//! The care team invites another caregiver of a child (a grandparent, a
//! nanny) from the child's page.

use askama::Template;
use axum::{
    Form,
    extract::State,
    http::{HeaderMap, StatusCode},
    response::{IntoResponse, Redirect, Response},
};
use carryover_domain::people::Relationship;
use carryover_ops::caregivers::{self, CaregiverInput};

use carryover_ops::Operation;

use super::{Routes, households::HouseholdForm, invitations::show_link};
use crate::{
    AppState,
    auth::{Caller, Grant},
    error::AppError,
    i18n::Tr,
    pages::{self, Chrome, Errors, Page, form_errors},
};

pub fn routes() -> Routes {
    Routes::new()
        .get("/children/{child_id}/caregivers/new", new_caregiver)
        .post("/children/{child_id}/caregivers", add_caregiver)
        .calls(Operation::AddCaregiver)
}

pub fn relationship_choices(t: &Tr) -> Vec<(&'static str, String)> {
    Relationship::ALL.iter().map(|r| (r.as_str(), t.get(&format!("relationship-{r}")))).collect()
}

pub(super) fn input_of(form: &HouseholdForm) -> CaregiverInput {
    CaregiverInput {
        name: form.caregiver_name.clone(),
        email: form.caregiver_email.clone(),
        relationship: form.relationship.clone(),
        access: form.access.clone(),
    }
}

#[derive(Template)]
#[template(path = "children/caregiver_new.html")]
struct CaregiverNewPage {
    t: Tr,
    c: Chrome,
    child_id: String,
    child_name: String,
    /// Only the caregiver fields are used.
    form: HouseholdForm,
    errors: Errors,
    relationships: Vec<(&'static str, String)>,
}

fn form_page(
    page: Page,
    grant: Grant,
    child_name: String,
    form: HouseholdForm,
    errors: Errors,
) -> CaregiverNewPage {
    let Page { t, c } = page.back_to(format!("/children/{}/caregivers/new", grant.child_id()));
    CaregiverNewPage {
        relationships: relationship_choices(&t),
        child_id: grant.child_id().to_string(),
        child_name,
        form,
        errors,
        c,
        t,
    }
}

async fn new_caregiver(
    State(state): State<AppState>,
    page: Page,
    caller: Caller,
    grant: Grant,
) -> Result<Response, AppError> {
    let name = caregivers::form(&state.ops, &caller.who, &grant.0).await?;
    let form = HouseholdForm {
        relationship: "grandparent".into(),
        access: "helper".into(),
        ..HouseholdForm::default()
    };
    pages::render(&form_page(page, grant, name, form, Errors::default()))
}

async fn add_caregiver(
    State(state): State<AppState>,
    page: Page,
    caller: Caller,
    grant: Grant,
    headers: HeaderMap,
    Form(form): Form<HouseholdForm>,
) -> Result<Response, AppError> {
    let lang = page.lang().language();
    match caregivers::add(&state.ops, &caller.who, &grant.0, &input_of(&form), lang).await {
        Ok(added) => match &added.invitation {
            Some(link) => {
                let names = [
                    ("name", added.caregiver_name.clone().into()),
                    ("child", added.child_name.clone().into()),
                ];
                let headline = page.t.with("invitation-for-caregiver", &names);
                show_link(&state, page.back_to("/home"), &headers, link, headline)
            }
            None => Ok(Redirect::to(&format!("/children/{}", added.child_id)).into_response()),
        },
        Err(error) => {
            let errors = form_errors(&page.t, error)?;
            // The form shown again is a read of the child's name, with its own audit row.
            let name = caregivers::form(&state.ops, &caller.who, &grant.0).await?;
            let page = form_page(page, grant, name, form, errors);
            pages::render_with(StatusCode::UNPROCESSABLE_ENTITY, &page)
        }
    }
}
