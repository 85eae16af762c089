//! A therapist adds a family: the child, a first caregiver, and that
//! caregiver's invitation, all in one transaction.

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
    audit,
    invitation::Purpose,
    people::{self, NewChild, NewPerson},
};

use super::Routes;
use crate::{
    AppState,
    auth::{AuditCtx, Caller},
    error::AppError,
    i18n::Tr,
    invitations,
    pages::{self, Chrome, HouseholdForm, HouseholdNewPage, InvitationPage},
};

pub fn routes() -> Routes {
    Routes::new().get("/households/new", new_household).post("/households", create_household)
}

fn relationship_choices(t: &Tr) -> Vec<(&'static str, String)> {
    Relationship::ALL
        .iter()
        .map(|r| (r.as_str(), t.get(&format!("relationship-{}", r.as_str()))))
        .collect()
}

fn form_page(
    t: Tr,
    caller: &Caller,
    form: HouseholdForm,
    errors: HashMap<&'static str, String>,
) -> HouseholdNewPage {
    HouseholdNewPage {
        relationships: relationship_choices(&t),
        c: Chrome::new(Some(caller), "/households/new"),
        form,
        errors,
        t,
    }
}

async fn new_household(t: Tr, caller: Caller) -> Result<Response, AppError> {
    let form = HouseholdForm {
        relationship: "mother".into(),
        access: "guardian".into(),
        ..HouseholdForm::default()
    };
    pages::render(&form_page(t, &caller, form, HashMap::new()))
}

/// The parsed form, or the message for each field that is wrong.
struct ValidHousehold {
    child_name: String,
    caregiver_name: String,
    email: Email,
    relationship: Relationship,
    access: Access,
}

fn validate(t: &Tr, form: &HouseholdForm) -> Result<ValidHousehold, HashMap<&'static str, String>> {
    let mut errors = HashMap::new();
    let child_name = parse_name(&form.child_name);
    if child_name.is_none() {
        errors.insert("child_name", t.get("field-name-needed"));
    }
    let caregiver_name = parse_name(&form.caregiver_name);
    if caregiver_name.is_none() {
        errors.insert("caregiver_name", t.get("field-name-needed"));
    }
    let email = Email::parse(&form.caregiver_email);
    if email.is_none() {
        errors.insert("caregiver_email", t.get("field-email-invalid"));
    }
    let relationship = Relationship::parse(&form.relationship);
    let access = Access::parse(&form.access);
    match (child_name, caregiver_name, email, relationship, access) {
        (Some(child_name), Some(caregiver_name), Some(email), Some(relationship), Some(access))
            if errors.is_empty() =>
        {
            Ok(ValidHousehold { child_name, caregiver_name, email, relationship, access })
        }
        _ => {
            if relationship.is_none() || access.is_none() {
                errors.insert("relationship", t.get("form-has-errors"));
            }
            Err(errors)
        }
    }
}

async fn create_household(
    State(state): State<AppState>,
    t: Tr,
    caller: Caller,
    ctx: AuditCtx,
    headers: HeaderMap,
    Form(form): Form<HouseholdForm>,
) -> Result<Response, AppError> {
    let invalid = |t: Tr, form: HouseholdForm, errors| -> Result<Response, AppError> {
        let mut response = pages::render(&form_page(t, &caller, form, errors))?;
        *response.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
        Ok(response)
    };
    let valid = match validate(&t, &form) {
        Ok(valid) => valid,
        Err(errors) => return invalid(t, form, errors),
    };
    let now = state.clock.now();
    let scope = caller.scope();
    let mut tx = state.db.begin_write().await?;
    // A caregiver already known to this clinic joins the new household too;
    // an address used by anyone else is refused, naming no one.
    let existing = people::person_by_email(&mut tx, valid.email.as_str()).await?;
    let caregiver = match existing {
        Some((person, _))
            if person.clinic_id == scope.clinic_id
                && person.role == Role::Caregiver
                && person.is_active =>
        {
            person
        }
        Some(_) => {
            drop(tx);
            let errors = HashMap::from([("caregiver_email", t.get("field-email-taken"))]);
            return invalid(t, form, errors);
        }
        None => {
            let new = NewPerson {
                clinic_id: scope.clinic_id,
                email: valid.email.as_str().to_owned(),
                display_name: valid.caregiver_name.clone(),
                role: Role::Caregiver,
                lang: t.code().to_owned(),
            };
            people::insert_person(&mut tx, &new, now).await?
        }
    };
    let household_id =
        people::insert_household(&mut tx, scope.clinic_id, &valid.caregiver_name, now).await?;
    people::insert_member(
        &mut tx,
        scope.clinic_id,
        household_id,
        caregiver.person_id,
        valid.relationship,
        valid.access,
        now,
    )
    .await?;
    let child = NewChild {
        clinic_id: scope.clinic_id,
        household_id,
        preferred_name: valid.child_name.clone(),
        date_of_birth: None,
        home_languages: String::new(),
        notes: String::new(),
    };
    let child_id = people::insert_child(&mut tx, &child, now).await?;
    if scope.role == Role::Therapist {
        people::insert_care_team_member(
            &mut tx,
            scope.clinic_id,
            child_id,
            scope.person_id,
            true,
            now,
        )
        .await?;
    }
    let token = if caregiver.has_password {
        None
    } else {
        Some(
            invitations::issue(&mut tx, &caregiver, Purpose::Join, Some(scope.person_id), now)
                .await?,
        )
    };
    let event = ctx.event(AuditAction::Create, "child", Some(child_id.to_string()), Some(child_id));
    audit::append(&mut tx, &event, now).await?;
    carryover_store::commit(tx).await?;

    let Some(token) = token else {
        return Ok(Redirect::to(&format!("/children/{child_id}")).into_response());
    };
    let link = invitations::link(&invitations::base_url(&state, &headers), &token);
    let page = InvitationPage {
        headline: t.with(
            "invitation-for-caregiver",
            &[("name", valid.caregiver_name.into()), ("child", valid.child_name.into())],
        ),
        qr_svg: invitations::qr_svg(&link)?,
        link,
        c: Chrome::new(Some(&caller), "/home"),
        t,
    };
    pages::render(&page)
}
