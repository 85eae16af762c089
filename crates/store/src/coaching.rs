//! Visit records along the five steps of the coaching model. A record is
//! open while the therapist writes it (one open record per child), then
//! ended (the practice plan updated), then signed: a signed record never
//! changes; later words are dated addenda.
//!
//! Every save names the revision it started from and bumps it
//! ([`bump`]): a save from a stale revision changes nothing, and the caller
//! keeps its text ([`keep_text`]) so two tabs never silently overwrite each
//! other and nothing typed is lost.

use carryover_domain::{
    routine::RoutineRef,
    visit::{EntryKind, VisitSetting},
};
use sqlx::{AnyConnection, FromRow};
use time::OffsetDateTime;
use uuid::Uuid;

use crate::{
    StoreError, WriteTx,
    codec::{At, Code, Flag, Id},
    grant::{Actor, FullGrant},
};

/// The record's own text fields. The column names are fixed here, never
/// taken from input.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextField {
    OthersPresent,
    SinceLast,
    Agenda,
    Affirmed,
    Suggested,
    Information,
    Summary,
}

impl TextField {
    pub const ALL: [TextField; 7] = [
        TextField::OthersPresent,
        TextField::SinceLast,
        TextField::Agenda,
        TextField::Affirmed,
        TextField::Suggested,
        TextField::Information,
        TextField::Summary,
    ];

