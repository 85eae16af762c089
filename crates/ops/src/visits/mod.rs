//! Coaching visits (issue 13): the next visit of a child, the visit record
//! along the five steps, ending it with the next practice plan, the signed
//! note with its addenda, and coaching fidelity.
//!
//! The care team and admins write records; guardians read the summaries the
//! therapist shares and the visits planned; helpers see no visits.

pub mod agenda;
mod end;
mod fidelity;
mod note;
mod questions;
mod record;
mod schedule;

pub use end::{EndInput, EndOutcome, EndingView, end, ending};
pub use fidelity::{FidelityFigures, TherapistFidelity, clinic_fidelity, my_fidelity};
pub use note::{
    AddendumInput, NoteEntry, NoteView, ShareInput, Summary, add_addendum, note, share_summary,
    sign, summaries,
};
pub use questions::{QuestionsInput, QuestionsView, questions, set_questions};
pub use record::{
    EntryInput, EntryView, FieldInput, KeptView, LinksInput, RecordView, RevisionInput, Saved,
    StartInput, StrategyChoice, VisitFieldsInput, add_entry, record, remove_entry, save_attendees,
    save_field, save_goals, save_visit, start, update_entry,
};
pub use schedule::{
    CancelInput, UpcomingVisit, VisitInput, VisitsView, cancel, reschedule, schedule, upcoming_for,
    visits,
};

use carryover_domain::{
    audit::{AuditAction, AuditResource},
    fidelity::CoachingSteps,
    visit::{EntryContent, RecordContent},
};
use carryover_store::{WriteTx, audit, coaching};
use uuid::Uuid;

use crate::{ChildGrant, OpError, Ops, Who};

/// Leaves the audit row of a write or read of a visit record.
pub(crate) async fn audit_record(
    ops: &Ops,
    who: &Who,
    tx: &mut WriteTx,
    action: AuditAction,
    session_id: Option<Uuid>,
    grant: &ChildGrant,
) -> Result<(), OpError> {
    let event = who.event(
        action,
        AuditResource::CoachingSession,
        session_id.map(|id| id.to_string()),
        Some(grant.child_id()),
    );
    audit::append(tx, &event, ops.now()).await?;
    Ok(())
}

/// The steps a stored record contains (the fidelity rule of the domain).
pub(crate) fn steps(
    since_last: &str,
    agenda: &str,
    goals_addressed: usize,
    feedback: [&str; 3],
    entries: &[coaching::Entry],
) -> CoachingSteps {
    carryover_domain::visit::steps_of(&RecordContent {
        since_last,
        agenda,
        goals_addressed,
        feedback,
        entries: entries
            .iter()
            .map(|e| EntryContent {
                kind: e.kind,
                has_strategy: e.assignment_id.is_some(),
                notes: &e.notes,
                has_confidence: e.confidence.is_some(),
            })
            .collect(),
    })
}
