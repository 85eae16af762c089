//! A therapist adds a family: the child, a first caregiver, and that
//! caregiver's invitation, all in one transaction.

use axum::{
    Form,
    extract::State,
    http::{HeaderMap, StatusCode},
    response::{IntoResponse, Redirect, Response},
};
use carryover_domain::{
    audit::AuditAction,
    people::{Role, parse_name},
};
use carryover_store::{
    audit,
    people::{self, NewChild},
};

use super::{
    Routes,
    caregivers::{
        FieldErrors, invitation_page, invite_if_new, join_household, relationship_choices,
        validate_caregiver,
    },
};
use crate::{
    AppState,
    auth::{AuditCtx, Caller},
    error::AppError,
    i18n::Tr,
    pages::{self, Chrome, HouseholdForm, HouseholdNewPage},
};

pub fn routes() -> Routes {
    Routes::new().get("/households/new", new_household).post("/households", create_household)
}

fn form_page(t: Tr, caller: &Caller, form: HouseholdForm, errors: FieldErrors) -> HouseholdNewPage {
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
    pages::render(&form_page(t, &caller, form, FieldErrors::new()))
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
    let mut errors = FieldErrors::new();
    let child_name = parse_name(&form.child_name);
    if child_name.is_none() {
        errors.insert("child_name", t.get("field-name-needed"));
    }
    let caregiver = validate_caregiver(&t, &form, &mut errors);
    let (Some(child_name), Some(caregiver)) = (child_name, caregiver) else {
        return invalid(t, form, errors);
    };
    if !errors.is_empty() {
        return invalid(t, form, errors);
    }
    let now = state.clock.now();
    let scope = caller.scope();
    let mut tx = state.db.begin_write().await?;
    let household_id =
        people::insert_household(&mut tx, scope.clinic_id, &caregiver.name, now).await?;
    let person =
        match join_household(&mut tx, &scope, household_id, &caregiver, t.code(), now).await? {
            Ok(person) => person,
            Err(key) => {
                drop(tx);
                let errors = FieldErrors::from([("caregiver_email", t.get(key))]);
                return invalid(t, form, errors);
            }
        };
    let child = NewChild {
        clinic_id: scope.clinic_id,
        household_id,
        preferred_name: child_name.clone(),
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
    let token = invite_if_new(&mut tx, &person, &scope, now).await?;
    let event = ctx.event(AuditAction::Create, "child", Some(child_id.to_string()), Some(child_id));
    audit::append(&mut tx, &event, now).await?;
    carryover_store::commit(tx).await?;
    match token {
        Some(token) => invitation_page(
            &state,
            (t, &caller),
            &headers,
            &token,
            &person.display_name,
            &child_name,
        ),
        None => Ok(Redirect::to(&format!("/children/{child_id}")).into_response()),
    }
}
