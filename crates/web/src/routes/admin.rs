//! The clinic admin's pages: staff, deactivation, reset links, and the audit views.

use axum::{
    Form,
    extract::{Path, Query, State},
    http::{HeaderMap, StatusCode, header},
    response::{IntoResponse, Redirect, Response},
};
use carryover_domain::{
    audit::AuditAction,
    email::Email,
    people::{Role, parse_name},
};
use carryover_store::{
    audit, children,
    invitation::Purpose,
    people::{self, NewPerson, Person},
    session as stored_session,
};
use serde::Deserialize;
use uuid::Uuid;

use super::Routes;
use crate::{
    AppState, audit_view,
    auth::{AuditCtx, Caller, ChildAccess},
    error::AppError,
    i18n::Tr,
    invitations,
    pages::{self, AuditPage, Chrome, InvitationPage, PeoplePage, PersonRow},
};

pub fn routes() -> Routes {
    Routes::new()
        .get("/admin/people", list_people)
        .post("/admin/people", invite_staff)
        .post("/admin/people/{person_id}/deactivate", deactivate_person)
        .post("/admin/people/{person_id}/reset", reset_password)
        .get("/admin/people/{person_id}/audit", person_audit)
        .get("/admin/people/{person_id}/audit.csv", person_audit_csv)
        .get("/admin/children/{child_id}/audit", child_audit)
        .get("/admin/children/{child_id}/audit.csv", child_audit_csv)
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
        let page =
            people_page(&state, t.clone(), &caller, None, Some(t.get("people-invite-invalid")))
                .await?;
        let mut response = pages::render(&page)?;
        *response.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
        return Ok(response);
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
            let page =
                people_page(&state, t.clone(), &caller, None, Some(t.get("field-email-taken")))
                    .await?;
            let mut response = pages::render(&page)?;
            *response.status_mut() = StatusCode::CONFLICT;
            return Ok(response);
        }
        Err(e) => return Err(e.into()),
    };
    let token =
        invitations::issue(&mut tx, &person, Purpose::Join, Some(caller.person.person_id), now)
            .await?;
    audit::append(
        &mut tx,
        &ctx.event(AuditAction::Create, "person", Some(person.person_id.to_string()), None),
        now,
    )
    .await?;
    carryover_store::commit(tx).await?;
    invitation_page(&state, t, &caller, &headers, &token, "invitation-for-staff", &name)
}

fn invitation_page(
    state: &AppState,
    t: Tr,
    caller: &Caller,
    headers: &HeaderMap,
    token: &str,
    key: &str,
    name: &str,
) -> Result<Response, AppError> {
    let link = invitations::link(&invitations::base_url(state, headers), token);
    let page = InvitationPage {
        headline: t.with_name(key, name),
        qr_svg: invitations::qr_svg(&link)?,
        link,
        c: Chrome::new(Some(caller), "/admin/people"),
        t,
    };
    pages::render(&page)
}

/// A person of the admin's own clinic; anyone else is not found.
async fn person_of_clinic(
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
    audit::append(
        &mut tx,
        &ctx.event(AuditAction::Update, "person", Some(person.person_id.to_string()), None),
        now,
    )
    .await?;
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
    let now = state.clock.now();
    let mut tx = state.db.begin_write().await?;
    let token =
        invitations::issue(&mut tx, &person, Purpose::Reset, Some(caller.person.person_id), now)
            .await?;
    audit::append(
        &mut tx,
        &ctx.event(AuditAction::Update, "person", Some(person.person_id.to_string()), None),
        now,
    )
    .await?;
    carryover_store::commit(tx).await?;
    invitation_page(
        &state,
        t,
        &caller,
        &headers,
        &token,
        "invitation-for-reset",
        &person.display_name,
    )
}

