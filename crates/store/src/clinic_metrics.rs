//! What the admin's clinic page is computed from (issue 14): the clinic's
//! children, agreed plans, practice logs, COPM ratings and GAS scales and
//! ratings, each read in one statement for the whole clinic, so the page
//! costs the same few statements however many families there are.
//!
//! No grant names a child here: these are the clinic's own figures, read
//! only for an admin of that clinic (anyone else reads nothing) and never
//! shown child by child.

use carryover_domain::{
    copm::{CopmRating, CopmScores},
    goal::{GasRater, GasScale},
};
use sqlx::{AnyConnection, FromRow};
use time::{Date, OffsetDateTime};
use uuid::Uuid;

use crate::{
    StoreError,
    codec::{At, Code, Day, Id},
    grant::Actor,
    measures::{RatingRow, ScaleRow},
    practice_logs::AgreedAssignment,
};

/// Nothing for anyone but an admin: the figures cover the whole clinic.
fn clinic_of(actor: &Actor) -> Option<Id> {
    actor.is_admin().then(|| Id(actor.clinic_id()))
}

/// A child of the clinic, as the page counts households.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MetricsChild {
    pub child_id: Uuid,
    pub household_id: Uuid,
    pub discharged_on: Option<Date>,
}

pub async fn children(
    conn: &mut AnyConnection,
    actor: &Actor,
) -> Result<Vec<MetricsChild>, StoreError> {
    let Some(clinic) = clinic_of(actor) else { return Ok(Vec::new()) };
    let rows: Vec<(Id, Id, Option<Day>)> = sqlx::query_as(
        "SELECT child_id, household_id, discharged_on FROM child WHERE clinic_id = $1 \
         ORDER BY child_id",
    )
    .bind(clinic)
    .fetch_all(conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(child, household, discharged)| MetricsChild {
            child_id: child.0,
            household_id: household.0,
            discharged_on: discharged.map(|d| d.0),
        })
        .collect())
}

/// The children with a plan version agreed before `before`: once agreed, a
/// plan stays in force until a newer one replaces it.
pub async fn children_with_agreed_plan(
    conn: &mut AnyConnection,
    actor: &Actor,
    before: OffsetDateTime,
) -> Result<Vec<Uuid>, StoreError> {
    let Some(clinic) = clinic_of(actor) else { return Ok(Vec::new()) };
    let rows: Vec<(Id,)> = sqlx::query_as(
        "SELECT DISTINCT child_id FROM plan_version \
         WHERE clinic_id = $1 AND agreed_at IS NOT NULL AND agreed_at < $2",
    )
    .bind(clinic)
    .bind(At(before))
    .fetch_all(conn)
    .await?;
    Ok(rows.into_iter().map(|(id,)| id.0).collect())
}

/// (child, assignment, version, number, agreed_at, times per week, carried from, text)
type AgreedRow = (Id, Id, Id, i64, At, i64, Option<Id>, String);

/// Every assignment of every version agreed before `before`, by child,
/// oldest version first (as `practice_logs::agreed_assignments`).
pub async fn agreed_assignments(
    conn: &mut AnyConnection,
    actor: &Actor,
    before: OffsetDateTime,
) -> Result<Vec<(Uuid, AgreedAssignment)>, StoreError> {
    let Some(clinic) = clinic_of(actor) else { return Ok(Vec::new()) };
    let rows: Vec<AgreedRow> = sqlx::query_as(
        "SELECT a.child_id, a.assignment_id, a.plan_version_id, v.number, v.agreed_at, \
         a.times_per_week, a.carried_from_id, a.strategy_text \
         FROM assignment a JOIN plan_version v ON v.clinic_id = a.clinic_id AND v.child_id = a.child_id \
           AND v.plan_version_id = a.plan_version_id \
         WHERE a.clinic_id = $1 AND v.agreed_at IS NOT NULL AND v.agreed_at < $2 \
         ORDER BY a.child_id, v.number, a.position",
    )
    .bind(clinic)
    .bind(At(before))
    .fetch_all(conn)
    .await?;
    rows.into_iter()
        .map(|(child, a, v, number, at, times, carried, text)| {
            let snapshot = serde_json::from_str(&text)
                .map_err(|e| StoreError::Corrupt(format!("strategy text: {e}")))?;
            let assignment = AgreedAssignment {
                assignment_id: a.0,
                snapshot,
                version_id: v.0,
                version_number: number,
                agreed_at: at.0,
                times_per_week: u32::try_from(times).unwrap_or(0),
                carried_from: carried.map(|id| id.0),
            };
            Ok((child.0, assignment))
        })
        .collect()
}

/// One practice: which child, which assignment, on which clinic date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Practice {
    pub child_id: Uuid,
    pub assignment_id: Uuid,
    pub practised_on: Date,
}

