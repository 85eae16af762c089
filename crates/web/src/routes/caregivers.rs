//! Caregivers join a household: with a new family (`households.rs`), or later,
//! when the care team invites another caregiver of a child (a grandparent,
//! a nanny) from the child's page.

use std::collections::HashMap;

use axum::{
    Form,
    extract::State,
    http::{HeaderMap, StatusCode},
    response::{IntoResponse, Redirect, Response},
};
use carryover_domain::{
    audit::AuditAction,
    email::Email,
    people::{Access, Relationship, Role, parse_name},
};
use carryover_store::{
    AnyConnection, StoreError, audit, children,
    invitation::Purpose,
    people::{self, NewPerson, Person, Scope},
};
use time::OffsetDateTime;
use uuid::Uuid;

use super::Routes;
use crate::{
    AppState,
    auth::{AuditCtx, Caller, ChildAccess},
    error::AppError,
    i18n::Tr,
    invitations,
    pages::{self, CaregiverNewPage, Chrome, HouseholdForm},
};

pub fn routes() -> Routes {
    Routes::new()
        .get("/children/{child_id}/caregivers/new", new_caregiver)
        .post("/children/{child_id}/caregivers", add_caregiver)
}

pub type FieldErrors = HashMap<&'static str, String>;

pub fn relationship_choices(t: &Tr) -> Vec<(&'static str, String)> {
    Relationship::ALL
        .iter()
        .map(|r| (r.as_str(), t.get(&format!("relationship-{}", r.as_str()))))
        .collect()
}

pub struct ValidCaregiver {
    pub name: String,
    pub email: Email,
    pub relationship: Relationship,
    pub access: Access,
}

/// The caregiver fields of a form, or a message per wrong field in `errors`.
pub fn validate_caregiver(
    t: &Tr,
    form: &HouseholdForm,
    errors: &mut FieldErrors,
) -> Option<ValidCaregiver> {
    let name = parse_name(&form.caregiver_name);
    if name.is_none() {
        errors.insert("caregiver_name", t.get("field-name-needed"));
    }
    let email = Email::parse(&form.caregiver_email);
    if email.is_none() {
        errors.insert("caregiver_email", t.get("field-email-invalid"));
    }
    let relationship = Relationship::parse(&form.relationship);
    let access = Access::parse(&form.access);
    if relationship.is_none() || access.is_none() {
        errors.insert("relationship", t.get("form-has-errors"));
    }
    Some(ValidCaregiver {
        name: name?,
        email: email?,
        relationship: relationship?,
        access: access?,
    })
}

/// Puts the caregiver in the household, creating their account if the clinic
/// does not know them yet. `Err` holds a field error: the address belongs to
/// someone who cannot join (staff, another clinic, deactivated — named to no
/// one), or the caregiver is already in this household.
pub async fn join_household(
    conn: &mut AnyConnection,
    scope: &Scope,
    household_id: Uuid,
    caregiver: &ValidCaregiver,
    lang: &str,
    now: OffsetDateTime,
) -> Result<Result<Person, &'static str>, AppError> {
    let person = match people::person_by_email(&mut *conn, caregiver.email.as_str()).await? {
        Some((person, _))
            if person.clinic_id == scope.clinic_id
                && person.role == Role::Caregiver
                && person.is_active =>
        {
            person
        }
        Some(_) => return Ok(Err("field-email-taken")),
        None => {
            let new = NewPerson {
                clinic_id: scope.clinic_id,
                email: caregiver.email.as_str().to_owned(),
                display_name: caregiver.name.clone(),
                role: Role::Caregiver,
                lang: lang.to_owned(),
            };
            people::insert_person(&mut *conn, &new, now).await?
        }
    };
    let (relationship, access) = (caregiver.relationship, caregiver.access);
    match people::insert_member(
        conn,
        scope.clinic_id,
        household_id,
        person.person_id,
        relationship,
        access,
        now,
    )
    .await
    {
        Ok(()) => Ok(Ok(person)),
        Err(StoreError::Conflict { .. }) => Ok(Err("field-already-member")),
        Err(e) => Err(e.into()),
    }
}

