//! The session note: a narrative composed from the record's entries (the
//! web layer words it, with no empty headings and one line naming the steps
//! not documented), signed by the therapist and then locked; later words
//! are dated addenda. Guardians read only the summaries marked shared.

use carryover_domain::{
    audit::AuditAction,
    fidelity::CoachingStep,
    library::StrategySnapshot,
    text::check_optional_paragraph,
    visit::{EntryKind, VISIT_TEXT_MAX_CHARS, VisitSetting},
    zone::ClinicZone,
};
use carryover_store::{AnyConnection, assignments, children, coaching, goals, plans, routines};
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;
use uuid::Uuid;

use super::{audit_record, record::EntryView};
use crate::{
    ChildGrant, FullGrant, OpError, Ops, Problem, Who,
    error::Fields,
    routines::lines,
    scope::{clinic_day, full, team},
};

/// Every assignment the child's plans ever held, with its text: entries
/// name strategies of older versions too.
pub(crate) async fn strategy_texts(
    conn: &mut AnyConnection,
    team: &FullGrant,
) -> Result<Vec<(Uuid, StrategySnapshot)>, OpError> {
    let mut texts = Vec::new();
    for version in plans::versions(conn, team).await? {
        for a in assignments::assignments(conn, team.child(), &version).await? {
            texts.push((a.assignment_id, a.snapshot));
        }
    }
    Ok(texts)
}

/// The clinic's reflective questions; empty: the ones that ship with Carryover.
pub(crate) async fn questions(
    conn: &mut AnyConnection,
    grant: &ChildGrant,
) -> Result<Vec<String>, OpError> {
    Ok(coaching::reflection_questions(conn, grant.clinic_id()).await?)
}

/// One record in a list.
#[derive(Clone, Debug, Serialize)]
pub struct RecordLine {
    pub session_id: Uuid,
    pub date: String,
    pub setting: VisitSetting,
    pub therapist_name: String,
    #[serde(with = "time::serde::rfc3339::option")]
    pub ended_at: Option<OffsetDateTime>,
    pub signed: bool,
    /// For the care team: the steps it contains. Empty for guardians.
    pub steps_done: Vec<CoachingStep>,
    /// For guardians: the summary the therapist shared.
    pub summary: Option<String>,
}

/// The records a caller may see: all of them for the care team; for a
/// guardian, only those whose summary was shared, and only the summary.
pub(crate) async fn record_lines(
    conn: &mut AnyConnection,
    grant: &ChildGrant,
    full: &FullGrant,
    zone: &ClinicZone,
) -> Result<Vec<RecordLine>, OpError> {
    let team = team(grant).ok();
    let mut lines = Vec::new();
    for r in coaching::records(conn, full).await? {
        let date = carryover_domain::text::date_text(zone.local_date(r.held_at));
        match &team {
            Some(team) => {
                let entries = coaching::entries(conn, team, r.session_id).await?;
                let goals = coaching::goals(conn, team, r.session_id).await?;
                let steps = super::steps(
                    &r.since_last,
                    &r.agenda,
                    goals.len(),
                    [&r.affirmed, &r.suggested, &r.information],
                    &entries,
                );
                lines.push(RecordLine {
                    session_id: r.session_id,
                    date,
                    setting: r.setting,
                    therapist_name: r.therapist_name,
                    ended_at: r.ended_at,
                    signed: r.signed_at.is_some(),
                    steps_done: steps.present().collect(),
                    summary: None,
                });
            }
            None if r.summary_shared && !r.summary.trim().is_empty() => lines.push(RecordLine {
                session_id: r.session_id,
                date,
                setting: r.setting,
                therapist_name: r.therapist_name,
                ended_at: r.ended_at,
                signed: r.signed_at.is_some(),
                steps_done: Vec::new(),
                summary: Some(r.summary),
            }),
            None => {}
        }
    }
    Ok(lines)
}

/// A guardian's view of the visits: the summaries shared with them.
#[derive(Clone, Debug, Serialize)]
pub struct Summary {
    pub session_id: Uuid,
    pub date: String,
    pub summary: String,
}

pub async fn summaries(ops: &Ops, who: &Who, grant: &ChildGrant) -> Result<Vec<Summary>, OpError> {
    let full = full(grant)?;
    let mut tx = ops.db.begin_write().await?;
    let day = clinic_day(&mut tx, grant.clinic_id(), ops.now()).await?;
    let lines = record_lines(&mut tx, grant, &full, &day.zone).await?;
    audit_record(ops, who, &mut tx, AuditAction::View, None, grant).await?;
    tx.commit().await?;
    Ok(lines
        .into_iter()
        .filter_map(|l| {
            Some(Summary { session_id: l.session_id, date: l.date, summary: l.summary? })
        })
        .collect())
}