/// The clinic's practices dated `from..=to`, deleted logs left out.
pub async fn practices(
    conn: &mut AnyConnection,
    actor: &Actor,
    from: Date,
    to: Date,
) -> Result<Vec<Practice>, StoreError> {
    let Some(clinic) = clinic_of(actor) else { return Ok(Vec::new()) };
    let rows: Vec<(Id, Id, Day)> = sqlx::query_as(
        "SELECT child_id, assignment_id, practised_on FROM practice_log \
         WHERE clinic_id = $1 AND deleted_at IS NULL AND practised_on >= $2 AND practised_on <= $3",
    )
    .bind(clinic)
    .bind(Day(from))
    .bind(Day(to))
    .fetch_all(conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(child, assignment, on)| Practice {
            child_id: child.0,
            assignment_id: assignment.0,
            practised_on: on.0,
        })
        .collect())
}

/// A goal's performance and satisfaction at one occasion that rated it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CopmGoalRating {
    pub child_id: Uuid,
    pub goal_id: Uuid,
    pub rated_on: Date,
    pub scores: CopmScores,
}

/// Every rated COPM problem dated up to `to`, oldest occasion first.
pub async fn copm_ratings(
    conn: &mut AnyConnection,
    actor: &Actor,
    to: Date,
) -> Result<Vec<CopmGoalRating>, StoreError> {
    let Some(clinic) = clinic_of(actor) else { return Ok(Vec::new()) };
    let rows: Vec<(Id, Id, Day, i64, i64)> = sqlx::query_as(
        "SELECT r.child_id, r.goal_id, o.rated_on, r.performance, r.satisfaction FROM copm_rating r \
         JOIN copm_occasion o ON o.clinic_id = r.clinic_id AND o.child_id = r.child_id \
           AND o.copm_occasion_id = r.copm_occasion_id \
         WHERE r.clinic_id = $1 AND r.performance IS NOT NULL AND r.satisfaction IS NOT NULL \
           AND o.rated_on <= $2 \
         ORDER BY o.rated_on, o.created_at, o.copm_occasion_id",
    )
    .bind(clinic)
    .bind(Day(to))
    .fetch_all(conn)
    .await?;
    let rating =
        |v: i64| CopmRating::new(v).map_err(|e| StoreError::Corrupt(format!("copm rating: {e}")));
    rows.into_iter()
        .map(|(child, goal, on, performance, satisfaction)| {
            Ok(CopmGoalRating {
                child_id: child.0,
                goal_id: goal.0,
                rated_on: on.0,
                scores: CopmScores {
                    performance: rating(performance)?,
                    satisfaction: rating(satisfaction)?,
                },
            })
        })
        .collect()
}

#[derive(FromRow)]
struct ScaleWithChild {
    child_id: Id,
    #[sqlx(flatten)]
    scale: ScaleRow,
}

/// The GAS scales of goals that are not discontinued (the set a T-score is
/// over, as on the goals page), by child.
pub async fn gas_scales(
    conn: &mut AnyConnection,
    actor: &Actor,
) -> Result<Vec<(Uuid, Uuid, GasScale)>, StoreError> {
    let Some(clinic) = clinic_of(actor) else { return Ok(Vec::new()) };
    let rows: Vec<ScaleWithChild> = sqlx::query_as(
        "SELECT s.child_id, s.goal_id, s.six_level, s.level_minus_3, s.level_minus_2, \
         s.level_minus_1, s.level_0, s.level_plus_1, s.level_plus_2, s.baseline, s.importance, \
         s.difficulty FROM gas_scale s \
         JOIN goal g ON g.clinic_id = s.clinic_id AND g.child_id = s.child_id AND g.goal_id = s.goal_id \
         WHERE s.clinic_id = $1 AND g.status <> 'discontinued' ORDER BY s.child_id, g.created_at, g.goal_id",
    )
    .bind(clinic)
    .fetch_all(conn)
    .await?;
    rows.into_iter()
        .map(|row| {
            let (goal, scale) = row.scale.into_scale()?;
            Ok((row.child_id.0, goal, scale))
        })
        .collect()
}

#[derive(FromRow)]
struct RatingWithChild {
    child_id: Id,
    #[sqlx(flatten)]
    rating: RatingRow,
}

/// One rater's GAS ratings dated `from..=to`, by child, oldest first.
pub async fn gas_ratings(
    conn: &mut AnyConnection,
    actor: &Actor,
    rater: GasRater,
    from: Date,
    to: Date,
) -> Result<Vec<(Uuid, crate::measures::GasRating)>, StoreError> {
    let Some(clinic) = clinic_of(actor) else { return Ok(Vec::new()) };
    let rows: Vec<RatingWithChild> = sqlx::query_as(
        "SELECT r.child_id, r.gas_rating_id, r.goal_id, r.rated_on, r.level, r.rater, p.display_name \
         FROM gas_rating r JOIN person p ON p.clinic_id = r.clinic_id AND p.person_id = r.rated_by \
         WHERE r.clinic_id = $1 AND r.rater = $2 AND r.rated_on >= $3 AND r.rated_on <= $4 \
         ORDER BY r.rated_on, r.created_at, r.gas_rating_id",
    )
    .bind(clinic)
    .bind(Code(rater))
    .bind(Day(from))
    .bind(Day(to))
    .fetch_all(conn)
    .await?;
    rows.into_iter().map(|row| Ok((row.child_id.0, row.rating.into_rating()?))).collect()
}
