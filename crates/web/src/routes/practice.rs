//! Practice logs on a phone (issue 12 part A): the log form of one card of
//! "This week", the confirmation that can take a confidence and a note, the
//! correction and deletion of one's own log, and the child's practice page
//! (logs, and for everyone but helpers the measures).
//!
//! Every form works without JavaScript (POST, then a redirect to a page);
//! `/static/log.js` only saves a reload.

use askama::Template;
use axum::{
    Form,
    extract::{Path, Query, State},
    http::StatusCode,
    response::{IntoResponse, Redirect, Response},
};
use carryover_ops::{
    Operation,
    children::Paging,
    practice::{self, CorrectInput, GridView, LogForm, LogInput, LogView, MeasuresView, WeekView},
};
use serde::Deserialize;
use uuid::Uuid;

use super::Routes;
use crate::{
    AppState,
    auth::{Caller, Grant},
    error::AppError,
    i18n::Tr,
    pages::{self, Chrome, Errors, Page, form_errors},
    plan_words::{self, StrategyWords},
};

pub fn routes() -> Routes {
    Routes::new()
        .get("/children/{child_id}/logs/new", show_form)
        .post("/children/{child_id}/logs", create)
        .calls(Operation::LogPractice)
        .get("/children/{child_id}/logs/{log_id}", show_log)
        .calls(Operation::ViewLog)
        .post("/children/{child_id}/logs/{log_id}", correct)
        .calls(Operation::CorrectLog)
        .post("/children/{child_id}/logs/{log_id}/delete", delete)
        .calls(Operation::DeleteLog)
        .get("/children/{child_id}/practice", show_practice)
        .calls(Operation::ListLogs)
}

/// The three answers to "how did it go?", in the order the buttons show.
pub const RESPONSES: [&str; 3] = ["went_well", "mixed", "hard"];

/// One card of "This week" in words.
pub struct CardWords {
    pub assignment_id: String,
    pub strategy: StrategyWords,
    pub routines: String,
    pub default_routine: String,
    /// "2 of 3 this week".
    pub progress: String,
    pub met: bool,
    pub who: Option<String>,
    pub changes: Vec<String>,
    pub log_id: String,
}

/// "This week" of one child in words, for the caregiver's home.
pub struct WeekWords {
    pub child_id: String,
    pub child_name: String,
    pub has_plan: bool,
    pub can_log: bool,
    /// "This week: 5 of 8 practices done (Monday, November 2 to Sunday, …)".
    pub summary: Option<String>,
    pub cards: Vec<CardWords>,
    /// Issue 14: the household's weeks in a picture and kind words; `None` for helpers.
    pub encouragement: Option<crate::encouragement_words::EncouragementWords>,
}

pub fn week_words(t: &Tr, view: &WeekView) -> WeekWords {
    let cards = view
        .cards
        .iter()
        .map(|card| CardWords {
            assignment_id: card.assignment_id.to_string(),
            strategy: plan_words::strategy(t, &card.strategy),
            routines: card
                .routines
                .iter()
                .map(|r| plan_words::routine_with_time(t, r))
                .collect::<Vec<_>>()
                .join(", "),
            default_routine: card.routines.first().map(|r| r.key.clone()).unwrap_or_default(),
            progress: t.with(
                if view.only_own { "week-progress-own" } else { "week-progress" },
                &[("done", card.done.into()), ("target", card.target.into())],
            ),
            met: card.target > 0 && card.done >= card.target,
            who: card.practised_by_name.clone(),
            changes: plan_words::lines(&card.changes),
            log_id: card.log_id.to_string(),
        })
        .collect();
    let summary =
        view.household.as_ref().filter(|h| h.target > 0).map(|h| {
            t.with("week-summary", &[("done", h.logs.into()), ("target", h.target.into())])
        });
    WeekWords {
        child_id: view.child_id.to_string(),
        child_name: view.child_name.clone(),
        has_plan: view.has_plan,
        can_log: view.can_log,
        summary,
        cards,
        encouragement: crate::encouragement_words::encouragement_words(t, view),
    }
}

#[derive(Deserialize)]
struct FormQuery {
    #[serde(default)]
    assignment: String,
}

#[derive(Template)]
#[template(path = "practice/log_form.html")]
struct FormPage {
    t: Tr,
    c: Chrome,
    child_id: String,
    child_name: String,
    log_id: String,
    assignment_id: String,
    strategy: StrategyWords,
    routines: Vec<(String, String)>,
    routine: String,
    caregivers: Vec<(String, String)>,
    practised_by: String,
    when: String,
    time: String,
    /// "At bath time, by you, now".
    prefilled: String,
    errors: Errors,
}

