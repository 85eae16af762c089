//! Logging a practice, idempotently by the client's id; correcting and
//! deleting one's own log within 24 hours; reading logs.

use carryover_domain::{
    access::ChildTie,
    audit::{AuditAction, AuditResource},
    confidence::CaregiverConfidence,
    generalization::ChildResponse,
    library::StrategySnapshot,
    practice::{NOTE_MAX_CHARS, SaidWhen, may_correct},
    routine::{RoutineRef, UsualTime},
    text::check_optional_paragraph,
};
use carryover_store::{
    AnyConnection, StoreError, WriteTx, audit, children,
    paging::Paging,
    plans,
    practice_logs::{self, Correction, LogContent, LogFilter, NewLog, PracticeLog},
    routines,
    routines::HouseholdRoutines,
};
use serde::{Deserialize, Serialize};
use time::{Date, OffsetDateTime};
use uuid::Uuid;

use super::{
    caregiver_writer,
    week::{CaregiverLine, caregiver_lines},
};
use crate::{
    ChildGrant, FieldError, OpError, Ops, Problem, Who,
    error::Fields,
    plan::AssignmentView,
    routines::{RoutineLine, lines},
    scope::clinic_day,
};

/// A practice as the log form or the API sends it. Empty fields take the
/// defaults the form shows: the assignment's first routine, the caregiver
/// sending it, "now".
#[derive(Clone, Debug, Default, Deserialize, Serialize, utoipa::ToSchema)]
#[schema(example = json!({"assignment_id": "0190f000-0000-7000-8000-000000000020", "routine": "dressing", "practised_by": "", "when": "now", "time": "", "response": "went_well", "confidence": "7", "note": "She did the last sock herself"}))]
pub struct LogInput {
    #[serde(default)]
    pub assignment_id: String,
    /// A standard routine's code or the id of one of the household's own.
    #[serde(default)]
    pub routine: String,
    /// A caregiver of the household; empty: the sender.
    #[serde(default)]
    pub practised_by: String,
    /// `now`, `earlier_today` or `yesterday`; empty: now.
    #[serde(default)]
    pub when: String,
    /// HH:MM, for earlier today or yesterday; optional.
    #[serde(default)]
    pub time: String,
    /// `went_well`, `mixed` or `hard`.
    #[serde(default)]
    pub response: String,
    /// 0–10; optional.
    #[serde(default)]
    pub confidence: String,
    /// At most 500 characters; optional.
    #[serde(default)]
    pub note: String,
}

/// A correction: absent fields keep their value.
#[derive(Clone, Debug, Default, Deserialize, Serialize, utoipa::ToSchema)]
#[schema(example = json!({"response": "mixed", "confidence": "6", "note": "Better after the timer"}))]
pub struct CorrectInput {
    #[serde(default)]
    pub routine: Option<String>,
    #[serde(default)]
    pub practised_by: Option<String>,
    #[serde(default)]
    pub response: Option<String>,
    /// Empty clears it.
    #[serde(default)]
    pub confidence: Option<String>,
    #[serde(default)]
    pub note: Option<String>,
}

