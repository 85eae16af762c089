//! Ending a visit: the practice plan for the coming week, drafted from the
//! agreed one with today's modifications written into it; agreed at once
//! when the guardian present agrees (`plan::agree_within`, in the same
//! transaction), and the flags raised in the visit marked handled.

use carryover_domain::{
    audit::AuditAction, people::Access, plan::CHANGES_MAX_CHARS, visit::EntryKind,
};
use carryover_store::{assignments, children, coaching, plans};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::{
    agenda, audit_record,
    note::strategy_texts,
    record::{EntryView, StrategyChoice, strategy_choices},
};
use crate::{
    ChildGrant, OpError, Ops, Problem, Who,
    error::Fields,
    plan::{Agreement, CaregiverChoice, agree_within},
    scope::team,
};

/// What the end of a visit offers: the plan carried forward, today's
/// modifications, and the guardians who may agree.
#[derive(Clone, Debug, Serialize)]
pub struct EndingView {
    pub child_name: String,
    pub session_id: Uuid,
    pub revision: i64,
    /// The strategies of the plan now (agreed, or being prepared).
    pub strategies: Vec<StrategyChoice>,
    pub modifications: Vec<EntryView>,
    pub guardians: Vec<CaregiverChoice>,
    /// Guardians who attended: the form picks the first of them.
    pub attending: Vec<Uuid>,
    pub ended: bool,
}

pub async fn ending(
    ops: &Ops,
    who: &Who,
    grant: &ChildGrant,
    session_id: Uuid,
) -> Result<EndingView, OpError> {
    let team = team(grant)?;
    let mut tx = ops.db.begin_write().await?;
    let found = coaching::record(&mut tx, &team, session_id).await?.ok_or(OpError::NotFound)?;
    let basics = children::child_basics(&mut tx, grant).await?;
    let strategies = strategy_choices(&mut tx, &team).await?;
    let texts = strategy_texts(&mut tx, &team).await?;
    let entries = coaching::entries(&mut tx, &team, session_id).await?;
    let attending = coaching::attendees(&mut tx, &team, session_id).await?;
    let guardians: Vec<CaregiverChoice> = children::child_details(&mut tx, &team)
        .await?
        .caregivers
        .into_iter()
        .filter(|c| c.access == Access::Guardian)
        .map(|c| CaregiverChoice { person_id: c.person_id, name: c.display_name, access: c.access })
        .collect();
    audit_record(ops, who, &mut tx, AuditAction::View, Some(session_id), grant).await?;
    tx.commit().await?;
    Ok(EndingView {
        child_name: basics.preferred_name,
        session_id,
        revision: found.revision,
        strategies,
        modifications: entries
            .into_iter()
            .filter(|e| e.kind == EntryKind::Modification && !e.notes.trim().is_empty())
            .map(|e| EntryView {
                entry_id: e.entry_id,
                kind: e.kind,
                assignment_id: e.assignment_id,
                strategy: e
                    .assignment_id
                    .and_then(|id| texts.iter().find(|(a, _)| *a == id).map(|(_, t)| t.clone())),
                routine: None,
                routine_line: None,
                question: e.question,
                notes: e.notes,
                reason: e.reason,
                confidence: e.confidence,
            })
            .collect(),
        attending: attending
            .into_iter()
            .filter(|id| guardians.iter().any(|g| g.person_id == *id))
            .collect(),
        guardians,
        ended: found.ended_at.is_some(),
    })
}

/// Ending the visit: the guardian who agrees (empty: end without agreeing;
/// the new version then waits to be shared).
#[derive(Clone, Debug, Default, Deserialize, Serialize, utoipa::ToSchema)]
#[schema(example = json!({"guardian_id": "0190f000-0000-7000-8000-000000000002", "revision": "9"}))]
pub struct EndInput {
    #[serde(default)]
    pub guardian_id: String,
    #[serde(default)]
    pub revision: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, utoipa::ToSchema)]