/// One filled entry of the note.
pub type NoteEntry = EntryView;

#[derive(Clone, Debug, Serialize)]
pub struct AddendumView {
    pub text: String,
    pub written_by: String,
    #[serde(with = "time::serde::rfc3339")]
    pub written_at: OffsetDateTime,
    pub date: String,
}

/// The note of one visit, with only what was written.
#[derive(Clone, Debug, Serialize)]
pub struct NoteView {
    pub child_name: String,
    pub session_id: Uuid,
    pub revision: i64,
    pub date: String,
    pub time: String,
    pub duration_minutes: Option<i64>,
    pub setting: VisitSetting,
    pub therapist_name: String,
    /// The caregivers present, by name, then the others.
    pub attendees: Vec<String>,
    pub others_present: String,
    pub since_last: String,
    pub agenda: String,
    pub goals: Vec<String>,
    pub observations: Vec<NoteEntry>,
    pub actions: Vec<NoteEntry>,
    pub reflections: Vec<NoteEntry>,
    pub affirmed: String,
    pub suggested: String,
    pub information: String,
    pub modifications: Vec<NoteEntry>,
    pub steps_done: Vec<CoachingStep>,
    /// The steps not documented, named on one line.
    pub steps_missing: Vec<CoachingStep>,
    pub summary: String,
    pub summary_shared: bool,
    pub ended: bool,
    pub signed_by: Option<String>,
    #[serde(with = "time::serde::rfc3339::option")]
    pub signed_at: Option<OffsetDateTime>,
    pub signed_date: Option<String>,
    pub addenda: Vec<AddendumView>,
}

impl NoteView {
    pub fn has(&self, step: CoachingStep) -> bool {
        self.steps_done.contains(&step)
    }
}

/// The note (the care team).
pub async fn note(
    ops: &Ops,
    who: &Who,
    grant: &ChildGrant,
    session_id: Uuid,
) -> Result<NoteView, OpError> {
    let team = team(grant)?;
    let mut tx = ops.db.begin_write().await?;
    let found = coaching::record(&mut tx, &team, session_id).await?.ok_or(OpError::NotFound)?;
    let basics = children::child_basics(&mut tx, grant).await?;
    let day = clinic_day(&mut tx, grant.clinic_id(), ops.now()).await?;
    let attendee_ids = coaching::attendees(&mut tx, &team, session_id).await?;
    let caregivers = children::child_details(&mut tx, &team).await?.caregivers;
    let goal_ids = coaching::goals(&mut tx, &team, session_id).await?;
    let all_goals = goals::goals(&mut tx, grant).await?;
    let entries = coaching::entries(&mut tx, &team, session_id).await?;
    let addenda = coaching::addenda(&mut tx, &team, session_id).await?;
    let strategies = strategy_texts(&mut tx, &team).await?;
    let household = routines::routines(&mut tx, grant).await?;
    audit_record(ops, who, &mut tx, AuditAction::View, Some(session_id), grant).await?;
    tx.commit().await?;
    let routine_lines = lines(&household);
    let steps = super::steps(
        &found.since_last,
        &found.agenda,
        goal_ids.len(),
        [&found.affirmed, &found.suggested, &found.information],
        &entries,
    );
    let filled: Vec<NoteEntry> = entries
        .iter()
        .filter(|e| {
            carryover_domain::visit::EntryContent {
                kind: e.kind,
                has_strategy: e.assignment_id.is_some(),
                notes: &e.notes,
                has_confidence: e.confidence.is_some(),
            }
            .is_filled()
        })
        .map(|e| EntryView {
            entry_id: e.entry_id,
            kind: e.kind,
            assignment_id: e.assignment_id,
            strategy: e
                .assignment_id
                .and_then(|id| strategies.iter().find(|(a, _)| *a == id).map(|(_, t)| t.clone())),
            routine: e.routine.map(|r| r.key()),
            routine_line: e
                .routine
                .and_then(|r| routine_lines.iter().find(|l| l.key == r.key()).cloned()),
            question: e.question.clone(),
            notes: e.notes.clone(),
            reason: e.reason.clone(),
            confidence: e.confidence,
        })
        .collect();
    let of = |kinds: &[EntryKind]| -> Vec<NoteEntry> {
        filled.iter().filter(|e| kinds.contains(&e.kind)).cloned().collect()
    };
    let local = day.zone.local(found.held_at);
    Ok(NoteView {
        child_name: basics.preferred_name,
        session_id,
        revision: found.revision,
        date: carryover_domain::text::date_text(local.date()),
        time: format!("{:02}:{:02}", local.hour(), local.minute()),
        duration_minutes: found.duration_minutes,
        setting: found.setting,
        therapist_name: found.therapist_name,
        attendees: caregivers
            .iter()
            .filter(|c| attendee_ids.contains(&c.person_id))
            .map(|c| c.display_name.clone())
            .collect(),
        others_present: found.others_present,
        since_last: found.since_last,
        agenda: found.agenda,
        goals: all_goals
            .iter()
            .filter(|g| goal_ids.contains(&g.goal_id))
            .map(|g| g.words.clone())
            .collect(),
        observations: of(&[EntryKind::Modelled, EntryKind::Observed]),
        actions: of(&[EntryKind::Action]),
        reflections: of(&[EntryKind::Reflection]),
        affirmed: found.affirmed,
        suggested: found.suggested,
        information: found.information,
        modifications: of(&[EntryKind::Modification]),
        steps_done: steps.present().collect(),
        steps_missing: steps.missing().collect(),
        summary: found.summary,
        summary_shared: found.summary_shared,
        ended: found.ended_at.is_some(),
        signed_by: found.signed_by_name,
        signed_at: found.signed_at,
        signed_date: found
            .signed_at
            .map(|at| carryover_domain::text::date_text(day.zone.local_date(at))),
        addenda: addenda
            .into_iter()
            .map(|a| AddendumView {
                date: carryover_domain::text::date_text(day.zone.local_date(a.written_at)),
                text: a.text,
                written_by: a.written_by,
                written_at: a.written_at,
            })
            .collect(),
    })
}

