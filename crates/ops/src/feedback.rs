//! Feedback threads: the care team answers a reflection (or a practice
//! log); caregivers and the care team talk about the child in one thread
//! per child. Each person has a read marker per thread, from which the
//! unread counts follow; the therapist's inbox lists what awaits an answer.
//!
//! Who reads which thread: a reflection's and the child's thread, the
//! guardians and the care team; a practice log's thread, also the helper
//! who logged it — helpers read nothing else here.

use carryover_domain::{
    access::ChildTie,
    audit::{AuditAction, AuditResource},
    reflection::{ThreadSubject, check_message},
};
use carryover_store::{
    AnyConnection, WriteTx, audit, children,
    feedback::{self, Thread},
    paging::{Page, Paging},
};
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;
use uuid::Uuid;

use crate::{ChildGrant, OpError, Ops, Who, access::writable, scope::full};

#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct MessageView {
    pub message_id: Uuid,
    pub author_id: Uuid,
    pub author_name: String,
    /// Written by the care team.
    pub from_team: bool,
    /// Plain text, as written: pages escape it.
    pub body: String,
    #[serde(with = "time::serde::rfc3339")]
    #[schema(value_type = String, example = "2026-11-03T08:15:00Z")]
    pub created_at: OffsetDateTime,
}

impl From<feedback::Message> for MessageView {
    fn from(m: feedback::Message) -> MessageView {
        MessageView {
            message_id: m.message_id,
            author_id: m.author_id,
            author_name: m.author_name,
            from_team: m.from_team,
            body: m.body,
            created_at: m.created_at,
        }
    }
}

pub(crate) async fn message_views(
    conn: &mut AnyConnection,
    grant: &ChildGrant,
    thread: &Thread,
) -> Result<Vec<MessageView>, OpError> {
    let page = feedback::messages(conn, grant, thread, Paging::all()).await?;
    Ok(page.items.into_iter().map(MessageView::from).collect())
}

fn is_team(grant: &ChildGrant) -> bool {
    matches!(grant.tie(), ChildTie::CareTeam | ChildTie::ClinicAdmin)
}

/// Whether the caller may read a thread: a helper only a log's of their own.
pub fn may_read(grant: &ChildGrant, thread: &Thread) -> bool {
    match grant.tie() {
        ChildTie::Helper => {
            thread.subject == ThreadSubject::PracticeLog
                && thread.log_author_id == Some(grant.actor().person_id())
        }
        _ => true,
    }
}

/// A message as a form or an API body sends it.
#[derive(Clone, Debug, Default, Deserialize, Serialize, utoipa::ToSchema)]
#[schema(example = json!({"body": "Mornings went better this week."}))]
pub struct MessageInput {
    #[serde(default)]
    pub body: String,
}

/// Checks and adds a message inside the caller's transaction, and audits it.
pub(crate) async fn post(
    ops: &Ops,
    who: &Who,
    tx: &mut WriteTx,
    grant: &ChildGrant,
    thread: &Thread,
    body: &str,
) -> Result<Uuid, OpError> {
    let body = check_message(body).map_err(|p| OpError::field("body", p.into()))?;
    let id = feedback::insert_message(tx, grant, thread, &body, is_team(grant), ops.now()).await?;
    // The writer has read what they answered.
    feedback::mark_read(tx, grant, thread, ops.now()).await?;
    let event = who.event(
        AuditAction::Create,
        AuditResource::Feedback,
        Some(thread.thread_id.to_string()),
        Some(grant.child_id()),
    );
    audit::append(tx, &event, ops.now()).await?;
    Ok(id)
}

/// The child's thread between the family and the care team.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct ChildThreadView {
    pub child_name: String,
    /// `None` until someone writes.
    pub thread_id: Option<Uuid>,
    pub messages: Vec<MessageView>,
    /// The cursor of the next page, for the API.
    pub next: Option<Uuid>,
    /// Messages by others the caller had not read before this look.
    pub unread: i64,
    pub can_write: bool,
}

