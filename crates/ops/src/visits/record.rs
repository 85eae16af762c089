//! The visit record, saved as the therapist goes: each field and each entry
//! saves on its own, naming the revision it started from. A save from a
//! stale revision changes nothing in the record; its text is kept beside
//! the record and the caller is told, so nothing typed is lost.

use carryover_domain::{
    audit::AuditAction,
    confidence::CaregiverConfidence,
    fidelity::CoachingStep,
    library::StrategySnapshot,
    routine::RoutineRef,
    text::check_optional_paragraph,
    visit::{EntryKind, REASON_MAX_CHARS, VISIT_TEXT_MAX_CHARS, VisitSetting},
};
use carryover_store::{
    AnyConnection, WriteTx, assignments, children, coaching, constraint, goals, plans, routines,
    visits,
};
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;
use uuid::Uuid;

use super::{agenda, audit_record, schedule::when_and_where};
use crate::{
    ChildGrant, FullGrant, OpError, Ops, Problem, Who,
    error::Fields,
    goals::GoalWords,
    plan::CaregiverChoice,
    routines::{RoutineLine, lines},
    scope::{clinic_day, team},
};

/// The answer to a save: saved (with the record's new revision), or refused
/// because another save came first — then both texts are there: the saved
/// one in the record, the refused one kept beside it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, utoipa::ToSchema)]
#[serde(tag = "outcome", rename_all = "snake_case")]
#[schema(example = json!({"outcome": "saved", "revision": 8}))]
pub enum Saved {
    Saved { revision: i64 },
    Stale { revision: i64, field: String, saved: String, yours: String },
}

fn signed_already() -> OpError {
    OpError::Conflict { constraint: "coaching_session_signed", field: None }
}

/// A revision as a form sends it.
fn revision(fields: &mut Fields, text: &str) -> Option<i64> {
    fields.some("revision", text.trim().parse::<i64>().ok(), Problem::NotAWholeNumber)
}

/// Takes the next revision, or keeps `yours` and says who came first.
async fn take_revision(
    ops: &Ops,
    tx: &mut WriteTx,
    team: &FullGrant,
    session_id: Uuid,
    expected: i64,
    field: &str,
    yours: &str,
) -> Result<Result<i64, Saved>, OpError> {
    if let Some(next) = coaching::bump(tx, team, session_id, expected, ops.now()).await? {
        return Ok(Ok(next));
    }
    let record = coaching::record(tx, team, session_id).await?.ok_or(OpError::NotFound)?;
    if record.signed_at.is_some() {
        return Err(signed_already());
    }
    let saved = coaching::TextField::parse(field).map(|f| record.text(f).to_owned());
    if !yours.trim().is_empty() {
        coaching::keep_text(tx, team, session_id, field, yours, ops.now()).await?;
    }
    Ok(Err(Saved::Stale {
        revision: record.revision,
        field: field.to_owned(),
        saved: saved.unwrap_or_default(),
        yours: yours.to_owned(),
    }))
}

/// One text field of the record.
#[derive(Clone, Debug, Default, Deserialize, Serialize, utoipa::ToSchema)]
#[schema(example = json!({"field": "since_last", "text": "Bath time went better", "revision": "3"}))]
pub struct FieldInput {
    /// others_present, since_last, agenda, affirmed, suggested, information or summary.
    #[serde(default)]
    pub field: String,
    #[serde(default)]
    pub text: String,
    /// The revision the text was typed on.
    #[serde(default)]
    pub revision: String,
}

async fn open_record(
    tx: &mut WriteTx,
    team: &FullGrant,
    session_id: Uuid,
) -> Result<coaching::Record, OpError> {
    let record = coaching::record(tx, team, session_id).await?.ok_or(OpError::NotFound)?;
    if record.signed_at.is_some() {
        return Err(signed_already());
    }
    Ok(record)
}

