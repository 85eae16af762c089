//! Feedback threads: messages about a reflection, a practice log or the
//! child, how far each person has read each thread, and what awaits the
//! care team's answer. Threads are found by (clinic, child, id).

use carryover_domain::{people::Role, reflection::ThreadSubject};
use sqlx::{AnyConnection, FromRow};
use time::OffsetDateTime;
use uuid::Uuid;

use crate::{
    StoreError, WriteTx,
    codec::{At, Code, Flag, Id},
    grant::{Actor, ChildGrant, FullGrant},
    paging::{Page, Paging},
};

#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Thread {
    pub thread_id: Uuid,
    pub subject: ThreadSubject,
    pub reflection_id: Option<Uuid>,
    pub practice_log_id: Option<Uuid>,
    /// Who logged the practice, for a log's thread.
    pub log_author_id: Option<Uuid>,
    /// The oldest caregiver word the care team has not answered.
    pub awaiting_since: Option<OffsetDateTime>,
}

#[derive(FromRow)]
struct ThreadRow {
    thread_id: Id,
    subject: Code<ThreadSubject>,
    reflection_id: Option<Id>,
    practice_log_id: Option<Id>,
    log_author_id: Option<Id>,
    awaiting_since: Option<At>,
}

impl From<ThreadRow> for Thread {
    fn from(r: ThreadRow) -> Thread {
        Thread {
            thread_id: r.thread_id.0,
            subject: r.subject.0,
            reflection_id: r.reflection_id.map(|id| id.0),
            practice_log_id: r.practice_log_id.map(|id| id.0),
            log_author_id: r.log_author_id.map(|id| id.0),
            awaiting_since: r.awaiting_since.map(|at| at.0),
        }
    }
}

const THREAD: &str = "SELECT thread_id, subject, reflection_id, practice_log_id, log_author_id, awaiting_since \
     FROM feedback_thread WHERE clinic_id = $1 AND child_id = $2";

async fn one_thread(
    conn: &mut AnyConnection,
    grant: &ChildGrant,
    condition: &str,
    id: Option<Uuid>,
) -> Result<Option<Thread>, StoreError> {
    let sql = format!("{THREAD} {condition}");
    let mut query = sqlx::query_as::<_, ThreadRow>(sqlx::AssertSqlSafe(sql))
        .bind(Id(grant.clinic_id()))
        .bind(Id(grant.child_id()));
    if let Some(id) = id {
        query = query.bind(Id(id));
    }
    Ok(query.fetch_optional(conn).await?.map(Thread::from))
}

/// One thread of the child; `None` for another child's.
pub async fn thread(
    conn: &mut AnyConnection,
    grant: &ChildGrant,
    thread_id: Uuid,
) -> Result<Option<Thread>, StoreError> {
    one_thread(conn, grant, "AND thread_id = $3", Some(thread_id)).await
}

/// The child-level thread, once someone has written in it.
pub async fn child_thread(
    conn: &mut AnyConnection,
    grant: &ChildGrant,
) -> Result<Option<Thread>, StoreError> {
    one_thread(conn, grant, "AND subject = 'child'", None).await
}

/// The child-level thread, opened now if it was not yet.
pub async fn ensure_child_thread(
    tx: &mut WriteTx,
    grant: &ChildGrant,
    now: OffsetDateTime,
) -> Result<Thread, StoreError> {
    if let Some(found) = child_thread(tx, grant).await? {
        return Ok(found);
    }
    sqlx::query(
        "INSERT INTO feedback_thread (clinic_id, child_id, thread_id, subject, created_at) \
         VALUES ($1, $2, $3, 'child', $4) ON CONFLICT DO NOTHING",
    )
    .bind(Id(grant.clinic_id()))
    .bind(Id(grant.child_id()))
    .bind(Id(Uuid::now_v7()))
    .bind(At(now))
    .execute(&mut **tx)
    .await?;
    child_thread(tx, grant).await?.ok_or(StoreError::NotFound)
}

