//! Discharge and re-admission. The care team (or the admin) discharges a
//! child with a date, a reason and a note; from then on the record is
//! read-only for everyone (see `carryover_store::grant`). Re-admission
//! reopens it with everything it held, and with a therapist.

use carryover_domain::{
    access::ChildTie,
    audit::AuditAction,
    record::{self, DischargeReason},
};
use carryover_store::{audit, care_team, children, grant, record as child_record};
use time::Date;

use crate::{
    ChildGrant, OpError, Ops, Problem, Who, access::writable, caseload::Therapist, error::Fields,
    settings::clinic_today,
};

fn require_team(grant: &ChildGrant) -> Result<(), OpError> {
    match grant.tie() {
        ChildTie::CareTeam | ChildTie::ClinicAdmin => Ok(()),
        _ => Err(OpError::NotFound),
    }
}

/// What the discharge form shows.
#[derive(Clone, Debug, serde::Serialize)]
pub struct DischargeForm {
    pub child_name: String,
    /// The clinic's today: the default date, and the latest allowed.
    pub today: Date,
}

pub async fn form(ops: &Ops, who: &Who, grant: &ChildGrant) -> Result<DischargeForm, OpError> {
    require_team(grant)?;
    let write = writable(grant)?;
    let now = ops.now();
    let mut tx = ops.db.begin_write().await?;
    let basics = children::child_basics(&mut tx, grant).await?;
    let today = clinic_today(&mut tx, grant.clinic_id(), now).await?;
    audit::append(&mut tx, &who.child_event(AuditAction::View, write.child_id()), now).await?;
    tx.commit().await?;
    Ok(DischargeForm { child_name: basics.preferred_name, today })
}

#[derive(Clone, Debug, Default, serde::Deserialize)]
pub struct DischargeInput {
    /// `YYYY-MM-DD`, today or earlier.
    #[serde(default)]
    pub discharged_on: String,
    #[serde(default)]
    pub reason: String,
    #[serde(default)]
    pub note: String,
}

/// Discharges the child: every field is checked before anything changes.
pub async fn discharge(
    ops: &Ops,
    who: &Who,
    grant: &ChildGrant,
    input: &DischargeInput,
) -> Result<(), OpError> {
    require_team(grant)?;
    let write = writable(grant)?;
    let now = ops.now();
    let mut tx = ops.db.begin_write().await?;
    let today = clinic_today(&mut tx, grant.clinic_id(), now).await?;
    let mut fields = Fields::default();
    let on = fields.some(
        "discharged_on",
        record::check_discharge_date(&input.discharged_on, today),
        Problem::InvalidDate,
    );
    let reason =
        fields.some("reason", DischargeReason::parse(input.reason.trim()), Problem::InvalidChoice);
    let note = fields.some("note", record::check_note(&input.note), Problem::TooLong);
    let (on, (reason, note)) = fields.finish(on.zip(reason.zip(note)))?;
    child_record::discharge(&mut tx, &write, on, reason, &note).await?;
    audit::append(&mut tx, &who.child_event(AuditAction::Update, write.child_id()), now).await?;
    tx.commit().await?;
    Ok(())
}

/// Who may take a re-admitted child whose therapists have all left.
pub async fn readmit_choices(ops: &Ops, grant: &ChildGrant) -> Result<Vec<Therapist>, OpError> {
    require_team(grant)?;
    let mut conn = ops.db.read_conn().await?;
    if care_team::active_members(&mut conn, grant).await? > 0 {
        return Ok(Vec::new());
    }
    Ok(care_team::active_therapists(&mut conn, grant.clinic_id()).await?)
}

#[derive(Clone, Debug, Default, serde::Deserialize)]
pub struct ReadmitInput {
    /// Required when no therapist of the child's team is still active.
    #[serde(default)]
    pub therapist_id: String,
}

/// Reopens a discharged child's record. An active child is left as it is
/// (a second press of the button), but the request is audited all the same.
pub async fn readmit(
    ops: &Ops,
    who: &Who,
    grant: &ChildGrant,
    input: &ReadmitInput,
) -> Result<(), OpError> {
    require_team(grant)?;
    let now = ops.now();
    let mut tx = ops.db.begin_write().await?;
    if let Some(closed) = grant.discharged() {
        child_record::readmit(&mut tx, &closed).await?;
    }
    // Read again: the grant now sees an active child, and may change its team.
    let reopened = grant::child_grant(&mut tx, &who.actor, grant.child_id(), now)
        .await?
        .ok_or(OpError::NotFound)?;
    let write = writable(&reopened)?;
    if care_team::active_members(&mut tx, &reopened).await? == 0 {
        let therapist = uuid::Uuid::parse_str(input.therapist_id.trim())
            .map_err(|_| OpError::field("therapist_id", Problem::Required))?;
        crate::care_team::add(&mut tx, &write, therapist, now).await?;
        care_team::set_primary(&mut tx, &write, therapist).await?;
    }
    audit::append(&mut tx, &who.child_event(AuditAction::Update, write.child_id()), now).await?;
    tx.commit().await?;
    Ok(())
}