fn form_page(
    page: Page,
    grant: &Grant,
    form: LogForm,
    typed: Option<&LogInput>,
    errors: Errors,
) -> FormPage {
    let Page { t, c } = page;
    let me = form.me.to_string();
    let routines: Vec<(String, String)> = form
        .routines
        .iter()
        .map(|r| (r.key.clone(), plan_words::routine_with_time(&t, r)))
        .collect();
    let caregivers: Vec<(String, String)> = form
        .caregivers
        .iter()
        .map(|g| {
            let name = if g.person_id == form.me { t.get("log-you") } else { g.name.clone() };
            (g.person_id.to_string(), name)
        })
        .collect();
    let pick = |typed: Option<&str>, default: &str| {
        typed.filter(|s| !s.trim().is_empty()).unwrap_or(default).to_owned()
    };
    let routine = pick(typed.map(|i| i.routine.as_str()), &form.default_routine);
    let practised_by = pick(typed.map(|i| i.practised_by.as_str()), &me);
    let when = pick(typed.map(|i| i.when.as_str()), "now");
    let name_of = |list: &[(String, String)], key: &str| {
        list.iter().find(|(k, _)| k == key).map(|(_, n)| n.clone()).unwrap_or_default()
    };
    let prefilled = t.with(
        "log-prefilled",
        &[
            ("routine", name_of(&routines, &routine).into()),
            ("who", name_of(&caregivers, &practised_by).into()),
            ("when", t.get(&format!("log-when-{when}")).into()),
        ],
    );
    let log_id = form.log_id.to_string();
    FormPage {
        child_id: grant.child_id().to_string(),
        child_name: form.child_name,
        log_id,
        assignment_id: form.assignment.assignment_id.to_string(),
        strategy: plan_words::strategy(&t, &form.assignment.text),
        time: typed.map(|i| i.time.clone()).unwrap_or_default(),
        routines,
        routine,
        caregivers,
        practised_by,
        when,
        prefilled,
        errors,
        c,
        t,
    }
}

/// Step two of the three taps: how did it go? Routine, who and when are
/// filled in and can be changed here.
async fn show_form(
    State(state): State<AppState>,
    page: Page,
    caller: Caller,
    grant: Grant,
    Query(query): Query<FormQuery>,
) -> Result<Response, AppError> {
    // Without a card to log, the place to pick one is "This week".
    let Ok(assignment) = Uuid::parse_str(query.assignment.trim()) else {
        return Ok(Redirect::to(&format!("/home?child={}", grant.child_id())).into_response());
    };
    let form = practice::log_form(&state.ops, &caller.who, &grant.0, assignment).await?;
    pages::render(&form_page(page, &grant, form, None, Errors::default()))
}

#[derive(Deserialize)]
struct CreateForm {
    #[serde(default)]
    log_id: String,
    #[serde(flatten)]
    input: LogInput,
}

async fn create(
    State(state): State<AppState>,
    page: Page,
    caller: Caller,
    grant: Grant,
    Form(form): Form<CreateForm>,
) -> Result<Response, AppError> {
    let log_id = Uuid::parse_str(form.log_id.trim()).map_err(|_| AppError::NotFound)?;
    match practice::create_log(&state.ops, &caller.who, &grant.0, log_id, &form.input).await {
        Ok(_) => Ok(Redirect::to(&format!("/children/{}/logs/{log_id}?saved=1", grant.child_id()))
            .into_response()),
        Err(error @ carryover_ops::OpError::Invalid(_)) => {
            let errors = form_errors(&page.t, error)?;
            let assignment =
                Uuid::parse_str(form.input.assignment_id.trim()).map_err(|_| AppError::NotFound)?;
            let view = practice::log_form(&state.ops, &caller.who, &grant.0, assignment).await?;
            let mut shown = form_page(page, &grant, view, Some(&form.input), errors);
            // The same id again, so that fixing the form still makes one log.
            shown.log_id = log_id.to_string();
            pages::render_with(StatusCode::UNPROCESSABLE_ENTITY, &shown)
        }
        Err(error) => Err(error.into()),
    }
}

#[derive(Deserialize)]
struct LogPath {
    log_id: Uuid,
}

#[derive(Deserialize)]
struct SavedQuery {
    #[serde(default)]
    saved: Option<String>,
    #[serde(default)]
    changed: Option<String>,
}