/// A practice log's thread, once someone has written in it.
pub async fn log_thread(
    conn: &mut AnyConnection,
    grant: &ChildGrant,
    practice_log_id: Uuid,
) -> Result<Option<Thread>, StoreError> {
    one_thread(conn, grant, "AND practice_log_id = $3", Some(practice_log_id)).await
}

/// A practice log's thread, opened now if it was not yet. `log_author` is
/// who logged it: a helper reads the threads of their own logs.
pub async fn ensure_log_thread(
    tx: &mut WriteTx,
    grant: &ChildGrant,
    practice_log_id: Uuid,
    log_author: Uuid,
    now: OffsetDateTime,
) -> Result<Thread, StoreError> {
    if let Some(found) = log_thread(tx, grant, practice_log_id).await? {
        return Ok(found);
    }
    sqlx::query(
        "INSERT INTO feedback_thread (clinic_id, child_id, thread_id, subject, practice_log_id, log_author_id, \
         created_at) VALUES ($1, $2, $3, 'practice_log', $4, $5, $6) ON CONFLICT DO NOTHING",
    )
    .bind(Id(grant.clinic_id()))
    .bind(Id(grant.child_id()))
    .bind(Id(Uuid::now_v7()))
    .bind(Id(practice_log_id))
    .bind(Id(log_author))
    .bind(At(now))
    .execute(&mut **tx)
    .await?;
    log_thread(tx, grant, practice_log_id).await?.ok_or(StoreError::NotFound)
}

#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Message {
    pub message_id: Uuid,
    pub author_id: Uuid,
    pub author_name: String,
    pub from_team: bool,
    pub body: String,
    pub created_at: OffsetDateTime,
}

#[derive(FromRow)]
struct MessageRow {
    message_id: Id,
    author_id: Id,
    display_name: String,
    from_team: Flag,
    body: String,
    created_at: At,
}

/// A thread's messages, oldest first, a page after the cursor.
pub async fn messages(
    conn: &mut AnyConnection,
    grant: &ChildGrant,
    thread: &Thread,
    paging: Paging,
) -> Result<Page<Message>, StoreError> {
    let sql = format!(
        "SELECT m.message_id, m.author_id, p.display_name, m.from_team, m.body, m.created_at \
         FROM feedback_message m JOIN person p ON p.clinic_id = m.clinic_id AND p.person_id = m.author_id \
         WHERE m.clinic_id = $1 AND m.child_id = $2 AND m.thread_id = $3 AND m.message_id > $4 \
         ORDER BY m.message_id {}",
        paging.limit_sql()
    );
    let rows: Vec<MessageRow> = sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(Id(grant.clinic_id()))
        .bind(Id(grant.child_id()))
        .bind(Id(thread.thread_id))
        .bind(Id(paging.after.unwrap_or(Uuid::nil())))
        .fetch_all(conn)
        .await?;
    let items = rows
        .into_iter()
        .map(|r| Message {
            message_id: r.message_id.0,
            author_id: r.author_id.0,
            author_name: r.display_name,
            from_team: r.from_team.0,
            body: r.body,
            created_at: r.created_at.0,
        })
        .collect();
    Ok(Page::from_rows(items, paging, |m| m.message_id))
}

/// A message with the subject of its thread, for the progress timeline.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct ChildMessage {
    pub subject: ThreadSubject,
    pub message: Message,
}

#[derive(FromRow)]
struct ChildMessageRow {
    subject: Code<ThreadSubject>,
    #[sqlx(flatten)]
    message: MessageRow,
}

