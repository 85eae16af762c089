//! Children as their people see them: the list on each person's start page,
//! and one child's record, as much of it as the caller's grant allows.

use carryover_domain::{
    access::ChildTie,
    audit::{AuditAction, AuditResource},
};
use carryover_store::{audit, children};

pub use carryover_store::children::{
    CaregiverLine, ChildBasics, ChildDetails, ChildSummary, TeamLine,
};
pub use carryover_store::paging::{Page, Paging};

use crate::{ChildGrant, OpError, Ops, Who};

/// The children the caller works with, read with one audit row that names
/// every child shown.
pub async fn list(ops: &Ops, who: &Who, paging: Paging) -> Result<Page<ChildSummary>, OpError> {
    let mut tx = ops.db.begin_write().await?;
    let children = children::children_for(&mut tx, &who.actor, paging).await?;
    let ids: Vec<_> = children.items.iter().map(|c| c.child_id).collect();
    let event = who.event(AuditAction::List, AuditResource::Child, None, None);
    audit::append_listing(&mut tx, &event, &ids, ops.now()).await?;
    tx.commit().await?;
    Ok(children)
}

/// What the caller may do on a child's page.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
pub struct ChildPermissions {
    pub invite_caregiver: bool,
    pub see_access_log: bool,
    pub see_audit_log: bool,
}

impl ChildPermissions {
    pub fn for_tie(tie: ChildTie) -> ChildPermissions {
        ChildPermissions {
            invite_caregiver: matches!(tie, ChildTie::CareTeam | ChildTie::ClinicAdmin),
            see_access_log: tie == ChildTie::Guardian,
            see_audit_log: tie == ChildTie::ClinicAdmin,
        }
    }
}

/// A child's record as the caller may see it: helpers get no details.
#[derive(Clone, Debug)]
pub struct ChildView {
    pub basics: ChildBasics,
    pub details: Option<ChildDetails>,
    pub tie: ChildTie,
    pub can: ChildPermissions,
}

pub async fn view(ops: &Ops, who: &Who, grant: &ChildGrant) -> Result<ChildView, OpError> {
    let mut tx = ops.db.begin_write().await?;
    let basics = children::child_basics(&mut tx, grant).await?;
    let details = match grant.full() {
        Some(full) => Some(children::child_details(&mut tx, &full).await?),
        None => None,
    };
    audit::append(&mut tx, &who.child_event(AuditAction::View, grant.child_id()), ops.now())
        .await?;
    tx.commit().await?;
    Ok(ChildView { basics, details, tie: grant.tie(), can: ChildPermissions::for_tie(grant.tie()) })
}