/// Signs the note of an ended visit: from now on it is locked.
pub async fn sign(
    ops: &Ops,
    who: &Who,
    grant: &ChildGrant,
    session_id: Uuid,
) -> Result<(), OpError> {
    let team = team(grant)?;
    let mut tx = ops.db.begin_write().await?;
    let found = coaching::record(&mut tx, &team, session_id).await?.ok_or(OpError::NotFound)?;
    // Audited first: a refusal below rolls the row back with everything else.
    audit_record(ops, who, &mut tx, AuditAction::Update, Some(session_id), grant).await?;
    if found.ended_at.is_none() {
        return Err(OpError::Conflict { constraint: "coaching_session_open", field: None });
    }
    if !coaching::sign(&mut tx, &team, session_id, ops.now()).await? {
        return Err(OpError::Conflict { constraint: "coaching_session_signed", field: None });
    }
    tx.commit().await?;
    Ok(())
}

#[derive(Clone, Debug, Default, Deserialize, Serialize, utoipa::ToSchema)]
#[schema(example = json!({"text": "Mother called: the timer helped at bedtime too."}))]
pub struct AddendumInput {
    #[serde(default)]
    pub text: String,
}

/// Adds a dated addendum under a signed note.
pub async fn add_addendum(
    ops: &Ops,
    who: &Who,
    grant: &ChildGrant,
    session_id: Uuid,
    input: &AddendumInput,
) -> Result<(), OpError> {
    let team = team(grant)?;
    let mut fields = Fields::default();
    let text = fields.check(
        "text",
        check_optional_paragraph(&input.text, VISIT_TEXT_MAX_CHARS).map_err(Problem::from),
    );
    if text.as_deref().is_some_and(str::is_empty) {
        fields.push("text", Problem::Required);
    }
    let text = fields.finish(text)?;
    let mut tx = ops.db.begin_write().await?;
    let found = coaching::record(&mut tx, &team, session_id).await?.ok_or(OpError::NotFound)?;
    // Audited first: a refusal below rolls the row back with everything else.
    audit_record(ops, who, &mut tx, AuditAction::Create, Some(session_id), grant).await?;
    if found.signed_at.is_none() {
        return Err(OpError::Conflict { constraint: "coaching_session_unsigned", field: None });
    }
    coaching::add_addendum(&mut tx, &team, session_id, &text, ops.now()).await?;
    tx.commit().await?;
    Ok(())
}

#[derive(Clone, Debug, Default, Deserialize, Serialize, utoipa::ToSchema)]
#[schema(example = json!({"shared": "1"}))]
pub struct ShareInput {
    /// "1" (or "true") to share the summary with the guardians, anything else to stop.
    #[serde(default)]
    pub shared: String,
}

/// Lets the guardians see the visit's summary, or stops it.
pub async fn share_summary(
    ops: &Ops,
    who: &Who,
    grant: &ChildGrant,
    session_id: Uuid,
    input: &ShareInput,
) -> Result<(), OpError> {
    let team = team(grant)?;
    let shared = matches!(input.shared.trim(), "1" | "true" | "on");
    let mut tx = ops.db.begin_write().await?;
    if !coaching::share_summary(&mut tx, &team, session_id, shared, ops.now()).await? {
        return Err(OpError::NotFound);
    }
    audit_record(ops, who, &mut tx, AuditAction::Update, Some(session_id), grant).await?;
    tx.commit().await?;
    Ok(())
}