/// Saves one text field.
pub async fn save_field(
    ops: &Ops,
    who: &Who,
    grant: &ChildGrant,
    session_id: Uuid,
    input: &FieldInput,
) -> Result<Saved, OpError> {
    let team = team(grant)?;
    let mut fields = Fields::default();
    let field = fields.some(
        "field",
        coaching::TextField::parse(input.field.trim()),
        Problem::InvalidChoice,
    );
    let text = fields.check(
        input.field.trim().to_owned(),
        check_optional_paragraph(&input.text, VISIT_TEXT_MAX_CHARS).map_err(Problem::from),
    );
    let expected = revision(&mut fields, &input.revision);
    let ((field, text), expected) = fields.finish(field.zip(text).zip(expected))?;
    let mut tx = ops.db.begin_write().await?;
    open_record(&mut tx, &team, session_id).await?;
    let next = match take_revision(ops, &mut tx, &team, session_id, expected, field.column(), &text)
        .await?
    {
        Ok(next) => next,
        Err(stale) => {
            audit_record(ops, who, &mut tx, AuditAction::Update, Some(session_id), grant).await?;
            tx.commit().await?;
            return Ok(stale);
        }
    };
    coaching::set_text(&mut tx, &team, session_id, field, &text).await?;
    audit_record(ops, who, &mut tx, AuditAction::Update, Some(session_id), grant).await?;
    tx.commit().await?;
    Ok(Saved::Saved { revision: next })
}

/// When, how long and where the visit was.
#[derive(Clone, Debug, Default, Deserialize, Serialize, utoipa::ToSchema)]
#[schema(example = json!({"date": "2026-03-25", "time": "10:00", "setting": "home", "duration": "60", "revision": "1"}))]
pub struct VisitFieldsInput {
    #[serde(default)]
    pub date: String,
    #[serde(default)]
    pub time: String,
    #[serde(default)]
    pub setting: String,
    #[serde(default)]
    pub duration: String,
    #[serde(default)]
    pub revision: String,
}

pub async fn save_visit(
    ops: &Ops,
    who: &Who,
    grant: &ChildGrant,
    session_id: Uuid,
    input: &VisitFieldsInput,
) -> Result<Saved, OpError> {
    let team = team(grant)?;
    let mut tx = ops.db.begin_write().await?;
    let day = clinic_day(&mut tx, grant.clinic_id(), ops.now()).await?;
    let mut fields = Fields::default();
    let visit = when_and_where(
        &mut fields,
        &day.zone,
        day.today,
        &input.date,
        &input.time,
        &input.setting,
        &input.duration,
    );
    let expected = revision(&mut fields, &input.revision);
    let (visit, expected) = fields.finish(visit.zip(expected))?;
    open_record(&mut tx, &team, session_id).await?;
    let next = match take_revision(ops, &mut tx, &team, session_id, expected, "visit", "").await? {
        Ok(next) => next,
        Err(stale) => return Ok(stale),
    };
    coaching::set_visit(
        &mut tx,
        &team,
        session_id,
        visit.starts_at,
        visit.duration_minutes,
        visit.setting,
    )
    .await?;
    audit_record(ops, who, &mut tx, AuditAction::Update, Some(session_id), grant).await?;
    tx.commit().await?;
    Ok(Saved::Saved { revision: next })
}

/// A set of ids: the caregivers who attended, or the goals addressed today.
#[derive(Clone, Debug, Default, Deserialize, Serialize, utoipa::ToSchema)]
#[schema(example = json!({"ids": ["0190f000-0000-7000-8000-000000000010"], "revision": "2"}))]
pub struct LinksInput {
    #[serde(default)]
    pub ids: Vec<String>,
    #[serde(default)]
    pub revision: String,
}

fn ids_among(fields: &mut Fields, texts: &[String], known: &[Uuid], problem: Problem) -> Vec<Uuid> {
    let mut ids = Vec::new();
    for text in texts.iter().filter(|t| !t.trim().is_empty()) {
        match Uuid::parse_str(text.trim()).ok().filter(|id| known.contains(id)) {
            Some(id) if !ids.contains(&id) => ids.push(id),
            Some(_) => {}
            None => {
                fields.push("ids", problem);
                break;
            }
        }
    }
    ids
}

