//! Caregivers join a household: with a new family (`households`), or later,
//! when the care team invites another caregiver of a child (a grandparent, a
//! nanny) from the child's page.

use carryover_domain::{
    access::ChildTie,
    audit::{AuditAction, AuditResource},
    email::Email,
    people::{Access, Language, Relationship, Role, check_name},
};
use carryover_store::{
    WriteTx, audit, children, constraint,
    invitation::Purpose,
    people::{self, NewMember, NewPerson, Person},
};
use uuid::Uuid;

use crate::{
    ChildGrant, FieldError, OpError, Ops, Problem, Who,
    error::Fields,
    invitations::{self, IssuedLink},
};

/// A caregiver as typed into a form or a JSON body.
/// A caregiver as typed into a form or a JSON body; the field names are the
/// ones field errors use.
#[derive(Clone, Debug, Default, serde::Deserialize)]
pub struct CaregiverInput {
    #[serde(default, rename = "caregiver_name")]
    pub name: String,
    #[serde(default, rename = "caregiver_email")]
    pub email: String,
    #[serde(default)]
    pub relationship: String,
    #[serde(default)]
    pub access: String,
}

pub(crate) struct ValidCaregiver {
    pub name: String,
    pub email: Email,
    pub relationship: Relationship,
    pub access: Access,
}

/// Checks the caregiver fields, adding a problem per wrong field to `fields`.
pub(crate) fn check(input: &CaregiverInput, fields: &mut Fields) -> Option<ValidCaregiver> {
    let name = fields.check("caregiver_name", check_name(&input.name));
    let email = fields.some("caregiver_email", Email::parse(&input.email), Problem::InvalidEmail);
    let relationship = fields.some(
        "relationship",
        Relationship::parse(&input.relationship),
        Problem::InvalidChoice,
    );
    let access = fields.some("access", Access::parse(&input.access), Problem::InvalidChoice);
    Some(ValidCaregiver {
        name: name?,
        email: email?,
        relationship: relationship?,
        access: access?,
    })
}

/// Puts the caregiver in the household, creating their account in this
/// clinic if the clinic does not know the address yet. Whether the address
/// is used at another clinic is never looked at: staff get the same answer
/// either way (the invitee is asked for another address if it is).
pub(crate) async fn find_or_create(
    ops: &Ops,
    tx: &mut WriteTx,
    who: &Who,
    caregiver: &ValidCaregiver,
    lang: Language,
) -> Result<Person, OpError> {
    let clinic_id = who.actor.clinic_id();
    let existing =
        people::person_by_email_in_clinic(tx, clinic_id, caregiver.email.as_str()).await?;
    let person = match existing {
        Some(person) if person.role == Role::Caregiver && person.is_active => person,
        // Staff of this clinic, or a deactivated account: this clinic's own
        // people, so saying so reveals nothing about other clinics.
        Some(_) => {
            return Err(OpError::Conflict {
                constraint: constraint::PERSON_EMAIL,
                field: Some(FieldError::new("caregiver_email", Problem::EmailTaken)),
            });
        }
        None => {
            let new = NewPerson {
                clinic_id,
                email: caregiver.email.as_str().to_owned(),
                display_name: caregiver.name.clone(),
                role: Role::Caregiver,
                lang: lang.as_str().to_owned(),
            };
            people::insert_person(tx, &new, ops.now()).await?
        }
    };
    Ok(person)
}

/// Adds the membership; a caregiver already in the household is a conflict.
pub(crate) async fn add_member(
    ops: &Ops,
    tx: &mut WriteTx,
    person: &Person,
    household_id: Uuid,
    caregiver: &ValidCaregiver,
) -> Result<(), OpError> {
    let new = NewMember {
        clinic_id: person.clinic_id,
        household_id,
        person_id: person.person_id,
        relationship: caregiver.relationship,
        access: caregiver.access,
    };
    match people::insert_member(tx, &new, ops.now()).await {
        Ok(()) => Ok(()),
        Err(e) if e.is_conflict_on(constraint::HOUSEHOLD_MEMBER) => Err(OpError::Conflict {
            constraint: constraint::HOUSEHOLD_MEMBER,
            field: Some(FieldError::new("caregiver_email", Problem::AlreadyMember)),
        }),
        Err(e) => Err(e.into()),
    }
}

/// A link for a caregiver who has never set a password; `None` for one who
/// already signs in (they simply see the new child).
pub(crate) async fn invite_if_new(
    ops: &Ops,
    tx: &mut WriteTx,
    who: &Who,
    person: &Person,
) -> Result<Option<IssuedLink>, OpError> {
    if person.has_password {
        return Ok(None);
    }
    let link =
        invitations::issue(ops, tx, person, Purpose::Join, Some(who.actor.person_id())).await?;
    Ok(Some(link))
}

/// The answer to adding a caregiver.
#[derive(Debug)]
pub struct CaregiverAdded {
    pub caregiver_name: String,
    pub child_name: String,
    pub child_id: Uuid,
    /// For a caregiver new to Carryover: the link to give them.
    pub invitation: Option<IssuedLink>,
}

/// The child's name for the invitation form, read with its audit row.
pub async fn form(ops: &Ops, who: &Who, grant: &ChildGrant) -> Result<String, OpError> {
    require_team(grant)?;
    let mut tx = ops.db.begin_write().await?;
    let basics = children::child_basics(&mut tx, grant).await?;
    audit::append(&mut tx, &who.child_event(AuditAction::View, grant.child_id()), ops.now())
        .await?;
    tx.commit().await?;
    Ok(basics.preferred_name)
}

fn require_team(grant: &ChildGrant) -> Result<(), OpError> {
    match grant.tie() {
        ChildTie::CareTeam | ChildTie::ClinicAdmin => Ok(()),
        _ => Err(OpError::NotFound),
    }
}

/// The care team (or an admin) adds another caregiver to a child's household.
pub async fn add(
    ops: &Ops,
    who: &Who,
    grant: &ChildGrant,
    input: &CaregiverInput,
    lang: Language,
) -> Result<CaregiverAdded, OpError> {
    require_team(grant)?;
    let mut fields = Fields::default();
    let valid = check(input, &mut fields);
    let valid = fields.finish(valid)?;
    let mut tx = ops.db.begin_write().await?;
    let basics = children::child_basics(&mut tx, grant).await?;
    let person = find_or_create(ops, &mut tx, who, &valid, lang).await?;
    add_member(ops, &mut tx, &person, grant.household_id(), &valid).await?;
    let invitation = invite_if_new(ops, &mut tx, who, &person).await?;
    let event = who.event(
        AuditAction::Create,
        AuditResource::Person,
        Some(person.person_id.to_string()),
        Some(grant.child_id()),
    );
    audit::append(&mut tx, &event, ops.now()).await?;
    tx.commit().await?;
    Ok(CaregiverAdded {
        caregiver_name: person.display_name,
        child_name: basics.preferred_name,
        child_id: grant.child_id(),
        invitation,
    })
}
