//! The joint plan as each person reads it: the agreed version (everyone tied
//! to the child, helpers included); the version being prepared and how long
//! it has waited for a guardian (the care team, and guardians once it is
//! shared); one version and what changed in it; the history.

mod agree;
mod assignments;
mod editor;
mod view;

pub use agree::{AgreeInput, Agreement, agree_within, confirm, record_agreement, share};
pub use assignments::{
    AssignmentForm, AssignmentInput, add_assignment, assignment_form, remove_assignment,
    update_assignment,
};
pub use editor::{
    CaregiverChoice, DraftStarted, EditorView, PrioritiesInput, SearchInput, SearchView, editor,
    set_priorities, start_draft,
};
pub use view::{AssignmentView, ChangeKind, ChangeView, ConfirmationView, VersionView};
// Issue 12 part A: practice logs show assignments and routines as the plan does.
pub(crate) use view::{assignment_view, routine_line};

use carryover_domain::{
    access::ChildTie,
    audit::{AuditAction, AuditResource},
    plan::{PlanStatus, days_waiting},
};
use carryover_store::{AnyConnection, audit, children, goals, plans, routines};
use serde::Serialize;
use time::OffsetDateTime;
use uuid::Uuid;

use crate::{
    ChildGrant, OpError, Ops, Who,
    goals::GoalWords,
    scope::{clinic_day, full},
};

/// The version being prepared, in short.
#[derive(Clone, Debug, Serialize)]
pub struct OpenVersion {
    pub version_id: Uuid,
    pub number: i64,
    pub status: PlanStatus,
    #[serde(with = "time::serde::rfc3339::option")]
    pub shared_at: Option<OffsetDateTime>,
    /// Whole days on the clinic's calendar since it was shared.
    pub days_waiting: Option<i64>,
}

/// What the plan page and the child's page show of the plan.
#[derive(Clone, Debug, Serialize)]
pub struct PlanOverview {
    /// The newest agreed version: what the caregivers follow.
    pub current: Option<VersionView>,
    /// For the care team: the open version. For guardians: only once shared.
    /// Never for helpers.
    pub open: Option<OpenVersion>,
    /// The care team: start or edit a version.
    pub can_edit: bool,
    /// A guardian with a shared version waiting for them.
    pub can_confirm: bool,
    /// Everyone but helpers reads the history.
    pub can_see_history: bool,
}

/// Reads the overview inside the caller's transaction (the caller audits).
pub(crate) async fn overview(
    conn: &mut AnyConnection,
    grant: &ChildGrant,
    now: OffsetDateTime,
) -> Result<PlanOverview, OpError> {
    let words: Vec<GoalWords> =
        goals::goals(conn, grant).await?.iter().map(GoalWords::from).collect();
    let household = routines::routines(conn, grant).await?;
    let current = match plans::current_agreed(conn, grant).await? {
        Some(version) => Some(view::load(conn, grant, version).await?.view(&words, &household)),
        None => None,
    };
    let mut open = None;
    if let Some(full) = grant.full() {
        let day = clinic_day(conn, grant.clinic_id(), now).await?;
        open = plans::open_version(conn, &full).await?.map(|v| OpenVersion {
            version_id: v.version_id,
            number: v.number,
            status: v.status(),
            shared_at: v.shared_at,
            days_waiting: v.shared_at.map(|at| days_waiting(day.zone.local_date(at), day.today)),
        });
    }
    let team = matches!(grant.tie(), ChildTie::CareTeam | ChildTie::ClinicAdmin);
    let guardian = grant.tie() == ChildTie::Guardian;
    if guardian {
        open = open.filter(|o| o.status.guardians_may_read());
    }
    Ok(PlanOverview {
        current,
        can_confirm: guardian && open.as_ref().is_some_and(|o| o.status.guardian_may_confirm()),
        open,
        can_edit: team,
        can_see_history: grant.full().is_some(),
    })
}

#[derive(Clone, Debug, Serialize)]
pub struct PlanView {
    pub child_name: String,
    #[serde(flatten)]
    pub overview: PlanOverview,
}

/// The plan page.
pub async fn view(ops: &Ops, who: &Who, grant: &ChildGrant) -> Result<PlanView, OpError> {
    let mut tx = ops.db.begin_write().await?;
    let basics = children::child_basics(&mut tx, grant).await?;
    let overview = overview(&mut tx, grant, ops.now()).await?;
    let resource = overview.current.as_ref().map(|v| v.version_id.to_string());
    let event = who.event(AuditAction::View, AuditResource::Plan, resource, Some(grant.child_id()));
    audit::append(&mut tx, &event, ops.now()).await?;
    tx.commit().await?;
    Ok(PlanView { child_name: basics.preferred_name, overview })
}

