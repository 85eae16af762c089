//! The care team prepares a version of the plan: priorities and goals, and
//! strategies assigned fast — search, pick, choose routines, set a target.

use askama::Template;
use axum::{
    Form,
    extract::{Path, Query, State},
    http::StatusCode,
    response::{IntoResponse, Redirect, Response},
};
use carryover_domain::people::Access;
use carryover_ops::{
    OpError,
    plan::{self, AssignmentInput, EditorView, PrioritiesInput, SearchInput},
};
use uuid::Uuid;

use carryover_ops::Operation;

use super::{Routes, plan::VersionPath};
use crate::{
    AppState,
    auth::{Caller, Grant},
    error::AppError,
    i18n::Tr,
    pages::{self, Chrome, Errors, Page, form_errors},
    plan_words::{self, StrategyRow, VersionWords, area_choices, routine_with_time},
};

pub fn routes() -> Routes {
    Routes::new()
        .get("/children/{child_id}/plan/{version_id}/edit", show_editor)
        .post("/children/{child_id}/plan/{version_id}/priorities", set_priorities)
        .calls(Operation::SetPriorities)
        .post("/children/{child_id}/plan/{version_id}/assignments", add_assignment)
        .calls(Operation::AddAssignment)
}

/// A choice in a list of checkboxes or a select.
pub(super) struct Choice {
    pub value: String,
    pub label: String,
    pub checked: bool,
}

fn choices(items: impl Iterator<Item = (String, String)>, chosen: &[String]) -> Vec<Choice> {
    items.map(|(value, label)| Choice { checked: chosen.contains(&value), value, label }).collect()
}

/// The fields shared by the add and change forms of an assignment.
pub(super) struct AssignmentFieldsForm {
    pub routines: Vec<Choice>,
    pub goals: Vec<Choice>,
    pub who: Vec<Choice>,
    pub times_per_week: String,
    pub changes: String,
}

pub(super) fn fields_form(
    t: &Tr,
    view_goals: &[carryover_ops::goals::GoalWords],
    routines: &[carryover_ops::routines::RoutineLine],
    caregivers: &[carryover_ops::plan::CaregiverChoice],
    input: &AssignmentInput,
) -> AssignmentFieldsForm {
    let mut who = vec![Choice {
        value: String::new(),
        label: t.get("plan-any-caregiver"),
        checked: input.practised_by.is_empty(),
    }];
    who.extend(caregivers.iter().map(|c| Choice {
        value: c.person_id.to_string(),
        label: c.name.clone(),
        checked: input.practised_by == c.person_id.to_string(),
    }));
    AssignmentFieldsForm {
        routines: choices(
            routines.iter().map(|r| (r.key.clone(), routine_with_time(t, r))),
            &input.routines,
        ),
        goals: choices(
            view_goals.iter().map(|g| (g.goal_id.to_string(), g.words.clone())),
            &input.goals,
        ),
        who,
        times_per_week: input.times_per_week.clone(),
        changes: input.changes.clone(),
    }
}

/// Reads a form whose checkboxes repeat a name.
pub(super) fn assignment_input(pairs: &[(String, String)]) -> (AssignmentInput, SearchInput) {
    let mut input = AssignmentInput::default();
    let mut search = SearchInput::default();
    for (name, value) in pairs {
        match name.as_str() {
            "strategy" => input.strategy.clone_from(value),
            "routines" => input.routines.push(value.clone()),
            "goals" => input.goals.push(value.clone()),
            "times_per_week" => input.times_per_week.clone_from(value),
            "practised_by" => input.practised_by.clone_from(value),
            "changes" => input.changes.clone_from(value),
            "q" => search.q.clone_from(value),
            "area" => search.area.clone_from(value),
            _ => {}
        }
    }
    (input, search)
}