async fn person_entries(
    state: &AppState,
    caller: &Caller,
    ctx: &AuditCtx,
    person_id: &str,
    action: AuditAction,
) -> Result<(Person, Vec<audit::AuditEntry>), AppError> {
    let person = person_of_clinic(state, caller, person_id).await?;
    let now = state.clock.now();
    let mut tx = state.db.begin_write().await?;
    let entries = audit::by_actor(&mut tx, caller.person.clinic_id, person.person_id).await?;
    audit::append(
        &mut tx,
        &ctx.event(action, "audit_log", Some(person.person_id.to_string()), None),
        now,
    )
    .await?;
    carryover_store::commit(tx).await?;
    Ok((person, entries))
}

async fn person_audit(
    State(state): State<AppState>,
    t: Tr,
    caller: Caller,
    ctx: AuditCtx,
    Path(person_id): Path<String>,
) -> Result<Response, AppError> {
    let (person, entries) =
        person_entries(&state, &caller, &ctx, &person_id, AuditAction::View).await?;
    let page = AuditPage {
        title: t.with_name("audit-person-title", &person.display_name),
        lead: t.get("audit-person-lead"),
        csv_href: Some(format!("/admin/people/{}/audit.csv", person.person_id)),
        show_child: true,
        rows: audit_view::describe(&t, &entries),
        c: Chrome::new(Some(&caller), format!("/admin/people/{}/audit", person.person_id)),
        t,
    };
    pages::render(&page)
}

async fn person_audit_csv(
    State(state): State<AppState>,
    caller: Caller,
    ctx: AuditCtx,
    Path(person_id): Path<String>,
) -> Result<Response, AppError> {
    let (person, entries) =
        person_entries(&state, &caller, &ctx, &person_id, AuditAction::Export).await?;
    Ok(csv_download(
        &format!("audit-person-{}.csv", person.person_id),
        audit_view::to_csv(&entries),
    ))
}

async fn child_entries(
    state: &AppState,
    caller: &Caller,
    ctx: &AuditCtx,
    access: ChildAccess,
    action: AuditAction,
) -> Result<(String, Vec<audit::AuditEntry>), AppError> {
    let now = state.clock.now();
    let scope = caller.scope();
    let mut tx = state.db.begin_write().await?;
    let record = children::child_record(&mut tx, &scope, access.child_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let entries = audit::for_child(&mut tx, scope.clinic_id, access.child_id, false).await?;
    let event =
        ctx.event(action, "audit_log", Some(access.child_id.to_string()), Some(access.child_id));
    audit::append(&mut tx, &event, now).await?;
    carryover_store::commit(tx).await?;
    Ok((record.preferred_name, entries))
}

async fn child_audit(
    State(state): State<AppState>,
    t: Tr,
    caller: Caller,
    ctx: AuditCtx,
    access: ChildAccess,
) -> Result<Response, AppError> {
    let (name, entries) = child_entries(&state, &caller, &ctx, access, AuditAction::View).await?;
    let page = AuditPage {
        title: t.with_name("audit-child-title", &name),
        lead: t.get("audit-child-lead"),
        csv_href: Some(format!("/admin/children/{}/audit.csv", access.child_id)),
        show_child: false,
        rows: audit_view::describe(&t, &entries),
        c: Chrome::new(Some(&caller), format!("/admin/children/{}/audit", access.child_id)),
        t,
    };
    pages::render(&page)
}

async fn child_audit_csv(
    State(state): State<AppState>,
    caller: Caller,
    ctx: AuditCtx,
    access: ChildAccess,
) -> Result<Response, AppError> {
    let (_, entries) = child_entries(&state, &caller, &ctx, access, AuditAction::Export).await?;
    Ok(csv_download(&format!("audit-child-{}.csv", access.child_id), audit_view::to_csv(&entries)))
}

fn csv_download(file_name: &str, body: String) -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_owned()),
            (header::CONTENT_DISPOSITION, format!("attachment; filename=\"{file_name}\"")),
        ],
        body,
    )
        .into_response()
}