/// An invitation for a caregiver who has never set a password; `None` for
/// one who already signs in (they simply see the new child).
pub async fn invite_if_new(
    conn: &mut AnyConnection,
    caregiver: &Person,
    scope: &Scope,
    now: OffsetDateTime,
) -> Result<Option<String>, AppError> {
    if caregiver.has_password {
        return Ok(None);
    }
    Ok(Some(invitations::issue(conn, caregiver, Purpose::Join, Some(scope.person_id), now).await?))
}

/// The invitation page for a caregiver of a child.
pub fn invitation_page(
    state: &AppState,
    (t, caller): (Tr, &Caller),
    headers: &HeaderMap,
    token: &str,
    caregiver: &str,
    child: &str,
) -> Result<Response, AppError> {
    let names = [("name", caregiver.to_owned().into()), ("child", child.to_owned().into())];
    let headline = t.with("invitation-for-caregiver", &names);
    invitations::show(state, (t, caller), headers, token, headline, "/home")
}

fn form_page(
    t: Tr,
    caller: &Caller,
    child_id: Uuid,
    child_name: String,
    form: HouseholdForm,
    errors: FieldErrors,
) -> CaregiverNewPage {
    CaregiverNewPage {
        relationships: relationship_choices(&t),
        c: Chrome::new(Some(caller), format!("/children/{child_id}/caregivers/new")),
        child_id: child_id.to_string(),
        child_name,
        form,
        errors,
        t,
    }
}

/// The child's name, read with its audit row.
async fn child_name(
    state: &AppState,
    caller: &Caller,
    ctx: &AuditCtx,
    child_id: Uuid,
) -> Result<String, AppError> {
    let mut tx = state.db.begin_write().await?;
    let record = children::child_record(&mut tx, &caller.scope(), child_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let event = ctx.event(AuditAction::View, "child", Some(child_id.to_string()), Some(child_id));
    audit::append(&mut tx, &event, state.clock.now()).await?;
    carryover_store::commit(tx).await?;
    Ok(record.preferred_name)
}

async fn new_caregiver(
    State(state): State<AppState>,
    t: Tr,
    caller: Caller,
    access: ChildAccess,
    ctx: AuditCtx,
) -> Result<Response, AppError> {
    let name = child_name(&state, &caller, &ctx, access.child_id).await?;
    let form = HouseholdForm {
        relationship: "grandparent".into(),
        access: "helper".into(),
        ..HouseholdForm::default()
    };
    pages::render(&form_page(t, &caller, access.child_id, name, form, FieldErrors::new()))
}

async fn add_caregiver(
    State(state): State<AppState>,
    t: Tr,
    caller: Caller,
    access: ChildAccess,
    ctx: AuditCtx,
    headers: HeaderMap,
    Form(form): Form<HouseholdForm>,
) -> Result<Response, AppError> {
    let child_id = access.child_id;
    let scope = caller.scope();
    let now = state.clock.now();
    let mut errors = FieldErrors::new();
    let valid = validate_caregiver(&t, &form, &mut errors);
    let mut tx = state.db.begin_write().await?;
    let record =
        children::child_record(&mut tx, &scope, child_id).await?.ok_or(AppError::NotFound)?;
    let household = children::household_of_child(&mut tx, scope.clinic_id, child_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let joined = match &valid {
        Some(valid) if errors.is_empty() => {
            join_household(&mut tx, &scope, household, valid, t.code(), now).await?
        }
        _ => Err("form-has-errors"),
    };
    let caregiver = match joined {
        Ok(person) => person,
        Err(key) => {
            // Nothing of the attempt stays; the form shown again is a read of its own.
            drop(tx);
            if key != "form-has-errors" {
                errors.insert("caregiver_email", t.get(key));
            }
            let name = child_name(&state, &caller, &ctx, child_id).await?;
            let page = form_page(t, &caller, child_id, name, form, errors);
            let mut response = pages::render(&page)?;
            *response.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
            return Ok(response);
        }
    };
    let token = invite_if_new(&mut tx, &caregiver, &scope, now).await?;
    let event = ctx.event(
        AuditAction::Create,
        "person",
        Some(caregiver.person_id.to_string()),
        Some(child_id),
    );
    audit::append(&mut tx, &event, now).await?;
    carryover_store::commit(tx).await?;
    match token {
        Some(token) => {
            let name = &caregiver.display_name;
            invitation_page(&state, (t, &caller), &headers, &token, name, &record.preferred_name)
        }
        None => Ok(Redirect::to(&format!("/children/{child_id}")).into_response()),
    }
}