/// One log as pages and the API show it.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
#[schema(example = json!({"log_id": "0190f000-0000-7000-8000-00000000a001", "child_id": "0190f000-0000-7000-8000-000000000001", "assignment_id": "0190f000-0000-7000-8000-000000000020", "strategy": {"en": {"title": "Backward chaining for dressing"}}, "routine": {"key": "dressing", "standard": "dressing", "name": null, "usual_time": "07:30"}, "practised_by": "0190f000-0000-7000-8000-000000000005", "practised_by_name": "Gloria", "practised_on": "2026-11-02", "practised_time": "19:05", "when": "now", "response": "went_well", "confidence": 7, "note": "She did the last sock herself", "logged_by": "0190f000-0000-7000-8000-000000000005", "can_change": true, "created_at": "2026-11-02T19:05:00Z", "updated_at": "2026-11-02T19:05:00Z"}))]
pub struct LogView {
    pub log_id: Uuid,
    pub child_id: Uuid,
    pub assignment_id: Uuid,
    /// The strategy's title in English and Spanish, as the plan keeps it.
    #[schema(value_type = Object)]
    pub strategy: StrategySnapshot,
    #[schema(value_type = Object)]
    pub routine: RoutineLine,
    pub practised_by: Uuid,
    pub practised_by_name: String,
    /// The clinic's date, YYYY-MM-DD.
    #[serde(with = "date_text")]
    #[schema(value_type = String, example = "2026-11-02")]
    pub practised_on: Date,
    #[schema(value_type = Option<String>, example = "19:05")]
    pub practised_time: Option<UsualTime>,
    #[schema(value_type = String, example = "now")]
    pub when: SaidWhen,
    #[schema(value_type = String, example = "went_well")]
    pub response: ChildResponse,
    pub confidence: Option<u8>,
    pub note: String,
    pub logged_by: Uuid,
    /// The caller made it and may still correct or delete it.
    pub can_change: bool,
    #[serde(with = "time::serde::rfc3339")]
    #[schema(value_type = String)]
    pub created_at: OffsetDateTime,
    #[serde(with = "time::serde::rfc3339")]
    #[schema(value_type = String)]
    pub updated_at: OffsetDateTime,
}

mod date_text {
    pub fn serialize<S: serde::Serializer>(d: &time::Date, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&carryover_domain::text::date_text(*d))
    }
}

fn view_of(
    log: &PracticeLog,
    strategy: StrategySnapshot,
    household: &HouseholdRoutines,
    actor: Uuid,
    now: OffsetDateTime,
) -> LogView {
    let c = &log.content;
    LogView {
        log_id: log.log_id,
        child_id: log.child_id,
        assignment_id: c.assignment_id,
        strategy,
        routine: crate::plan::routine_line(household, c.routine),
        practised_by: c.practised_by,
        practised_by_name: log.practised_by_name.clone(),
        practised_on: log.practised_on,
        practised_time: log.practised_time,
        when: c.said_when,
        response: c.response,
        confidence: c.confidence,
        note: c.note.clone(),
        logged_by: log.logged_by,
        can_change: log.deleted_at.is_none()
            && log.logged_by == actor
            && may_correct(log.created_at, now),
        created_at: log.created_at,
        updated_at: log.updated_at,
    }
}

/// The strategy text of an assignment of an agreed version.
async fn strategy_of(
    conn: &mut AnyConnection,
    grant: &ChildGrant,
    assignment_id: Uuid,
) -> Result<StrategySnapshot, OpError> {
    Ok(practice_logs::agreed_assignments(conn, grant)
        .await?
        .into_iter()
        .find(|a| a.assignment_id == assignment_id)
        .map(|a| a.snapshot)
        .unwrap_or_default())
}

/// What a log form's fields say, read without the database: the parts a
/// replay is compared on. `None` for the fields left to their defaults.
struct Parsed {
    assignment_id: Uuid,
    routine: Option<RoutineRef>,
    practised_by: Option<Uuid>,
    when: SaidWhen,
    time: Option<UsualTime>,
    response: ChildResponse,
    confidence: Option<u8>,
    note: String,
}

fn parse(input: &LogInput) -> Result<Parsed, OpError> {
    // An assignment id that is not an id names nothing of this child.
    let assignment_id = match input.assignment_id.trim() {
        "" => return Err(OpError::field("assignment_id", Problem::Required)),
        text => Uuid::parse_str(text).map_err(|_| OpError::NotFound)?,
    };
    let mut fields = Fields::default();
    let routine = match input.routine.trim() {
        "" => Some(None),
        key => fields.some("routine", RoutineRef::parse(key).map(Some), Problem::NotInHousehold),
    };
    let practised_by = match input.practised_by.trim() {
        "" => Some(None),
        text => fields.some(
            "practised_by",
            Uuid::parse_str(text).ok().map(Some),
            Problem::NotInHousehold,
        ),
    };
    let when = match input.when.trim() {
        "" => Some(SaidWhen::Now),
        text => fields.some("when", SaidWhen::parse(text), Problem::InvalidChoice),
    };
    let time = match input.time.trim() {
        "" => Some(None),
        text => fields.some("time", UsualTime::parse(text).map(Some), Problem::InvalidTime),
    };
    let response = match input.response.trim() {
        "" => fields.some("response", None, Problem::Required),
        text => fields.some("response", ChildResponse::parse(text), Problem::InvalidChoice),
    };
    let confidence = optional_confidence(&mut fields, &input.confidence);
    let note = fields.check("note", check_optional_paragraph(&input.note, NOTE_MAX_CHARS));
    let all = (|| {
        Some(Parsed {
            assignment_id,
            routine: routine?,
            practised_by: practised_by?,
            when: when?,
            time: time?,
            response: response?,
            confidence: confidence?,
            note: note?,
        })
    })();
    fields.finish(all)
}

