//! Caregivers' guided reflections and the flags they raise. Found by
//! (clinic, child, id): another child's reflection finds nothing. Reading
//! reflections takes a [`FullGrant`]: helpers see no one's reflections.

use carryover_domain::{
    library::StrategySnapshot,
    reflection::{
        FitDifficulty, FlagHandled, ReflectionAnswers, ReflectionNeed, RespondedPositively,
    },
};
use sqlx::{AnyConnection, FromRow};
use time::OffsetDateTime;
use uuid::Uuid;

use crate::{
    StoreError, WriteTx,
    codec::{At, Code, Flag, Id},
    grant::FullGrant,
};

/// How and when a flag was handled.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Handled {
    pub how: FlagHandled,
    pub by: Uuid,
    pub at: OffsetDateTime,
}

#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Reflection {
    pub reflection_id: Uuid,
    /// `None`: a reflection on the week as a whole.
    pub assignment_id: Option<Uuid>,
    /// The text of the assignment's strategy, as its version keeps it.
    pub strategy: Option<StrategySnapshot>,
    pub author_id: Uuid,
    pub author_name: String,
    pub answers: ReflectionAnswers,
    pub words: String,
    pub flagged: bool,
    pub handled: Option<Handled>,
    pub created_at: OffsetDateTime,
    /// The thread of answers about it.
    pub thread_id: Uuid,
}

impl Reflection {
    /// Flagged and not yet handled: on the therapist's list for the next session.
    pub fn flag_open(&self) -> bool {
        self.flagged && self.handled.is_none()
    }
}

#[derive(FromRow)]
struct Row {
    reflection_id: Id,
    assignment_id: Option<Id>,
    strategy_text: Option<String>,
    author_id: Id,
    author_name: String,
    responded: Code<RespondedPositively>,
    difficulty: i64,
    need: Code<ReflectionNeed>,
    words: String,
    flagged: Flag,
    handled_at: Option<At>,
    handled_by: Option<Id>,
    handled_how: Option<Code<FlagHandled>>,
    created_at: At,
    thread_id: Id,
}

impl Row {
    fn into_reflection(self) -> Result<Reflection, StoreError> {
        let difficulty = FitDifficulty::new(self.difficulty)
            .map_err(|e| StoreError::Corrupt(format!("reflection difficulty: {e}")))?;
        let handled = match (self.handled_how, self.handled_by, self.handled_at) {
            (Some(how), Some(by), Some(at)) => Some(Handled { how: how.0, by: by.0, at: at.0 }),
            _ => None,
        };
        let strategy = match self.strategy_text {
            Some(text) => Some(
                serde_json::from_str(&text)
                    .map_err(|e| StoreError::Corrupt(format!("strategy text: {e}")))?,
            ),
            None => None,
        };
        Ok(Reflection {
            reflection_id: self.reflection_id.0,
            strategy,
            assignment_id: self.assignment_id.map(|id| id.0),
            author_id: self.author_id.0,
            author_name: self.author_name,
            answers: ReflectionAnswers {
                responded: self.responded.0,
                difficulty,
                need: self.need.0,
            },
            words: self.words,
            flagged: self.flagged.0,
            handled,
            created_at: self.created_at.0,
            thread_id: self.thread_id.0,
        })
    }
}

const SELECT: &str = "SELECT r.reflection_id, r.assignment_id, a.strategy_text, r.author_id, p.display_name AS author_name, \
     r.responded, r.difficulty, r.need, r.words, r.flagged, r.handled_at, r.handled_by, r.handled_how, \
     r.created_at, t.thread_id FROM reflection r \
     JOIN person p ON p.clinic_id = r.clinic_id AND p.person_id = r.author_id \
     LEFT JOIN assignment a ON a.clinic_id = r.clinic_id AND a.child_id = r.child_id \
     AND a.assignment_id = r.assignment_id \
     JOIN feedback_thread t ON t.clinic_id = r.clinic_id AND t.child_id = r.child_id \
     AND t.reflection_id = r.reflection_id \
     WHERE r.clinic_id = $1 AND r.child_id = $2";

async fn fetch(
    conn: &mut AnyConnection,
    grant: &FullGrant,
    condition: &str,
    id: Option<Uuid>,
) -> Result<Vec<Reflection>, StoreError> {
    let sql = format!("{SELECT} {condition} ORDER BY r.reflection_id");
    let mut query = sqlx::query_as::<_, Row>(sqlx::AssertSqlSafe(sql))
        .bind(Id(grant.clinic_id()))
        .bind(Id(grant.child_id()));
    if let Some(id) = id {
        query = query.bind(Id(id));
    }
    query.fetch_all(conn).await?.into_iter().map(Row::into_reflection).collect()
}

/// Every reflection about the child, oldest first.
pub async fn reflections(
    conn: &mut AnyConnection,
    grant: &FullGrant,
) -> Result<Vec<Reflection>, StoreError> {
    fetch(conn, grant, "", None).await
}

/// One reflection; `None` for another child's.
pub async fn reflection(
    conn: &mut AnyConnection,
    grant: &FullGrant,
    reflection_id: Uuid,
) -> Result<Option<Reflection>, StoreError> {
    Ok(fetch(conn, grant, "AND r.reflection_id = $3", Some(reflection_id))
        .await?
        .into_iter()
        .next())
}

