//! One goal: its words, its GAS scale and attainment ratings, and its COPM
//! ratings. Not for helpers.

use askama::Template;
use axum::{
    Form,
    extract::{Path, State},
    http::StatusCode,
    response::{IntoResponse, Redirect, Response},
};
use carryover_domain::goal::{GoalStatus, gas_levels};
use carryover_ops::{
    goals::{self, GoalInput, GoalView},
    measures::{self, GasRatingInput, GasScaleInput, LEVEL_FIELDS},
};
use serde::Deserialize;
use uuid::Uuid;

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
        .get("/children/{child_id}/goals/{goal_id}", show_goal)
        .calls(Operation::ViewGoal)
        .post("/children/{child_id}/goals/{goal_id}", update_goal)
        .calls(Operation::UpdateGoal)
        .post("/children/{child_id}/goals/{goal_id}/gas", save_scale)
        .calls(Operation::SaveGasScale)
        .post("/children/{child_id}/goals/{goal_id}/gas/ratings", add_rating)
        .calls(Operation::AddGasRating)
}

#[derive(Deserialize)]
struct GoalPath {
    goal_id: Uuid,
}

struct LevelRow {
    value: String,
    label: String,
    words: String,
    is_baseline: bool,
}

struct RatingRow {
    date: String,
    level: String,
    rater: String,
    who: String,
}

struct CopmRow {
    date: String,
    importance: u8,
    performance: String,
    satisfaction: String,
}

/// A level field of the scale form: (field, label, text typed).
struct LevelField {
    field: &'static str,
    label: String,
    value: String,
    six_only: bool,
}