fn optional_confidence(fields: &mut Fields, text: &str) -> Option<Option<u8>> {
    match text.trim() {
        "" => Some(None),
        text => fields.check("confidence", CaregiverConfidence::parse(text).map(|c| Some(c.get()))),
    }
}

fn conflict() -> OpError {
    OpError::Conflict {
        constraint: "practice_log_id_once",
        field: Some(FieldError::new("log_id", Problem::LogIdTaken)),
    }
}

/// Logs a practice under the client's id. The same id with the same
/// content again (a double tap, a retry) stores nothing more and answers as
/// the first time did; the same id with other content, or for another
/// child, is a conflict. An assignment outside the child's agreed plan is
/// not found.
pub async fn create_log(
    ops: &Ops,
    who: &Who,
    grant: &ChildGrant,
    log_id: Uuid,
    input: &LogInput,
) -> Result<LogView, OpError> {
    let writer = caregiver_writer(grant)?;
    let parsed = parse(input)?;
    // Two sends of one id may race; the loser's insert hits the unique key
    // and, read again, finds the winner's log and answers as a replay.
    match try_create(ops, who, grant, &writer, log_id, &parsed).await {
        Err(OpError::Storage(e)) if is_conflict(&e) => {
            try_create(ops, who, grant, &writer, log_id, &parsed).await
        }
        other => other,
    }
}

fn is_conflict(error: &anyhow::Error) -> bool {
    matches!(error.downcast_ref::<StoreError>(), Some(StoreError::Conflict { .. }))
}

async fn try_create(
    ops: &Ops,
    who: &Who,
    grant: &ChildGrant,
    writer: &carryover_store::grant::WritableGrant,
    log_id: Uuid,
    parsed: &Parsed,
) -> Result<LogView, OpError> {
    let now = ops.now();
    let mut tx = ops.db.begin_write().await?;
    // Audited first: a refusal below rolls the row back with everything else.
    audit_log(&mut tx, who, grant, AuditAction::Create, Some(log_id), now).await?;
    if practice_logs::id_taken_elsewhere(&mut tx, grant, log_id).await? {
        return Err(conflict());
    }
    let household = routines::routines(&mut tx, grant).await?;
    let existing = practice_logs::log(&mut tx, grant, log_id).await?;
    let content = match &existing {
        Some(log) => replay_content(log, parsed, who.actor.person_id()),
        None => Some(new_content(&mut tx, grant, &household, parsed, who).await?),
    };
    let log = match (existing, content) {
        (Some(log), Some(content))
            if log.deleted_at.is_none()
                && log.household_id == grant.household_id()
                && log.logged_by == who.actor.person_id()
                && log.content == content =>
        {
            log
        }
        (Some(_), _) => return Err(conflict()),
        (None, Some(content)) => {
            let day = clinic_day(&mut tx, grant.clinic_id(), now).await?;
            let local = day.zone.local(now);
            let clock = UsualTime::parse(&format!("{:02}:{:02}", local.hour(), local.minute()));
            let new = NewLog {
                log_id,
                content: &content,
                practised_on: content.said_when.day(day.today),
                practised_time: clock.and_then(|c| content.said_when.time(c, parsed.time)),
            };
            practice_logs::insert_log(&mut tx, writer, &new, now).await?;
            practice_logs::log(&mut tx, grant, log_id).await?.ok_or(OpError::NotFound)?
        }
        (None, None) => return Err(OpError::NotFound),
    };
    let strategy = strategy_of(&mut tx, grant, log.content.assignment_id).await?;
    tx.commit().await?;
    Ok(view_of(&log, strategy, &household, who.actor.person_id(), now))
}

