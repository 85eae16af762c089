//! The measures of a child's goals: GAS scales and attainment ratings, and
//! COPM rating occasions. Helpers must not see them, so every function takes
//! a [`FullGrant`]; goals are found by (clinic, child, goal).

use carryover_domain::{
    copm::{CopmProblem, CopmRating, CopmScores},
    gas::{GasDifficulty, GasImportance, GasLevel},
    goal::{CopmRespondent, GasRater, GasScale},
};
use sqlx::{AnyConnection, FromRow};
use time::{Date, OffsetDateTime};
use uuid::Uuid;

use crate::{
    StoreError, WriteTx,
    codec::{At, Code, Day, Flag, Id},
    grant::FullGrant,
};

fn corrupt(what: &str) -> impl Fn(carryover_domain::scale::ScaleError) -> StoreError + '_ {
    move |e| StoreError::Corrupt(format!("{what}: {e}"))
}

#[derive(FromRow)]
pub(crate) struct ScaleRow {
    goal_id: Id,
    six_level: Flag,
    level_minus_3: Option<String>,
    level_minus_2: String,
    level_minus_1: String,
    level_0: String,
    level_plus_1: String,
    level_plus_2: String,
    baseline: i64,
    importance: Option<i64>,
    difficulty: Option<i64>,
}

impl ScaleRow {
    pub(crate) fn into_scale(self) -> Result<(Uuid, GasScale), StoreError> {
        let six_level = self.six_level.0;
        let mut descriptions = vec![
            self.level_plus_2,
            self.level_plus_1,
            self.level_0,
            self.level_minus_1,
            self.level_minus_2,
        ];
        descriptions.extend(self.level_minus_3.filter(|_| six_level));
        let scale = GasScale {
            six_level,
            descriptions,
            baseline: GasLevel::parse(self.baseline, six_level).map_err(corrupt("baseline"))?,
            importance: self
                .importance
                .map(GasImportance::new)
                .transpose()
                .map_err(corrupt("importance"))?,
            difficulty: self
                .difficulty
                .map(GasDifficulty::new)
                .transpose()
                .map_err(corrupt("difficulty"))?,
        };
        Ok((self.goal_id.0, scale))
    }
}

/// Every GAS scale of the child's goals, by goal.
pub async fn gas_scales(
    conn: &mut AnyConnection,
    grant: &FullGrant,
) -> Result<Vec<(Uuid, GasScale)>, StoreError> {
    let rows: Vec<ScaleRow> = sqlx::query_as(
        "SELECT goal_id, six_level, level_minus_3, level_minus_2, level_minus_1, level_0, \
         level_plus_1, level_plus_2, baseline, importance, difficulty FROM gas_scale \
         WHERE clinic_id = $1 AND child_id = $2",
    )
    .bind(Id(grant.clinic_id()))
    .bind(Id(grant.child_id()))
    .fetch_all(conn)
    .await?;
    rows.into_iter().map(ScaleRow::into_scale).collect()
}

/// Sets a goal's scale, replacing the one it had.
pub async fn save_gas_scale(
    tx: &mut WriteTx,
    grant: &FullGrant,
    goal_id: Uuid,
    scale: &GasScale,
    now: OffsetDateTime,
) -> Result<(), StoreError> {
    let describe = |level: GasLevel| scale.describe(level).map(str::to_owned);
    sqlx::query(
        "INSERT INTO gas_scale (clinic_id, child_id, goal_id, six_level, level_minus_3, level_minus_2, \
         level_minus_1, level_0, level_plus_1, level_plus_2, baseline, importance, difficulty, updated_by, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) \
         ON CONFLICT (clinic_id, child_id, goal_id) DO UPDATE SET six_level = excluded.six_level, \
         level_minus_3 = excluded.level_minus_3, level_minus_2 = excluded.level_minus_2, \
         level_minus_1 = excluded.level_minus_1, level_0 = excluded.level_0, \
         level_plus_1 = excluded.level_plus_1, level_plus_2 = excluded.level_plus_2, \
         baseline = excluded.baseline, importance = excluded.importance, \
         difficulty = excluded.difficulty, updated_by = excluded.updated_by, updated_at = excluded.updated_at",
    )
    .bind(Id(grant.clinic_id()))
    .bind(Id(grant.child_id()))
    .bind(Id(goal_id))
    .bind(Flag(scale.six_level))
    .bind(describe(GasLevel::WORSE_THAN_BASELINE))
    .bind(describe(GasLevel::MUCH_LESS))
    .bind(describe(GasLevel::LESS))
    .bind(describe(GasLevel::EXPECTED))
    .bind(describe(GasLevel::MORE))
    .bind(describe(GasLevel::MUCH_MORE))
    .bind(i64::from(scale.baseline.get()))
    .bind(scale.importance.map(i64::from))
    .bind(scale.difficulty.map(i64::from))
    .bind(Id(grant.child().actor().person_id()))
    .bind(At(now))
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// One attainment rating.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GasRating {
    pub rating_id: Uuid,
    pub goal_id: Uuid,
    pub rated_on: Date,
    pub level: GasLevel,
    pub rater: GasRater,
    pub rated_by_name: String,
}

