//! The audit views: who opened a child's record (for the clinic admin, and
//! the clinic staff's part of it for the child's guardians) and what one
//! person did. Looking at an audit log is itself a read, and leaves its own row.

use carryover_domain::{
    access::ChildTie,
    audit::{AuditAction, AuditResource},
};
use carryover_store::{audit, children, people};
use uuid::Uuid;

pub use carryover_store::audit::AuditEntry;

use crate::{ChildGrant, OpError, Ops, Who};

/// A log and the name of whom it is about.
#[derive(Clone, Debug)]
pub struct AuditLog {
    pub subject_name: String,
    pub entries: Vec<AuditEntry>,
}

/// Whether the log is being looked at or downloaded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reading {
    View,
    Export,
}

impl Reading {
    fn action(self) -> AuditAction {
        match self {
            Reading::View => AuditAction::View,
            Reading::Export => AuditAction::Export,
        }
    }
}

/// Every access to a child, for the clinic's admin.
pub async fn child_log(
    ops: &Ops,
    who: &Who,
    grant: &ChildGrant,
    reading: Reading,
) -> Result<AuditLog, OpError> {
    if grant.tie() != ChildTie::ClinicAdmin {
        return Err(OpError::NotFound);
    }
    read_child_log(ops, who, grant, false, reading.action()).await
}

/// Every time clinic staff opened the child's record, for a guardian.
pub async fn access_log(ops: &Ops, who: &Who, grant: &ChildGrant) -> Result<AuditLog, OpError> {
    if grant.tie() != ChildTie::Guardian {
        return Err(OpError::NotFound);
    }
    read_child_log(ops, who, grant, true, AuditAction::View).await
}

async fn read_child_log(
    ops: &Ops,
    who: &Who,
    grant: &ChildGrant,
    staff_only: bool,
    action: AuditAction,
) -> Result<AuditLog, OpError> {
    let id = grant.child_id();
    let mut tx = ops.db.begin_write().await?;
    let basics = children::child_basics(&mut tx, grant).await?;
    let entries = audit::for_child(&mut tx, grant.clinic_id(), id, staff_only).await?;
    let event = who.event(action, AuditResource::AuditLog, Some(id.to_string()), Some(id));
    audit::append(&mut tx, &event, ops.now()).await?;
    tx.commit().await?;
    Ok(AuditLog { subject_name: basics.preferred_name, entries })
}

/// Everything one person of the admin's clinic did.
pub async fn person_log(
    ops: &Ops,
    who: &Who,
    person_id: Uuid,
    reading: Reading,
) -> Result<AuditLog, OpError> {
    if !who.actor.is_admin() {
        return Err(OpError::NotFound);
    }
    let clinic_id = who.actor.clinic_id();
    let mut tx = ops.db.begin_write().await?;
    let person =
        people::person_in_clinic(&mut tx, clinic_id, person_id).await?.ok_or(OpError::NotFound)?;
    let entries = audit::by_actor(&mut tx, clinic_id, person_id).await?;
    let event =
        who.event(reading.action(), AuditResource::AuditLog, Some(person_id.to_string()), None);
    audit::append(&mut tx, &event, ops.now()).await?;
    tx.commit().await?;
    Ok(AuditLog { subject_name: person.display_name, entries })
}