/// The child's thread. The page reads it all and marks it read; the API
/// reads a page and marks it with [`mark_child_thread_read`].
pub async fn child_thread(
    ops: &Ops,
    who: &Who,
    grant: &ChildGrant,
    paging: Paging,
    mark_read: bool,
) -> Result<ChildThreadView, OpError> {
    full(grant)?;
    let mut tx = ops.db.begin_write().await?;
    let basics = children::child_basics(&mut tx, grant).await?;
    let thread = feedback::child_thread(&mut tx, grant).await?;
    let (mut messages, mut next, mut unread) = (Vec::new(), None, 0);
    if let Some(thread) = &thread {
        unread = feedback::unread_in(&mut tx, grant, thread).await?;
        let page: Page<feedback::Message> =
            feedback::messages(&mut tx, grant, thread, paging).await?;
        messages = page.items.into_iter().map(MessageView::from).collect();
        next = page.next;
        if mark_read {
            feedback::mark_read(&mut tx, grant, thread, ops.now()).await?;
        }
    }
    let event = who.event(
        AuditAction::View,
        AuditResource::Feedback,
        thread.as_ref().map(|t| t.thread_id.to_string()),
        Some(grant.child_id()),
    );
    audit::append(&mut tx, &event, ops.now()).await?;
    tx.commit().await?;
    Ok(ChildThreadView {
        child_name: basics.preferred_name,
        thread_id: thread.map(|t| t.thread_id),
        messages,
        next,
        unread,
        can_write: grant.writable().is_some(),
    })
}

/// Writes in the child's thread, opening it on the first message.
pub async fn write_about_child(
    ops: &Ops,
    who: &Who,
    grant: &ChildGrant,
    input: &MessageInput,
) -> Result<Uuid, OpError> {
    full(grant)?;
    writable(grant)?;
    // Refuse bad input before opening a thread: nothing is saved then.
    check_message(&input.body).map_err(|p| OpError::field("body", p.into()))?;
    let mut tx = ops.db.begin_write().await?;
    let thread = feedback::ensure_child_thread(&mut tx, grant, ops.now()).await?;
    let id = post(ops, who, &mut tx, grant, &thread, &input.body).await?;
    tx.commit().await?;
    Ok(id)
}

/// How many messages remain unread after marking.
#[derive(Clone, Copy, Debug, Serialize, utoipa::ToSchema)]
pub struct ReadMarked {
    pub unread: i64,
}

async fn mark(
    ops: &Ops,
    who: &Who,
    grant: &ChildGrant,
    thread: Option<Thread>,
    mut tx: WriteTx,
) -> Result<ReadMarked, OpError> {
    if let Some(thread) = &thread {
        feedback::mark_read(&mut tx, grant, thread, ops.now()).await?;
    }
    let event = who.event(
        AuditAction::Update,
        AuditResource::Feedback,
        thread.as_ref().map(|t| t.thread_id.to_string()),
        Some(grant.child_id()),
    );
    audit::append(&mut tx, &event, ops.now()).await?;
    tx.commit().await?;
    Ok(ReadMarked { unread: 0 })
}

/// Marks the child's thread read for the caller.
pub async fn mark_child_thread_read(
    ops: &Ops,
    who: &Who,
    grant: &ChildGrant,
) -> Result<ReadMarked, OpError> {
    full(grant)?;
    let mut tx = ops.db.begin_write().await?;
    let thread = feedback::child_thread(&mut tx, grant).await?;
    mark(ops, who, grant, thread, tx).await
}

/// Marks a reflection's thread read for the caller.
pub async fn mark_reflection_read(
    ops: &Ops,
    who: &Who,
    grant: &ChildGrant,
    reflection_id: Uuid,
) -> Result<ReadMarked, OpError> {
    let full = full(grant)?;
    let mut tx = ops.db.begin_write().await?;
    let found = crate::reflections::find(&mut tx, &full, reflection_id).await?;
    let thread = feedback::thread(&mut tx, grant, found.thread_id).await?;
    mark(ops, who, grant, thread, tx).await
}

