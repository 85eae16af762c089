//! Guided reflections (PRODUCT.md §2) and the flags they raise. A guardian
//! reflects on one assignment of the agreed plan, or on the week; a
//! reflection that asks for a change or rates the practice 4–5 to fit in
//! flags its assignment for the care team until they handle it — by
//! changing the assignment in a new version (see `plan::assignments`) or by
//! answering and marking it handled.
//!
//! Helpers neither reflect nor read reflections: a reflection speaks for the
//! family about the plan, which is the guardians' and the care team's to
//! change; helpers hear back on their own practice logs instead.

use carryover_domain::{
    access::ChildTie,
    audit::{AuditAction, AuditResource},
    library::StrategySnapshot,
    reflection::{
        FitDifficulty, FlagHandled, REFLECTION_WORDS_MAX_CHARS, ReflectionAnswers, ReflectionNeed,
        RespondedPositively,
    },
    text::check_optional_paragraph,
};
use carryover_store::{
    AnyConnection, WriteTx, assignments, audit, children, feedback, plans,
    reflections::{self, NewReflection, Reflection},
};
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;
use uuid::Uuid;

use crate::{
    ChildGrant, FullGrant, OpError, Ops, Problem, Who,
    access::writable,
    error::Fields,
    feedback::{MessageView, message_views},
    scope::full,
};

/// A reflection as pages and the API show it.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct ReflectionView {
    pub reflection_id: Uuid,
    /// `None`: about the week as a whole.
    pub assignment_id: Option<Uuid>,
    /// The strategy's text as the plan keeps it (for its title).
    #[schema(value_type = Option<Object>)]
    pub strategy: Option<StrategySnapshot>,
    pub author_id: Uuid,
    pub author_name: String,
    #[schema(value_type = String, example = "somewhat")]
    pub responded: RespondedPositively,
    #[schema(example = 4)]
    pub difficulty: u8,
    #[schema(value_type = String, example = "change_strategy")]
    pub need: ReflectionNeed,
    pub words: String,
    /// It asked for a change or rated the practice hard to fit in.
    pub flagged: bool,
    /// Flagged and not yet handled.
    pub flag_open: bool,
    #[schema(value_type = Option<String>, example = "answered")]
    pub handled_how: Option<FlagHandled>,
    #[serde(with = "time::serde::rfc3339::option")]
    #[schema(value_type = Option<String>)]
    pub handled_at: Option<OffsetDateTime>,
    #[serde(with = "time::serde::rfc3339")]
    #[schema(value_type = String, example = "2026-11-02T19:30:00Z")]
    pub created_at: OffsetDateTime,
    pub thread_id: Uuid,
}

impl From<&Reflection> for ReflectionView {
    fn from(r: &Reflection) -> ReflectionView {
        ReflectionView {
            reflection_id: r.reflection_id,
            assignment_id: r.assignment_id,
            strategy: r.strategy.clone(),
            author_id: r.author_id,
            author_name: r.author_name.clone(),
            responded: r.answers.responded,
            difficulty: r.answers.difficulty.get(),
            need: r.answers.need,
            words: r.words.clone(),
            flagged: r.flagged,
            flag_open: r.flag_open(),
            handled_how: r.handled.as_ref().map(|h| h.how),
            handled_at: r.handled.as_ref().map(|h| h.at),
            created_at: r.created_at,
            thread_id: r.thread_id,
        }
    }
}

/// The open flags of a child, oldest first, read inside the caller's
/// transaction (the caller audits): a session's agenda starts from these.
pub async fn open_flags(
    conn: &mut AnyConnection,
    grant: &FullGrant,
) -> Result<Vec<ReflectionView>, OpError> {
    Ok(reflections::open_flags(conn, grant).await?.iter().map(ReflectionView::from).collect())
}

/// The newest reflection about the child, read inside the caller's transaction.
pub async fn latest_reflection(
    conn: &mut AnyConnection,
    grant: &FullGrant,
) -> Result<Option<ReflectionView>, OpError> {
    Ok(reflections::reflections(conn, grant).await?.last().map(ReflectionView::from))
}

/// An assignment of the agreed plan, to reflect on.
#[derive(Clone, Debug, Serialize)]
pub struct ReflectChoice {
    pub assignment_id: Uuid,
    pub strategy: StrategySnapshot,
}

