//! The clinic admin's side of people: staff accounts, deactivation, and
//! password-reset links.

use carryover_domain::{
    audit::{AuditAction, AuditResource},
    email::Email,
    people::{Language, Role, check_name},
};
use carryover_store::paging::{Page, Paging};
use carryover_store::{
    WriteTx, api_token, audit, care_team, constraint, grant,
    invitation::Purpose,
    people::{self, NewPerson, Person},
    session,
};
use uuid::Uuid;

use crate::{
    FieldError, OpError, Ops, Problem, Who,
    access::writable,
    caseload::{self, CaseloadLine, Therapist},
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

/// What deactivating a person involves: for a therapist, the children seen
/// now who would be left with no therapist, and who could take them.
#[derive(Clone, Debug, serde::Serialize)]
pub struct DeactivationView {
    pub person: Person,
    /// Children whose only active therapist this person is.
    pub only_therapist_of: Vec<CaseloadLine>,
    pub others: Vec<Therapist>,
}

/// The question deactivation asks first; naming the children is audited.
pub async fn deactivation(
    ops: &Ops,
    who: &Who,
    person_id: Uuid,
) -> Result<DeactivationView, OpError> {
    require_admin(who)?;
    let person = person_of_clinic(ops, who, person_id).await?;
    if !person.is_active {
        return Err(OpError::NotFound);
    }
    let view = caseload::view(ops, who, person_id).await?;
    let only_therapist_of = view.children.into_iter().filter(|c| c.others == 0).collect();
    Ok(DeactivationView { person, only_therapist_of, others: view.others })
}

#[derive(Clone, Debug, Default, serde::Deserialize)]
pub struct DeactivateInput {
    /// The therapist who takes the children this one is the only therapist of.
    #[serde(default)]
    pub move_to: String,
}

/// Deactivates a person of the clinic and ends their sessions. An admin
/// cannot deactivate themselves (a clinic must keep someone who can undo
/// it). A therapist leaves every team of a child seen now; the children
/// they are the only therapist of go to `move_to`, which is then required.
pub async fn deactivate(
    ops: &Ops,
    who: &Who,
    person_id: Uuid,
    input: &DeactivateInput,
) -> Result<Person, OpError> {
    require_admin(who)?;
    let person = person_of_clinic(ops, who, person_id).await?;
    if person.person_id == who.actor.person_id() {
        return Err(OpError::field("person", Problem::NotYourself));
    }
    let now = ops.now();
    let mut tx = ops.db.begin_write().await?;
    let children = care_team::caseload(&mut tx, &who.actor, person.person_id).await?;
    let orphans = children.iter().any(|c| c.others == 0);
    let move_to = match (orphans, input.move_to.trim().is_empty()) {
        (true, true) => return Err(OpError::field("move_to", Problem::ChildrenNeedTherapist)),
        (true, false) => Some(
            caseload::other_therapist(&mut tx, who, person.person_id, &input.move_to, "move_to")
                .await?,
        ),
        (false, _) => None,
    };
    for child in &children {
        let id = child.child_id;
        match &move_to {
            Some(to) if child.others == 0 => {
                caseload::move_one(&mut tx, who, id, person.person_id, to.person_id, now).await?;
            }
            _ => leave_team(&mut tx, who, id, person.person_id, now).await?,
        }
    }
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

/// A deactivated therapist leaves a team that keeps other therapists.
async fn leave_team(
    tx: &mut WriteTx,
    who: &Who,
    child_id: Uuid,
    therapist: Uuid,
    now: time::OffsetDateTime,
) -> Result<(), OpError> {
    let grant =
        grant::child_grant(tx, &who.actor, child_id, now).await?.ok_or(OpError::NotFound)?;
    let write = writable(&grant)?;
    crate::care_team::remove(tx, &write, therapist).await?;
    crate::care_team::audit_team(tx, who, &write, therapist, now).await
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
