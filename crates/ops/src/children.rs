//! Children as their people see them: the list on each person's start page,
//! and one child's record, as much of it as the caller's grant allows.

use carryover_domain::{
    access::ChildTie,
    audit::{AuditAction, AuditResource},
    record,
};
use carryover_store::{audit, children, clinic, grant};

pub use carryover_store::children::{
    CaregiverLine, ChildBasics, ChildDetails, ChildSummary, Discharge, LastChange, TeamLine,
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

/// A discharged child whose record a guardian may still read, and until when.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct ClosedRecord {
    pub child: ChildSummary,
    pub readable_until: time::Date,
}

/// Each person's start page: the children they work with (as [`list`]) and,
/// for a guardian, the discharged children's records they may still read —
/// all read with one audit row that names every child shown.
#[derive(Clone, Debug, serde::Serialize)]
pub struct HomeLists {
    pub current: Vec<ChildSummary>,
    pub closed: Vec<ClosedRecord>,
    /// Issue 13: the next planned visits (a therapist's caseload, a
    /// guardian's children; none for helpers).
    pub upcoming: Vec<crate::visits::UpcomingVisit>,
}

pub async fn home(ops: &Ops, who: &Who) -> Result<HomeLists, OpError> {
    let now = ops.now();
    let mut tx = ops.db.begin_write().await?;
    let lists = home_lists(&mut tx, who, now).await?;
    audit_home(&mut tx, who, &lists, now).await?;
    tx.commit().await?;
    Ok(lists)
}

/// The lists of [`home`], read in the caller's transaction; the caller
/// audits them with [`audit_home`] (the caregiver's "This week" shares them).
pub(crate) async fn home_lists(
    tx: &mut carryover_store::WriteTx,
    who: &Who,
    now: time::OffsetDateTime,
) -> Result<HomeLists, OpError> {
    let current = children::children_for(tx, &who.actor, Paging::all()).await?.items;
    let mut closed = Vec::new();
    let days = clinic::clinic(tx, who.actor.clinic_id()).await?.map_or(0, |c| c.guardian_read_days);
    for child in children::discharged_of_guardian(tx, &who.actor).await? {
        // The grant decides, as it does for the record itself.
        let readable = grant::child_grant(tx, &who.actor, child.child_id, now).await?;
        if let (Some(_), Some(on)) = (readable, child.discharged_on) {
            let readable_until = record::guardian_read_until(on, days);
            closed.push(ClosedRecord { child, readable_until });
        }
    }
    let ids: Vec<_> =
        current.iter().chain(closed.iter().map(|c| &c.child)).map(|c| c.child_id).collect();
    // Issue 13: visits only of the children listed (the listing row names them).
    let upcoming: Vec<_> = crate::visits::upcoming_for(tx, &who.actor, now, 20)
        .await?
        .into_iter()
        .filter(|v| ids.contains(&v.child_id))
        .take(5)
        .collect();
    Ok(HomeLists { current, closed, upcoming })
}

/// The one audit row of a home page, naming every child it showed.
pub(crate) async fn audit_home(
    tx: &mut carryover_store::WriteTx,
    who: &Who,
    lists: &HomeLists,
    now: time::OffsetDateTime,
) -> Result<(), OpError> {
    let ids: Vec<_> = lists
        .current
        .iter()
        .chain(lists.closed.iter().map(|c| &c.child))
        .map(|c| c.child_id)
        .collect();
    let event = who.event(AuditAction::List, AuditResource::Child, None, None);
    audit::append_listing(tx, &event, &ids, now).await?;
    Ok(())
}

/// What the caller may do on a child's page. Nothing that changes the
/// record is offered once the child is discharged.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
pub struct ChildPermissions {
    pub invite_caregiver: bool,
    pub see_access_log: bool,
    pub see_audit_log: bool,
    pub edit_details: bool,
    pub see_caregivers: bool,
    pub change_team: bool,
    pub discharge: bool,
    pub readmit: bool,
    pub download_copy: bool,
}

impl ChildPermissions {
    pub fn for_grant(grant: &ChildGrant) -> ChildPermissions {
        let tie = grant.tie();
        let open = grant.writable().is_some();
        let team = matches!(tie, ChildTie::CareTeam | ChildTie::ClinicAdmin);
        ChildPermissions {
            invite_caregiver: team && open,
            see_access_log: tie == ChildTie::Guardian,
            see_audit_log: tie == ChildTie::ClinicAdmin,
            edit_details: open && tie != ChildTie::Helper,
            see_caregivers: tie != ChildTie::Helper,
            change_team: open && tie == ChildTie::ClinicAdmin,
            discharge: open && team,
            readmit: !open && team,
            download_copy: tie == ChildTie::Guardian,
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
    /// The practice plan in short (issue 11).
    pub plan: crate::plan::PlanOverview,
    /// New feedback for a caregiver about this child (issue 12 part B).
    pub new_feedback: Vec<crate::feedback::NewFeedback>,
}

pub async fn view(ops: &Ops, who: &Who, grant: &ChildGrant) -> Result<ChildView, OpError> {
    let mut tx = ops.db.begin_write().await?;
    let basics = children::child_basics(&mut tx, grant).await?;
    let details = match grant.full() {
        Some(full) => Some(children::child_details(&mut tx, &full).await?),
        None => None,
    };
    let plan = crate::plan::overview(&mut tx, grant, ops.now()).await?;
    let mut new_feedback = crate::feedback::new_feedback(&mut tx, who).await?;
    new_feedback.retain(|f| f.child_id == grant.child_id());
    audit::append(&mut tx, &who.child_event(AuditAction::View, grant.child_id()), ops.now())
        .await?;
    tx.commit().await?;
    let can = ChildPermissions::for_grant(grant);
    Ok(ChildView { basics, details, tie: grant.tie(), can, plan, new_feedback })
}