async fn save_links(
    ops: &Ops,
    who: &Who,
    grant: &ChildGrant,
    session_id: Uuid,
    input: &LinksInput,
    goals_not_people: bool,
) -> Result<Saved, OpError> {
    let team = team(grant)?;
    let mut tx = ops.db.begin_write().await?;
    let (known, problem): (Vec<Uuid>, Problem) = if goals_not_people {
        let known = goals::goals(&mut tx, grant).await?.iter().map(|g| g.goal_id).collect();
        (known, Problem::NotThisChildsGoal)
    } else {
        let found = children::child_details(&mut tx, &team).await?.caregivers;
        (found.iter().map(|c| c.person_id).collect(), Problem::NotInHousehold)
    };
    let mut fields = Fields::default();
    let ids = ids_among(&mut fields, &input.ids, &known, problem);
    let expected = revision(&mut fields, &input.revision);
    let expected = fields.finish(expected)?;
    open_record(&mut tx, &team, session_id).await?;
    let name = if goals_not_people { "goals" } else { "attendees" };
    let next = match take_revision(ops, &mut tx, &team, session_id, expected, name, "").await? {
        Ok(next) => next,
        Err(stale) => return Ok(stale),
    };
    if goals_not_people {
        coaching::set_goals(&mut tx, &team, session_id, &ids).await?;
    } else {
        coaching::set_attendees(&mut tx, &team, session_id, &ids).await?;
    }
    audit_record(ops, who, &mut tx, AuditAction::Update, Some(session_id), grant).await?;
    tx.commit().await?;
    Ok(Saved::Saved { revision: next })
}

/// Step 1: the goals addressed today, from the child's goals.
pub async fn save_goals(
    ops: &Ops,
    who: &Who,
    grant: &ChildGrant,
    session_id: Uuid,
    input: &LinksInput,
) -> Result<Saved, OpError> {
    save_links(ops, who, grant, session_id, input, true).await
}

/// The caregivers of the household who attended.
pub async fn save_attendees(
    ops: &Ops,
    who: &Who,
    grant: &ChildGrant,
    session_id: Uuid,
    input: &LinksInput,
) -> Result<Saved, OpError> {
    save_links(ops, who, grant, session_id, input, false).await
}

/// One entry of steps 2 to 5, as a form or JSON body gives it. Which
/// fields count depends on the kind: strategy and routine for observations
/// and practice; confidence for practice; question and answer (`notes`) for
/// reflection; strategy, change (`notes`) and reason for a modification.
#[derive(Clone, Debug, Default, Deserialize, Serialize, utoipa::ToSchema)]
#[schema(example = json!({"kind": "modelled", "strategy": "0190f000-0000-7000-8000-000000000020", "routine": "dressing", "question": "", "notes": "Modelled handing the sock with the heel down", "reason": "", "confidence": "", "revision": "4"}))]
pub struct EntryInput {
    /// modelled, observed, action, reflection or modification.
    #[serde(default)]
    pub kind: String,
    /// An assignment of the child's plan.
    #[serde(default)]
    pub strategy: String,
    /// A standard routine's code or one of the household's own routines.
    #[serde(default)]
    pub routine: String,
    #[serde(default)]
    pub question: String,
    #[serde(default)]
    pub notes: String,
    #[serde(default)]
    pub reason: String,
    /// 0–10, or empty.
    #[serde(default)]
    pub confidence: String,
    #[serde(default)]
    pub revision: String,
}

/// The strategies an entry may name: the assignments of the child's plan
/// (the agreed version and the one being prepared).
pub(crate) async fn strategy_choices(
    conn: &mut AnyConnection,
    team: &FullGrant,
) -> Result<Vec<StrategyChoice>, OpError> {
    let mut choices: Vec<StrategyChoice> = Vec::new();
    let mut versions = Vec::new();
    if let Some(v) = plans::current_agreed(conn, team.child()).await? {
        versions.push(v);
    }
    if let Some(v) = plans::open_version(conn, team).await? {
        versions.push(v);
    }
    for version in &versions {
        for a in assignments::assignments(conn, team.child(), version).await? {
            // The same strategy carried into the next version is one choice.
            let carried =
                a.carried_from.is_some_and(|from| choices.iter().any(|c| c.assignment_id == from));
            if !carried {
                choices.push(StrategyChoice { assignment_id: a.assignment_id, text: a.snapshot });
            }
        }
    }
    Ok(choices)
}

