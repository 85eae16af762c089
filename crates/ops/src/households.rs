//! A therapist (or an admin) adds a family: the child, a first caregiver,
//! and that caregiver's invitation, all in one transaction.

use carryover_domain::{
    audit::AuditAction,
    people::{Language, Role, check_name},
};
use carryover_store::{
    audit,
    care_team::{self, Therapist},
    people::{self, NewChild},
};
use uuid::Uuid;

use crate::{
    OpError, Ops, Problem, Who,
    caregivers::{self, CaregiverInput},
    error::Fields,
    invitations::IssuedLink,
};

#[derive(Clone, Debug, Default, serde::Deserialize)]
pub struct NewHouseholdInput {
    #[serde(default)]
    pub child_name: String,
    /// The child's primary therapist: required when an admin adds the
    /// family (a therapist who adds one is the primary therapist).
    #[serde(default)]
    pub therapist_id: String,
    #[serde(flatten)]
    pub caregiver: CaregiverInput,
}

/// The therapists an admin chooses the primary one from.
pub async fn therapist_choices(ops: &Ops, who: &Who) -> Result<Vec<Therapist>, OpError> {
    if !who.actor.is_admin() {
        return Ok(Vec::new());
    }
    let mut conn = ops.db.read_conn().await?;
    Ok(care_team::active_therapists(&mut conn, who.actor.clinic_id()).await?)
}

#[derive(Debug)]
pub struct HouseholdCreated {
    pub child_id: Uuid,
    pub child_name: String,
    pub caregiver_name: String,
    /// For a caregiver new to Carryover: the link to give them.
    pub invitation: Option<IssuedLink>,
}

pub async fn create(
    ops: &Ops,
    who: &Who,
    input: &NewHouseholdInput,
    lang: Language,
) -> Result<HouseholdCreated, OpError> {
    if !who.actor.is_staff() {
        return Err(OpError::NotFound);
    }
    let mut fields = Fields::default();
    let child_name = fields.check("child_name", check_name(&input.child_name));
    let caregiver = caregivers::check(&input.caregiver, &mut fields);
    let now = ops.now();
    let clinic_id = who.actor.clinic_id();
    let mut tx = ops.db.begin_write().await?;
    // No child without a therapist: a therapist adding a family takes it on;
    // an admin names who does.
    let therapist = match who.actor.role() {
        Role::Therapist => Some(who.actor.person_id()),
        _ => {
            let therapists = care_team::active_therapists(&mut tx, clinic_id).await?;
            let chosen = Uuid::parse_str(input.therapist_id.trim()).ok();
            let found = chosen.filter(|id| therapists.iter().any(|t| t.person_id == *id));
            fields.some("therapist_id", found, Problem::NotATherapist)
        }
    };
    let (child_name, (caregiver, therapist)) =
        fields.finish(child_name.zip(caregiver.zip(therapist)))?;
    let household_id = people::insert_household(&mut tx, clinic_id, &caregiver.name, now).await?;
    let person = caregivers::find_or_create(ops, &mut tx, who, &caregiver, lang).await?;
    caregivers::add_member(ops, &mut tx, &person, household_id, &caregiver).await?;
    let child = NewChild {
        clinic_id,
        household_id,
        preferred_name: child_name.clone(),
        date_of_birth: None,
        home_languages: String::new(),
        notes: String::new(),
    };
    let child_id = people::insert_child(&mut tx, &child, now).await?;
    people::insert_care_team_member(&mut tx, clinic_id, child_id, therapist, true, now).await?;
    let invitation = caregivers::invite_if_new(ops, &mut tx, who, &person).await?;
    audit::append(&mut tx, &who.child_event(AuditAction::Create, child_id), now).await?;
    tx.commit().await?;
    Ok(HouseholdCreated { child_id, child_name, caregiver_name: person.display_name, invitation })
}