#[derive(Clone, Debug, Serialize)]
pub struct ReflectionsView {
    pub child_name: String,
    /// A guardian of a child seen now: the form is theirs.
    pub can_reflect: bool,
    /// The care team: answer, and mark flags handled.
    pub can_handle: bool,
    pub choices: Vec<ReflectChoice>,
    /// Newest first.
    pub reflections: Vec<ReflectionView>,
    /// "For the next session": flags not yet handled, oldest first.
    pub open_flags: Vec<ReflectionView>,
}

fn is_team(grant: &ChildGrant) -> bool {
    matches!(grant.tie(), ChildTie::CareTeam | ChildTie::ClinicAdmin)
}

async fn choices(
    conn: &mut AnyConnection,
    grant: &ChildGrant,
) -> Result<Vec<ReflectChoice>, OpError> {
    let Some(current) = plans::current_agreed(conn, grant).await? else {
        return Ok(Vec::new());
    };
    Ok(assignments::assignments(conn, grant, &current)
        .await?
        .into_iter()
        .map(|a| ReflectChoice { assignment_id: a.assignment_id, strategy: a.snapshot })
        .collect())
}

/// The reflections page: the form for guardians, the list, and the flags
/// for the next session.
pub async fn reflections_page(
    ops: &Ops,
    who: &Who,
    grant: &ChildGrant,
) -> Result<ReflectionsView, OpError> {
    let full = full(grant)?;
    let mut tx = ops.db.begin_write().await?;
    let basics = children::child_basics(&mut tx, grant).await?;
    let found = reflections::reflections(&mut tx, &full).await?;
    let choices = choices(&mut tx, grant).await?;
    let event =
        who.event(AuditAction::View, AuditResource::Reflection, None, Some(grant.child_id()));
    audit::append(&mut tx, &event, ops.now()).await?;
    tx.commit().await?;
    Ok(ReflectionsView {
        child_name: basics.preferred_name,
        can_reflect: grant.tie() == ChildTie::Guardian && grant.writable().is_some(),
        can_handle: is_team(grant),
        choices,
        open_flags: found.iter().filter(|r| r.flag_open()).map(ReflectionView::from).collect(),
        reflections: found.iter().rev().map(ReflectionView::from).collect(),
    })
}

/// A reflection as its form or an API body sends it.
#[derive(Clone, Debug, Default, Deserialize, Serialize, utoipa::ToSchema)]
#[schema(example = json!({"assignment": "0190f000-0000-7000-8000-000000000020", "responded": "somewhat", "difficulty": "4", "need": "change_strategy", "words": "Bath time is too rushed on school nights."}))]
pub struct ReflectionInput {
    /// An assignment of the agreed plan; empty: the week as a whole.
    #[serde(default)]
    pub assignment: String,
    /// yes, somewhat or no.
    #[serde(default)]
    pub responded: String,
    /// 1 (easy) to 5 (very hard).
    #[serde(default)]
    pub difficulty: String,
    /// keep_going, more_information, practice_together, change_strategy or try_another_routine.
    #[serde(default)]
    pub need: String,
    #[serde(default)]
    pub words: String,
}

/// A guardian reflects. Every wrong field is reported; nothing is saved then.
pub async fn reflect(
    ops: &Ops,
    who: &Who,
    grant: &ChildGrant,
    input: &ReflectionInput,
) -> Result<Uuid, OpError> {
    if grant.tie() != ChildTie::Guardian {
        return Err(OpError::NotFound);
    }
    let full = full(grant)?;
    writable(grant)?;
    let mut tx = ops.db.begin_write().await?;
    let mut fields = Fields::default();
    let assignment = match input.assignment.trim() {
        "" => Some(None),
        text => {
            let known = choices(&mut tx, grant).await?;
            let found = Uuid::parse_str(text)
                .ok()
                .filter(|id| known.iter().any(|c| c.assignment_id == *id))
                .map(Some);
            fields.some("assignment", found, Problem::InvalidChoice)
        }
    };
    let responded = fields.some(
        "responded",
        RespondedPositively::parse(input.responded.trim()),
        Problem::Required,
    );
    let difficulty = if input.difficulty.trim().is_empty() {
        fields.some("difficulty", None::<FitDifficulty>, Problem::Required)
    } else {
        fields.check("difficulty", FitDifficulty::parse(input.difficulty.trim()))
    };
    let need = fields.some("need", ReflectionNeed::parse(input.need.trim()), Problem::Required);
    let words =
        fields.check("words", check_optional_paragraph(&input.words, REFLECTION_WORDS_MAX_CHARS));
    let answers = match (responded, difficulty, need) {
        (Some(responded), Some(difficulty), Some(need)) => {
            Some(ReflectionAnswers { responded, difficulty, need })
        }
        _ => None,
    };
    let ((assignment_id, answers), words) = fields.finish(assignment.zip(answers).zip(words))?;
    let new = NewReflection { assignment_id, answers, words: &words };
    let id = reflections::insert_reflection(&mut tx, &full, new, ops.now()).await?;
    let event = who.event(
        AuditAction::Create,
        AuditResource::Reflection,
        Some(id.to_string()),
        Some(grant.child_id()),
    );
    audit::append(&mut tx, &event, ops.now()).await?;
    tx.commit().await?;
    Ok(id)
}