async fn known_strategies(
    conn: &mut AnyConnection,
    team: &FullGrant,
) -> Result<Vec<Uuid>, OpError> {
    let mut known = Vec::new();
    for version in plans::versions(conn, team).await? {
        for a in assignments::assignments(conn, team.child(), &version).await? {
            known.push(a.assignment_id);
        }
    }
    Ok(known)
}

async fn check_entry(
    tx: &mut WriteTx,
    grant: &ChildGrant,
    team: &FullGrant,
    kind: EntryKind,
    input: &EntryInput,
    fields: &mut Fields,
) -> Result<Option<coaching::EntryFields>, OpError> {
    let household = routines::routines(tx, grant).await?;
    let known = known_strategies(tx, team).await?;
    let uses_strategy = kind != EntryKind::Reflection;
    let strategy = match input.strategy.trim() {
        "" => Some(None),
        _ if !uses_strategy => Some(None),
        text => fields.some(
            "strategy",
            Uuid::parse_str(text).ok().filter(|id| known.contains(id)).map(Some),
            Problem::NotThisChildsStrategy,
        ),
    };
    if kind == EntryKind::Modification && matches!(strategy, Some(None)) {
        fields.push("strategy", Problem::Required);
    }
    let routine = match input.routine.trim() {
        "" => Some(None),
        _ if !matches!(kind, EntryKind::Modelled | EntryKind::Observed | EntryKind::Action) => {
            Some(None)
        }
        key => fields.some(
            "routine",
            RoutineRef::parse(key).filter(|r| household.has(*r)).map(Some),
            Problem::NotInHousehold,
        ),
    };
    let question = fields.check(
        "question",
        check_optional_paragraph(&input.question, REASON_MAX_CHARS).map_err(Problem::from),
    );
    let notes = fields.check(
        "notes",
        check_optional_paragraph(&input.notes, VISIT_TEXT_MAX_CHARS).map_err(Problem::from),
    );
    let reason = fields.check(
        "reason",
        check_optional_paragraph(&input.reason, REASON_MAX_CHARS).map_err(Problem::from),
    );
    if kind == EntryKind::Modification {
        if notes.as_deref().is_some_and(str::is_empty) {
            fields.push("notes", Problem::Required);
        }
        if reason.as_deref().is_some_and(str::is_empty) {
            fields.push("reason", Problem::Required);
        }
    }
    let confidence = match input.confidence.trim() {
        "" => Some(None),
        _ if kind != EntryKind::Action => Some(None),
        text => fields.check(
            "confidence",
            CaregiverConfidence::parse(text)
                .map(|c| Some(i64::from(c.get())))
                .map_err(Problem::from),
        ),
    };
    Ok(match (strategy, routine, question, notes, reason, confidence) {
        (
            Some(assignment_id),
            Some(routine),
            Some(question),
            Some(notes),
            Some(reason),
            Some(confidence),
        ) if fields.is_empty() => Some(coaching::EntryFields {
            assignment_id,
            routine,
            question: if kind == EntryKind::Reflection { question } else { String::new() },
            notes,
            reason: if kind == EntryKind::Modification { reason } else { String::new() },
            confidence,
        }),
        _ => None,
    })
}

/// Adds an entry to one of steps 2 to 5.
pub async fn add_entry(
    ops: &Ops,
    who: &Who,
    grant: &ChildGrant,
    session_id: Uuid,
    input: &EntryInput,
) -> Result<Saved, OpError> {
    write_entry(ops, who, grant, session_id, None, input).await
}

