//! A child's goals: the list with their COPM and GAS numbers (not for
//! helpers, who see the goals in words), and setting a new goal.

use askama::Template;
use axum::{
    Form,
    extract::{Query, State},
    http::StatusCode,
    response::{IntoResponse, Redirect, Response},
};
use carryover_domain::goal::GasRater;
use carryover_ops::{
    goals::{self, GoalInput, GoalsView},
    scores::{ScoreChangeView, TScoreView},
};

use carryover_ops::Operation;

use super::Routes;
use crate::{
    AppState,
    auth::{Caller, Grant},
    error::AppError,
    i18n::Tr,
    pages::{self, Chrome, Errors, Page, form_errors},
    plan_words::{area, area_choices},
};

pub fn routes() -> Routes {
    Routes::new()
        .get("/children/{child_id}/goals", show_goals)
        .calls(Operation::ViewGoals)
        .post("/children/{child_id}/goals", create_goal)
        .calls(Operation::CreateGoal)
}

pub(super) struct GoalRow {
    pub id: String,
    pub words: String,
    pub area: String,
    pub status: String,
    /// The GAS levels in short; empty for helpers and goals without a scale.
    pub gas: String,
    pub in_set: bool,
    pub has_scale: bool,
}

struct OccasionRow {
    date: String,
    respondent: String,
    rated_by: String,
    performance: String,
    satisfaction: String,
}

struct ChangeRow {
    goal: String,
    performance: String,
    satisfaction: String,
}

struct ScoreRow {
    label: String,
    value: Option<String>,
    note: String,
}

