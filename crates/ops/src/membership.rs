//! Caregivers who leave a household or change their access (guardian ↔
//! helper): done by a guardian, the care team or the admin. The change holds
//! from the person's very next request, because every request reads its
//! grant afresh. A household always keeps a guardian; a caregiver left with
//! no household is deactivated and signed out everywhere.

use carryover_domain::{
    access::ChildTie,
    audit::{AuditAction, AuditResource},
    people::Access,
};
use carryover_store::{WriteTx, audit, children, membership, people, session};
use uuid::Uuid;

use crate::{ChildGrant, OpError, Ops, Problem, Who, access::writable, children::CaregiverLine};

/// A household's caregivers, for those who may change them.
#[derive(Clone, Debug, serde::Serialize)]
pub struct CaregiversView {
    pub child_name: String,
    pub caregivers: Vec<CaregiverLine>,
    /// False once the child is discharged: the list is read-only then.
    pub can_change: bool,
}

fn require_manager(grant: &ChildGrant) -> Result<(), OpError> {
    match grant.tie() {
        ChildTie::Guardian | ChildTie::CareTeam | ChildTie::ClinicAdmin => Ok(()),
        ChildTie::Helper => Err(OpError::NotFound),
    }
}

/// The caregivers of the child's household, read with an audit row.
pub async fn list(ops: &Ops, who: &Who, grant: &ChildGrant) -> Result<CaregiversView, OpError> {
    require_manager(grant)?;
    let full = grant.full().ok_or(OpError::NotFound)?;
    let mut tx = ops.db.begin_write().await?;
    let basics = children::child_basics(&mut tx, grant).await?;
    let details = children::child_details(&mut tx, &full).await?;
    audit::append(&mut tx, &who.child_event(AuditAction::View, grant.child_id()), ops.now())
        .await?;
    tx.commit().await?;
    Ok(CaregiversView {
        child_name: basics.preferred_name,
        caregivers: details.caregivers,
        can_change: grant.writable().is_some(),
    })
}

/// A caregiver of the child's household, named in a form's `person_id`.
async fn member_named(
    tx: &mut WriteTx,
    grant: &ChildGrant,
    text: &str,
) -> Result<CaregiverLine, OpError> {
    let id =
        Uuid::parse_str(text.trim()).map_err(|_| OpError::field("person_id", Problem::Required))?;
    membership::member(tx, grant, id)
        .await?
        .ok_or(OpError::field("person_id", Problem::NotInFamily))
}

/// Who is about to be removed, for the question "remove them?"; audited as a read.
pub async fn confirm_removal(
    ops: &Ops,
    who: &Who,
    grant: &ChildGrant,
    person_id: &str,
) -> Result<CaregiverLine, OpError> {
    require_manager(grant)?;
    writable(grant)?;
    let mut tx = ops.db.begin_write().await?;
    let line = member_named(&mut tx, grant, person_id).await?;
    audit::append(&mut tx, &who.child_event(AuditAction::View, grant.child_id()), ops.now())
        .await?;
    tx.commit().await?;
    Ok(line)
}

#[derive(Clone, Debug, Default, serde::Deserialize)]
pub struct MemberInput {
    #[serde(default)]
    pub person_id: String,
    /// For a change of access: `guardian` or `helper`.
    #[serde(default)]
    pub access: String,
}

#[derive(Clone, Debug, serde::Serialize)]
pub struct Removed {
    pub name: String,
    /// They were in no other household: deactivated, signed out everywhere.
    pub deactivated: bool,
    /// The caller removed themselves: they no longer see the child.
    pub was_caller: bool,
}

/// Takes a caregiver out of the child's household.
pub async fn remove(
    ops: &Ops,
    who: &Who,
    grant: &ChildGrant,
    input: &MemberInput,
) -> Result<Removed, OpError> {
    require_manager(grant)?;
    let write = writable(grant)?;
    let now = ops.now();
    let mut tx = ops.db.begin_write().await?;
    let line = member_named(&mut tx, grant, &input.person_id).await?;
    if line.access == Access::Guardian && membership::guardians(&mut tx, grant).await? < 2 {
        return Err(OpError::field("person_id", Problem::LastGuardian));
    }
    membership::remove(&mut tx, &write, line.person_id).await?;
    let clinic = grant.clinic_id();
    let alone = membership::households_of(&mut tx, clinic, line.person_id).await? == 0;
    if alone {
        people::deactivate(&mut tx, clinic, line.person_id).await?;
        session::end_all_sessions(&mut tx, clinic, line.person_id, now).await?;
    }
    let event = who.event(
        AuditAction::Delete,
        AuditResource::Person,
        Some(line.person_id.to_string()),
        Some(grant.child_id()),
    );
    audit::append(&mut tx, &event, now).await?;
    tx.commit().await?;
    Ok(Removed {
        name: line.display_name,
        deactivated: alone,
        was_caller: line.person_id == who.actor.person_id(),
    })
}

/// Makes a caregiver a guardian or a helper of the child's household.
pub async fn change_access(
    ops: &Ops,
    who: &Who,
    grant: &ChildGrant,
    input: &MemberInput,
) -> Result<CaregiverLine, OpError> {
    require_manager(grant)?;
    let write = writable(grant)?;
    let access = Access::parse(input.access.trim())
        .ok_or(OpError::field("access", Problem::InvalidChoice))?;
    let now = ops.now();
    let mut tx = ops.db.begin_write().await?;
    let line = member_named(&mut tx, grant, &input.person_id).await?;
    let demoted = line.access == Access::Guardian && access == Access::Helper;
    if demoted && membership::guardians(&mut tx, grant).await? < 2 {
        return Err(OpError::field("person_id", Problem::LastGuardian));
    }
    membership::set_access(&mut tx, &write, line.person_id, access).await?;
    let event = who.event(
        AuditAction::Update,
        AuditResource::Person,
        Some(line.person_id.to_string()),
        Some(grant.child_id()),
    );
    audit::append(&mut tx, &event, now).await?;
    tx.commit().await?;
    Ok(CaregiverLine { access, ..line })
}
