//! A child's goals, found by (clinic, child, goal): another child's goal id
//! finds nothing. Their words are for everyone tied to the child, helpers
//! included; writing needs the fuller grant.

use carryover_domain::{goal::GoalStatus, strategies::Area};
use sqlx::{AnyConnection, FromRow};
use time::OffsetDateTime;
use uuid::Uuid;

use crate::{
    StoreError, WriteTx,
    codec::{At, Code, Id},
    grant::{ChildGrant, FullGrant},
};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Goal {
    pub goal_id: Uuid,
    pub words: String,
    pub area: Area,
    pub status: GoalStatus,
    pub created_at: OffsetDateTime,
    pub updated_at: OffsetDateTime,
}

/// A goal as typed, checked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GoalFields {
    pub words: String,
    pub area: Area,
    pub status: GoalStatus,
}

#[derive(FromRow)]
struct GoalRow {
    goal_id: Id,
    words: String,
    area: Code<Area>,
    status: Code<GoalStatus>,
    created_at: At,
    updated_at: At,
}

impl From<GoalRow> for Goal {
    fn from(row: GoalRow) -> Goal {
        Goal {
            goal_id: row.goal_id.0,
            words: row.words,
            area: row.area.0,
            status: row.status.0,
            created_at: row.created_at.0,
            updated_at: row.updated_at.0,
        }
    }
}

const COLUMNS: &str = "goal_id, words, area, status, created_at, updated_at";

/// The child's goals, active ones first, then in the order they were set.
pub async fn goals(conn: &mut AnyConnection, grant: &ChildGrant) -> Result<Vec<Goal>, StoreError> {
    let sql = format!(
        "SELECT {COLUMNS} FROM goal WHERE clinic_id = $1 AND child_id = $2 \
         ORDER BY CASE status WHEN 'active' THEN 0 ELSE 1 END, created_at, goal_id"
    );
    Ok(sqlx::query_as::<_, GoalRow>(sqlx::AssertSqlSafe(sql))
        .bind(Id(grant.clinic_id()))
        .bind(Id(grant.child_id()))
        .fetch_all(conn)
        .await?
        .into_iter()
        .map(Goal::from)
        .collect())
}

/// One goal of the child; `None` for a goal of another child.
pub async fn goal(
    conn: &mut AnyConnection,
    grant: &ChildGrant,
    goal_id: Uuid,
) -> Result<Option<Goal>, StoreError> {
    let sql = format!(
        "SELECT {COLUMNS} FROM goal WHERE clinic_id = $1 AND child_id = $2 AND goal_id = $3"
    );
    Ok(sqlx::query_as::<_, GoalRow>(sqlx::AssertSqlSafe(sql))
        .bind(Id(grant.clinic_id()))
        .bind(Id(grant.child_id()))
        .bind(Id(goal_id))
        .fetch_optional(conn)
        .await?
        .map(Goal::from))
}

pub async fn insert_goal(
    tx: &mut WriteTx,
    grant: &FullGrant,
    fields: &GoalFields,
    now: OffsetDateTime,
) -> Result<Uuid, StoreError> {
    let id = Uuid::now_v7();
    sqlx::query(
        "INSERT INTO goal (clinic_id, child_id, goal_id, words, area, status, created_by, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8)",
    )
    .bind(Id(grant.clinic_id()))
    .bind(Id(grant.child_id()))
    .bind(Id(id))
    .bind(fields.words.as_str())
    .bind(Code(fields.area))
    .bind(Code(fields.status))
    .bind(Id(grant.child().actor().person_id()))
    .bind(At(now))
    .execute(&mut **tx)
    .await?;
    Ok(id)
}

/// `NotFound` for a goal of another child.
pub async fn update_goal(
    tx: &mut WriteTx,
    grant: &FullGrant,
    goal_id: Uuid,
    fields: &GoalFields,
    now: OffsetDateTime,
) -> Result<(), StoreError> {
    let done = sqlx::query(
        "UPDATE goal SET words = $4, area = $5, status = $6, updated_at = $7 \
         WHERE clinic_id = $1 AND child_id = $2 AND goal_id = $3",
    )
    .bind(Id(grant.clinic_id()))
    .bind(Id(grant.child_id()))
    .bind(Id(goal_id))
    .bind(fields.words.as_str())
    .bind(Code(fields.area))
    .bind(Code(fields.status))
    .bind(At(now))
    .execute(&mut **tx)
    .await?;
    if done.rows_affected() == 0 {
        return Err(StoreError::NotFound);
    }
    Ok(())
}