/// One thing in the therapist's inbox.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct InboxEntry {
    pub child_id: Uuid,
    pub child_name: String,
    pub thread_id: Uuid,
    #[schema(value_type = String, example = "reflection")]
    pub subject: ThreadSubject,
    pub reflection_id: Option<Uuid>,
    pub practice_log_id: Option<Uuid>,
    /// A reflection's flag not yet handled.
    pub flag_open: bool,
    /// Since when it waits.
    #[serde(with = "time::serde::rfc3339")]
    #[schema(value_type = String, example = "2026-11-02T19:30:00Z")]
    pub since: OffsetDateTime,
    /// Messages the therapist has not read.
    pub unread: i64,
}

/// What awaits the caller's answer across their caseload, oldest first,
/// a page after the cursor (a thread id). Audited as one list naming the
/// children shown.
pub async fn inbox(ops: &Ops, who: &Who, paging: Paging) -> Result<Page<InboxEntry>, OpError> {
    let mut tx = ops.db.begin_write().await?;
    let mut items = feedback::inbox(&mut tx, &who.actor).await?;
    if let Some(after) = paging.after {
        // A cursor whose item was answered meanwhile starts again from the top.
        if let Some(at) = items.iter().position(|i| i.thread_id == after) {
            items.drain(..=at);
        }
    }
    let limit = paging.limit.map_or(usize::MAX, |l| l as usize);
    let next = if items.len() > limit {
        items.truncate(limit);
        items.last().map(|i| i.thread_id)
    } else {
        None
    };
    let mut ids: Vec<Uuid> = items.iter().map(|i| i.child_id).collect();
    ids.sort();
    ids.dedup();
    let event = who.event(AuditAction::List, AuditResource::Feedback, None, None);
    audit::append_listing(&mut tx, &event, &ids, ops.now()).await?;
    tx.commit().await?;
    let items = items
        .into_iter()
        .map(|i| InboxEntry {
            child_id: i.child_id,
            child_name: i.child_name,
            thread_id: i.thread_id,
            subject: i.subject,
            reflection_id: i.reflection_id,
            practice_log_id: i.practice_log_id,
            flag_open: i.flag_open,
            since: i.since,
            unread: i.unread,
        })
        .collect();
    Ok(Page { items, next })
}

/// New feedback for a caregiver, per thread, across their children: the
/// "new feedback" block of their home. Read inside the caller's transaction.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct NewFeedback {
    pub child_id: Uuid,
    pub child_name: String,
    pub thread_id: Uuid,
    #[schema(value_type = String, example = "reflection")]
    pub subject: ThreadSubject,
    pub reflection_id: Option<Uuid>,
    pub practice_log_id: Option<Uuid>,
    pub unread: i64,
}

pub async fn new_feedback(
    conn: &mut AnyConnection,
    who: &Who,
) -> Result<Vec<NewFeedback>, OpError> {
    Ok(feedback::unread_for_caregiver(conn, &who.actor)
        .await?
        .into_iter()
        .map(|u| NewFeedback {
            child_id: u.child_id,
            child_name: u.child_name,
            thread_id: u.thread_id,
            subject: u.subject,
            reflection_id: u.reflection_id,
            practice_log_id: u.practice_log_id,
            unread: u.count,
        })
        .collect())
}

/// The caregiver's new feedback on its own, audited as one list: the API's
/// twin of the home's block.
pub async fn my_new_feedback(ops: &Ops, who: &Who) -> Result<Vec<NewFeedback>, OpError> {
    let mut tx = ops.db.begin_write().await?;
    let found = new_feedback(&mut tx, who).await?;
    let mut ids: Vec<Uuid> = found.iter().map(|f| f.child_id).collect();
    ids.sort();
    ids.dedup();
    let event = who.event(AuditAction::List, AuditResource::Feedback, None, None);
    audit::append_listing(&mut tx, &event, &ids, ops.now()).await?;
    tx.commit().await?;
    Ok(found)
}

/// A practice log in short, above its thread.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct LogSummary {
    pub practice_log_id: Uuid,
    pub assignment_id: Uuid,
    #[schema(value_type = String, example = "2026-11-02")]
    pub practised_on: time::Date,
    pub practised_by_name: String,
    #[schema(value_type = String, example = "hard")]
    pub response: carryover_domain::generalization::ChildResponse,
    pub note: String,
}