#[derive(Template)]
#[template(path = "goals/index.html")]
struct GoalsPage {
    t: Tr,
    c: Chrome,
    child_id: String,
    child_name: String,
    goals: Vec<GoalRow>,
    can_edit: bool,
    /// `None` for helpers.
    measures: Option<MeasureRows>,
    form: GoalInput,
    errors: Errors,
    areas: Vec<(&'static str, String)>,
}

struct MeasureRows {
    occasions: Vec<OccasionRow>,
    change: Option<(String, Vec<ChangeRow>, Option<ChangeRow>)>,
    scores: Vec<ScoreRow>,
}

fn change_text(t: &Tr, before: String, after: String, change: String, important: bool) -> String {
    let mark = if important { format!(" · {}", t.get("copm-important")) } else { String::new() };
    format!("{before} → {after} ({change}){mark}")
}

fn score_change(t: &Tr, c: &ScoreChangeView) -> String {
    change_text(
        t,
        t.decimal(c.before),
        t.decimal(c.after),
        t.signed_decimal(c.change),
        c.clinically_important,
    )
}

fn score_row(t: &Tr, view: &TScoreView, words: &dyn Fn(uuid::Uuid) -> String) -> ScoreRow {
    let label = match view.rater {
        None => t.get("gas-t-baseline"),
        Some(GasRater::Therapist) => t.get("gas-t-therapist"),
        Some(GasRater::Guardian) => t.get("gas-t-guardian"),
    };
    let mut notes = Vec::new();
    if let Some(score) = &view.score {
        notes.push(t.with("gas-t-over", &[("count", score.goals.into())]));
        if !score.weighted {
            notes.push(t.get("gas-t-unweighted"));
        }
    }
    if let Some(reason) = view.no_score {
        notes.push(t.get(&format!("gas-no-score-{}", reason.as_str())));
    }
    if !view.unrated.is_empty() {
        let names: Vec<String> = view.unrated.iter().map(|id| words(*id)).collect();
        notes.push(t.with("gas-t-unrated", &[("goals", names.join("; ").into())]));
    }
    ScoreRow {
        label,
        value: view.score.as_ref().map(|s| t.decimal(s.value)),
        note: notes.join(" "),
    }
}

fn measure_rows(t: &Tr, view: &GoalsView) -> Option<MeasureRows> {
    let m = view.measures.as_ref()?;
    let words = |id: uuid::Uuid| {
        view.goals
            .iter()
            .find(|g| g.goal.goal_id == id)
            .map(|g| g.goal.words.clone())
            .unwrap_or_default()
    };
    let occasions = m
        .copm
        .iter()
        .map(|o| OccasionRow {
            date: t.date(o.rated_on),
            respondent: t.get(&format!("copm-respondent-{}", o.respondent.as_str())),
            rated_by: o.rated_by.clone(),
            performance: o.performance.map(|v| t.decimal(v)).unwrap_or_default(),
            satisfaction: o.satisfaction.map(|v| t.decimal(v)).unwrap_or_default(),
        })
        .collect();
    let change = m.copm_change.as_ref().map(|c| {
        let heading = t.with(
            "copm-change-between",
            &[("first", t.date(c.first_on).into()), ("latest", t.date(c.latest_on).into())],
        );
        let rating = |r: &carryover_ops::scores::RatingChangeView| {
            change_text(
                t,
                r.before.to_string(),
                r.after.to_string(),
                t.signed(r.change.into()),
                r.clinically_important,
            )
        };
        let rows = c
            .problems
            .iter()
            .map(|p| ChangeRow {
                goal: words(p.goal_id),
                performance: rating(&p.performance),
                satisfaction: rating(&p.satisfaction),
            })
            .collect();
        let average = c.performance.zip(c.satisfaction).map(|(p, s)| ChangeRow {
            goal: t.get("copm-average"),
            performance: score_change(t, &p),
            satisfaction: score_change(t, &s),
        });
        (heading, rows, average)
    });
    let scores = m.t_scores.iter().map(|s| score_row(t, s, &words)).collect();
    Some(MeasureRows { occasions, change, scores })
}

fn goal_rows(t: &Tr, view: &GoalsView) -> Vec<GoalRow> {
    let set = view.measures.as_ref().map(|m| m.t_score_set.clone()).unwrap_or_default();
    view.goals
        .iter()
        .map(|line| {
            let gas = line.gas.as_ref().map(|g| {
                let level = |l: Option<i8>| {
                    l.map_or_else(|| t.get("gas-not-rated"), |l| t.signed(l.into()))
                };
                let weight = g.weight.map_or_else(
                    || t.get("gas-unweighted"),
                    |w| t.with("gas-weight", &[("weight", w.into())]),
                );
                t.with(
                    "gas-summary",
                    &[
                        ("baseline", t.signed(g.baseline.into()).into()),
                        ("therapist", level(g.therapist_level).into()),
                        ("guardian", level(g.guardian_level).into()),
                        ("weight", weight.into()),
                    ],
                )
            });
            GoalRow {
                id: line.goal.goal_id.to_string(),
                words: line.goal.words.clone(),
                area: area(t, line.goal.area),
                status: t.get(&format!("goal-status-{}", line.goal.status.as_str())),
                has_scale: gas.is_some(),
                gas: gas.unwrap_or_default(),
                in_set: set.contains(&line.goal.goal_id),
            }
        })
        .collect()
}

fn page_of(
    page: Page,
    grant: Grant,
    view: GoalsView,
    form: GoalInput,
    errors: Errors,
) -> GoalsPage {
    let Page { t, c } = page.back_to(format!("/children/{}/goals", grant.child_id()));
    GoalsPage {
        child_id: grant.child_id().to_string(),
        goals: goal_rows(&t, &view),
        measures: measure_rows(&t, &view),
        areas: area_choices(&t),
        child_name: view.child_name,
        can_edit: view.can_edit,
        form,
        errors,
        c,
        t,
    }
}

/// `?set=<goal id>&set=…` chooses the goals of the T-scores.
async fn show_goals(
    State(state): State<AppState>,
    page: Page,
    caller: Caller,
    grant: Grant,
    Query(query): Query<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let set: Vec<String> = query.into_iter().filter(|(k, _)| k == "set").map(|(_, v)| v).collect();
    let view = goals::view(&state.ops, &caller.who, &grant.0, &set).await?;
    pages::render(&page_of(page, grant, view, GoalInput::default(), Errors::default()))
}

async fn create_goal(
    State(state): State<AppState>,
    page: Page,
    caller: Caller,
    grant: Grant,
    Form(form): Form<GoalInput>,
) -> Result<Response, AppError> {
    match goals::create(&state.ops, &caller.who, &grant.0, &form).await {
        Ok(id) => {
            Ok(Redirect::to(&format!("/children/{}/goals/{id}", grant.child_id())).into_response())
        }
        Err(error) => {
            let errors = form_errors(&page.t, error)?;
            let view = goals::view(&state.ops, &caller.who, &grant.0, &[]).await?;
            pages::render_with(
                StatusCode::UNPROCESSABLE_ENTITY,
                &page_of(page, grant, view, form, errors),
            )
        }
    }
}
