//! A caller's grant to one child, and the audit row of a refused look.

use carryover_domain::audit::AuditAction;
use carryover_store::{
    audit,
    audit::Outcome,
    grant::{self, WritableGrant},
};
use uuid::Uuid;

use crate::{ChildGrant, OpError, Ops, Who};

/// The right to change the child's information, or `ReadOnly` for a
/// discharged child: every operation that writes asks here.
pub fn writable(grant: &ChildGrant) -> Result<WritableGrant, OpError> {
    grant.writable().ok_or(OpError::ReadOnly)
}

/// The caller's grant to a child of their clinic, or `None` when they have
/// no tie to it (or it does not exist, or belongs to another clinic).
pub async fn child_grant(
    ops: &Ops,
    who: &Who,
    child_id: Uuid,
) -> Result<Option<ChildGrant>, OpError> {
    let mut conn = ops.db.read_conn().await?;
    Ok(grant::child_grant(&mut conn, &who.actor, child_id, ops.now()).await?)
}

/// Records that the caller was refused a child's information. Filed in the
/// caller's own clinic's chain, whatever clinic the child is in.
pub async fn record_refusal(ops: &Ops, who: &Who, child_id: Uuid) -> Result<(), OpError> {
    let mut event = who.child_event(AuditAction::Denied, child_id);
    event.outcome = Outcome::Denied;
    let mut tx = ops.db.begin_write().await?;
    audit::append(&mut tx, &event, ops.now()).await?;
    tx.commit().await?;
    Ok(())
}