/// One reflection with its thread of answers.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct ReflectionThread {
    pub child_name: String,
    pub reflection: ReflectionView,
    pub messages: Vec<MessageView>,
    /// Messages by others the caller had not read before this look.
    pub unread: i64,
    /// The care team may mark an open flag handled.
    pub can_handle: bool,
    /// Anyone who reads it may answer while the child is seen.
    pub can_answer: bool,
}

pub(crate) async fn find(
    conn: &mut AnyConnection,
    full: &FullGrant,
    reflection_id: Uuid,
) -> Result<Reflection, OpError> {
    reflections::reflection(conn, full, reflection_id).await?.ok_or(OpError::NotFound)
}

/// A reflection and its thread. The page marks the thread read (`mark_read`);
/// the API reads without marking and marks with [`crate::feedback::mark_read`].
pub async fn reflection_thread(
    ops: &Ops,
    who: &Who,
    grant: &ChildGrant,
    reflection_id: Uuid,
    mark_read: bool,
) -> Result<ReflectionThread, OpError> {
    let full = full(grant)?;
    let mut tx = ops.db.begin_write().await?;
    let found = find(&mut tx, &full, reflection_id).await?;
    let basics = children::child_basics(&mut tx, grant).await?;
    let thread =
        feedback::thread(&mut tx, grant, found.thread_id).await?.ok_or(OpError::NotFound)?;
    let unread = feedback::unread_in(&mut tx, grant, &thread).await?;
    let messages = message_views(&mut tx, grant, &thread).await?;
    if mark_read {
        feedback::mark_read(&mut tx, grant, &thread, ops.now()).await?;
    }
    let event = who.event(
        AuditAction::View,
        AuditResource::Reflection,
        Some(reflection_id.to_string()),
        Some(grant.child_id()),
    );
    audit::append(&mut tx, &event, ops.now()).await?;
    tx.commit().await?;
    Ok(ReflectionThread {
        child_name: basics.preferred_name,
        can_handle: is_team(grant) && found.flag_open() && grant.writable().is_some(),
        can_answer: grant.writable().is_some(),
        reflection: ReflectionView::from(&found),
        messages,
        unread,
    })
}

/// An answer in a reflection's thread; the care team may mark the flag
/// handled with it.
#[derive(Clone, Debug, Default, Deserialize, Serialize, utoipa::ToSchema)]
#[schema(example = json!({"body": "Thank you. Let's try it at breakfast instead; we'll change it together on Tuesday.", "handled": "true"}))]
pub struct AnswerInput {
    #[serde(default)]
    pub body: String,
    /// "true" (or "on", from a checkbox): the care team marks the flag handled too.
    #[serde(default)]
    pub handled: String,
}

impl AnswerInput {
    pub fn marks_handled(&self) -> bool {
        matches!(self.handled.trim(), "true" | "on" | "1" | "yes")
    }
}

/// Answers a reflection. Returns the message's id.
pub async fn answer_reflection(
    ops: &Ops,
    who: &Who,
    grant: &ChildGrant,
    reflection_id: Uuid,
    input: &AnswerInput,
) -> Result<Uuid, OpError> {
    let full = full(grant)?;
    writable(grant)?;
    let mut tx = ops.db.begin_write().await?;
    let found = find(&mut tx, &full, reflection_id).await?;
    let thread =
        feedback::thread(&mut tx, grant, found.thread_id).await?.ok_or(OpError::NotFound)?;
    let id = crate::feedback::post(ops, who, &mut tx, grant, &thread, &input.body).await?;
    if input.marks_handled() && is_team(grant) {
        mark_handled(ops, who, &mut tx, &full, reflection_id, FlagHandled::Answered).await?;
    }
    tx.commit().await?;
    Ok(id)
}