/// Every message about the child written `from..to`, newest first: the
/// progress timeline's. A full grant: helpers read only their own logs'
/// threads, which the timeline does not sort out.
pub async fn child_messages(
    conn: &mut AnyConnection,
    grant: &FullGrant,
    from: OffsetDateTime,
    to: OffsetDateTime,
) -> Result<Vec<ChildMessage>, StoreError> {
    let rows: Vec<ChildMessageRow> = sqlx::query_as(
        "SELECT t.subject, m.message_id, m.author_id, p.display_name, m.from_team, m.body, m.created_at \
         FROM feedback_message m JOIN feedback_thread t ON t.clinic_id = m.clinic_id \
         AND t.child_id = m.child_id AND t.thread_id = m.thread_id \
         JOIN person p ON p.clinic_id = m.clinic_id AND p.person_id = m.author_id \
         WHERE m.clinic_id = $1 AND m.child_id = $2 AND m.created_at >= $3 AND m.created_at < $4 \
         ORDER BY m.created_at DESC, m.message_id DESC",
    )
    .bind(Id(grant.clinic_id()))
    .bind(Id(grant.child_id()))
    .bind(At(from))
    .bind(At(to))
    .fetch_all(conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| ChildMessage {
            subject: r.subject.0,
            message: Message {
                message_id: r.message.message_id.0,
                author_id: r.message.author_id.0,
                author_name: r.message.display_name,
                from_team: r.message.from_team.0,
                body: r.message.body,
                created_at: r.message.created_at.0,
            },
        })
        .collect())
}

/// Whether the child has a message written before `before` (the timeline's
/// "show older").
pub async fn has_message_before(
    conn: &mut AnyConnection,
    grant: &FullGrant,
    before: OffsetDateTime,
) -> Result<bool, StoreError> {
    let (count,): (i64,) = sqlx::query_as(
        "SELECT COUNT(*) FROM feedback_message WHERE clinic_id = $1 AND child_id = $2 AND created_at < $3",
    )
    .bind(Id(grant.clinic_id()))
    .bind(Id(grant.child_id()))
    .bind(At(before))
    .fetch_one(conn)
    .await?;
    Ok(count > 0)
}