/// Changes an entry (its kind stays).
pub async fn update_entry(
    ops: &Ops,
    who: &Who,
    grant: &ChildGrant,
    session_id: Uuid,
    entry_id: Uuid,
    input: &EntryInput,
) -> Result<Saved, OpError> {
    write_entry(ops, who, grant, session_id, Some(entry_id), input).await
}

async fn write_entry(
    ops: &Ops,
    who: &Who,
    grant: &ChildGrant,
    session_id: Uuid,
    entry_id: Option<Uuid>,
    input: &EntryInput,
) -> Result<Saved, OpError> {
    let team = team(grant)?;
    let mut tx = ops.db.begin_write().await?;
    open_record(&mut tx, &team, session_id).await?;
    let kind = match entry_id {
        Some(id) => {
            coaching::entries(&mut tx, &team, session_id)
                .await?
                .into_iter()
                .find(|e| e.entry_id == id)
                .ok_or(OpError::NotFound)?
                .kind
        }
        None => EntryKind::parse(input.kind.trim())
            .ok_or(OpError::field("kind", Problem::InvalidChoice))?,
    };
    let mut fields = Fields::default();
    let checked = check_entry(&mut tx, grant, &team, kind, input, &mut fields).await?;
    let expected = revision(&mut fields, &input.revision);
    let (checked, expected) = fields.finish(checked.zip(expected))?;
    let field =
        entry_id.map_or_else(|| format!("new-{}", kind.as_str()), |id| format!("entry-{id}"));
    let next =
        match take_revision(ops, &mut tx, &team, session_id, expected, &field, &checked.notes)
            .await?
        {
            Ok(next) => next,
            Err(stale) => {
                // The refused text was kept: a write, audited as one.
                audit_record(ops, who, &mut tx, AuditAction::Update, Some(session_id), grant)
                    .await?;
                tx.commit().await?;
                return Ok(stale);
            }
        };
    match entry_id {
        Some(id) => coaching::update_entry(&mut tx, &team, session_id, id, &checked).await?,
        None => {
            coaching::insert_entry(&mut tx, &team, session_id, kind, &checked, ops.now()).await?;
        }
    }
    audit_record(ops, who, &mut tx, AuditAction::Update, Some(session_id), grant).await?;
    tx.commit().await?;
    Ok(Saved::Saved { revision: next })
}

#[derive(Clone, Debug, Default, Deserialize, Serialize, utoipa::ToSchema)]
#[schema(example = json!({"revision": "5"}))]
pub struct RevisionInput {
    #[serde(default)]
    pub revision: String,
}

/// Removes an entry.
pub async fn remove_entry(
    ops: &Ops,
    who: &Who,
    grant: &ChildGrant,
    session_id: Uuid,
    entry_id: Uuid,
    input: &RevisionInput,
) -> Result<Saved, OpError> {
    let team = team(grant)?;
    let mut fields = Fields::default();
    let expected = revision(&mut fields, &input.revision);
    let expected = fields.finish(expected)?;
    let mut tx = ops.db.begin_write().await?;
    open_record(&mut tx, &team, session_id).await?;
    let next = match take_revision(ops, &mut tx, &team, session_id, expected, "entry", "").await? {
        Ok(next) => next,
        Err(stale) => return Ok(stale),
    };
    coaching::delete_entry(&mut tx, &team, session_id, entry_id).await?;
    audit_record(ops, who, &mut tx, AuditAction::Delete, Some(session_id), grant).await?;
    tx.commit().await?;
    Ok(Saved::Saved { revision: next })
}

/// Starting a record: when and where default from the visit planned for today.
#[derive(Clone, Debug, Default, Deserialize, Serialize, utoipa::ToSchema)]
#[schema(example = json!({}))]
pub struct StartInput {}

