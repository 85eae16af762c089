//! The clinic admin's pages: staff, deactivation, reset links, and the audit views.

use axum::{
    Form,
    extract::{Path, Query, State},
    http::{HeaderMap, StatusCode},
    response::{IntoResponse, Redirect, Response},
};
use carryover_domain::{
    audit::AuditAction,
    email::Email,
    people::{Role, parse_name},
};
use carryover_store::{
    audit,
    invitation::Purpose,
    people::{self, NewPerson, Person},
    session as stored_session,
};
use serde::Deserialize;
use uuid::Uuid;

use super::Routes;
use crate::{
    AppState,
    auth::{AuditCtx, Caller},
    error::AppError,
    i18n::Tr,
    invitations,
    pages::{self, Chrome, PeoplePage, PersonRow},
};

pub fn routes() -> Routes {
    Routes::new()
        .get("/admin/people", list_people)
        .post("/admin/people", invite_staff)
        .post("/admin/people/{person_id}/deactivate", deactivate_person)
        .post("/admin/people/{person_id}/reset", reset_password)
}

#[derive(Deserialize)]
struct Notice {
    done: Option<String>,
}

async fn people_page(
    state: &AppState,
    t: Tr,
    caller: &Caller,
    notice: Option<String>,
    form_error: Option<String>,
) -> Result<PeoplePage, AppError> {
    let people =
        people::people_of_clinic(&mut *state.db.read_conn().await?, caller.person.clinic_id)
            .await?;
    let rows = people
        .into_iter()
        .map(|p| PersonRow {
            id: p.person_id.to_string(),
            role: t.get(&format!("role-{}", p.role.as_str())),
            status: t.get(match (p.is_active, p.has_password) {
                (false, _) => "status-inactive",
                (true, false) => "status-invited",
                (true, true) => "status-active",
            }),
            active: p.is_active,
            is_me: p.person_id == caller.person.person_id,
            name: p.display_name,
            email: p.email,
        })
        .collect();
    Ok(PeoplePage {
        people: rows,
        notice,
        form_error,
        c: Chrome::new(Some(caller), "/admin/people"),
        t,
    })
}

async fn list_people(
    State(state): State<AppState>,
    t: Tr,
    caller: Caller,
    Query(q): Query<Notice>,
) -> Result<Response, AppError> {
    let notice = q.done.as_deref().and_then(|d| match d {
        "deactivated" => Some(t.get("people-deactivated")),
        _ => None,
    });
    pages::render(&people_page(&state, t, &caller, notice, None).await?)
}

#[derive(Deserialize)]
struct StaffForm {
    #[serde(default)]
    name: String,
    #[serde(default)]
    email: String,
    #[serde(default)]
    role: String,
}

async fn invite_staff(
    State(state): State<AppState>,
    t: Tr,
    caller: Caller,
    ctx: AuditCtx,
    headers: HeaderMap,
    Form(form): Form<StaffForm>,
) -> Result<Response, AppError> {
    let role = Role::parse(&form.role).filter(|r| r.is_staff());
    let (Some(name), Some(email), Some(role)) =
        (parse_name(&form.name), Email::parse(&form.email), role)
    else {
        return form_refused(
            &state,
            t,
            &caller,
            "people-invite-invalid",
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    };
    let now = state.clock.now();
    let mut tx = state.db.begin_write().await?;
    let new = NewPerson {
        clinic_id: caller.person.clinic_id,
        email: email.as_str().to_owned(),
        display_name: name.clone(),
        role,
        lang: t.code().to_owned(),
    };
    let person = match people::insert_person(&mut tx, &new, now).await {
        Ok(person) => person,
        Err(carryover_store::StoreError::Conflict { .. }) => {
            drop(tx);
            return form_refused(&state, t, &caller, "field-email-taken", StatusCode::CONFLICT)
                .await;
        }
        Err(e) => return Err(e.into()),
    };
    let headline = t.with_name("invitation-for-staff", &name);
    let invitation = (Purpose::Join, AuditAction::Create, headline);
    issue_and_show(&state, (t, &caller), &ctx, &headers, tx, &person, invitation).await
}

/// The people page again, with a message above the invitation form.
async fn form_refused(
    state: &AppState,
    t: Tr,
    caller: &Caller,
    key: &str,
    status: StatusCode,
) -> Result<Response, AppError> {
    let message = t.get(key);
    let mut response = pages::render(&people_page(state, t, caller, None, Some(message)).await?)?;
    *response.status_mut() = status;
    Ok(response)
}

/// Issues a join or reset link for `person`, records it, commits, and shows it.
async fn issue_and_show(
    state: &AppState,
    (t, caller): (Tr, &Caller),
    ctx: &AuditCtx,
    headers: &HeaderMap,
    mut tx: carryover_store::WriteTx,
    person: &Person,
    (purpose, action, headline): (Purpose, AuditAction, String),
) -> Result<Response, AppError> {
    let now = state.clock.now();
    let token =
        invitations::issue(&mut tx, person, purpose, Some(caller.person.person_id), now).await?;
    audit::append(&mut tx, &person_event(ctx, action, person), now).await?;
    carryover_store::commit(tx).await?;
    invitations::show(state, (t, caller), headers, &token, headline, "/admin/people")
}

fn person_event(ctx: &AuditCtx, action: AuditAction, person: &Person) -> audit::NewAuditEvent {
    ctx.event(action, "person", Some(person.person_id.to_string()), None)
}

/// A person of the admin's own clinic; anyone else is not found.
pub(super) async fn person_of_clinic(
    state: &AppState,
    caller: &Caller,
    person_id: &str,
) -> Result<Person, AppError> {
    let id = Uuid::parse_str(person_id).map_err(|_| AppError::NotFound)?;
    let found =
        people::person_in_clinic(&mut *state.db.read_conn().await?, caller.person.clinic_id, id)
            .await?;
    found.map(|(p, _)| p).ok_or(AppError::NotFound)
}

async fn deactivate_person(
    State(state): State<AppState>,
    caller: Caller,
    ctx: AuditCtx,
    Path(person_id): Path<String>,
) -> Result<Response, AppError> {
    let person = person_of_clinic(&state, &caller, &person_id).await?;
    if person.person_id == caller.person.person_id {
        return Err(AppError::BadRequest("an admin cannot deactivate themselves".into()));
    }
    let now = state.clock.now();
    let mut tx = state.db.begin_write().await?;
    people::deactivate(&mut tx, person.clinic_id, person.person_id).await?;
    stored_session::end_all_sessions(&mut tx, person.person_id, now).await?;
    audit::append(&mut tx, &person_event(&ctx, AuditAction::Update, &person), now).await?;
    carryover_store::commit(tx).await?;
    Ok(Redirect::to("/admin/people?done=deactivated").into_response())
}

async fn reset_password(
    State(state): State<AppState>,
    t: Tr,
    caller: Caller,
    ctx: AuditCtx,
    headers: HeaderMap,
    Path(person_id): Path<String>,
) -> Result<Response, AppError> {
    let person = person_of_clinic(&state, &caller, &person_id).await?;
    if !person.is_active {
        return Err(AppError::NotFound);
    }
    let tx = state.db.begin_write().await?;
    let headline = t.with_name("invitation-for-reset", &person.display_name);
    let invitation = (Purpose::Reset, AuditAction::Update, headline);
    issue_and_show(&state, (t, &caller), &ctx, &headers, tx, &person, invitation).await
}
