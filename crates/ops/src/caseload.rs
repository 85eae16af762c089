//! Moving a therapist's caseload, whole or in part, to another therapist in
//! one step — and the same move when a therapist is deactivated, so that no
//! child seen at the clinic is left without a therapist.

use carryover_domain::audit::{AuditAction, AuditResource};
use carryover_store::{WriteTx, audit, care_team, grant, people};
use time::OffsetDateTime;
use uuid::Uuid;

pub use carryover_store::care_team::{CaseloadLine, Therapist};

use crate::{OpError, Ops, Person, Problem, Who, access::writable, care_team as team};

/// A therapist's caseload and the therapists it could move to.
#[derive(Clone, Debug, serde::Serialize)]
pub struct CaseloadView {
    pub therapist: Person,
    pub children: Vec<CaseloadLine>,
    /// Active therapists other than this one.
    pub others: Vec<Therapist>,
}

/// The caseload of one therapist, for an admin; the listing is audited with
/// the children it shows.
pub async fn view(ops: &Ops, who: &Who, therapist_id: Uuid) -> Result<CaseloadView, OpError> {
    if !who.actor.is_admin() {
        return Err(OpError::NotFound);
    }
    let mut tx = ops.db.begin_write().await?;
    let therapist = people::person_in_clinic(&mut tx, who.actor.clinic_id(), therapist_id)
        .await?
        .ok_or(OpError::NotFound)?;
    let children = care_team::caseload(&mut tx, &who.actor, therapist_id).await?;
    let mut others = care_team::active_therapists(&mut tx, who.actor.clinic_id()).await?;
    others.retain(|t| t.person_id != therapist_id);
    let ids: Vec<Uuid> = children.iter().map(|c| c.child_id).collect();
    let event =
        who.event(AuditAction::List, AuditResource::CareTeam, Some(therapist_id.to_string()), None);
    audit::append_listing(&mut tx, &event, &ids, ops.now()).await?;
    tx.commit().await?;
    Ok(CaseloadView { therapist, children, others })
}

/// Which children move, and to whom.
#[derive(Clone, Debug, Default, serde::Deserialize)]
pub struct MoveInput {
    #[serde(default)]
    pub to: String,
    /// Ids of children of the caseload; they all move at once.
    #[serde(default)]
    pub children: Vec<String>,
}

#[derive(Clone, Debug, serde::Serialize)]
pub struct Moved {
    pub count: usize,
    pub to_name: String,
}

/// Moves the chosen children from one therapist to another, in one transaction.
pub async fn move_children(
    ops: &Ops,
    who: &Who,
    from: Uuid,
    input: &MoveInput,
) -> Result<Moved, OpError> {
    if !who.actor.is_admin() {
        return Err(OpError::NotFound);
    }
    let now = ops.now();
    let mut tx = ops.db.begin_write().await?;
    let to = other_therapist(&mut tx, who, from, &input.to, "to").await?;
    let caseload = care_team::caseload(&mut tx, &who.actor, from).await?;
    let mut chosen = Vec::new();
    for text in &input.children {
        let id = Uuid::parse_str(text.trim()).ok();
        match id.filter(|id| caseload.iter().any(|c| c.child_id == *id)) {
            Some(id) if !chosen.contains(&id) => chosen.push(id),
            Some(_) => {}
            None => return Err(OpError::field("children", Problem::NotOnCaseload)),
        }
    }
    if chosen.is_empty() {
        return Err(OpError::field("children", Problem::Required));
    }
    for child in &chosen {
        move_one(&mut tx, who, *child, from, to.person_id, now).await?;
    }
    tx.commit().await?;
    Ok(Moved { count: chosen.len(), to_name: to.display_name })
}

/// An active therapist of the clinic other than `from`, named in `field`.
pub(crate) async fn other_therapist(
    tx: &mut WriteTx,
    who: &Who,
    from: Uuid,
    text: &str,
    field: &'static str,
) -> Result<Therapist, OpError> {
    let id = Uuid::parse_str(text.trim()).map_err(|_| OpError::field(field, Problem::Required))?;
    if id == from {
        return Err(OpError::field(field, Problem::SameTherapist));
    }
    let therapists = care_team::active_therapists(tx, who.actor.clinic_id()).await?;
    therapists
        .into_iter()
        .find(|t| t.person_id == id)
        .ok_or(OpError::field(field, Problem::NotATherapist))
}

/// Hands one child from one therapist to another: `to` joins the team if
/// not on it, takes over as primary if `from` was, and `from` leaves.
pub(crate) async fn move_one(
    tx: &mut WriteTx,
    who: &Who,
    child_id: Uuid,
    from: Uuid,
    to: Uuid,
    now: OffsetDateTime,
) -> Result<(), OpError> {
    let grant =
        grant::child_grant(tx, &who.actor, child_id, now).await?.ok_or(OpError::NotFound)?;
    let write = writable(&grant)?;
    let team_now = carryover_store::children::child_basics(tx, &grant).await?.care_team;
    let was_primary = team_now.iter().any(|m| m.person_id == from && m.is_primary);
    if !team_now.iter().any(|m| m.person_id == to) {
        care_team::add(tx, &write, to, now).await?;
    }
    care_team::remove(tx, &write, from).await?;
    if was_primary {
        care_team::set_primary(tx, &write, to).await?;
    }
    care_team::ensure_primary(tx, &write).await?;
    team::audit_team(tx, who, &write, to, now).await
}