/// The content a replay must match: the defaults filled in as the first
/// send filled them (its routine, the sender).
fn replay_content(log: &PracticeLog, parsed: &Parsed, sender: Uuid) -> Option<LogContent> {
    Some(LogContent {
        assignment_id: parsed.assignment_id,
        routine: parsed.routine.unwrap_or(log.content.routine),
        practised_by: parsed.practised_by.unwrap_or(sender),
        said_when: parsed.when,
        response: parsed.response,
        confidence: parsed.confidence,
        note: parsed.note.clone(),
    })
}

/// Checks a new log against the child's agreed plan and household.
async fn new_content(
    tx: &mut WriteTx,
    grant: &ChildGrant,
    household: &HouseholdRoutines,
    parsed: &Parsed,
    who: &Who,
) -> Result<LogContent, OpError> {
    let current = plans::current_agreed(tx, grant).await?.ok_or(OpError::NotFound)?;
    let assignment = carryover_store::assignments::assignments(tx, grant, &current)
        .await?
        .into_iter()
        .find(|a| a.assignment_id == parsed.assignment_id)
        .ok_or(OpError::NotFound)?;
    let mut fields = Fields::default();
    let routine = match parsed.routine {
        None => assignment.fields.routines.first().copied(),
        Some(r) if household.has(r) => Some(r),
        Some(_) => {
            fields.push("routine", Problem::NotInHousehold);
            None
        }
    };
    let caregivers = practice_logs::household_caregivers(tx, grant).await?;
    let practised_by = parsed.practised_by.unwrap_or(who.actor.person_id());
    if !caregivers.iter().any(|c| c.person_id == practised_by) {
        fields.push("practised_by", Problem::NotInHousehold);
    }
    let routine = fields.some("routine", routine, Problem::Required);
    let routine = fields.finish(routine)?;
    Ok(LogContent {
        assignment_id: parsed.assignment_id,
        routine,
        practised_by,
        said_when: parsed.when,
        response: parsed.response,
        confidence: parsed.confidence,
        note: parsed.note.clone(),
    })
}

async fn audit_log(
    tx: &mut WriteTx,
    who: &Who,
    grant: &ChildGrant,
    action: AuditAction,
    log_id: Option<Uuid>,
    now: OffsetDateTime,
) -> Result<(), OpError> {
    let event = who.event(
        action,
        AuditResource::PracticeLog,
        log_id.map(|id| id.to_string()),
        Some(grant.child_id()),
    );
    audit::append(tx, &event, now).await?;
    Ok(())
}

/// A live log the caller made and may still change: someone else's log is
/// not theirs to change, and after 24 hours it is part of the record.
async fn own_open_log(
    tx: &mut WriteTx,
    grant: &ChildGrant,
    who: &Who,
    log_id: Uuid,
    now: OffsetDateTime,
) -> Result<PracticeLog, OpError> {
    let log = practice_logs::log(tx, grant, log_id)
        .await?
        .filter(|l| l.deleted_at.is_none())
        .ok_or(OpError::NotFound)?;
    // A helper cannot see others' logs, so for them another's log is not found.
    if log.logged_by != who.actor.person_id() {
        return Err(if grant.tie() == ChildTie::Helper {
            OpError::NotFound
        } else {
            OpError::field("log", Problem::NotYourLog)
        });
    }
    if !may_correct(log.created_at, now) {
        return Err(OpError::field("log", Problem::CorrectionClosed));
    }
    Ok(log)
}

