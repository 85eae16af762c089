//! Recording the instruments: a goal's GAS scale and its attainment ratings,
//! and COPM rating occasions. Every rating outside its scale is refused at
//! its field, and nothing is saved.

use carryover_domain::{
    audit::{AuditAction, AuditResource},
    copm::{CopmError, CopmOccasion, CopmProblem, CopmRating, CopmScores},
    gas::{GasDifficulty, GasImportance, GasLevel},
    goal::{
        CopmRespondent, GAS_LEVEL_MAX_CHARS, GasScale, gas_levels, gas_weight, is_possible_baseline,
    },
    text::check_line,
};
use carryover_store::{WriteTx, audit, children, goals, measures};
use serde::{Deserialize, Serialize};
use time::Date;
use uuid::Uuid;

use crate::{
    ChildGrant, OpError, Ops, Problem, Who,
    error::Fields,
    goals::{GoalWords, rater_of},
    scope::{clinic_day, full, gas_level, rating_day, team},
};

/// The level fields of a scale form, +2 first, as [`gas_levels`] lists them.
pub const LEVEL_FIELDS: [&str; 6] =
    ["level_plus_2", "level_plus_1", "level_0", "level_minus_1", "level_minus_2", "level_minus_3"];

/// A GAS scale as a form sends it.
#[derive(Clone, Debug, Default, Deserialize, Serialize, utoipa::ToSchema)]
#[schema(example = json!({"six_level": null, "level_plus_2": "Puts on both shoes alone, every school day", "level_plus_1": "Puts on both shoes alone most days", "level_0": "Puts on one shoe alone most days", "level_minus_1": "Puts on one shoe with a reminder", "level_minus_2": "Needs help with both shoes", "level_minus_3": "", "baseline": "-1", "importance": "2", "difficulty": "1"}))]
pub struct GasScaleInput {
    /// "1" (a checked box) for the six-level variant.
    #[serde(default)]
    pub six_level: Option<String>,
    #[serde(default)]
    pub level_plus_2: String,
    #[serde(default)]
    pub level_plus_1: String,
    #[serde(default)]
    pub level_0: String,
    #[serde(default)]
    pub level_minus_1: String,
    #[serde(default)]
    pub level_minus_2: String,
    #[serde(default)]
    pub level_minus_3: String,
    #[serde(default)]
    pub baseline: String,
    /// Empty for an unweighted goal (with difficulty).
    #[serde(default)]
    pub importance: String,
    #[serde(default)]
    pub difficulty: String,
}

impl GasScaleInput {
    pub fn is_six_level(&self) -> bool {
        self.six_level.as_deref().is_some_and(|v| !v.is_empty() && v != "0")
    }

    fn level_text(&self, field: &str) -> &str {
        match field {
            "level_plus_2" => &self.level_plus_2,
            "level_plus_1" => &self.level_plus_1,
            "level_0" => &self.level_0,
            "level_minus_1" => &self.level_minus_1,
            "level_minus_2" => &self.level_minus_2,
            _ => &self.level_minus_3,
        }
    }
}

fn optional<T, E: Into<Problem>>(
    fields: &mut Fields,
    field: &'static str,
    text: &str,
    parse: impl Fn(&str) -> Result<T, E>,
) -> Option<Option<T>> {
    if text.trim().is_empty() { Some(None) } else { fields.check(field, parse(text)).map(Some) }
}

fn check_scale(input: &GasScaleInput) -> Result<GasScale, OpError> {
    let six_level = input.is_six_level();
    let mut fields = Fields::default();
    let wanted = gas_levels(six_level).len();
    let descriptions: Vec<Option<String>> = LEVEL_FIELDS[..wanted]
        .iter()
        .map(|f| fields.check(*f, check_line(input.level_text(f), GAS_LEVEL_MAX_CHARS)))
        .collect();
    let baseline = fields.check("baseline", gas_level(&input.baseline, six_level));
    let baseline = baseline.and_then(|b| {
        let possible = is_possible_baseline(b).then_some(b);
        fields.some("baseline", possible, Problem::InvalidBaseline)
    });
    let importance = optional(&mut fields, "importance", &input.importance, GasImportance::parse);
    let difficulty = optional(&mut fields, "difficulty", &input.difficulty, GasDifficulty::parse);
    if let (Some(i), Some(d)) = (importance, difficulty)
        && gas_weight(i, d).is_err()
    {
        fields
            .push(if i.is_none() { "importance" } else { "difficulty" }, Problem::WeightNeedsBoth);
    }
    let descriptions: Option<Vec<String>> = descriptions.into_iter().collect();
    let scale = descriptions.zip(baseline).zip(importance.zip(difficulty)).map(
        |((descriptions, baseline), (importance, difficulty))| GasScale {
            six_level,
            descriptions,
            baseline,
            importance,
            difficulty,
        },
    );
    fields.finish(scale)
}