/// One log in words.
pub struct LogWords {
    pub log_id: String,
    pub strategy: StrategyWords,
    pub routine: String,
    pub who: String,
    pub when: String,
    pub response: String,
    pub confidence: Option<u8>,
    pub note: String,
    pub can_change: bool,
}

pub fn log_words(t: &Tr, log: &LogView) -> LogWords {
    let day = t.date(log.practised_on);
    let when = match log.practised_time {
        Some(time) => t.with(
            "log-on-at",
            &[("date", day.into()), ("time", t.time_of_day(time.hour(), time.minute()).into())],
        ),
        None => day,
    };
    LogWords {
        log_id: log.log_id.to_string(),
        strategy: plan_words::strategy(t, &log.strategy),
        routine: plan_words::routine_name(t, &log.routine),
        who: log.practised_by_name.clone(),
        when,
        response: t.get(&format!("log-response-{}", log.response.as_str())),
        confidence: log.confidence,
        note: log.note.clone(),
        can_change: log.can_change,
    }
}

#[derive(Template)]
#[template(path = "practice/log.html")]
struct LogPage {
    t: Tr,
    c: Chrome,
    child_id: String,
    log: LogWords,
    routine_key: String,
    practised_by: String,
    /// (code, words, chosen) for the "how did it go" choice.
    responses: Vec<(&'static str, String, bool)>,
    notice: Option<String>,
    confidence: String,
    note: String,
    errors: Errors,
}

fn log_page(
    page: Page,
    grant: &Grant,
    view: &LogView,
    notice: Option<String>,
    typed: Option<&CorrectInput>,
    errors: Errors,
) -> LogPage {
    let Page { t, c } = page;
    LogPage {
        child_id: grant.child_id().to_string(),
        log: log_words(&t, view),
        routine_key: view.routine.key.clone(),
        responses: RESPONSES
            .iter()
            .map(|code| {
                let label = t.get(&format!("log-response-{code}"));
                (*code, label, *code == view.response.as_str())
            })
            .collect(),
        practised_by: view.practised_by.to_string(),
        confidence: typed
            .and_then(|i| i.confidence.clone())
            .unwrap_or_else(|| view.confidence.map(|c| c.to_string()).unwrap_or_default()),
        note: typed.and_then(|i| i.note.clone()).unwrap_or_else(|| view.note.clone()),
        notice,
        errors,
        c,
        t,
    }
}

/// The confirmation after a log, and a log's own page: while it may still
/// be changed, a confidence and a short note can be added here.
async fn show_log(
    State(state): State<AppState>,
    page: Page,
    caller: Caller,
    grant: Grant,
    Path(path): Path<LogPath>,
    Query(query): Query<SavedQuery>,
) -> Result<Response, AppError> {
    let view = practice::view_log(&state.ops, &caller.who, &grant.0, path.log_id).await?;
    let notice = if query.saved.is_some() {
        Some(page.t.get("log-saved"))
    } else if query.changed.is_some() {
        Some(page.t.get("log-changed"))
    } else {
        None
    };
    pages::render(&log_page(page, &grant, &view, notice, None, Errors::default()))
}

async fn correct(
    State(state): State<AppState>,
    page: Page,
    caller: Caller,
    grant: Grant,
    Path(path): Path<LogPath>,
    Form(input): Form<CorrectInput>,
) -> Result<Response, AppError> {
    match practice::correct_log(&state.ops, &caller.who, &grant.0, path.log_id, &input).await {
        Ok(_) => Ok(Redirect::to(&format!(
            "/children/{}/logs/{}?changed=1",
            grant.child_id(),
            path.log_id
        ))
        .into_response()),
        Err(error @ carryover_ops::OpError::Invalid(_)) => {
            let errors = form_errors(&page.t, error)?;
            let view = practice::view_log(&state.ops, &caller.who, &grant.0, path.log_id).await?;
            let shown = log_page(
                page.back_to(format!("/children/{}/logs/{}", grant.child_id(), path.log_id)),
                &grant,
                &view,
                None,
                Some(&input),
                errors,
            );
            pages::render_with(StatusCode::UNPROCESSABLE_ENTITY, &shown)
        }
        Err(error) => Err(error.into()),
    }
}

async fn delete(
    State(state): State<AppState>,
    caller: Caller,
    grant: Grant,
    Path(path): Path<LogPath>,
) -> Result<Response, AppError> {
    practice::delete_log(&state.ops, &caller.who, &grant.0, path.log_id).await?;
    Ok(Redirect::to(&format!("/home?child={}", grant.child_id())).into_response())
}

#[derive(Deserialize)]
struct ListQuery {
    #[serde(default)]
    cursor: Option<String>,
}

/// One row of the measures table.
pub struct MeasureRow {
    pub strategy: StrategyWords,
    pub this_week: String,
    pub streak: String,
    pub days_since: String,
    pub weeks: Vec<String>,
}

/// One generalization grid in words.
pub struct GridWords {
    pub strategy: StrategyWords,
    pub caregivers: Vec<String>,
    /// (routine, cells "3 · 1 · 0")
    pub rows: Vec<(String, Vec<String>)>,
}

pub struct MeasureWords {
    pub household: Vec<(String, String)>,
    pub household_streak: String,
    pub days_since: String,
    pub rows: Vec<MeasureRow>,
    pub grids: Vec<GridWords>,
}

pub(crate) fn percent(t: &Tr, logs: u32, target: u32) -> String {
    if target == 0 {
        return t.get("measure-no-target");
    }
    t.with(
        "measure-of-target",
        &[
            ("done", logs.into()),
            ("target", target.into()),
            ("percent", (u64::from(logs) * 100 / u64::from(target)).into()),
        ],
    )
}

fn days_since(t: &Tr, days: Option<u32>) -> String {
    match days {
        None => t.get("measure-never"),
        Some(days) => t.with("measure-days-since", &[("days", days.into())]),
    }
}

/// The generalization grids in words (the practice and progress pages).
pub(crate) fn grid_words(t: &Tr, matrix: &[GridView]) -> Vec<GridWords> {
    matrix
        .iter()
        .map(|g| GridWords {
            strategy: plan_words::strategy(t, &g.strategy),
            caregivers: g.caregivers.iter().map(|c| c.name.clone()).collect(),
            rows: g
                .routines
                .iter()
                .zip(&g.cells)
                .map(|(r, cells)| {
                    let cells = cells
                        .iter()
                        .map(|c| {
                            t.with(
                                "measure-cell",
                                &[
                                    ("well", c.went_well.into()),
                                    ("mixed", c.mixed.into()),
                                    ("hard", c.hard.into()),
                                ],
                            )
                        })
                        .collect();
                    (plan_words::routine_name(t, r), cells)
                })
                .collect(),
        })
        .collect()
}

pub fn measure_words(t: &Tr, m: &MeasuresView) -> MeasureWords {
    MeasureWords {
        household: m
            .household_weeks
            .iter()
            .map(|w| (t.date(w.week_start), percent(t, w.logs, w.target)))
            .collect(),
        household_streak: t.with("measure-streak", &[("weeks", m.household_streak.into())]),
        days_since: days_since(t, m.days_since_last_log),
        rows: m
            .assignments
            .iter()
            .map(|a| MeasureRow {
                strategy: plan_words::strategy(t, &a.strategy),
                this_week: percent(t, a.this_week.logs, a.this_week.target),
                streak: t.with("measure-streak", &[("weeks", a.streak.into())]),
                days_since: days_since(t, a.days_since_last_log),
                weeks: a.weeks.iter().map(|w| format!("{}/{}", w.logs, w.target)).collect(),
            })
            .collect(),
        grids: grid_words(t, &m.matrix),
    }
}

#[derive(Template)]
#[template(path = "practice/practice.html")]
struct PracticePage {
    t: Tr,
    c: Chrome,
    child_id: String,
    child_name: String,
    only_own: bool,
    logs: Vec<LogWords>,
    next: Option<String>,
    measures: Option<MeasureWords>,
}

/// The child's practice: the logs (a helper's own), and the measures.
async fn show_practice(
    State(state): State<AppState>,
    page: Page,
    caller: Caller,
    grant: Grant,
    Query(query): Query<ListQuery>,
) -> Result<Response, AppError> {
    let after = match query.cursor.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(text) => Some(Uuid::parse_str(text).map_err(|_| AppError::NotFound)?),
    };
    let paging = Paging { after, limit: Some(30) };
    // The measures ride on the same page (one read, one audit row); a
    // helper's page has none.
    let list = practice::list_logs(&state.ops, &caller.who, &grant.0, paging, true).await?;
    let measures = list.measures.as_ref();
    let Page { t, c } = page;
    pages::render(&PracticePage {
        child_id: grant.child_id().to_string(),
        child_name: list.child_name.clone(),
        only_own: list.only_own,
        logs: list.logs.iter().map(|l| log_words(&t, l)).collect(),
        next: list.next.map(|id| id.to_string()),
        measures: measures.map(|m| measure_words(&t, m)),
        c,
        t,
    })
}