#[derive(Template)]
#[template(path = "goals/show.html")]
struct GoalPage {
    t: Tr,
    c: Chrome,
    child_id: String,
    child_name: String,
    goal_id: String,
    words: String,
    area_words: String,
    status_words: String,
    levels: Vec<LevelRow>,
    weight: String,
    ratings: Vec<RatingRow>,
    copm: Vec<CopmRow>,
    can_edit: bool,
    rates_as: String,
    today: String,
    goal_form: GoalInput,
    scale_form: GasScaleInput,
    level_fields: Vec<LevelField>,
    rating_form: GasRatingInput,
    errors: Errors,
    areas: Vec<(&'static str, String)>,
    statuses: Vec<(&'static str, String)>,
    has_scale: bool,
    /// The levels a scale may start at: (form value, words).
    baselines: Vec<(&'static str, String)>,
}

fn level_label(t: &Tr, level: i8) -> String {
    t.with("gas-level", &[("level", t.signed(level.into()).into())])
}

/// The three forms as typed, or filled from the goal.
#[derive(Default)]
struct Forms {
    goal: Option<GoalInput>,
    scale: Option<GasScaleInput>,
    rating: Option<GasRatingInput>,
}

/// The scale's levels, +2 first, with their words.
fn level_rows(t: &Tr, view: &GoalView) -> Vec<LevelRow> {
    let Some(s) = &view.scale else { return Vec::new() };
    s.levels
        .iter()
        .map(|(level, words)| LevelRow {
            value: carryover_domain::gas::GasLevel::parse(i64::from(*level), true)
                .map(|l| l.to_string())
                .unwrap_or_default(),
            label: level_label(t, *level),
            words: words.clone(),
            is_baseline: *level == s.baseline,
        })
        .collect()
}

fn weight_words(t: &Tr, view: &GoalView) -> String {
    view.scale.as_ref().map_or_else(String::new, |s| match s.weight {
        Some(w) => t.with(
            "gas-weight-parts",
            &[
                ("weight", w.into()),
                ("importance", s.importance.unwrap_or(0).into()),
                ("difficulty", s.difficulty.unwrap_or(0).into()),
            ],
        ),
        None => t.get("gas-unweighted"),
    })
}

/// Newest first: the ratings, and the goal at each COPM occasion.
fn history_rows(t: &Tr, view: &GoalView) -> (Vec<RatingRow>, Vec<CopmRow>) {
    let ratings = view
        .ratings
        .iter()
        .rev()
        .map(|r| RatingRow {
            date: t.date(r.rated_on),
            level: level_label(t, r.level),
            rater: t.get(&format!("gas-rater-{}", r.rater.as_str())),
            who: r.rated_by.clone(),
        })
        .collect();
    let copm = view
        .copm
        .iter()
        .rev()
        .map(|(date, p)| CopmRow {
            date: t.date(*date),
            importance: p.importance,
            performance: p.performance.map(|v| v.to_string()).unwrap_or_default(),
            satisfaction: p.satisfaction.map(|v| v.to_string()).unwrap_or_default(),
        })
        .collect();
    (ratings, copm)
}

fn level_fields(t: &Tr, scale_form: &GasScaleInput) -> Vec<LevelField> {
    LEVEL_FIELDS
        .iter()
        .zip(gas_levels(true))
        .map(|(field, level)| LevelField {
            field,
            label: level_label(t, level.get()),
            value: scale_value(scale_form, field),
            six_only: level.get() == -3,
        })
        .collect()
}

fn page_of(page: Page, grant: Grant, view: GoalView, forms: Forms, errors: Errors) -> GoalPage {
    let path = format!("/children/{}/goals/{}", grant.child_id(), view.goal.goal_id);
    let Page { t, c } = page.back_to(path);
    let scale_form = forms.scale.unwrap_or_else(|| scale_input(&view));
    let (ratings, copm) = history_rows(&t, &view);
    let today = carryover_domain::text::date_text(view.today);
    GoalPage {
        child_id: grant.child_id().to_string(),
        goal_id: view.goal.goal_id.to_string(),
        words: view.goal.words.clone(),
        area_words: area(&t, view.goal.area),
        status_words: t.get(&format!("goal-status-{}", view.goal.status.as_str())),
        has_scale: view.scale.is_some(),
        levels: level_rows(&t, &view),
        weight: weight_words(&t, &view),
        level_fields: level_fields(&t, &scale_form),
        rates_as: t.get(&format!("gas-rates-as-{}", view.rates_as.as_str())),
        goal_form: forms.goal.unwrap_or_else(|| GoalInput {
            words: view.goal.words.clone(),
            area: view.goal.area.as_str().to_owned(),
            status: view.goal.status.as_str().to_owned(),
        }),
        rating_form: forms
            .rating
            .unwrap_or_else(|| GasRatingInput { rated_on: today.clone(), level: String::new() }),
        statuses: GoalStatus::ALL
            .iter()
            .map(|s| (s.as_str(), t.get(&format!("goal-status-{}", s.as_str()))))
            .collect(),
        areas: area_choices(&t),
        baselines: vec![("-1", level_label(&t, -1)), ("-2", level_label(&t, -2))],
        can_edit: view.can_edit,
        child_name: view.child_name,
        ratings,
        copm,
        today,
        scale_form,
        errors,
        c,
        t,
    }
}

fn scale_input(view: &GoalView) -> GasScaleInput {
    let Some(s) = &view.scale else {
        return GasScaleInput { baseline: "-1".into(), ..GasScaleInput::default() };
    };
    let mut input = GasScaleInput {
        six_level: s.six_level.then(|| "1".to_owned()),
        baseline: s.baseline.to_string(),
        importance: s.importance.map(|v| v.to_string()).unwrap_or_default(),
        difficulty: s.difficulty.map(|v| v.to_string()).unwrap_or_default(),
        ..GasScaleInput::default()
    };
    for (level, words) in &s.levels {
        let slot = match level {
            2 => &mut input.level_plus_2,
            1 => &mut input.level_plus_1,
            0 => &mut input.level_0,
            -1 => &mut input.level_minus_1,
            -2 => &mut input.level_minus_2,
            _ => &mut input.level_minus_3,
        };
        slot.clone_from(words);
    }
    input
}

fn scale_value(input: &GasScaleInput, field: &str) -> String {
    match field {
        "level_plus_2" => &input.level_plus_2,
        "level_plus_1" => &input.level_plus_1,
        "level_0" => &input.level_0,
        "level_minus_1" => &input.level_minus_1,
        "level_minus_2" => &input.level_minus_2,
        _ => &input.level_minus_3,
    }
    .clone()
}

async fn show_goal(
    State(state): State<AppState>,
    page: Page,
    caller: Caller,
    grant: Grant,
    Path(path): Path<GoalPath>,
) -> Result<Response, AppError> {
    let view = goals::goal_view(&state.ops, &caller.who, &grant.0, path.goal_id).await?;
    pages::render(&page_of(page, grant, view, Forms::default(), Errors::default()))
}

fn back(grant: &Grant, goal_id: Uuid) -> Response {
    Redirect::to(&format!("/children/{}/goals/{goal_id}", grant.child_id())).into_response()
}

/// The goal page again, with the refused form's fields and messages.
async fn refused(
    state: &AppState,
    page: Page,
    caller: &Caller,
    grant: Grant,
    goal_id: Uuid,
    error: carryover_ops::OpError,
    forms: Forms,
) -> Result<Response, AppError> {
    let errors = form_errors(&page.t, error)?;
    let view = goals::goal_view(&state.ops, &caller.who, &grant.0, goal_id).await?;
    pages::render_with(StatusCode::UNPROCESSABLE_ENTITY, &page_of(page, grant, view, forms, errors))
}

async fn update_goal(
    State(state): State<AppState>,
    page: Page,
    caller: Caller,
    grant: Grant,
    Path(path): Path<GoalPath>,
    Form(form): Form<GoalInput>,
) -> Result<Response, AppError> {
    match goals::update(&state.ops, &caller.who, &grant.0, path.goal_id, &form).await {
        Ok(()) => Ok(back(&grant, path.goal_id)),
        Err(e) => {
            refused(
                &state,
                page,
                &caller,
                grant,
                path.goal_id,
                e,
                Forms { goal: Some(form), ..Forms::default() },
            )
            .await
        }
    }
}

async fn save_scale(
    State(state): State<AppState>,
    page: Page,
    caller: Caller,
    grant: Grant,
    Path(path): Path<GoalPath>,
    Form(form): Form<GasScaleInput>,
) -> Result<Response, AppError> {
    match measures::save_gas_scale(&state.ops, &caller.who, &grant.0, path.goal_id, &form).await {
        Ok(()) => Ok(back(&grant, path.goal_id)),
        Err(e) => {
            refused(
                &state,
                page,
                &caller,
                grant,
                path.goal_id,
                e,
                Forms { scale: Some(form), ..Forms::default() },
            )
            .await
        }
    }
}

async fn add_rating(
    State(state): State<AppState>,
    page: Page,
    caller: Caller,
    grant: Grant,
    Path(path): Path<GoalPath>,
    Form(form): Form<GasRatingInput>,
) -> Result<Response, AppError> {
    match measures::add_gas_rating(&state.ops, &caller.who, &grant.0, path.goal_id, &form).await {
        Ok(_) => Ok(back(&grant, path.goal_id)),
        Err(e) => {
            refused(
                &state,
                page,
                &caller,
                grant,
                path.goal_id,
                e,
                Forms { rating: Some(form), ..Forms::default() },
            )
            .await
        }
    }
}