    /// The column, which is also the field's name in forms and JSON.
    pub fn column(self) -> &'static str {
        match self {
            TextField::OthersPresent => "others_present",
            TextField::SinceLast => "since_last",
            TextField::Agenda => "agenda",
            TextField::Affirmed => "affirmed",
            TextField::Suggested => "suggested",
            TextField::Information => "information",
            TextField::Summary => "summary",
        }
    }

    pub fn parse(name: &str) -> Option<TextField> {
        TextField::ALL.into_iter().find(|f| f.column() == name)
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Record {
    pub session_id: Uuid,
    pub therapist_id: Uuid,
    pub therapist_name: String,
    pub held_at: OffsetDateTime,
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
    pub revision: i64,
    pub plan_version_id: Option<Uuid>,
    pub ended_at: Option<OffsetDateTime>,
    pub signed_by_name: Option<String>,
    pub signed_at: Option<OffsetDateTime>,
}

impl Record {
    pub fn text(&self, field: TextField) -> &str {
        match field {
            TextField::OthersPresent => &self.others_present,
            TextField::SinceLast => &self.since_last,
            TextField::Agenda => &self.agenda,
            TextField::Affirmed => &self.affirmed,
            TextField::Suggested => &self.suggested,
            TextField::Information => &self.information,
            TextField::Summary => &self.summary,
        }
    }
}

#[derive(FromRow)]
struct Row {
    coaching_session_id: Id,
    therapist_id: Id,
    therapist_name: String,
    held_at: At,
    duration_minutes: Option<i64>,
    setting: Code<VisitSetting>,
    others_present: String,
    since_last: String,
    agenda: String,
    affirmed: String,
    suggested: String,
    information: String,
    summary: String,
    summary_shared: Flag,
    revision: i64,
    plan_version_id: Option<Id>,
    ended_at: Option<At>,
    signed_by_name: Option<String>,
    signed_at: Option<At>,
}

impl From<Row> for Record {
    fn from(r: Row) -> Record {
        Record {
            session_id: r.coaching_session_id.0,
            therapist_id: r.therapist_id.0,
            therapist_name: r.therapist_name,
            held_at: r.held_at.0,
            duration_minutes: r.duration_minutes,
            setting: r.setting.0,
            others_present: r.others_present,
            since_last: r.since_last,
            agenda: r.agenda,
            affirmed: r.affirmed,
            suggested: r.suggested,
            information: r.information,
            summary: r.summary,
            summary_shared: r.summary_shared.0,
            revision: r.revision,
            plan_version_id: r.plan_version_id.map(|id| id.0),
            ended_at: r.ended_at.map(|at| at.0),
            signed_by_name: r.signed_by_name,
            signed_at: r.signed_at.map(|at| at.0),
        }
    }
}

const SELECT: &str = "SELECT s.coaching_session_id, s.therapist_id, t.display_name AS therapist_name, \
     s.held_at, s.duration_minutes, s.setting, s.others_present, s.since_last, s.agenda, s.affirmed, \
     s.suggested, s.information, s.summary, s.summary_shared, s.revision, s.plan_version_id, s.ended_at, \
     g.display_name AS signed_by_name, s.signed_at FROM coaching_session s \
     JOIN person t ON t.clinic_id = s.clinic_id AND t.person_id = s.therapist_id \
     LEFT JOIN person g ON g.clinic_id = s.clinic_id AND g.person_id = s.signed_by \
     WHERE s.clinic_id = $1 AND s.child_id = $2";

async fn fetch(
    conn: &mut AnyConnection,
    grant: &FullGrant,
    condition: &str,
    id: Option<Uuid>,
) -> Result<Vec<Record>, StoreError> {
    let sql = format!("{SELECT} {condition} ORDER BY s.held_at DESC, s.coaching_session_id DESC");
    let mut query = sqlx::query_as::<_, Row>(sqlx::AssertSqlSafe(sql))
        .bind(Id(grant.clinic_id()))
        .bind(Id(grant.child_id()));
    if let Some(id) = id {
        query = query.bind(Id(id));
    }
    Ok(query.fetch_all(conn).await?.into_iter().map(Record::from).collect())
}

/// Every record of the child, newest first.
pub async fn records(
    conn: &mut AnyConnection,
    grant: &FullGrant,
) -> Result<Vec<Record>, StoreError> {
    fetch(conn, grant, "", None).await
}

/// One record of the child; `None` for another child's.
pub async fn record(
    conn: &mut AnyConnection,
    grant: &FullGrant,
    session_id: Uuid,
) -> Result<Option<Record>, StoreError> {
    Ok(fetch(conn, grant, "AND s.coaching_session_id = $3", Some(session_id))
        .await?
        .into_iter()
        .next())
}

/// The record being written, if there is one (there is at most one).
pub async fn open_record(
    conn: &mut AnyConnection,
    grant: &FullGrant,
) -> Result<Option<Record>, StoreError> {
    Ok(fetch(conn, grant, "AND s.ended_at IS NULL", None).await?.into_iter().next())
}

/// What a new record starts with.
#[derive(Clone, Debug)]
pub struct NewRecord<'a> {
    pub held_at: OffsetDateTime,
    pub duration_minutes: i64,
    pub setting: VisitSetting,
    pub agenda: &'a str,
    pub scheduled_visit_id: Option<Uuid>,
}

/// A second open record of the child is a conflict on
/// `coaching_session_one_open`.
pub async fn insert_record(
    tx: &mut WriteTx,
    grant: &FullGrant,
    new: &NewRecord<'_>,
    now: OffsetDateTime,
) -> Result<Uuid, StoreError> {
    let id = Uuid::now_v7();
    sqlx::query(
        "INSERT INTO coaching_session (clinic_id, child_id, coaching_session_id, therapist_id, held_at, \
         duration_minutes, setting, agenda, scheduled_visit_id, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10)",
    )
    .bind(Id(grant.clinic_id()))
    .bind(Id(grant.child_id()))
    .bind(Id(id))
    .bind(Id(grant.child().actor().person_id()))
    .bind(At(new.held_at))
    .bind(new.duration_minutes)
    .bind(Code(new.setting))
    .bind(new.agenda)
    .bind(new.scheduled_visit_id.map(Id))
    .bind(At(now))
    .execute(&mut **tx)
    .await?;
    Ok(id)
}