#[derive(FromRow)]
pub(crate) struct RatingRow {
    gas_rating_id: Id,
    goal_id: Id,
    rated_on: Day,
    level: i64,
    rater: Code<GasRater>,
    display_name: String,
}

/// Every GAS rating of the child, oldest first (by day, then by entry).
pub async fn gas_ratings(
    conn: &mut AnyConnection,
    grant: &FullGrant,
) -> Result<Vec<GasRating>, StoreError> {
    let rows: Vec<RatingRow> = sqlx::query_as(
        "SELECT r.gas_rating_id, r.goal_id, r.rated_on, r.level, r.rater, p.display_name FROM gas_rating r \
         JOIN person p ON p.clinic_id = r.clinic_id AND p.person_id = r.rated_by \
         WHERE r.clinic_id = $1 AND r.child_id = $2 ORDER BY r.rated_on, r.created_at, r.gas_rating_id",
    )
    .bind(Id(grant.clinic_id()))
    .bind(Id(grant.child_id()))
    .fetch_all(conn)
    .await?;
    rows.into_iter().map(RatingRow::into_rating).collect()
}

impl RatingRow {
    pub(crate) fn into_rating(self) -> Result<GasRating, StoreError> {
        Ok(GasRating {
            rating_id: self.gas_rating_id.0,
            goal_id: self.goal_id.0,
            rated_on: self.rated_on.0,
            // Six-level: a stored −3 is read whatever the scale says now.
            level: GasLevel::parse(self.level, true).map_err(corrupt("level"))?,
            rater: self.rater.0,
            rated_by_name: self.display_name,
        })
    }
}

/// A rating of a goal that has a scale (the database refuses one without).
pub async fn insert_gas_rating(
    tx: &mut WriteTx,
    grant: &FullGrant,
    goal_id: Uuid,
    rated_on: Date,
    level: GasLevel,
    rater: GasRater,
    now: OffsetDateTime,
) -> Result<Uuid, StoreError> {
    let id = Uuid::now_v7();
    sqlx::query(
        "INSERT INTO gas_rating (clinic_id, child_id, gas_rating_id, goal_id, rated_on, level, rater, rated_by, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
    )
    .bind(Id(grant.clinic_id()))
    .bind(Id(grant.child_id()))
    .bind(Id(id))
    .bind(Id(goal_id))
    .bind(Day(rated_on))
    .bind(i64::from(level.get()))
    .bind(Code(rater))
    .bind(Id(grant.child().actor().person_id()))
    .bind(At(now))
    .execute(&mut **tx)
    .await?;
    Ok(id)
}

/// One COPM occasion and its problems.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CopmOccasionRow {
    pub occasion_id: Uuid,
    pub rated_on: Date,
    pub respondent: CopmRespondent,
    pub rated_by_name: String,
    /// In the order the goals were set.
    pub problems: Vec<CopmProblem<Uuid>>,
}

#[derive(FromRow)]
struct OccasionRow {
    copm_occasion_id: Id,
    rated_on: Day,
    respondent: Code<CopmRespondent>,
    display_name: String,
}

#[derive(FromRow)]
struct ProblemRow {
    copm_occasion_id: Id,
    goal_id: Id,
    importance: i64,
    performance: Option<i64>,
    satisfaction: Option<i64>,
}