/// Corrects the caller's own log within 24 hours of logging it.
pub async fn correct_log(
    ops: &Ops,
    who: &Who,
    grant: &ChildGrant,
    log_id: Uuid,
    input: &CorrectInput,
) -> Result<LogView, OpError> {
    let writer = caregiver_writer(grant)?;
    let now = ops.now();
    let mut tx = ops.db.begin_write().await?;
    audit_log(&mut tx, who, grant, AuditAction::Update, Some(log_id), now).await?;
    let log = own_open_log(&mut tx, grant, who, log_id, now).await?;
    let household = routines::routines(&mut tx, grant).await?;
    let caregivers = practice_logs::household_caregivers(&mut tx, grant).await?;
    let mut fields = Fields::default();
    let c = &log.content;
    let routine = match input.routine.as_deref().map(str::trim) {
        None | Some("") => Some(c.routine),
        Some(key) => fields.some(
            "routine",
            RoutineRef::parse(key).filter(|r| household.has(*r)),
            Problem::NotInHousehold,
        ),
    };
    let practised_by = match input.practised_by.as_deref().map(str::trim) {
        None | Some("") => Some(c.practised_by),
        Some(text) => fields.some(
            "practised_by",
            Uuid::parse_str(text).ok().filter(|id| caregivers.iter().any(|g| g.person_id == *id)),
            Problem::NotInHousehold,
        ),
    };
    let response = match input.response.as_deref().map(str::trim) {
        None | Some("") => Some(c.response),
        Some(text) => fields.some("response", ChildResponse::parse(text), Problem::InvalidChoice),
    };
    let confidence = match input.confidence.as_deref() {
        None => Some(c.confidence),
        Some(text) => optional_confidence(&mut fields, text),
    };
    let note = match input.note.as_deref() {
        None => Some(c.note.clone()),
        Some(text) => fields.check("note", check_optional_paragraph(text, NOTE_MAX_CHARS)),
    };
    let all = (|| Some((routine?, practised_by?, response?, confidence?, note?)))();
    let (routine, practised_by, response, confidence, note) = fields.finish(all)?;
    let correction = Correction { routine, practised_by, response, confidence, note: &note };
    practice_logs::correct_log(&mut tx, &writer, log_id, &correction, now).await?;
    let log = practice_logs::log(&mut tx, grant, log_id).await?.ok_or(OpError::NotFound)?;
    let strategy = strategy_of(&mut tx, grant, log.content.assignment_id).await?;
    tx.commit().await?;
    Ok(view_of(&log, strategy, &household, who.actor.person_id(), now))
}

/// Deletes the caller's own log within 24 hours of logging it. Its id stays
/// taken: a late retry of it is a conflict, not a new log.
pub async fn delete_log(
    ops: &Ops,
    who: &Who,
    grant: &ChildGrant,
    log_id: Uuid,
) -> Result<(), OpError> {
    let writer = caregiver_writer(grant)?;
    let now = ops.now();
    let mut tx = ops.db.begin_write().await?;
    audit_log(&mut tx, who, grant, AuditAction::Delete, Some(log_id), now).await?;
    own_open_log(&mut tx, grant, who, log_id, now).await?;
    practice_logs::delete_log(&mut tx, &writer, log_id, now).await?;
    tx.commit().await?;
    Ok(())
}

/// Which logs the caller reads: helpers only their own.
pub(crate) fn filter_for(grant: &ChildGrant) -> LogFilter {
    match grant.tie() {
        ChildTie::Helper => LogFilter::LoggedBy(grant.actor().person_id()),
        _ => LogFilter::All,
    }
}

/// One log the caller may see (a helper: only their own).
pub async fn view_log(
    ops: &Ops,
    who: &Who,
    grant: &ChildGrant,
    log_id: Uuid,
) -> Result<LogView, OpError> {
    let now = ops.now();
    let mut tx = ops.db.begin_write().await?;
    audit_log(&mut tx, who, grant, AuditAction::View, Some(log_id), now).await?;
    let log = practice_logs::log(&mut tx, grant, log_id)
        .await?
        .filter(|l| l.deleted_at.is_none())
        .filter(|l| match filter_for(grant) {
            LogFilter::All => true,
            LogFilter::LoggedBy(id) => l.logged_by == id,
        })
        .ok_or(OpError::NotFound)?;
    let household = routines::routines(&mut tx, grant).await?;
    let strategy = strategy_of(&mut tx, grant, log.content.assignment_id).await?;
    tx.commit().await?;
    Ok(view_of(&log, strategy, &household, who.actor.person_id(), now))
}