/// Takes the next revision of an unsigned record, if `expected` is still
/// the current one. `None` when another save came first or the record was
/// signed meanwhile: then nothing may be written. The UPDATE locks the row,
/// so two saves at once are serialized and exactly one wins.
pub async fn bump(
    tx: &mut WriteTx,
    grant: &FullGrant,
    session_id: Uuid,
    expected: i64,
    now: OffsetDateTime,
) -> Result<Option<i64>, StoreError> {
    let done = sqlx::query(
        "UPDATE coaching_session SET revision = revision + 1, updated_at = $5 \
         WHERE clinic_id = $1 AND child_id = $2 AND coaching_session_id = $3 AND revision = $4 \
         AND signed_at IS NULL",
    )
    .bind(Id(grant.clinic_id()))
    .bind(Id(grant.child_id()))
    .bind(Id(session_id))
    .bind(expected)
    .bind(At(now))
    .execute(&mut **tx)
    .await?;
    Ok((done.rows_affected() == 1).then(|| expected.saturating_add(1)))
}

async fn update(
    tx: &mut WriteTx,
    grant: &FullGrant,
    session_id: Uuid,
    set: &str,
    bind: impl FnOnce(
        sqlx::query::Query<'_, sqlx::Any, sqlx::any::AnyArguments>,
    ) -> sqlx::query::Query<'_, sqlx::Any, sqlx::any::AnyArguments>,
) -> Result<(), StoreError> {
    let sql = format!(
        "UPDATE coaching_session SET {set} WHERE clinic_id = $1 AND child_id = $2 AND coaching_session_id = $3"
    );
    let query = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(Id(grant.clinic_id()))
        .bind(Id(grant.child_id()))
        .bind(Id(session_id));
    bind(query).execute(&mut **tx).await?;
    Ok(())
}

/// Writes one text field (after [`bump`]).
pub async fn set_text(
    tx: &mut WriteTx,
    grant: &FullGrant,
    session_id: Uuid,
    field: TextField,
    text: &str,
) -> Result<(), StoreError> {
    let set = format!("{} = $4", field.column());
    update(tx, grant, session_id, &set, |q| q.bind(text.to_owned())).await
}

/// Writes when, how long and where (after [`bump`]).
pub async fn set_visit(
    tx: &mut WriteTx,
    grant: &FullGrant,
    session_id: Uuid,
    held_at: OffsetDateTime,
    duration_minutes: i64,
    setting: VisitSetting,
) -> Result<(), StoreError> {
    update(tx, grant, session_id, "held_at = $4, duration_minutes = $5, setting = $6", |q| {
        q.bind(At(held_at)).bind(duration_minutes).bind(Code(setting))
    })
    .await
}

/// Whether guardians see the summary (after [`bump`]).
pub async fn set_summary_shared(
    tx: &mut WriteTx,
    grant: &FullGrant,
    session_id: Uuid,
    shared: bool,
) -> Result<(), StoreError> {
    update(tx, grant, session_id, "summary_shared = $4", |q| q.bind(Flag(shared))).await
}

async fn replace_links(
    tx: &mut WriteTx,
    grant: &FullGrant,
    session_id: Uuid,
    table: &str,
    column: &str,
    ids: &[Uuid],
) -> Result<(), StoreError> {
    let delete = format!(
        "DELETE FROM {table} WHERE clinic_id = $1 AND child_id = $2 AND coaching_session_id = $3"
    );
    sqlx::query(sqlx::AssertSqlSafe(delete))
        .bind(Id(grant.clinic_id()))
        .bind(Id(grant.child_id()))
        .bind(Id(session_id))
        .execute(&mut **tx)
        .await?;
    let insert = format!(
        "INSERT INTO {table} (clinic_id, child_id, coaching_session_id, {column}) VALUES ($1, $2, $3, $4)"
    );
    for id in ids {
        sqlx::query(sqlx::AssertSqlSafe(insert.clone()))
            .bind(Id(grant.clinic_id()))
            .bind(Id(grant.child_id()))
            .bind(Id(session_id))
            .bind(Id(*id))
            .execute(&mut **tx)
            .await?;
    }
    Ok(())
}

