//! The clinic's short list of reflective questions (step 4), edited by an
//! admin: one per line. An empty list means the four that ship with
//! Carryover, in the reader's language.

use carryover_domain::{people::Role, text::check_list};
use carryover_store::coaching;
use serde::{Deserialize, Serialize};

use crate::{OpError, Ops, Problem, Who, error::Fields};

/// At most this many questions: the list is picked from during a visit.
const MAX_QUESTIONS: usize = 12;
const QUESTION_MAX_CHARS: usize = 200;

#[derive(Clone, Debug, Default, Deserialize, Serialize, utoipa::ToSchema)]
#[schema(example = json!({"questions": "What did you notice?\nWhat worked?\nWhat was hard?"}))]
pub struct QuestionsInput {
    /// One question per line; empty for the ones that ship with Carryover.
    #[serde(default)]
    pub questions: String,
}

#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
#[schema(example = json!({"questions": ["What did you notice?", "What worked?"]}))]
pub struct QuestionsView {
    /// The clinic's own; empty: the ones that ship with Carryover.
    pub questions: Vec<String>,
}

fn admin(who: &Who) -> Result<(), OpError> {
    if who.actor.role() == Role::Admin { Ok(()) } else { Err(OpError::NotFound) }
}

pub async fn questions(ops: &Ops, who: &Who) -> Result<QuestionsView, OpError> {
    admin(who)?;
    let mut conn = ops.db.read_conn().await?;
    Ok(QuestionsView {
        questions: coaching::reflection_questions(&mut conn, who.actor.clinic_id()).await?,
    })
}

pub async fn set_questions(ops: &Ops, who: &Who, input: &QuestionsInput) -> Result<(), OpError> {
    admin(who)?;
    let mut fields = Fields::default();
    let list = fields.check(
        "questions",
        check_list(&input.questions, 0, MAX_QUESTIONS, QUESTION_MAX_CHARS).map_err(Problem::from),
    );
    let list = fields.finish(list)?;
    let mut tx = ops.db.begin_write().await?;
    coaching::set_reflection_questions(&mut tx, who.actor.clinic_id(), &list, ops.now()).await?;
    tx.commit().await?;
    Ok(())
}