#[schema(example = json!({"plan_version_id": "0190f000-0000-7000-8000-000000000040", "agreed": true}))]
pub struct EndOutcome {
    /// The version for the coming week; `None` when the child has no plan yet.
    pub plan_version_id: Option<Uuid>,
    /// Agreed with the guardian present: the caregivers see it at once.
    pub agreed: bool,
}

/// A modification as the next version keeps it: the change, then why.
fn change_text(notes: &str, reason: &str) -> String {
    let text = format!("{} ({})", notes.trim(), reason.trim());
    text.chars().take(CHANGES_MAX_CHARS).collect()
}

pub async fn end(
    ops: &Ops,
    who: &Who,
    grant: &ChildGrant,
    session_id: Uuid,
    input: &EndInput,
) -> Result<EndOutcome, OpError> {
    let team = team(grant)?;
    let mut fields = Fields::default();
    let expected = fields.some(
        "revision",
        input.revision.trim().parse::<i64>().ok(),
        Problem::NotAWholeNumber,
    );
    let guardian = match input.guardian_id.trim() {
        "" => Some(None),
        text => {
            fields.some("guardian_id", Uuid::parse_str(text).ok().map(Some), Problem::NotAGuardian)
        }
    };
    let (expected, guardian) = fields.finish(expected.zip(guardian))?;
    let now = ops.now();
    let mut tx = ops.db.begin_write().await?;
    let found = coaching::record(&mut tx, &team, session_id).await?.ok_or(OpError::NotFound)?;
    if found.ended_at.is_some() {
        return Err(OpError::Conflict { constraint: "coaching_session_ended", field: None });
    }
    if coaching::bump(&mut tx, &team, session_id, expected, now).await?.is_none() {
        return Err(OpError::Conflict { constraint: "coaching_session_revision", field: None });
    }
    let modifications: Vec<coaching::Entry> = coaching::entries(&mut tx, &team, session_id)
        .await?
        .into_iter()
        .filter(|e| e.kind == EntryKind::Modification && !e.notes.trim().is_empty())
        .collect();
    let draft = match plans::open_version(&mut tx, &team).await? {
        Some(open) => Some(open),
        None => match plans::current_agreed(&mut tx, grant).await? {
            Some(current) => {
                let draft = plans::insert_version(&mut tx, &team, Some(&current), now).await?;
                assignments::copy_plan(&mut tx, &team, &current, &draft, now).await?;
                Some(draft)
            }
            None => None,
        },
    };
    if let Some(draft) = &draft {
        let planned = assignments::assignments(&mut tx, grant, draft).await?;
        for m in &modifications {
            let Some(id) = m.assignment_id else { continue };
            let target =
                planned.iter().find(|a| a.assignment_id == id || a.carried_from == Some(id));
            if let Some(target) = target {
                let mut changed = target.fields.clone();
                changed.changes = change_text(&m.notes, &m.reason);
                assignments::update_assignment(
                    &mut tx,
                    &team,
                    draft,
                    target.assignment_id,
                    &changed,
                )
                .await?;
            }
        }
        if !modifications.is_empty() {
            plans::mark_edited(&mut tx, &team, draft, now).await?;
        }
    }
    let mut agreed = false;
    if let Some(guardian_id) = guardian {
        let draft = draft.as_ref().ok_or(OpError::field("guardian_id", Problem::EmptyPlan))?;
        agree_within(&mut tx, grant, draft.version_id, Agreement::InSession { guardian_id }, now)
            .await?;
        // The visit's one audit row (below) covers the version agreed in it.
        agreed = true;
    }
    let version_id = draft.as_ref().map(|d| d.version_id);
    if !coaching::end(&mut tx, &team, session_id, version_id, now).await? {
        return Err(OpError::Conflict { constraint: "coaching_session_ended", field: None });
    }
    agenda::mark_handled(&mut tx, grant, now).await?;
    audit_record(ops, who, &mut tx, AuditAction::Update, Some(session_id), grant).await?;
    tx.commit().await?;
    Ok(EndOutcome { plan_version_id: version_id, agreed })
}