async fn links(
    conn: &mut AnyConnection,
    grant: &FullGrant,
    session_id: Uuid,
    table: &str,
    column: &str,
) -> Result<Vec<Uuid>, StoreError> {
    let sql = format!(
        "SELECT {column} FROM {table} WHERE clinic_id = $1 AND child_id = $2 AND coaching_session_id = $3 \
         ORDER BY {column}"
    );
    let ids: Vec<Id> = sqlx::query_scalar(sqlx::AssertSqlSafe(sql))
        .bind(Id(grant.clinic_id()))
        .bind(Id(grant.child_id()))
        .bind(Id(session_id))
        .fetch_all(conn)
        .await?;
    Ok(ids.into_iter().map(|id| id.0).collect())
}

/// The goals addressed (step 1), replaced as a whole (after [`bump`]). The
/// caller checks they are the child's; the foreign key holds it too.
pub async fn set_goals(
    tx: &mut WriteTx,
    grant: &FullGrant,
    session_id: Uuid,
    goals: &[Uuid],
) -> Result<(), StoreError> {
    replace_links(tx, grant, session_id, "coaching_session_goal", "goal_id", goals).await
}

pub async fn goals(
    conn: &mut AnyConnection,
    grant: &FullGrant,
    session_id: Uuid,
) -> Result<Vec<Uuid>, StoreError> {
    links(conn, grant, session_id, "coaching_session_goal", "goal_id").await
}

/// The caregivers who attended, replaced as a whole (after [`bump`]).
pub async fn set_attendees(
    tx: &mut WriteTx,
    grant: &FullGrant,
    session_id: Uuid,
    people: &[Uuid],
) -> Result<(), StoreError> {
    replace_links(tx, grant, session_id, "coaching_session_attendee", "person_id", people).await
}

pub async fn attendees(
    conn: &mut AnyConnection,
    grant: &FullGrant,
    session_id: Uuid,
) -> Result<Vec<Uuid>, StoreError> {
    links(conn, grant, session_id, "coaching_session_attendee", "person_id").await
}

/// One entry of steps 2 to 5.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    pub entry_id: Uuid,
    pub session_id: Uuid,
    pub kind: EntryKind,
    pub assignment_id: Option<Uuid>,
    pub routine: Option<RoutineRef>,
    pub question: String,
    pub notes: String,
    pub reason: String,
    pub confidence: Option<i64>,
}

#[derive(FromRow)]
struct EntryRow {
    coaching_entry_id: Id,
    coaching_session_id: Id,
    kind: Code<EntryKind>,
    assignment_id: Option<Id>,
    routine: Option<String>,
    question: String,
    notes: String,
    reason: String,
    confidence: Option<i64>,
}

impl From<EntryRow> for Entry {
    fn from(r: EntryRow) -> Entry {
        Entry {
            entry_id: r.coaching_entry_id.0,
            session_id: r.coaching_session_id.0,
            kind: r.kind.0,
            assignment_id: r.assignment_id.map(|id| id.0),
            routine: r.routine.as_deref().and_then(RoutineRef::parse),
            question: r.question,
            notes: r.notes,
            reason: r.reason,
            confidence: r.confidence,
        }
    }
}

const ENTRY_SELECT: &str = "SELECT coaching_entry_id, coaching_session_id, kind, assignment_id, routine, \
     question, notes, reason, confidence FROM coaching_entry WHERE clinic_id = $1 AND child_id = $2";