/// A page of logs, newest practice first.
#[derive(Clone, Debug, Serialize)]
pub struct LogList {
    pub child_name: String,
    pub logs: Vec<LogView>,
    pub next: Option<Uuid>,
    /// A helper's list holds only their own logs.
    pub only_own: bool,
    /// The measures, when asked for and the caller is not a helper.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub measures: Option<super::MeasuresView>,
}

pub async fn list_logs(
    ops: &Ops,
    who: &Who,
    grant: &ChildGrant,
    paging: Paging,
    with_measures: bool,
) -> Result<LogList, OpError> {
    let now = ops.now();
    let mut tx = ops.db.begin_write().await?;
    let basics = children::child_basics(&mut tx, grant).await?;
    let measures = match grant.full() {
        Some(_) if with_measures => Some(super::week::measures_view(&mut tx, grant, now).await?),
        _ => None,
    };
    let page = practice_logs::logs_page(&mut tx, grant, filter_for(grant), paging).await?;
    let household = routines::routines(&mut tx, grant).await?;
    let agreed = practice_logs::agreed_assignments(&mut tx, grant).await?;
    audit_log(&mut tx, who, grant, AuditAction::List, None, now).await?;
    tx.commit().await?;
    let me = who.actor.person_id();
    let logs = page
        .items
        .iter()
        .map(|log| {
            let strategy = agreed
                .iter()
                .find(|a| a.assignment_id == log.content.assignment_id)
                .map(|a| a.snapshot.clone())
                .unwrap_or_default();
            view_of(log, strategy, &household, me, now)
        })
        .collect();
    Ok(LogList {
        child_name: basics.preferred_name,
        logs,
        next: page.next,
        only_own: grant.tie() == ChildTie::Helper,
        measures,
    })
}

/// The log form of one assignment: a fresh id for the client to keep, and
/// the routine, caregiver and time filled in, changeable.
#[derive(Clone, Debug, Serialize)]
pub struct LogForm {
    pub child_name: String,
    /// A new UUIDv7: the form sends it back, so a double submit is one log.
    pub log_id: Uuid,
    pub assignment: AssignmentView,
    /// The assignment's routines first, then the household's others.
    pub routines: Vec<RoutineLine>,
    pub default_routine: String,
    pub caregivers: Vec<CaregiverLine>,
    pub me: Uuid,
}

pub async fn log_form(
    ops: &Ops,
    who: &Who,
    grant: &ChildGrant,
    assignment_id: Uuid,
) -> Result<LogForm, OpError> {
    caregiver_writer(grant)?;
    let now = ops.now();
    let mut tx = ops.db.begin_write().await?;
    let event = who.event(
        AuditAction::View,
        AuditResource::Assignment,
        Some(assignment_id.to_string()),
        Some(grant.child_id()),
    );
    audit::append(&mut tx, &event, now).await?;
    let current = plans::current_agreed(&mut tx, grant).await?.ok_or(OpError::NotFound)?;
    let assignment = carryover_store::assignments::assignments(&mut tx, grant, &current)
        .await?
        .into_iter()
        .find(|a| a.assignment_id == assignment_id)
        .ok_or(OpError::NotFound)?;
    let basics = children::child_basics(&mut tx, grant).await?;
    let household = routines::routines(&mut tx, grant).await?;
    let caregivers = practice_logs::household_caregivers(&mut tx, grant).await?;
    tx.commit().await?;
    let view = crate::plan::assignment_view(&assignment, &[], &household);
    let mut routines: Vec<RoutineLine> = view.routines.clone();
    for line in lines(&household) {
        if !routines.iter().any(|r| r.key == line.key) {
            routines.push(line);
        }
    }
    Ok(LogForm {
        child_name: basics.preferred_name,
        log_id: Uuid::now_v7(),
        default_routine: routines.first().map(|r| r.key.clone()).unwrap_or_default(),
        assignment: view,
        routines,
        caregivers: caregiver_lines(&caregivers),
        me: who.actor.person_id(),
    })
}