async fn mark_handled(
    ops: &Ops,
    who: &Who,
    tx: &mut WriteTx,
    full: &FullGrant,
    reflection_id: Uuid,
    how: FlagHandled,
) -> Result<bool, OpError> {
    let done = reflections::handle_flag(tx, full, reflection_id, how, ops.now()).await?;
    if done {
        let event = who.event(
            AuditAction::Update,
            AuditResource::Reflection,
            Some(reflection_id.to_string()),
            Some(full.child_id()),
        );
        audit::append(tx, &event, ops.now()).await?;
    }
    Ok(done)
}

/// The care team marks a flag handled. Marking one handled already changes
/// nothing and is no error; a reflection that raised no flag is a conflict.
pub async fn handle_flag(
    ops: &Ops,
    who: &Who,
    grant: &ChildGrant,
    reflection_id: Uuid,
) -> Result<ReflectionView, OpError> {
    if !is_team(grant) {
        return Err(OpError::NotFound);
    }
    let full = full(grant)?;
    writable(grant)?;
    let mut tx = ops.db.begin_write().await?;
    let found = find(&mut tx, &full, reflection_id).await?;
    if !found.flagged {
        return Err(OpError::Conflict { constraint: "reflection_not_flagged", field: None });
    }
    if !mark_handled(ops, who, &mut tx, &full, reflection_id, FlagHandled::Answered).await? {
        // Handled already: the request still leaves its trace.
        let event = who.event(
            AuditAction::Update,
            AuditResource::Reflection,
            Some(reflection_id.to_string()),
            Some(grant.child_id()),
        );
        audit::append(&mut tx, &event, ops.now()).await?;
    }
    let after = find(&mut tx, &full, reflection_id).await?;
    tx.commit().await?;
    Ok(ReflectionView::from(&after))
}

/// The plan editor changed or removed an assignment: flags raised on it, or
/// on the assignments it was carried from, are handled by that change, in
/// the editor's transaction.
pub(crate) async fn plan_changed(
    ops: &Ops,
    who: &Who,
    tx: &mut WriteTx,
    team: &FullGrant,
    assignment_id: Uuid,
) -> Result<(), OpError> {
    let chain = reflections::carried_chain(tx, team, assignment_id).await?;
    for id in reflections::handle_flags_of_assignments(tx, team, &chain, ops.now()).await? {
        let event = who.event(
            AuditAction::Update,
            AuditResource::Reflection,
            Some(id.to_string()),
            Some(team.child_id()),
        );
        audit::append(tx, &event, ops.now()).await?;
    }
    Ok(())
}

/// A page of a child's reflections, oldest first, and the open flags.
#[derive(Clone, Debug, Serialize)]
pub struct ReflectionList {
    pub items: Vec<ReflectionView>,
    pub next: Option<Uuid>,
    /// "For the next session": flags not yet handled, oldest first.
    pub open_flags: Vec<ReflectionView>,
}

/// The API's twin of the reflections page: the same reads, a page at a time.
pub async fn list_reflections(
    ops: &Ops,
    who: &Who,
    grant: &ChildGrant,
    paging: carryover_store::paging::Paging,
) -> Result<ReflectionList, OpError> {
    let full = full(grant)?;
    let mut tx = ops.db.begin_write().await?;
    let found = reflections::reflections(&mut tx, &full).await?;
    let event =
        who.event(AuditAction::View, AuditResource::Reflection, None, Some(grant.child_id()));
    audit::append(&mut tx, &event, ops.now()).await?;
    tx.commit().await?;
    let open_flags = found.iter().filter(|r| r.flag_open()).map(ReflectionView::from).collect();
    let mut items: Vec<ReflectionView> = found
        .iter()
        .filter(|r| paging.after.is_none_or(|after| r.reflection_id > after))
        .map(ReflectionView::from)
        .collect();
    let limit = paging.limit.map_or(usize::MAX, |l| l as usize);
    let next = if items.len() > limit {
        items.truncate(limit);
        items.last().map(|r| r.reflection_id)
    } else {
        None
    };
    Ok(ReflectionList { items, next, open_flags })
}
