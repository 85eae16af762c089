//! The clinic admin's people page: staff, deactivation, reset links.

use askama::Template;
use axum::{
    Form,
    extract::{Path, Query, State},
    http::{HeaderMap, StatusCode},
    response::{IntoResponse, Redirect, Response},
};
use carryover_domain::people::Role;
use carryover_ops::{
    Person,
    children::Paging,
    staff::{self, DeactivateInput, DeactivationView, StaffInput},
};
use serde::Deserialize;
use uuid::Uuid;

use carryover_ops::Operation;

use super::{Routes, invitations::show_link};
use crate::{
    AppState,
    auth::Caller,
    error::AppError,
    i18n::Tr,
    pages::{self, Chrome, Errors, Page, form_errors},
};

pub fn routes() -> Routes {
    Routes::new()
        .get("/admin/people", list_people)
        .calls(Operation::ListStaff)
        .post("/admin/people", invite_staff)
        .calls(Operation::InviteStaff)
        .get("/admin/people/{person_id}/deactivate", confirm_deactivation)
        .calls(Operation::DeactivationPreview)
        .post("/admin/people/{person_id}/deactivate", deactivate_person)
        .calls(Operation::DeactivatePerson)
        .post("/admin/people/{person_id}/reset", reset_password)
        .calls(Operation::ResetLink)
}

/// One person of the clinic, in words.
struct PersonRow {
    id: String,
    name: String,
    email: String,
    role: String,
    status: String,
    active: bool,
    is_me: bool,
    is_therapist: bool,
    /// Staff can have their second factor reset by an admin.
    staff: bool,
}

#[derive(Template)]
#[template(path = "admin/people.html")]
struct PeoplePage {
    t: Tr,
    c: Chrome,
    people: Vec<PersonRow>,
    notice: Option<String>,
    form: StaffInput,
    errors: Errors,
}

fn rows(t: &Tr, caller: &Caller, people: Vec<Person>) -> Vec<PersonRow> {
    people
        .into_iter()
        .map(|p| PersonRow {
            id: p.person_id.to_string(),
            role: t.get(&format!("role-{}", p.role)),
            status: t.get(match (p.is_active, p.has_password) {
                (false, _) => "status-inactive",
                (true, false) => "status-invited",
                (true, true) => "status-active",
            }),
            active: p.is_active,
            is_therapist: p.role == Role::Therapist,
            is_me: p.person_id == caller.who.actor.person_id(),
            staff: p.role.is_staff(),
            name: p.display_name,
            email: p.email,
        })
        .collect()
}

async fn people_page(
    state: &AppState,
    page: Page,
    caller: &Caller,
    notice: Option<String>,
    form: StaffInput,
    errors: Errors,
) -> Result<PeoplePage, AppError> {
    let mut people = staff::list(&state.ops, &caller.who, Paging::all()).await?.items;
    people.sort_by(|a, b| (a.role, &a.display_name).cmp(&(b.role, &b.display_name)));
    let Page { t, c } = page.back_to("/admin/people");
    Ok(PeoplePage { people: rows(&t, caller, people), notice, form, errors, c, t })
}

#[derive(Deserialize)]
struct Notice {
    done: Option<String>,
}

async fn list_people(
    State(state): State<AppState>,
    page: Page,
    caller: Caller,
    Query(q): Query<Notice>,
) -> Result<Response, AppError> {
    let notice = match q.done.as_deref() {
        Some("deactivated") => Some(page.t.get("people-deactivated")),
        Some("two-factor-reset") => Some(page.t.get("people-two-factor-reset")),
        _ => None,
    };
    let form = StaffInput { role: "therapist".into(), ..StaffInput::default() };
    pages::render(&people_page(&state, page, &caller, notice, form, Errors::default()).await?)
}

async fn invite_staff(
    State(state): State<AppState>,
    page: Page,
    caller: Caller,
    headers: HeaderMap,
    Form(form): Form<StaffInput>,
) -> Result<Response, AppError> {
    let lang = page.lang().language();
    match staff::invite(&state.ops, &caller.who, &form, lang).await {
        Ok(made) => {
            let headline = page.t.with_name("invitation-for-staff", &made.person.display_name);
            show_link(&state, page.back_to("/admin/people"), &headers, &made.link, headline)
        }
        Err(error) => {
            let errors = form_errors(&page.t, error)?;
            let page = people_page(&state, page, &caller, None, form, errors).await?;
            pages::render_with(StatusCode::UNPROCESSABLE_ENTITY, &page)
        }
    }
}

fn person_id(text: &str) -> Result<Uuid, AppError> {
    Uuid::parse_str(text).map_err(|_| AppError::NotFound)
}

#[derive(Template)]
#[template(path = "admin/deactivate.html")]
struct DeactivatePage {
    t: Tr,
    c: Chrome,
    view: DeactivationView,
    errors: Errors,
}

/// Asks first: for a therapist who is some child's only therapist, where those children go.
async fn confirm_deactivation(
    State(state): State<AppState>,
    page: Page,
    caller: Caller,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let view = staff::deactivation(&state.ops, &caller.who, person_id(&id)?).await?;
    let Page { t, c } = page;
    pages::render(&DeactivatePage { t, c, view, errors: Errors::default() })
}

async fn deactivate_person(
    State(state): State<AppState>,
    page: Page,
    caller: Caller,
    Path(id): Path<String>,
    Form(form): Form<DeactivateInput>,
) -> Result<Response, AppError> {
    let id = person_id(&id)?;
    match staff::deactivate(&state.ops, &caller.who, id, &form).await {
        Ok(_) => Ok(Redirect::to("/admin/people?done=deactivated").into_response()),
        Err(error) => {
            let errors = form_errors(&page.t, error)?;
            let view = staff::deactivation(&state.ops, &caller.who, id).await?;
            let Page { t, c } = page.back_to(format!("/admin/people/{id}/deactivate"));
            pages::render_with(
                StatusCode::UNPROCESSABLE_ENTITY,
                &DeactivatePage { t, c, view, errors },
            )
        }
    }
}

async fn reset_password(
    State(state): State<AppState>,
    page: Page,
    caller: Caller,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let made = staff::reset_link(&state.ops, &caller.who, person_id(&id)?).await?;
    let headline = page.t.with_name("invitation-for-reset", &made.person.display_name);
    show_link(&state, page.back_to("/admin/people"), &headers, &made.link, headline)
}