/// The care team sets or changes a goal's GAS scale. The six-level variant
/// cannot be dropped while a rating uses −3.
pub async fn save_gas_scale(
    ops: &Ops,
    who: &Who,
    grant: &ChildGrant,
    goal_id: Uuid,
    input: &GasScaleInput,
) -> Result<(), OpError> {
    let team = team(grant)?;
    let mut tx = ops.db.begin_write().await?;
    goals::goal(&mut tx, grant, goal_id).await?.ok_or(OpError::NotFound)?;
    let scale = check_scale(input)?;
    let ratings = measures::gas_ratings(&mut tx, &team).await?;
    let uses_minus_three =
        ratings.iter().any(|r| r.goal_id == goal_id && r.level == GasLevel::WORSE_THAN_BASELINE);
    if uses_minus_three && !scale.six_level {
        return Err(OpError::field("six_level", Problem::LevelInUse));
    }
    measures::save_gas_scale(&mut tx, &team, goal_id, &scale, ops.now()).await?;
    audit_measure(ops, who, &mut tx, AuditAction::Update, goal_id, grant).await?;
    tx.commit().await?;
    Ok(())
}

async fn audit_measure(
    ops: &Ops,
    who: &Who,
    tx: &mut WriteTx,
    action: AuditAction,
    resource: Uuid,
    grant: &ChildGrant,
) -> Result<(), OpError> {
    let event = who.event(
        action,
        AuditResource::Measure,
        Some(resource.to_string()),
        Some(grant.child_id()),
    );
    audit::append(tx, &event, ops.now()).await?;
    Ok(())
}

#[derive(Clone, Debug, Default, Deserialize, utoipa::ToSchema)]
#[schema(example = json!({"rated_on": "2026-11-20", "level": "0"}))]
pub struct GasRatingInput {
    #[serde(default)]
    pub rated_on: String,
    #[serde(default)]
    pub level: String,
}

/// A therapist's or a guardian's attainment rating of a goal with a scale.
pub async fn add_gas_rating(
    ops: &Ops,
    who: &Who,
    grant: &ChildGrant,
    goal_id: Uuid,
    input: &GasRatingInput,
) -> Result<Uuid, OpError> {
    let full = full(grant)?;
    let mut tx = ops.db.begin_write().await?;
    goals::goal(&mut tx, grant, goal_id).await?.ok_or(OpError::NotFound)?;
    let day = clinic_day(&mut tx, grant.clinic_id(), ops.now()).await?;
    let scale =
        measures::gas_scales(&mut tx, &full).await?.into_iter().find(|(id, _)| *id == goal_id);
    let mut fields = Fields::default();
    let rated_on = fields.check("rated_on", rating_day(&input.rated_on, day.today));
    let level = match &scale {
        Some((_, scale)) => fields.check("level", gas_level(&input.level, scale.six_level)),
        None => fields.some("level", None, Problem::NoGasScale),
    };
    let (rated_on, level) = fields.finish(rated_on.zip(level))?;
    let id = measures::insert_gas_rating(
        &mut tx,
        &full,
        goal_id,
        rated_on,
        level,
        rater_of(grant),
        ops.now(),
    )
    .await?;
    audit_measure(ops, who, &mut tx, AuditAction::Create, id, grant).await?;
    tx.commit().await?;
    Ok(id)
}

/// One goal's row in the COPM form, with the importance it had last time.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CopmRow {
    pub goal: GoalWords,
    pub last_importance: Option<u8>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CopmForm {
    pub child_name: String,
    pub today: Date,
    /// True when this is the first occasion (else a re-rating).
    pub first: bool,
    pub rows: Vec<CopmRow>,
}

/// The COPM form: the child's goals not discontinued, each with its last importance.
pub async fn copm_form(ops: &Ops, who: &Who, grant: &ChildGrant) -> Result<CopmForm, OpError> {
    let team = team(grant)?;
    let mut tx = ops.db.begin_write().await?;
    let basics = children::child_basics(&mut tx, grant).await?;
    let day = clinic_day(&mut tx, grant.clinic_id(), ops.now()).await?;
    let found = goals::goals(&mut tx, grant).await?;
    let occasions = measures::copm_occasions(&mut tx, &team).await?;
    let event = who.event(AuditAction::View, AuditResource::Measure, None, Some(grant.child_id()));
    audit::append(&mut tx, &event, ops.now()).await?;
    tx.commit().await?;
    let last_importance = |goal: Uuid| {
        occasions
            .iter()
            .rev()
            .flat_map(|o| &o.problems)
            .find(|p| p.id == goal)
            .map(|p| p.importance.get())
    };
    let rows = found
        .iter()
        // A goal reached or paused is still re-rated; one stopped is not.
        .filter(|g| g.status != carryover_domain::goal::GoalStatus::Discontinued)
        .map(|g| CopmRow { goal: g.into(), last_importance: last_importance(g.goal_id) })
        .collect();
    Ok(CopmForm {
        child_name: basics.preferred_name,
        today: day.today,
        first: occasions.is_empty(),
        rows,
    })
}