/// Starts the child's visit record, or returns the one already open: there
/// is one at a time. Today's agenda starts with what the family flagged
/// since the last visit and their latest reflection.
pub async fn start(
    ops: &Ops,
    who: &Who,
    grant: &ChildGrant,
    _input: &StartInput,
) -> Result<Uuid, OpError> {
    let team = team(grant)?;
    let mut tx = ops.db.begin_write().await?;
    if let Some(open) = coaching::open_record(&mut tx, &team).await? {
        audit_record(ops, who, &mut tx, AuditAction::View, Some(open.session_id), grant).await?;
        tx.commit().await?;
        return Ok(open.session_id);
    }
    let day = clinic_day(&mut tx, grant.clinic_id(), ops.now()).await?;
    let end_of_today = day.zone.start_of_local_day(day.today.next_day().unwrap_or(day.today));
    let planned = visits::upcoming(&mut tx, &team, day.zone.start_of_local_day(day.today))
        .await?
        .into_iter()
        .find(|v| {
            v.status == carryover_domain::visit::VisitStatus::Scheduled
                && v.starts_at < end_of_today
        });
    let prefill = agenda::prefill(&mut tx, grant).await?;
    let agenda_text = prefill.text();
    let new = coaching::NewRecord {
        held_at: planned.as_ref().map_or(ops.now(), |v| v.starts_at),
        duration_minutes: planned.as_ref().map_or(60, |v| v.duration_minutes),
        setting: planned.as_ref().map_or(VisitSetting::Clinic, |v| v.setting),
        agenda: &agenda_text,
        scheduled_visit_id: planned.as_ref().map(|v| v.visit_id),
    };
    let id = match coaching::insert_record(&mut tx, &team, &new, ops.now()).await {
        Ok(id) => id,
        Err(e) if e.is_conflict_on(constraint::COACHING_SESSION_ONE_OPEN) => {
            return Err(OpError::Conflict {
                constraint: constraint::COACHING_SESSION_ONE_OPEN,
                field: None,
            });
        }
        Err(e) => return Err(e.into()),
    };
    if planned.is_some() {
        visits::mark_held(&mut tx, &team, end_of_today, ops.now()).await?;
    }
    audit_record(ops, who, &mut tx, AuditAction::Create, Some(id), grant).await?;
    tx.commit().await?;
    Ok(id)
}

/// An assignment of the child's plan an entry may name.
#[derive(Clone, Debug, Serialize)]
pub struct StrategyChoice {
    pub assignment_id: Uuid,
    pub text: StrategySnapshot,
}

#[derive(Clone, Debug, Serialize)]
pub struct EntryView {
    pub entry_id: Uuid,
    pub kind: EntryKind,
    pub assignment_id: Option<Uuid>,
    /// The strategy's text, for its title.
    pub strategy: Option<StrategySnapshot>,
    /// The routine's key, for the form.
    pub routine: Option<String>,
    pub routine_line: Option<RoutineLine>,
    pub question: String,
    pub notes: String,
    pub reason: String,
    pub confidence: Option<i64>,
}

#[derive(Clone, Debug, Serialize)]
pub struct KeptView {
    pub field: String,
    pub text: String,
    pub written_by: String,
    #[serde(with = "time::serde::rfc3339")]
    pub written_at: OffsetDateTime,
}

#[derive(Clone, Debug, Serialize)]
pub struct RecordView {
    pub child_name: String,
    pub session_id: Uuid,
    pub revision: i64,
    pub therapist_name: String,
    #[serde(with = "time::serde::rfc3339")]
    pub held_at: OffsetDateTime,
    pub date: String,
    pub time: String,
    pub duration_minutes: Option<i64>,
    pub setting: VisitSetting,
    pub others_present: String,
    pub since_last: String,
    pub agenda: String,
    pub affirmed: String,
    pub suggested: String,
    pub information: String,
    pub summary: String,
    pub summary_shared: bool,
    pub attendees: Vec<Uuid>,
    pub goals_addressed: Vec<Uuid>,
    pub entries: Vec<EntryView>,
    /// The steps it contains and those it lacks, in the model's order.
    pub steps_done: Vec<CoachingStep>,
    pub steps_missing: Vec<CoachingStep>,
    pub ended: bool,
    pub signed: bool,
    pub kept: Vec<KeptView>,
    // Choices for the forms.
    pub caregivers: Vec<CaregiverChoice>,
    pub goals: Vec<GoalWords>,
    pub strategies: Vec<StrategyChoice>,
    pub routines: Vec<RoutineLine>,
    /// The reflective questions to pick from.
    pub questions: Vec<String>,
}