impl ProblemRow {
    fn into_problem(self) -> Result<CopmProblem<Uuid>, StoreError> {
        let rating = |v: i64| CopmRating::new(v).map_err(corrupt("copm rating"));
        let scores = match (self.performance, self.satisfaction) {
            (Some(p), Some(s)) => {
                Some(CopmScores { performance: rating(p)?, satisfaction: rating(s)? })
            }
            (None, None) => None,
            _ => return Err(StoreError::Corrupt("a COPM problem with one score".into())),
        };
        Ok(CopmProblem { id: self.goal_id.0, importance: rating(self.importance)?, scores })
    }
}

/// Every COPM occasion of the child, oldest first.
pub async fn copm_occasions(
    conn: &mut AnyConnection,
    grant: &FullGrant,
) -> Result<Vec<CopmOccasionRow>, StoreError> {
    let (clinic, child) = (Id(grant.clinic_id()), Id(grant.child_id()));
    let occasions: Vec<OccasionRow> = sqlx::query_as(
        "SELECT o.copm_occasion_id, o.rated_on, o.respondent, p.display_name FROM copm_occasion o \
         JOIN person p ON p.clinic_id = o.clinic_id AND p.person_id = o.rated_by \
         WHERE o.clinic_id = $1 AND o.child_id = $2 ORDER BY o.rated_on, o.created_at, o.copm_occasion_id",
    )
    .bind(clinic)
    .bind(child)
    .fetch_all(&mut *conn)
    .await?;
    let problems: Vec<ProblemRow> = sqlx::query_as(
        "SELECT r.copm_occasion_id, r.goal_id, r.importance, r.performance, r.satisfaction FROM copm_rating r \
         JOIN goal g ON g.clinic_id = r.clinic_id AND g.child_id = r.child_id AND g.goal_id = r.goal_id \
         WHERE r.clinic_id = $1 AND r.child_id = $2 ORDER BY g.created_at, g.goal_id",
    )
    .bind(clinic)
    .bind(child)
    .fetch_all(&mut *conn)
    .await?;
    let mut result: Vec<CopmOccasionRow> = occasions
        .into_iter()
        .map(|o| CopmOccasionRow {
            occasion_id: o.copm_occasion_id.0,
            rated_on: o.rated_on.0,
            respondent: o.respondent.0,
            rated_by_name: o.display_name,
            problems: Vec::new(),
        })
        .collect();
    for row in problems {
        let occasion = row.copm_occasion_id.0;
        let problem = row.into_problem()?;
        if let Some(o) = result.iter_mut().find(|o| o.occasion_id == occasion) {
            o.problems.push(problem);
        }
    }
    Ok(result)
}

/// Records an occasion and its problems. A goal of another child is refused
/// by the database (`MissingReference`).
pub async fn insert_copm_occasion(
    tx: &mut WriteTx,
    grant: &FullGrant,
    rated_on: Date,
    respondent: CopmRespondent,
    problems: &[CopmProblem<Uuid>],
    now: OffsetDateTime,
) -> Result<Uuid, StoreError> {
    let (clinic, child, id) = (Id(grant.clinic_id()), Id(grant.child_id()), Uuid::now_v7());
    sqlx::query(
        "INSERT INTO copm_occasion (clinic_id, child_id, copm_occasion_id, rated_on, respondent, rated_by, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(clinic)
    .bind(child)
    .bind(Id(id))
    .bind(Day(rated_on))
    .bind(Code(respondent))
    .bind(Id(grant.child().actor().person_id()))
    .bind(At(now))
    .execute(&mut **tx)
    .await?;
    for problem in problems {
        let score = |f: fn(CopmScores) -> CopmRating| problem.scores.map(|s| i64::from(f(s)));
        sqlx::query(
            "INSERT INTO copm_rating (clinic_id, child_id, copm_occasion_id, goal_id, importance, performance, satisfaction) \
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(clinic)
        .bind(child)
        .bind(Id(id))
        .bind(Id(problem.id))
        .bind(i64::from(problem.importance))
        .bind(score(|s| s.performance))
        .bind(score(|s| s.satisfaction))
        .execute(&mut **tx)
        .await?;
    }
    Ok(id)
}