#[derive(Template)]
#[template(path = "plan/editor.html")]
struct EditorPage {
    t: Tr,
    c: Chrome,
    child_id: String,
    child_name: String,
    version: VersionWords,
    editable: bool,
    status_line: String,
    priorities: String,
    plan_goals: Vec<Choice>,
    guardians: Vec<Choice>,
    search: SearchInput,
    areas: Vec<(&'static str, String)>,
    results: Vec<StrategyRow>,
    age_line: String,
    add: AssignmentFieldsForm,
    chosen_strategy: String,
    errors: Errors,
    others: Vec<String>,
}

/// What the editor shows again after a refused form.
#[derive(Default)]
pub(super) struct Typed {
    priorities: Option<PrioritiesInput>,
    assignment: Option<AssignmentInput>,
    /// The strategy search the add form was sent with.
    search: SearchInput,
}

/// Where the version stands, for the therapist.
fn status_line(t: &Tr, view: &EditorView) -> String {
    if !view.editable {
        return t.get("plan-editor-agreed");
    }
    match (view.version.shared_at, view.days_waiting) {
        (Some(at), Some(days)) => t.with(
            "plan-editor-shared",
            &[("date", t.date(t.zone().local_date(at)).into()), ("days", days.into())],
        ),
        _ => t.get("plan-editor-draft"),
    }
}

/// The guardians a version can be agreed with in a session.
fn guardian_choices(view: &EditorView) -> Vec<Choice> {
    view.caregivers
        .iter()
        .filter(|c| c.access == Access::Guardian)
        .map(|c| Choice { value: c.person_id.to_string(), label: c.name.clone(), checked: false })
        .collect()
}

/// The age the strategy search fits, or that there is none.
fn age_line(t: &Tr, view: &EditorView) -> String {
    match view.search.age_months {
        Some(months) => t.with(
            "plan-search-age",
            &[("years", (months / 12).into()), ("months", (months % 12).into())],
        ),
        None => t.get("plan-search-no-age"),
    }
}

fn editor_page(
    page: Page,
    grant: Grant,
    view: EditorView,
    typed: Typed,
    errors: Errors,
) -> EditorPage {
    let Page { t, c } = page.back_to(format!(
        "/children/{}/plan/{}/edit",
        grant.child_id(),
        view.version.version_id
    ));
    let version = plan_words::version(&t, &view.version);
    let status_line = status_line(&t, &view);
    let priorities = typed
        .priorities
        .as_ref()
        .map_or_else(|| view.version.priorities.clone(), |p| p.priorities.clone());
    let chosen_goals: Vec<String> = typed.priorities.as_ref().map_or_else(
        || view.version.goals.iter().map(|g| g.goal_id.to_string()).collect(),
        |p| p.goals.clone(),
    );
    let add_input = typed.assignment.unwrap_or_else(|| AssignmentInput {
        times_per_week: "3".into(),
        ..AssignmentInput::default()
    });
    let guardians = guardian_choices(&view);
    let age_line = age_line(&t, &view);
    let shown = [
        "priorities",
        "goals",
        "strategy",
        "routines",
        "times_per_week",
        "practised_by",
        "changes",
    ];
    EditorPage {
        child_id: grant.child_id().to_string(),
        plan_goals: choices(
            view.goals.iter().map(|g| (g.goal_id.to_string(), g.words.clone())),
            &chosen_goals,
        ),
        add: fields_form(&t, &view.goals, &view.routines, &view.caregivers, &add_input),
        chosen_strategy: add_input.strategy.clone(),
        results: view
            .search
            .results
            .iter()
            .map(|card| plan_words::StrategyRow {
                in_plan: view.version.assignments.iter().any(|a| a.source == card.source),
                ..plan_words::strategy_row(&t, card)
            })
            .collect(),
        areas: area_choices(&t),
        others: errors.others(&shown),
        child_name: view.child_name,
        editable: view.editable,
        version,
        status_line,
        priorities,
        guardians,
        search: typed.search,
        age_line,
        errors,
        c,
        t,
    }
}

async fn show_editor(
    State(state): State<AppState>,
    page: Page,
    caller: Caller,
    grant: Grant,
    Path(path): Path<VersionPath>,
    Query(search): Query<SearchInput>,
) -> Result<Response, AppError> {
    let view = plan::editor(&state.ops, &caller.who, &grant.0, path.version_id, &search).await?;
    let typed = Typed { search, ..Typed::default() };
    pages::render(&editor_page(page, grant, view, typed, Errors::default()))
}

/// The editor again with a refused form's messages (422), or the error page.
pub(super) async fn refused(
    state: &AppState,
    page: Page,
    caller: &Caller,
    grant: Grant,
    version_id: Uuid,
    error: OpError,
    typed: Typed,
) -> Result<Response, AppError> {
    let errors = form_errors(&page.t, error)?;
    let view = plan::editor(&state.ops, &caller.who, &grant.0, version_id, &typed.search).await?;
    pages::render_with(
        StatusCode::UNPROCESSABLE_ENTITY,
        &editor_page(page, grant, view, typed, errors),
    )
}

/// Sharing or agreeing refused (nothing to practise, not a guardian).
pub(super) async fn refused_action(
    state: &AppState,
    page: Page,
    caller: &Caller,
    grant: Grant,
    version_id: Uuid,
    error: OpError,
) -> Result<Response, AppError> {
    refused(state, page, caller, grant, version_id, error, Typed::default()).await
}

pub(super) fn to_editor(grant: &Grant, version_id: Uuid) -> Response {
    Redirect::to(&format!("/children/{}/plan/{version_id}/edit", grant.child_id())).into_response()
}

async fn set_priorities(
    State(state): State<AppState>,
    page: Page,
    caller: Caller,
    grant: Grant,
    Path(path): Path<VersionPath>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let mut input = PrioritiesInput::default();
    for (name, value) in pairs {
        match name.as_str() {
            "priorities" => input.priorities = value,
            "goals" => input.goals.push(value),
            _ => {}
        }
    }
    match plan::set_priorities(&state.ops, &caller.who, &grant.0, path.version_id, &input).await {
        Ok(()) => Ok(to_editor(&grant, path.version_id)),
        Err(error) => {
            let typed = Typed { priorities: Some(input), ..Typed::default() };
            refused(&state, page, &caller, grant, path.version_id, error, typed).await
        }
    }
}

async fn add_assignment(
    State(state): State<AppState>,
    page: Page,
    caller: Caller,
    grant: Grant,
    Path(path): Path<VersionPath>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let (input, search) = assignment_input(&pairs);
    match plan::add_assignment(&state.ops, &caller.who, &grant.0, path.version_id, &input).await {
        Ok(_) => Ok(to_editor(&grant, path.version_id)),
        Err(error) => {
            let typed = Typed { assignment: Some(input), search, ..Typed::default() };
            refused(&state, page, &caller, grant, path.version_id, error, typed).await
        }
    }
}