/// The flags not yet handled, oldest first: the next session's agenda.
pub async fn open_flags(
    conn: &mut AnyConnection,
    grant: &FullGrant,
) -> Result<Vec<Reflection>, StoreError> {
    fetch(conn, grant, "AND r.flagged = 1 AND r.handled_at IS NULL", None).await
}

/// A reflection to store.
#[derive(Clone, Copy, Debug)]
pub struct NewReflection<'a> {
    pub assignment_id: Option<Uuid>,
    pub answers: ReflectionAnswers,
    pub words: &'a str,
}

/// Stores a reflection and opens its thread, waiting for the care team's
/// answer from now. Returns the reflection's id.
pub async fn insert_reflection(
    tx: &mut WriteTx,
    grant: &FullGrant,
    new: NewReflection<'_>,
    now: OffsetDateTime,
) -> Result<Uuid, StoreError> {
    let id = Uuid::now_v7();
    let (clinic, child) = (Id(grant.clinic_id()), Id(grant.child_id()));
    sqlx::query(
        "INSERT INTO reflection (clinic_id, child_id, reflection_id, assignment_id, author_id, responded, \
         difficulty, need, words, flagged, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
    )
    .bind(clinic)
    .bind(child)
    .bind(Id(id))
    .bind(new.assignment_id.map(Id))
    .bind(Id(grant.child().actor().person_id()))
    .bind(Code(new.answers.responded))
    .bind(i64::from(new.answers.difficulty.get()))
    .bind(Code(new.answers.need))
    .bind(new.words)
    .bind(Flag(new.answers.flags_assignment()))
    .bind(At(now))
    .execute(&mut **tx)
    .await?;
    sqlx::query(
        "INSERT INTO feedback_thread (clinic_id, child_id, thread_id, subject, reflection_id, awaiting_since, \
         created_at) VALUES ($1, $2, $3, 'reflection', $4, $5, $5)",
    )
    .bind(clinic)
    .bind(child)
    .bind(Id(Uuid::now_v7()))
    .bind(Id(id))
    .bind(At(now))
    .execute(&mut **tx)
    .await?;
    Ok(id)
}

/// Marks one open flag handled; `false` when it was not open (not flagged,
/// handled already, or another child's).
pub async fn handle_flag(
    tx: &mut WriteTx,
    grant: &FullGrant,
    reflection_id: Uuid,
    how: FlagHandled,
    now: OffsetDateTime,
) -> Result<bool, StoreError> {
    let done = sqlx::query(
        "UPDATE reflection SET handled_at = $4, handled_by = $5, handled_how = $6 \
         WHERE clinic_id = $1 AND child_id = $2 AND reflection_id = $3 AND flagged = 1 AND handled_at IS NULL",
    )
    .bind(Id(grant.clinic_id()))
    .bind(Id(grant.child_id()))
    .bind(Id(reflection_id))
    .bind(At(now))
    .bind(Id(grant.child().actor().person_id()))
    .bind(Code(how))
    .execute(&mut **tx)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// The assignment and every assignment it was carried from, newest first:
/// a flag raised on any of them is about the same practice.
pub async fn carried_chain(
    conn: &mut AnyConnection,
    grant: &FullGrant,
    assignment_id: Uuid,
) -> Result<Vec<Uuid>, StoreError> {
    let mut chain = vec![assignment_id];
    let mut current = assignment_id;
    // A chain is as long as the child's versions; the bound only guards a loop.
    for _ in 0..1000 {
        let from: Option<Option<Id>> = sqlx::query_scalar(
            "SELECT carried_from_id FROM assignment WHERE clinic_id = $1 AND child_id = $2 AND assignment_id = $3",
        )
        .bind(Id(grant.clinic_id()))
        .bind(Id(grant.child_id()))
        .bind(Id(current))
        .fetch_optional(&mut *conn)
        .await?;
        match from.flatten() {
            Some(id) if !chain.contains(&id.0) => {
                chain.push(id.0);
                current = id.0;
            }
            _ => break,
        }
    }
    Ok(chain)
}

/// Marks handled every open flag on these assignments, as changed in the
/// plan. Returns the reflections it handled.
pub async fn handle_flags_of_assignments(
    tx: &mut WriteTx,
    grant: &FullGrant,
    assignments: &[Uuid],
    now: OffsetDateTime,
) -> Result<Vec<Uuid>, StoreError> {
    let mut handled = Vec::new();
    for assignment in assignments {
        let open: Vec<Id> = sqlx::query_scalar(
            "SELECT reflection_id FROM reflection WHERE clinic_id = $1 AND child_id = $2 \
             AND assignment_id = $3 AND flagged = 1 AND handled_at IS NULL ORDER BY reflection_id",
        )
        .bind(Id(grant.clinic_id()))
        .bind(Id(grant.child_id()))
        .bind(Id(*assignment))
        .fetch_all(&mut **tx)
        .await?;
        for id in open {
            if handle_flag(tx, grant, id.0, FlagHandled::PlanChanged, now).await? {
                handled.push(id.0);
            }
        }
    }
    Ok(handled)
}