/// Adds a message. A caregiver's message makes the thread wait for the care
/// team (from its oldest unanswered word); the care team's answers it.
pub async fn insert_message(
    tx: &mut WriteTx,
    grant: &ChildGrant,
    thread: &Thread,
    body: &str,
    from_team: bool,
    now: OffsetDateTime,
) -> Result<Uuid, StoreError> {
    let id = Uuid::now_v7();
    let (clinic, child, t) = (Id(grant.clinic_id()), Id(grant.child_id()), Id(thread.thread_id));
    sqlx::query(
        "INSERT INTO feedback_message (clinic_id, child_id, message_id, thread_id, author_id, from_team, body, \
         created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(clinic)
    .bind(child)
    .bind(Id(id))
    .bind(t)
    .bind(Id(grant.actor().person_id()))
    .bind(Flag(from_team))
    .bind(body)
    .bind(At(now))
    .execute(&mut **tx)
    .await?;
    let waiting = if from_team { "NULL" } else { "COALESCE(awaiting_since, $4)" };
    let sql = format!(
        "UPDATE feedback_thread SET last_message_at = $4, awaiting_since = {waiting} \
         WHERE clinic_id = $1 AND child_id = $2 AND thread_id = $3"
    );
    sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(clinic)
        .bind(child)
        .bind(t)
        .bind(At(now))
        .execute(&mut **tx)
        .await?;
    Ok(id)
}

/// Records that the caller has read the thread up to its newest message
/// (a marker only moves forward). Nothing to mark in an empty thread.
pub async fn mark_read(
    tx: &mut WriteTx,
    grant: &ChildGrant,
    thread: &Thread,
    now: OffsetDateTime,
) -> Result<(), StoreError> {
    let (clinic, child, t) = (Id(grant.clinic_id()), Id(grant.child_id()), Id(thread.thread_id));
    let newest: Option<Id> = sqlx::query_scalar(
        "SELECT MAX(message_id) FROM feedback_message WHERE clinic_id = $1 AND child_id = $2 AND thread_id = $3",
    )
    .bind(clinic)
    .bind(child)
    .bind(t)
    .fetch_one(&mut **tx)
    .await?;
    let Some(newest) = newest else { return Ok(()) };
    sqlx::query(
        "INSERT INTO feedback_read (clinic_id, child_id, thread_id, person_id, read_up_to, read_at) \
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (clinic_id, child_id, thread_id, person_id) DO UPDATE \
         SET read_up_to = CASE WHEN excluded.read_up_to > feedback_read.read_up_to \
         THEN excluded.read_up_to ELSE feedback_read.read_up_to END, read_at = excluded.read_at",
    )
    .bind(clinic)
    .bind(child)
    .bind(t)
    .bind(Id(grant.actor().person_id()))
    .bind(newest)
    .bind(At(now))
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Messages by others the reader has not read, in one thread.
pub async fn unread_in(
    conn: &mut AnyConnection,
    grant: &ChildGrant,
    thread: &Thread,
) -> Result<i64, StoreError> {
    Ok(sqlx::query_scalar(
        "SELECT COUNT(*) FROM feedback_message m WHERE m.clinic_id = $1 AND m.child_id = $2 \
         AND m.thread_id = $3 AND m.author_id <> $4 AND m.message_id > COALESCE((SELECT r.read_up_to \
         FROM feedback_read r WHERE r.clinic_id = m.clinic_id AND r.child_id = m.child_id \
         AND r.thread_id = m.thread_id AND r.person_id = $4), '')",
    )
    .bind(Id(grant.clinic_id()))
    .bind(Id(grant.child_id()))
    .bind(Id(thread.thread_id))
    .bind(Id(grant.actor().person_id()))
    .fetch_one(conn)
    .await?)
}

/// A thread with messages a person has not read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unread {
    pub child_id: Uuid,
    pub child_name: String,
    pub thread_id: Uuid,
    pub subject: ThreadSubject,
    pub reflection_id: Option<Uuid>,
    pub practice_log_id: Option<Uuid>,
    pub count: i64,
}

#[derive(FromRow)]
struct UnreadRow {
    child_id: Id,
    preferred_name: String,
    thread_id: Id,
    subject: Code<ThreadSubject>,
    reflection_id: Option<Id>,
    practice_log_id: Option<Id>,
    unread: i64,
}

const UNREAD_COUNT: &str = "(SELECT COUNT(*) FROM feedback_message m WHERE m.clinic_id = t.clinic_id \
     AND m.child_id = t.child_id AND m.thread_id = t.thread_id AND m.author_id <> $2 \
     AND m.message_id > COALESCE((SELECT r.read_up_to FROM feedback_read r WHERE r.clinic_id = t.clinic_id \
     AND r.child_id = t.child_id AND r.thread_id = t.thread_id AND r.person_id = $2), ''))";

/// The threads a caregiver may read with messages they have not read,
/// across the children of their households (seen now). A helper's are the
/// threads of their own practice logs only; a guardian's every thread.
pub async fn unread_for_caregiver(
    conn: &mut AnyConnection,
    actor: &Actor,
) -> Result<Vec<Unread>, StoreError> {
    if actor.role() != Role::Caregiver {
        return Ok(Vec::new());
    }
    let sql = format!(
        "SELECT t.child_id, c.preferred_name, t.thread_id, t.subject, t.reflection_id, t.practice_log_id, \
         {UNREAD_COUNT} AS unread FROM feedback_thread t \
         JOIN child c ON c.clinic_id = t.clinic_id AND c.child_id = t.child_id \
         JOIN household_member hm ON hm.clinic_id = c.clinic_id AND hm.household_id = c.household_id \
         AND hm.person_id = $2 \
         WHERE t.clinic_id = $1 AND c.discharged_on IS NULL \
         AND (hm.access = 'guardian' OR (t.subject = 'practice_log' AND t.log_author_id = $2)) \
         ORDER BY c.preferred_name, t.child_id, t.last_message_at DESC, t.thread_id"
    );
    let rows: Vec<UnreadRow> = sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(Id(actor.clinic_id()))
        .bind(Id(actor.person_id()))
        .fetch_all(conn)
        .await?;
    Ok(rows
        .into_iter()
        .filter(|r| r.unread > 0)
        .map(|r| Unread {
            child_id: r.child_id.0,
            child_name: r.preferred_name,
            thread_id: r.thread_id.0,
            subject: r.subject.0,
            reflection_id: r.reflection_id.map(|id| id.0),
            practice_log_id: r.practice_log_id.map(|id| id.0),
            count: r.unread,
        })
        .collect())
}

/// One thing awaiting the care team: a thread with a caregiver's word not
/// yet answered, or a flag not yet handled.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InboxItem {
    pub child_id: Uuid,
    pub child_name: String,
    pub thread_id: Uuid,
    pub subject: ThreadSubject,
    pub reflection_id: Option<Uuid>,
    pub practice_log_id: Option<Uuid>,
    /// The reflection's flag is open.
    pub flag_open: bool,
    /// Since when it waits: the oldest unanswered word, or the open flag's reflection.
    pub since: OffsetDateTime,
    pub unread: i64,
}