/// The record page (the care team).
pub async fn record(
    ops: &Ops,
    who: &Who,
    grant: &ChildGrant,
    session_id: Uuid,
) -> Result<RecordView, OpError> {
    let team = team(grant)?;
    let mut tx = ops.db.begin_write().await?;
    let found = coaching::record(&mut tx, &team, session_id).await?.ok_or(OpError::NotFound)?;
    let basics = children::child_basics(&mut tx, grant).await?;
    let day = clinic_day(&mut tx, grant.clinic_id(), ops.now()).await?;
    let attendees = coaching::attendees(&mut tx, &team, session_id).await?;
    let goals_addressed = coaching::goals(&mut tx, &team, session_id).await?;
    let entries = coaching::entries(&mut tx, &team, session_id).await?;
    let kept = coaching::kept_texts(&mut tx, &team, session_id).await?;
    let household = routines::routines(&mut tx, grant).await?;
    let routine_lines = lines(&household);
    let strategies = strategy_choices(&mut tx, &team).await?;
    let all_strategies = super::note::strategy_texts(&mut tx, &team).await?;
    let goals: Vec<GoalWords> =
        goals::goals(&mut tx, grant).await?.iter().map(GoalWords::from).collect();
    let caregivers: Vec<CaregiverChoice> = children::child_details(&mut tx, &team)
        .await?
        .caregivers
        .into_iter()
        .map(|c| CaregiverChoice { person_id: c.person_id, name: c.display_name, access: c.access })
        .collect();
    let questions = super::note::questions(&mut tx, grant).await?;
    audit_record(ops, who, &mut tx, AuditAction::View, Some(session_id), grant).await?;
    tx.commit().await?;
    let steps = super::steps(
        &found.since_last,
        &found.agenda,
        goals_addressed.len(),
        [&found.affirmed, &found.suggested, &found.information],
        &entries,
    );
    let local = day.zone.local(found.held_at);
    Ok(RecordView {
        child_name: basics.preferred_name,
        session_id,
        revision: found.revision,
        therapist_name: found.therapist_name,
        held_at: found.held_at,
        date: carryover_domain::text::date_text(local.date()),
        time: format!("{:02}:{:02}", local.hour(), local.minute()),
        duration_minutes: found.duration_minutes,
        setting: found.setting,
        others_present: found.others_present,
        since_last: found.since_last,
        agenda: found.agenda,
        affirmed: found.affirmed,
        suggested: found.suggested,
        information: found.information,
        summary: found.summary,
        summary_shared: found.summary_shared,
        attendees,
        goals_addressed,
        entries: entries
            .into_iter()
            .map(|e| EntryView {
                entry_id: e.entry_id,
                kind: e.kind,
                assignment_id: e.assignment_id,
                strategy: e.assignment_id.and_then(|id| {
                    all_strategies.iter().find(|(a, _)| *a == id).map(|(_, t)| t.clone())
                }),
                routine: e.routine.map(RoutineRef::key),
                routine_line: e
                    .routine
                    .and_then(|r| routine_lines.iter().find(|l| l.key == r.key()).cloned()),
                question: e.question,
                notes: e.notes,
                reason: e.reason,
                confidence: e.confidence,
            })
            .collect(),
        steps_done: steps.present().collect(),
        steps_missing: steps.missing().collect(),
        ended: found.ended_at.is_some(),
        signed: found.signed_at.is_some(),
        kept: kept
            .into_iter()
            .map(|k| KeptView {
                field: k.field,
                text: k.text,
                written_by: k.written_by,
                written_at: k.written_at,
            })
            .collect(),
        caregivers,
        goals,
        strategies,
        routines: routine_lines,
        questions,
    })
}
