//! The clinic admin keeps each child's care team: adds and removes
//! therapists and names the primary one. A child seen at the clinic always
//! keeps at least one active therapist.

use carryover_domain::{
    access::ChildTie,
    audit::{AuditAction, AuditResource},
    code_enum,
};
use carryover_store::{WriteTx, audit, care_team, children, constraint, grant::WritableGrant};
use uuid::Uuid;

pub use carryover_store::care_team::Therapist;

use crate::{
    ChildGrant, FieldError, OpError, Ops, Problem, Who, access::writable, children::TeamLine,
};

/// The team as it is, and the therapists who could join it.
#[derive(Clone, Debug, serde::Serialize)]
pub struct TeamView {
    pub child_name: String,
    pub team: Vec<TeamLine>,
    pub therapists: Vec<Therapist>,
}

fn require_admin(grant: &ChildGrant) -> Result<(), OpError> {
    if grant.tie() == ChildTie::ClinicAdmin { Ok(()) } else { Err(OpError::NotFound) }
}

/// The team page: read with its audit row.
pub async fn view(ops: &Ops, who: &Who, grant: &ChildGrant) -> Result<TeamView, OpError> {
    require_admin(grant)?;
    let mut tx = ops.db.begin_write().await?;
    let basics = children::child_basics(&mut tx, grant).await?;
    let therapists = care_team::active_therapists(&mut tx, grant.clinic_id()).await?;
    audit::append(&mut tx, &who.child_event(AuditAction::View, grant.child_id()), ops.now())
        .await?;
    tx.commit().await?;
    Ok(TeamView { child_name: basics.preferred_name, team: basics.care_team, therapists })
}

code_enum! {
    /// What to do with one therapist of a child's team.
    pub enum TeamChange {
        Add = "add",
        Remove = "remove",
        Primary = "primary",
    }
}

#[derive(Clone, Debug, Default, serde::Deserialize)]
pub struct TeamInput {
    #[serde(default)]
    pub change: String,
    #[serde(default)]
    pub therapist_id: String,
}

/// One change to the team, audited.
pub async fn change(
    ops: &Ops,
    who: &Who,
    grant: &ChildGrant,
    input: &TeamInput,
) -> Result<(), OpError> {
    require_admin(grant)?;
    let write = writable(grant)?;
    let change =
        TeamChange::parse(&input.change).ok_or(OpError::field("change", Problem::InvalidChoice))?;
    let therapist = Uuid::parse_str(input.therapist_id.trim())
        .map_err(|_| OpError::field("therapist_id", Problem::Required))?;
    let now = ops.now();
    let mut tx = ops.db.begin_write().await?;
    match change {
        TeamChange::Add => add(&mut tx, &write, therapist, now).await?,
        TeamChange::Remove => remove(&mut tx, &write, therapist).await?,
        TeamChange::Primary => {
            require_member(&mut tx, &write, therapist).await?;
            care_team::set_primary(&mut tx, &write, therapist).await?;
        }
    }
    audit_team(&mut tx, who, &write, therapist, now).await?;
    tx.commit().await?;
    Ok(())
}

/// The audit row of a team change: the therapist as the resource, the child named.
pub(crate) async fn audit_team(
    tx: &mut WriteTx,
    who: &Who,
    write: &WritableGrant,
    therapist: Uuid,
    now: time::OffsetDateTime,
) -> Result<(), OpError> {
    let event = who.event(
        AuditAction::Update,
        AuditResource::CareTeam,
        Some(therapist.to_string()),
        Some(write.child_id()),
    );
    audit::append(tx, &event, now).await?;
    Ok(())
}

/// Adds an active therapist of the clinic; the first one becomes primary.
pub(crate) async fn add(
    tx: &mut WriteTx,
    write: &WritableGrant,
    therapist: Uuid,
    now: time::OffsetDateTime,
) -> Result<(), OpError> {
    let therapists = care_team::active_therapists(tx, write.clinic_id()).await?;
    if !therapists.iter().any(|t| t.person_id == therapist) {
        return Err(OpError::field("therapist_id", Problem::NotATherapist));
    }
    match care_team::add(tx, write, therapist, now).await {
        Ok(()) => {}
        Err(e) if e.is_conflict_on(constraint::CARE_TEAM_MEMBER) => {
            return Err(OpError::Conflict {
                constraint: constraint::CARE_TEAM_MEMBER,
                field: Some(FieldError::new("therapist_id", Problem::AlreadyOnTeam)),
            });
        }
        Err(e) => return Err(e.into()),
    }
    care_team::ensure_primary(tx, write).await?;
    Ok(())
}

async fn require_member(
    tx: &mut WriteTx,
    write: &WritableGrant,
    therapist: Uuid,
) -> Result<(), OpError> {
    if care_team::is_member(tx, write.child(), therapist).await? {
        Ok(())
    } else {
        Err(OpError::field("therapist_id", Problem::NotOnTeam))
    }
}

/// Takes a therapist off the team, never the last active one; a primary
/// who leaves passes the role on.
pub(crate) async fn remove(
    tx: &mut WriteTx,
    write: &WritableGrant,
    therapist: Uuid,
) -> Result<(), OpError> {
    require_member(tx, write, therapist).await?;
    care_team::remove(tx, write, therapist).await?;
    if care_team::active_members(tx, write.child()).await? == 0 {
        return Err(OpError::field("therapist_id", Problem::LastTherapist));
    }
    care_team::ensure_primary(tx, write).await?;
    Ok(())
}