/// A record's entries, in the order they were written.
pub async fn entries(
    conn: &mut AnyConnection,
    grant: &FullGrant,
    session_id: Uuid,
) -> Result<Vec<Entry>, StoreError> {
    let sql = format!("{ENTRY_SELECT} AND coaching_session_id = $3 ORDER BY coaching_entry_id");
    let rows = sqlx::query_as::<_, EntryRow>(sqlx::AssertSqlSafe(sql))
        .bind(Id(grant.clinic_id()))
        .bind(Id(grant.child_id()))
        .bind(Id(session_id))
        .fetch_all(conn)
        .await?;
    Ok(rows.into_iter().map(Entry::from).collect())
}

/// What an entry holds, checked by the caller.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EntryFields {
    pub assignment_id: Option<Uuid>,
    pub routine: Option<RoutineRef>,
    pub question: String,
    pub notes: String,
    pub reason: String,
    pub confidence: Option<i64>,
}

/// Adds an entry (after [`bump`]).
pub async fn insert_entry(
    tx: &mut WriteTx,
    grant: &FullGrant,
    session_id: Uuid,
    kind: EntryKind,
    fields: &EntryFields,
    now: OffsetDateTime,
) -> Result<Uuid, StoreError> {
    let id = Uuid::now_v7();
    sqlx::query(
        "INSERT INTO coaching_entry (clinic_id, child_id, coaching_entry_id, coaching_session_id, kind, \
         assignment_id, routine, question, notes, reason, confidence, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)",
    )
    .bind(Id(grant.clinic_id()))
    .bind(Id(grant.child_id()))
    .bind(Id(id))
    .bind(Id(session_id))
    .bind(Code(kind))
    .bind(fields.assignment_id.map(Id))
    .bind(fields.routine.map(RoutineRef::key))
    .bind(fields.question.as_str())
    .bind(fields.notes.as_str())
    .bind(fields.reason.as_str())
    .bind(fields.confidence)
    .bind(At(now))
    .execute(&mut **tx)
    .await?;
    Ok(id)
}

/// Changes an entry of the record (after [`bump`]); `NotFound` for an entry
/// of another record or child.
pub async fn update_entry(
    tx: &mut WriteTx,
    grant: &FullGrant,
    session_id: Uuid,
    entry_id: Uuid,
    fields: &EntryFields,
) -> Result<(), StoreError> {
    let done = sqlx::query(
        "UPDATE coaching_entry SET assignment_id = $5, routine = $6, question = $7, notes = $8, \
         reason = $9, confidence = $10 WHERE clinic_id = $1 AND child_id = $2 \
         AND coaching_session_id = $3 AND coaching_entry_id = $4",
    )
    .bind(Id(grant.clinic_id()))
    .bind(Id(grant.child_id()))
    .bind(Id(session_id))
    .bind(Id(entry_id))
    .bind(fields.assignment_id.map(Id))
    .bind(fields.routine.map(RoutineRef::key))
    .bind(fields.question.as_str())
    .bind(fields.notes.as_str())
    .bind(fields.reason.as_str())
    .bind(fields.confidence)
    .execute(&mut **tx)
    .await?;
    if done.rows_affected() == 0 {
        return Err(StoreError::NotFound);
    }
    Ok(())
}

/// Removes an entry of the record (after [`bump`]).
pub async fn delete_entry(
    tx: &mut WriteTx,
    grant: &FullGrant,
    session_id: Uuid,
    entry_id: Uuid,
) -> Result<(), StoreError> {
    let done = sqlx::query(
        "DELETE FROM coaching_entry WHERE clinic_id = $1 AND child_id = $2 \
         AND coaching_session_id = $3 AND coaching_entry_id = $4",
    )
    .bind(Id(grant.clinic_id()))
    .bind(Id(grant.child_id()))
    .bind(Id(session_id))
    .bind(Id(entry_id))
    .execute(&mut **tx)
    .await?;
    if done.rows_affected() == 0 {
        return Err(StoreError::NotFound);
    }
    Ok(())
}

