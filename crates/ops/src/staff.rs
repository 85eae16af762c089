//! The clinic admin's side of people: staff accounts, deactivation, and
//! password-reset links.

use carryover_domain::{
    audit::{AuditAction, AuditResource},
    email::Email,
    people::{Language, Role, check_name},
};
use carryover_store::paging::{Page, Paging};
use carryover_store::{
    api_token, audit, constraint,
    invitation::Purpose,
    people::{self, NewPerson, Person},
    session,
};
use uuid::Uuid;

use crate::{
    FieldError, OpError, Ops, Problem, Who,
    error::Fields,
    invitations::{self, IssuedLink},
};

fn require_admin(who: &Who) -> Result<(), OpError> {
    if who.actor.is_admin() { Ok(()) } else { Err(OpError::NotFound) }
}

/// Everyone with an account at the caller's clinic, a page at a time.
pub async fn list(ops: &Ops, who: &Who, paging: Paging) -> Result<Page<Person>, OpError> {
    require_admin(who)?;
    let mut conn = ops.db.read_conn().await?;
    Ok(people::people_page(&mut conn, who.actor.clinic_id(), paging).await?)
}

#[derive(Clone, Debug, Default, serde::Deserialize)]
pub struct StaffInput {
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub role: String,
}

/// A link made for a person, to show to the admin.
#[derive(Debug)]
pub struct LinkFor {
    pub person: Person,
    pub link: IssuedLink,
}

/// Invites a therapist or an admin. An address used at another clinic gets
/// exactly the answer a new one gets; only the invitee learns otherwise.
pub async fn invite(
    ops: &Ops,
    who: &Who,
    input: &StaffInput,
    lang: Language,
) -> Result<LinkFor, OpError> {
    require_admin(who)?;
    let mut fields = Fields::default();
    let name = fields.check("name", check_name(&input.name));
    let email = fields.some("email", Email::parse(&input.email), Problem::InvalidEmail);
    let role = fields.some(
        "role",
        Role::parse(&input.role).filter(|r| r.is_staff()),
        Problem::InvalidChoice,
    );
    let (name, (email, role)) = fields.finish(name.zip(email.zip(role)))?;
    let now = ops.now();
    let mut tx = ops.db.begin_write().await?;
    let new = NewPerson {
        clinic_id: who.actor.clinic_id(),
        email: email.as_str().to_owned(),
        display_name: name,
        role,
        lang: lang.as_str().to_owned(),
    };
    let person = match people::insert_person(&mut tx, &new, now).await {
        Ok(person) => person,
        Err(e) if e.is_conflict_on(constraint::PERSON_EMAIL) => {
            return Err(OpError::Conflict {
                constraint: constraint::PERSON_EMAIL,
                field: Some(FieldError::new("email", Problem::EmailTaken)),
            });
        }
        Err(e) => return Err(e.into()),
    };
    let link =
        invitations::issue(ops, &mut tx, &person, Purpose::Join, Some(who.actor.person_id()))
            .await?;
    let event = who.event(
        AuditAction::Create,
        AuditResource::Person,
        Some(person.person_id.to_string()),
        None,
    );
    audit::append(&mut tx, &event, now).await?;
    tx.commit().await?;
    Ok(LinkFor { person, link })
}

async fn person_of_clinic(ops: &Ops, who: &Who, person_id: Uuid) -> Result<Person, OpError> {
    let mut conn = ops.db.read_conn().await?;
    people::person_in_clinic(&mut conn, who.actor.clinic_id(), person_id)
        .await?
        .ok_or(OpError::NotFound)
}

/// Deactivates a person of the clinic and ends their sessions. An admin
/// cannot deactivate themselves (a clinic must keep someone who can undo it).
pub async fn deactivate(ops: &Ops, who: &Who, person_id: Uuid) -> Result<Person, OpError> {
    require_admin(who)?;
    let person = person_of_clinic(ops, who, person_id).await?;
    if person.person_id == who.actor.person_id() {
        return Err(OpError::field("person", Problem::NotYourself));
    }
    let now = ops.now();
    let mut tx = ops.db.begin_write().await?;
    people::deactivate(&mut tx, person.clinic_id, person.person_id).await?;
    session::end_all_sessions(&mut tx, person.clinic_id, person.person_id, now).await?;
    api_token::revoke_all_tokens(&mut tx, person.clinic_id, person.person_id, now).await?;
    let event = who.event(
        AuditAction::Update,
        AuditResource::Person,
        Some(person.person_id.to_string()),
        None,
    );
    audit::append(&mut tx, &event, now).await?;
    tx.commit().await?;
    Ok(person)
}

/// A link for an active person of the clinic to set a new password.
pub async fn reset_link(ops: &Ops, who: &Who, person_id: Uuid) -> Result<LinkFor, OpError> {
    require_admin(who)?;
    let person = person_of_clinic(ops, who, person_id).await?;
    if !person.is_active {
        return Err(OpError::NotFound);
    }
    let now = ops.now();
    let mut tx = ops.db.begin_write().await?;
    let link =
        invitations::issue(ops, &mut tx, &person, Purpose::Reset, Some(who.actor.person_id()))
            .await?;
    let event = who.event(
        AuditAction::Update,
        AuditResource::Person,
        Some(person.person_id.to_string()),
        None,
    );
    audit::append(&mut tx, &event, now).await?;
    tx.commit().await?;
    Ok(LinkFor { person, link })
}
