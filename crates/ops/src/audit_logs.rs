//! The audit views: who opened a child's record (for the clinic admin, and
//! the clinic staff's part of it for the child's guardians) and what one
//! person did. Looking at an audit log is itself a read, and leaves its own row.

use carryover_domain::{
    access::ChildTie,
    audit::{AuditAction, AuditResource},
};
use carryover_store::{audit, children, people};
use uuid::Uuid;

pub use carryover_store::audit::{AuditEntry, Window};

use crate::{ChildGrant, OpError, Ops, Who};

/// A log (or a page of it, newest first) and the name of whom it is about.
#[derive(Clone, Debug)]
pub struct AuditLog {
    pub subject_name: String,
    pub entries: Vec<AuditEntry>,
    /// The cursor of the next, older page, if there is one.
    pub older: Option<i64>,
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
    window: Window,
) -> Result<AuditLog, OpError> {
    if grant.tie() != ChildTie::ClinicAdmin {
        return Err(OpError::NotFound);
    }
    read_child_log(ops, who, grant, false, reading.action(), window).await
}

/// Every time clinic staff opened the child's record, for a guardian.
pub async fn access_log(
    ops: &Ops,
    who: &Who,
    grant: &ChildGrant,
    window: Window,
) -> Result<AuditLog, OpError> {
    if grant.tie() != ChildTie::Guardian {
        return Err(OpError::NotFound);
    }
    read_child_log(ops, who, grant, true, AuditAction::View, window).await
}

async fn read_child_log(
    ops: &Ops,
    who: &Who,
    grant: &ChildGrant,
    staff_only: bool,
    action: AuditAction,
    window: Window,
) -> Result<AuditLog, OpError> {
    let id = grant.child_id();
    let mut tx = ops.db.begin_write().await?;
    let basics = children::child_basics(&mut tx, grant).await?;
    let rows = audit::for_child(&mut tx, grant.clinic_id(), id, staff_only, window).await?;
    let (entries, older) = window.page(rows);
    let event = who.event(action, AuditResource::AuditLog, Some(id.to_string()), Some(id));
    audit::append(&mut tx, &event, ops.now()).await?;
    tx.commit().await?;
    Ok(AuditLog { subject_name: basics.preferred_name, entries, older })
}

/// Everything one person of the admin's clinic did.
pub async fn person_log(
    ops: &Ops,
    who: &Who,
    person_id: Uuid,
    reading: Reading,
    window: Window,
) -> Result<AuditLog, OpError> {
    if !who.actor.is_admin() {
        return Err(OpError::NotFound);
    }
    let clinic_id = who.actor.clinic_id();
    let mut tx = ops.db.begin_write().await?;
    let person =
        people::person_in_clinic(&mut tx, clinic_id, person_id).await?.ok_or(OpError::NotFound)?;
    let rows = audit::by_actor(&mut tx, clinic_id, person_id, window).await?;
    let (entries, older) = window.page(rows);
    let event =
        who.event(reading.action(), AuditResource::AuditLog, Some(person_id.to_string()), None);
    audit::append(&mut tx, &event, ops.now()).await?;
    tx.commit().await?;
    Ok(AuditLog { subject_name: person.display_name, entries, older })
}