/// One version, and what changed from the version it was drafted from.
#[derive(Clone, Debug, Serialize)]
pub struct VersionPage {
    pub child_name: String,
    pub version: VersionView,
    pub changes: Vec<ChangeView>,
    /// A guardian may confirm it now.
    pub can_confirm: bool,
    pub can_edit: bool,
}

/// A version the caller may read: guardians never see an unshared draft.
async fn readable(
    conn: &mut AnyConnection,
    grant: &ChildGrant,
    version_id: Uuid,
) -> Result<plans::PlanVersion, OpError> {
    let full = full(grant)?;
    let version = plans::version(conn, &full, version_id).await?.ok_or(OpError::NotFound)?;
    if grant.tie() == ChildTie::Guardian && !version.status().guardians_may_read() {
        return Err(OpError::NotFound);
    }
    Ok(version)
}

pub async fn version_page(
    ops: &Ops,
    who: &Who,
    grant: &ChildGrant,
    version_id: Uuid,
) -> Result<VersionPage, OpError> {
    let mut tx = ops.db.begin_write().await?;
    let version = readable(&mut tx, grant, version_id).await?;
    let basics = children::child_basics(&mut tx, grant).await?;
    let words: Vec<GoalWords> =
        goals::goals(&mut tx, grant).await?.iter().map(GoalWords::from).collect();
    let household = routines::routines(&mut tx, grant).await?;
    let based_on = match version.based_on {
        Some(id) => Some(readable(&mut tx, grant, id).await?),
        None => None,
    };
    let loaded = view::load(&mut tx, grant, version).await?;
    let before = match based_on {
        Some(v) => Some(view::load(&mut tx, grant, v).await?),
        None => None,
    };
    let event = who.event(
        AuditAction::View,
        AuditResource::Plan,
        Some(version_id.to_string()),
        Some(grant.child_id()),
    );
    audit::append(&mut tx, &event, ops.now()).await?;
    tx.commit().await?;
    let status = loaded.version.status();
    Ok(VersionPage {
        child_name: basics.preferred_name,
        changes: view::changes(before.as_ref(), &loaded, &words),
        version: loaded.view(&words, &household),
        can_confirm: grant.tie() == ChildTie::Guardian && status.guardian_may_confirm(),
        can_edit: crate::scope::team(grant).is_ok() && status.is_editable(),
    })
}

/// One line of the history.
#[derive(Clone, Debug, Serialize)]
pub struct HistoryEntry {
    pub version: VersionView,
    pub changes: Vec<ChangeView>,
}

#[derive(Clone, Debug, Serialize)]
pub struct HistoryView {
    pub child_name: String,
    /// Newest first.
    pub versions: Vec<HistoryEntry>,
}

/// Every version the caller may read, newest first, each with what changed
/// from the version before it.
pub async fn history(ops: &Ops, who: &Who, grant: &ChildGrant) -> Result<HistoryView, OpError> {
    let full = full(grant)?;
    let mut tx = ops.db.begin_write().await?;
    let basics = children::child_basics(&mut tx, grant).await?;
    let words: Vec<GoalWords> =
        goals::goals(&mut tx, grant).await?.iter().map(GoalWords::from).collect();
    let household = routines::routines(&mut tx, grant).await?;
    let guardian = grant.tie() == ChildTie::Guardian;
    let mut loaded = Vec::new();
    for version in plans::versions(&mut tx, &full).await? {
        if guardian && !version.status().guardians_may_read() {
            continue;
        }
        loaded.push(view::load(&mut tx, grant, version).await?);
    }
    let event = who.event(AuditAction::View, AuditResource::Plan, None, Some(grant.child_id()));
    audit::append(&mut tx, &event, ops.now()).await?;
    tx.commit().await?;
    let versions = loaded
        .iter()
        .map(|entry| {
            let before = entry
                .version
                .based_on
                .and_then(|id| loaded.iter().find(|l| l.version.version_id == id));
            HistoryEntry {
                version: entry.view(&words, &household),
                changes: view::changes(before, entry, &words),
            }
        })
        .collect();
    Ok(HistoryView { child_name: basics.preferred_name, versions })
}