/// One problem's ratings as typed; all three empty leaves it out.
#[derive(Clone, Debug, Default, Deserialize, Serialize, utoipa::ToSchema)]
#[schema(example = json!({"goal_id": "0190f000-0000-7000-8000-000000000010", "importance": "8", "performance": "4", "satisfaction": "3"}))]
pub struct CopmProblemInput {
    pub goal_id: String,
    #[serde(default)]
    pub importance: String,
    #[serde(default)]
    pub performance: String,
    #[serde(default)]
    pub satisfaction: String,
}

#[derive(Clone, Debug, Default, Deserialize, Serialize, utoipa::ToSchema)]
#[schema(example = json!({"rated_on": "2026-11-20", "respondent": "caregiver", "problems": [{"goal_id": "0190f000-0000-7000-8000-000000000010", "importance": "8", "performance": "4", "satisfaction": "3"}]}))]
pub struct CopmInput {
    #[serde(default)]
    pub rated_on: String,
    #[serde(default)]
    pub respondent: String,
    #[serde(default)]
    pub problems: Vec<CopmProblemInput>,
}

/// The field of one problem's rating: `importance-<goal id>`.
pub fn problem_field(kind: &str, goal_id: &str) -> String {
    format!("{kind}-{goal_id}")
}

fn check_problem(
    fields: &mut Fields,
    input: &CopmProblemInput,
    goal_id: Uuid,
) -> Option<Option<CopmProblem<Uuid>>> {
    let key = input.goal_id.trim();
    let blank = |t: &str| t.trim().is_empty();
    if blank(&input.importance) && blank(&input.performance) && blank(&input.satisfaction) {
        return Some(None);
    }
    let rating = |fields: &mut Fields, kind: &str, text: &str| {
        if blank(text) {
            Some(None)
        } else {
            fields.check(problem_field(kind, key), CopmRating::parse(text)).map(Some)
        }
    };
    // All three are read before any refusal returns, so that each wrong
    // field gets its own message.
    let importance = rating(fields, "importance", &input.importance);
    let performance = rating(fields, "performance", &input.performance);
    let satisfaction = rating(fields, "satisfaction", &input.satisfaction);
    let Some(importance) = importance? else {
        fields.push(problem_field("importance", key), Problem::ImportanceNeeded);
        return None;
    };
    let scores = match (performance?, satisfaction?) {
        (Some(performance), Some(satisfaction)) => Some(CopmScores { performance, satisfaction }),
        (None, None) => None,
        (None, Some(_)) => {
            return fields.some(problem_field("performance", key), None, Problem::BothScoresNeeded);
        }
        (Some(_), None) => {
            return fields.some(
                problem_field("satisfaction", key),
                None,
                Problem::BothScoresNeeded,
            );
        }
    };
    Some(Some(CopmProblem { id: goal_id, importance, scores }))
}

fn check_copm(
    input: &CopmInput,
    today: Date,
    goal_ids: &[Uuid],
) -> Result<(Date, CopmRespondent, CopmOccasion<Uuid>), OpError> {
    let mut fields = Fields::default();
    let rated_on = fields.check("rated_on", rating_day(&input.rated_on, today));
    let respondent = fields.some(
        "respondent",
        CopmRespondent::parse(input.respondent.trim()),
        Problem::InvalidChoice,
    );
    let mut problems = Vec::new();
    for row in &input.problems {
        let goal = Uuid::parse_str(row.goal_id.trim()).ok().filter(|id| goal_ids.contains(id));
        let Some(goal) = goal else {
            fields
                .push(problem_field("importance", row.goal_id.trim()), Problem::NotThisChildsGoal);
            continue;
        };
        if let Some(Some(problem)) = check_problem(&mut fields, row, goal) {
            problems.push(problem);
        }
    }
    if fields.is_empty() && problems.is_empty() {
        fields.push("problems", Problem::NothingRated);
    }
    let occasion = match CopmOccasion::new(problems) {
        Ok(occasion) => Some(occasion),
        Err(CopmError::TooManyRated { .. }) => fields.some("problems", None, Problem::TooManyRated),
        Err(CopmError::DuplicateProblem) => fields.some("problems", None, Problem::InvalidChoice),
    };
    fields.finish(rated_on.zip(respondent).zip(occasion).map(|((d, r), o)| (d, r, o)))
}

/// The care team records a COPM occasion: the first rating or a re-rating.
pub async fn record_copm(
    ops: &Ops,
    who: &Who,
    grant: &ChildGrant,
    input: &CopmInput,
) -> Result<Uuid, OpError> {
    let team = team(grant)?;
    let mut tx = ops.db.begin_write().await?;
    let day = clinic_day(&mut tx, grant.clinic_id(), ops.now()).await?;
    let goal_ids: Vec<Uuid> =
        goals::goals(&mut tx, grant).await?.iter().map(|g| g.goal_id).collect();
    let (rated_on, respondent, occasion) = check_copm(input, day.today, &goal_ids)?;
    let id = measures::insert_copm_occasion(
        &mut tx,
        &team,
        rated_on,
        respondent,
        occasion.problems(),
        ops.now(),
    )
    .await?;
    audit_measure(ops, who, &mut tx, AuditAction::Create, id, grant).await?;
    tx.commit().await?;
    Ok(id)
}