/// A text refused because another save came first, kept beside the record.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KeptText {
    pub field: String,
    pub text: String,
    pub written_by: String,
    pub written_at: OffsetDateTime,
}

#[derive(FromRow)]
struct KeptRow {
    field: String,
    text: String,
    display_name: String,
    written_at: At,
}

/// Keeps a refused text (a stale save) so that nothing typed is lost.
pub async fn keep_text(
    tx: &mut WriteTx,
    grant: &FullGrant,
    session_id: Uuid,
    field: &str,
    text: &str,
    now: OffsetDateTime,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO coaching_kept_text (clinic_id, child_id, coaching_kept_text_id, coaching_session_id, \
         field, text, written_by, written_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(Id(grant.clinic_id()))
    .bind(Id(grant.child_id()))
    .bind(Id(Uuid::now_v7()))
    .bind(Id(session_id))
    .bind(field)
    .bind(text)
    .bind(Id(grant.child().actor().person_id()))
    .bind(At(now))
    .execute(&mut **tx)
    .await?;
    Ok(())
}

pub async fn kept_texts(
    conn: &mut AnyConnection,
    grant: &FullGrant,
    session_id: Uuid,
) -> Result<Vec<KeptText>, StoreError> {
    let rows: Vec<KeptRow> = sqlx::query_as(
        "SELECT k.field, k.text, p.display_name, k.written_at FROM coaching_kept_text k \
         JOIN person p ON p.clinic_id = k.clinic_id AND p.person_id = k.written_by \
         WHERE k.clinic_id = $1 AND k.child_id = $2 AND k.coaching_session_id = $3 \
         ORDER BY k.coaching_kept_text_id",
    )
    .bind(Id(grant.clinic_id()))
    .bind(Id(grant.child_id()))
    .bind(Id(session_id))
    .fetch_all(conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| KeptText {
            field: r.field,
            text: r.text,
            written_by: r.display_name,
            written_at: r.written_at.0,
        })
        .collect())
}

/// Ends the open record with the practice plan it updated. `false` when it
/// had ended already.
pub async fn end(
    tx: &mut WriteTx,
    grant: &FullGrant,
    session_id: Uuid,
    plan_version_id: Option<Uuid>,
    now: OffsetDateTime,
) -> Result<bool, StoreError> {
    let done = sqlx::query(
        "UPDATE coaching_session SET ended_at = $4, plan_version_id = $5, revision = revision + 1, \
         updated_at = $4 WHERE clinic_id = $1 AND child_id = $2 AND coaching_session_id = $3 \
         AND ended_at IS NULL",
    )
    .bind(Id(grant.clinic_id()))
    .bind(Id(grant.child_id()))
    .bind(Id(session_id))
    .bind(At(now))
    .bind(plan_version_id.map(Id))
    .execute(&mut **tx)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Signs an ended record: from now on it is locked. `false` when it was not
/// ended or was signed already.
pub async fn sign(
    tx: &mut WriteTx,
    grant: &FullGrant,
    session_id: Uuid,
    now: OffsetDateTime,
) -> Result<bool, StoreError> {
    let done = sqlx::query(
        "UPDATE coaching_session SET signed_by = $4, signed_at = $5, revision = revision + 1, \
         updated_at = $5 WHERE clinic_id = $1 AND child_id = $2 AND coaching_session_id = $3 \
         AND ended_at IS NOT NULL AND signed_at IS NULL",
    )
    .bind(Id(grant.clinic_id()))
    .bind(Id(grant.child_id()))
    .bind(Id(session_id))
    .bind(Id(grant.child().actor().person_id()))
    .bind(At(now))
    .execute(&mut **tx)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// A dated addendum under a signed note.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Addendum {
    pub text: String,
    pub written_by: String,
    pub written_at: OffsetDateTime,
}

pub async fn add_addendum(
    tx: &mut WriteTx,
    grant: &FullGrant,
    session_id: Uuid,
    text: &str,
    now: OffsetDateTime,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO coaching_addendum (clinic_id, child_id, coaching_addendum_id, coaching_session_id, \
         text, written_by, written_at) VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(Id(grant.clinic_id()))
    .bind(Id(grant.child_id()))
    .bind(Id(Uuid::now_v7()))
    .bind(Id(session_id))
    .bind(text)
    .bind(Id(grant.child().actor().person_id()))
    .bind(At(now))
    .execute(&mut **tx)
    .await?;
    Ok(())
}

pub async fn addenda(
    conn: &mut AnyConnection,
    grant: &FullGrant,
    session_id: Uuid,
) -> Result<Vec<Addendum>, StoreError> {
    let rows: Vec<KeptRow> = sqlx::query_as(
        "SELECT '' AS field, a.text, p.display_name, a.written_at FROM coaching_addendum a \
         JOIN person p ON p.clinic_id = a.clinic_id AND p.person_id = a.written_by \
         WHERE a.clinic_id = $1 AND a.child_id = $2 AND a.coaching_session_id = $3 \
         ORDER BY a.coaching_addendum_id",
    )
    .bind(Id(grant.clinic_id()))
    .bind(Id(grant.child_id()))
    .bind(Id(session_id))
    .fetch_all(conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| Addendum { text: r.text, written_by: r.display_name, written_at: r.written_at.0 })
        .collect())
}