#[derive(FromRow)]
struct InboxRow {
    child_id: Id,
    preferred_name: String,
    thread_id: Id,
    subject: Code<ThreadSubject>,
    reflection_id: Option<Id>,
    practice_log_id: Option<Id>,
    flag_open: i64,
    reflected_at: Option<At>,
    awaiting_since: Option<At>,
    unread: i64,
}

/// What awaits a staff member's answer, oldest first, across the children
/// on their care teams (seen now). An admin's inbox is that of the
/// children whose care team they are on too: answering is the team's work.
pub async fn inbox(conn: &mut AnyConnection, actor: &Actor) -> Result<Vec<InboxItem>, StoreError> {
    if !actor.is_staff() {
        return Ok(Vec::new());
    }
    let sql = format!(
        "SELECT t.child_id, c.preferred_name, t.thread_id, t.subject, t.reflection_id, t.practice_log_id, \
         CASE WHEN r.flagged = 1 AND r.handled_at IS NULL THEN 1 ELSE 0 END AS flag_open, \
         r.created_at AS reflected_at, t.awaiting_since, {UNREAD_COUNT} AS unread \
         FROM feedback_thread t \
         JOIN child c ON c.clinic_id = t.clinic_id AND c.child_id = t.child_id \
         JOIN care_team_member k ON k.clinic_id = t.clinic_id AND k.child_id = t.child_id AND k.person_id = $2 \
         LEFT JOIN reflection r ON r.clinic_id = t.clinic_id AND r.child_id = t.child_id \
         AND r.reflection_id = t.reflection_id \
         WHERE t.clinic_id = $1 AND c.discharged_on IS NULL \
         AND (t.awaiting_since IS NOT NULL OR (r.flagged = 1 AND r.handled_at IS NULL))"
    );
    let rows: Vec<InboxRow> = sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(Id(actor.clinic_id()))
        .bind(Id(actor.person_id()))
        .fetch_all(conn)
        .await?;
    let mut items: Vec<InboxItem> = rows
        .into_iter()
        .filter_map(|r| {
            let flag_open = r.flag_open == 1;
            let flagged_since = if flag_open { r.reflected_at.map(|a| a.0) } else { None };
            let since = match (flagged_since, r.awaiting_since.map(|a| a.0)) {
                (Some(a), Some(b)) => a.min(b),
                (a, b) => a.or(b)?,
            };
            Some(InboxItem {
                child_id: r.child_id.0,
                child_name: r.preferred_name,
                thread_id: r.thread_id.0,
                subject: r.subject.0,
                reflection_id: r.reflection_id.map(|id| id.0),
                practice_log_id: r.practice_log_id.map(|id| id.0),
                flag_open,
                since,
                unread: r.unread,
            })
        })
        .collect();
    items.sort_by_key(|i| (i.since, i.thread_id));
    Ok(items)
}