/// A practice log's thread: the care team answers a log; the caregiver who
/// logged it reads and answers back.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct LogThreadView {
    pub child_name: String,
    pub log: LogSummary,
    /// `None` until someone writes.
    pub thread_id: Option<Uuid>,
    pub messages: Vec<MessageView>,
    pub unread: i64,
    pub can_write: bool,
}

/// The log, if the caller may read its feedback: everyone tied to the child
/// but helpers, and a helper for the logs they made themselves.
async fn readable_log(
    conn: &mut AnyConnection,
    grant: &ChildGrant,
    log_id: Uuid,
) -> Result<carryover_store::practice_logs::PracticeLog, OpError> {
    let log = carryover_store::practice_logs::log(conn, grant, log_id)
        .await?
        .filter(|l| l.deleted_at.is_none())
        .ok_or(OpError::NotFound)?;
    if grant.tie() == ChildTie::Helper && log.logged_by != grant.actor().person_id() {
        return Err(OpError::NotFound);
    }
    Ok(log)
}

/// A practice log with its thread. The page marks it read; the API marks it
/// with [`mark_log_read`].
pub async fn log_thread(
    ops: &Ops,
    who: &Who,
    grant: &ChildGrant,
    log_id: Uuid,
    mark_read: bool,
) -> Result<LogThreadView, OpError> {
    let mut tx = ops.db.begin_write().await?;
    let log = readable_log(&mut tx, grant, log_id).await?;
    let basics = children::child_basics(&mut tx, grant).await?;
    let thread = feedback::log_thread(&mut tx, grant, log_id).await?;
    let (mut messages, mut unread) = (Vec::new(), 0);
    if let Some(thread) = &thread {
        unread = feedback::unread_in(&mut tx, grant, thread).await?;
        messages = message_views(&mut tx, grant, thread).await?;
        if mark_read {
            feedback::mark_read(&mut tx, grant, thread, ops.now()).await?;
        }
    }
    let event = who.event(
        AuditAction::View,
        AuditResource::Feedback,
        Some(log_id.to_string()),
        Some(grant.child_id()),
    );
    audit::append(&mut tx, &event, ops.now()).await?;
    tx.commit().await?;
    Ok(LogThreadView {
        child_name: basics.preferred_name,
        log: LogSummary {
            practice_log_id: log.log_id,
            assignment_id: log.content.assignment_id,
            practised_on: log.practised_on,
            practised_by_name: log.practised_by_name,
            response: log.content.response,
            note: log.content.note,
        },
        thread_id: thread.map(|t| t.thread_id),
        messages,
        unread,
        can_write: grant.writable().is_some(),
    })
}

/// Answers a practice log (the care team), or answers back (a caregiver
/// who may read it). Opens the log's thread on the first message.
pub async fn answer_log(
    ops: &Ops,
    who: &Who,
    grant: &ChildGrant,
    log_id: Uuid,
    input: &MessageInput,
) -> Result<Uuid, OpError> {
    writable(grant)?;
    let mut tx = ops.db.begin_write().await?;
    let log = readable_log(&mut tx, grant, log_id).await?;
    check_message(&input.body).map_err(|p| OpError::field("body", p.into()))?;
    let thread =
        feedback::ensure_log_thread(&mut tx, grant, log_id, log.logged_by, ops.now()).await?;
    let id = post(ops, who, &mut tx, grant, &thread, &input.body).await?;
    tx.commit().await?;
    Ok(id)
}

/// Marks a practice log's thread read for the caller.
pub async fn mark_log_read(
    ops: &Ops,
    who: &Who,
    grant: &ChildGrant,
    log_id: Uuid,
) -> Result<ReadMarked, OpError> {
    let mut tx = ops.db.begin_write().await?;
    readable_log(&mut tx, grant, log_id).await?;
    let thread = feedback::log_thread(&mut tx, grant, log_id).await?;
    mark(ops, who, grant, thread, tx).await
}