/// What the fidelity rule needs of one record, for a therapist's figures.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FidelityRow {
    pub session_id: Uuid,
    pub therapist_id: Uuid,
    pub therapist_name: String,
    pub held_at: OffsetDateTime,
    pub since_last: String,
    pub agenda: String,
    pub feedback: [String; 3],
    pub goals_addressed: i64,
    pub entries: Vec<Entry>,
}

#[derive(FromRow)]
struct FidelitySqlRow {
    child_id: Id,
    coaching_session_id: Id,
    therapist_id: Id,
    display_name: String,
    held_at: At,
    since_last: String,
    agenda: String,
    affirmed: String,
    suggested: String,
    information: String,
    goals_addressed: i64,
}

/// The clinic's visits held since `from` (by one therapist, or all), with
/// their content. Staff figures: not about one child, so an actor, not a grant.
pub async fn fidelity_rows(
    conn: &mut AnyConnection,
    actor: &Actor,
    therapist_id: Option<Uuid>,
    from: OffsetDateTime,
) -> Result<Vec<FidelityRow>, StoreError> {
    let rows: Vec<FidelitySqlRow> = sqlx::query_as(
        "SELECT s.child_id, s.coaching_session_id, s.therapist_id, p.display_name, s.held_at, \
         s.since_last, s.agenda, s.affirmed, s.suggested, s.information, \
         (SELECT COUNT(*) FROM coaching_session_goal g WHERE g.clinic_id = s.clinic_id \
          AND g.child_id = s.child_id AND g.coaching_session_id = s.coaching_session_id) AS goals_addressed \
         FROM coaching_session s JOIN person p ON p.clinic_id = s.clinic_id AND p.person_id = s.therapist_id \
         WHERE s.clinic_id = $1 AND ($2 = '' OR s.therapist_id = $2) AND s.held_at >= $3 \
         ORDER BY s.held_at",
    )
    .bind(Id(actor.clinic_id()))
    .bind(therapist_id.map_or(String::new(), |id| id.to_string()))
    .bind(At(from))
    .fetch_all(&mut *conn)
    .await?;
    let entry_rows: Vec<(Id, EntryRow)> = {
        let sql = "SELECT e.child_id, e.coaching_entry_id, e.coaching_session_id, e.kind, e.assignment_id, \
             e.routine, e.question, e.notes, e.reason, e.confidence FROM coaching_entry e \
             JOIN coaching_session s ON s.clinic_id = e.clinic_id AND s.child_id = e.child_id \
             AND s.coaching_session_id = e.coaching_session_id \
             WHERE s.clinic_id = $1 AND ($2 = '' OR s.therapist_id = $2) AND s.held_at >= $3 \
             ORDER BY e.coaching_entry_id";
        #[derive(FromRow)]
        struct WithChild {
            child_id: Id,
            #[sqlx(flatten)]
            entry: EntryRow,
        }
        let found: Vec<WithChild> = sqlx::query_as(sql)
            .bind(Id(actor.clinic_id()))
            .bind(therapist_id.map_or(String::new(), |id| id.to_string()))
            .bind(At(from))
            .fetch_all(&mut *conn)
            .await?;
        found.into_iter().map(|w| (w.child_id, w.entry)).collect()
    };
    let entries: Vec<(Uuid, Entry)> =
        entry_rows.into_iter().map(|(child, row)| (child.0, Entry::from(row))).collect();
    Ok(rows
        .into_iter()
        .map(|r| {
            let mine: Vec<Entry> = entries
                .iter()
                .filter(|(child, e)| {
                    *child == r.child_id.0 && e.session_id == r.coaching_session_id.0
                })
                .map(|(_, e)| e.clone())
                .collect();
            FidelityRow {
                session_id: r.coaching_session_id.0,
                therapist_id: r.therapist_id.0,
                therapist_name: r.display_name,
                held_at: r.held_at.0,
                since_last: r.since_last,
                agenda: r.agenda,
                feedback: [r.affirmed, r.suggested, r.information],
                goals_addressed: r.goals_addressed,
                entries: mine,
            }
        })
        .collect())
}

