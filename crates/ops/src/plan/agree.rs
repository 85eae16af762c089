//! How a version becomes agreed: the therapist confirms it by sharing it
//! with the guardians, and one guardian confirms it from their own phone; or
//! both confirm at once in a session, with the guardian present, and the
//! caregivers see it at once. Each confirmation records who and when.

use carryover_domain::{
    access::ChildTie,
    audit::{AuditAction, AuditResource},
    people::Access,
    plan::AgreedWhere,
};
use carryover_store::{WriteTx, assignments, children, plans};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::editor::audit_plan;
use crate::{
    ChildGrant, FullGrant, OpError, Ops, Problem, Who,
    scope::{full, team},
};

fn not_open() -> OpError {
    OpError::Conflict { constraint: "plan_version_agreed", field: None }
}

async fn has_assignments(
    tx: &mut WriteTx,
    grant: &ChildGrant,
    version: &plans::PlanVersion,
) -> Result<(), OpError> {
    if assignments::assignments(tx, grant, version).await?.is_empty() {
        return Err(OpError::field("plan", Problem::EmptyPlan));
    }
    Ok(())
}

/// The therapist confirms a version and shares it with the guardians, who
/// then see it waiting for them. A version with nothing to practise is refused.
pub async fn share(
    ops: &Ops,
    who: &Who,
    grant: &ChildGrant,
    version_id: Uuid,
) -> Result<(), OpError> {
    let team = team(grant)?;
    let mut tx = ops.db.begin_write().await?;
    let version = plans::version(&mut tx, &team, version_id).await?.ok_or(OpError::NotFound)?;
    has_assignments(&mut tx, grant, &version).await?;
    if !plans::share(&mut tx, &team, &version, ops.now()).await? {
        return Err(not_open());
    }
    audit_plan(ops, who, &mut tx, AuditAction::Update, AuditResource::Plan, version_id, grant)
        .await?;
    tx.commit().await?;
    Ok(())
}

/// Who agreed with the therapist, and where.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum Agreement {
    /// In a session, with this guardian present (the caller is the care team).
    InSession { guardian_id: Uuid },
    /// The caller, a guardian, from their own device.
    OwnDevice,
}

/// Records an agreement inside the caller's transaction, for operations that
/// agree a version as part of something larger (a session, which ends by
/// updating the practice plan). The caller audits. Errors: `NotFound` for a
/// version of another child, a conflict when it is no longer open (or, from
/// a device, no longer shared), a field error for a person who is not a
/// guardian of the child or a version with nothing to practise.
pub async fn agree_within(
    tx: &mut WriteTx,
    grant: &ChildGrant,
    version_id: Uuid,
    agreement: Agreement,
    now: time::OffsetDateTime,
) -> Result<(), OpError> {
    let (full, guardian_id, place): (FullGrant, Uuid, AgreedWhere) = match agreement {
        Agreement::InSession { guardian_id } => (team(grant)?, guardian_id, AgreedWhere::InSession),
        Agreement::OwnDevice if grant.tie() == ChildTie::Guardian => {
            (full(grant)?, grant.actor().person_id(), AgreedWhere::OwnDevice)
        }
        Agreement::OwnDevice => return Err(OpError::NotFound),
    };
    let version = plans::version(tx, &full, version_id).await?.ok_or(OpError::NotFound)?;
    let guardians = children::child_details(tx, &full).await?.caregivers;
    if !guardians.iter().any(|c| c.person_id == guardian_id && c.access == Access::Guardian) {
        return Err(OpError::field("guardian_id", Problem::NotAGuardian));
    }
    if place == AgreedWhere::OwnDevice {
        // A draft is not the guardian's to read: it is not there for them.
        if !version.status().guardians_may_read() {
            return Err(OpError::NotFound);
        }
        if !version.status().guardian_may_confirm() {
            return Err(not_open());
        }
    }
    has_assignments(tx, grant, &version).await?;
    if !plans::agree(tx, &full, &version, guardian_id, place, now).await? {
        return Err(not_open());
    }
    Ok(())
}

/// A therapist's form: the guardian who is here.
#[derive(Clone, Debug, Default, Deserialize, utoipa::ToSchema)]
#[schema(example = json!({"guardian_id": "0190f000-0000-7000-8000-000000000002"}))]
pub struct AgreeInput {
    #[serde(default)]
    pub guardian_id: String,
}

/// Agreed in a session with a guardian present: caregivers see it at once.
pub async fn record_agreement(
    ops: &Ops,
    who: &Who,
    grant: &ChildGrant,
    version_id: Uuid,
    input: &AgreeInput,
) -> Result<(), OpError> {
    team(grant)?;
    let guardian_id = Uuid::parse_str(input.guardian_id.trim())
        .map_err(|_| OpError::field("guardian_id", Problem::NotAGuardian))?;
    let mut tx = ops.db.begin_write().await?;
    agree_within(&mut tx, grant, version_id, Agreement::InSession { guardian_id }, ops.now())
        .await?;
    audit_plan(ops, who, &mut tx, AuditAction::Update, AuditResource::Plan, version_id, grant)
        .await?;
    tx.commit().await?;
    Ok(())
}

/// A guardian confirms a shared version from their own phone.
pub async fn confirm(
    ops: &Ops,
    who: &Who,
    grant: &ChildGrant,
    version_id: Uuid,
) -> Result<(), OpError> {
    let mut tx = ops.db.begin_write().await?;
    agree_within(&mut tx, grant, version_id, Agreement::OwnDevice, ops.now()).await?;
    audit_plan(ops, who, &mut tx, AuditAction::Update, AuditResource::Plan, version_id, grant)
        .await?;
    tx.commit().await?;
    Ok(())
}