/// The clinic's own reflective questions, in its order; empty when the
/// clinic uses the ones that ship with Carryover.
pub async fn reflection_questions(
    conn: &mut AnyConnection,
    clinic_id: Uuid,
) -> Result<Vec<String>, StoreError> {
    Ok(sqlx::query_scalar(
        "SELECT text FROM reflection_question WHERE clinic_id = $1 ORDER BY position, reflection_question_id",
    )
    .bind(Id(clinic_id))
    .fetch_all(conn)
    .await?)
}

/// Replaces the clinic's list of reflective questions (an admin's change).
pub async fn set_reflection_questions(
    tx: &mut WriteTx,
    clinic_id: Uuid,
    questions: &[String],
    now: OffsetDateTime,
) -> Result<(), StoreError> {
    sqlx::query("DELETE FROM reflection_question WHERE clinic_id = $1")
        .bind(Id(clinic_id))
        .execute(&mut **tx)
        .await?;
    for (position, text) in questions.iter().enumerate() {
        sqlx::query(
            "INSERT INTO reflection_question (clinic_id, reflection_question_id, position, text, created_at) \
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(Id(clinic_id))
        .bind(Id(Uuid::now_v7()))
        .bind(i64::try_from(position).unwrap_or(i64::MAX))
        .bind(text.as_str())
        .bind(At(now))
        .execute(&mut **tx)
        .await?;
    }
    Ok(())
}

/// Lets guardians see the summary, or stops it. Allowed after signing: the
/// summary's words do not change, only who reads them. `false` for a record
/// of another child.
pub async fn share_summary(
    tx: &mut WriteTx,
    grant: &FullGrant,
    session_id: Uuid,
    shared: bool,
    now: OffsetDateTime,
) -> Result<bool, StoreError> {
    let done = sqlx::query(
        "UPDATE coaching_session SET summary_shared = $4, revision = revision + 1, updated_at = $5 \
         WHERE clinic_id = $1 AND child_id = $2 AND coaching_session_id = $3",
    )
    .bind(Id(grant.clinic_id()))
    .bind(Id(grant.child_id()))
    .bind(Id(session_id))
    .bind(Flag(shared))
    .bind(At(now))
    .execute(&mut **tx)
    .await?;
    Ok(done.rows_affected() == 1)
}
