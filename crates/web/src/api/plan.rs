//! The joint plan's JSON twins: routines, goals with their COPM and GAS
//! measures, plan versions and their assignments, and the strategy library.
//! Reads answer with the operations' own view models (the same numbers the
//! pages show, e.g. GAS T-scores to two decimals); writes take typed bodies.

use axum::{
    Json,
    extract::{Path, Query, State},
    http::StatusCode,
    response::{IntoResponse, Response},
};
use carryover_ops::{
    Operation, goals,
    goals::GoalInput,
    measures,
    measures::{CopmInput, GasRatingInput, GasScaleInput},
    plan,
    plan::{AgreeInput, AssignmentInput, PrioritiesInput},
    routines,
    routines::{NewRoutineInput, UsualTimeInput},
    strategies,
    strategies::{LibraryInput, StrategyInput},
};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use crate::{
    AppState,
    auth::{Caller, Grant},
    error::AppError,
    routes::Routes,
};

pub fn routes() -> Routes {
    Routes::new()
        .get("/api/v1/children/{child_id}/routines", get_routines)
        .calls(Operation::ViewRoutines)
        .post("/api/v1/children/{child_id}/routines", add_routine)
        .calls(Operation::AddRoutine)
        .put("/api/v1/children/{child_id}/routines/{routine}", set_usual_time)
        .calls(Operation::SetUsualTime)
        .get("/api/v1/children/{child_id}/goals", get_goals)
        .calls(Operation::ViewGoals)
        .post("/api/v1/children/{child_id}/goals", create_goal)
        .calls(Operation::CreateGoal)
        .get("/api/v1/children/{child_id}/goals/{goal_id}", get_goal)
        .calls(Operation::ViewGoal)
        .put("/api/v1/children/{child_id}/goals/{goal_id}", update_goal)
        .calls(Operation::UpdateGoal)
        .put("/api/v1/children/{child_id}/goals/{goal_id}/gas", save_gas_scale)
        .calls(Operation::SaveGasScale)
        .post("/api/v1/children/{child_id}/goals/{goal_id}/gas/ratings", add_gas_rating)
        .calls(Operation::AddGasRating)
        .post("/api/v1/children/{child_id}/copm", record_copm)
        .calls(Operation::RecordCopm)
        .get("/api/v1/children/{child_id}/plan", get_plan)
        .calls(Operation::ViewPlan)
        .get("/api/v1/children/{child_id}/plan/history", get_history)
        .calls(Operation::PlanHistory)
        .get("/api/v1/children/{child_id}/plan/{version_id}", get_version)
        .calls(Operation::ViewPlanVersion)
        .post("/api/v1/children/{child_id}/plan/drafts", start_draft)
        .calls(Operation::StartDraft)
        .put("/api/v1/children/{child_id}/plan/{version_id}/priorities", set_priorities)
        .calls(Operation::SetPriorities)
        .post("/api/v1/children/{child_id}/plan/{version_id}/assignments", add_assignment)
        .calls(Operation::AddAssignment)
        .put(
            "/api/v1/children/{child_id}/plan/{version_id}/assignments/{assignment_id}",
            update_assignment,
        )
        .calls(Operation::UpdateAssignment)
        .delete(
            "/api/v1/children/{child_id}/plan/{version_id}/assignments/{assignment_id}",
            remove_assignment,
        )
        .calls(Operation::RemoveAssignment)
        .post("/api/v1/children/{child_id}/plan/{version_id}/share", share)
        .calls(Operation::SharePlan)
        .post("/api/v1/children/{child_id}/plan/{version_id}/agree", agree)
        .calls(Operation::AgreePlan)
        .post("/api/v1/children/{child_id}/plan/{version_id}/confirm", confirm)
        .calls(Operation::ConfirmPlan)
        .get("/api/v1/strategies", library)
        .calls(Operation::StrategyLibrary)
        .post("/api/v1/strategies", create_strategy)
        .calls(Operation::CreateStrategy)
        .get("/api/v1/strategies/starter/{slug}", get_starter)
        .calls(Operation::ViewStarterStrategy)
        .post("/api/v1/strategies/starter/{slug}/copy", copy_starter)
        .calls(Operation::CopyStarterStrategy)
        .get("/api/v1/strategies/clinic/{strategy_id}", get_clinic_strategy)
        .calls(Operation::ViewClinicStrategy)
        .put("/api/v1/strategies/clinic/{strategy_id}", update_strategy)
        .calls(Operation::UpdateStrategy)
}

/// The id of what a request made.
#[derive(Debug, Serialize, ToSchema)]
#[schema(example = json!({"id": "0190f000-0000-7000-8000-000000000030"}))]
pub struct Created {
    pub id: Uuid,
}

fn created(id: Uuid) -> Response {
    (StatusCode::CREATED, Json(Created { id })).into_response()
}

fn id(text: &str) -> Result<Uuid, AppError> {
    Uuid::parse_str(text).map_err(|_| AppError::NotFound)
}

/// A view model as JSON: the same data the page renders.
fn view<T: Serialize>(value: &T) -> Result<Json<serde_json::Value>, AppError> {
    serde_json::to_value(value).map(Json).map_err(|e| AppError::Internal(e.into()))
}

type Answer = Result<Json<serde_json::Value>, AppError>;

#[derive(Deserialize)]
pub(super) struct RoutinePath {
    #[allow(dead_code)]
    child_id: String,
    routine: String,
}

#[derive(Deserialize)]
pub(super) struct GoalPath {
    #[allow(dead_code)]
    child_id: String,
    goal_id: String,
}

#[derive(Deserialize)]
pub(super) struct VersionPath {
    #[allow(dead_code)]
    child_id: String,
    version_id: String,
}

#[derive(Deserialize)]
pub(super) struct AssignmentPath {
    #[allow(dead_code)]
    child_id: String,
    version_id: String,
    assignment_id: String,
}

/// The family's routines: the standard ones and its own, with usual times.
#[utoipa::path(get, path = "/api/v1/children/{child_id}/routines", tag = "plan",
    params(("child_id" = Uuid, Path)), responses((status = 200, body = Object, description = "Routines and their usual times")))]
pub(super) async fn get_routines(
    State(state): State<AppState>,
    caller: Caller,
    grant: Grant,
) -> Answer {
    view(&routines::view(&state.ops, &caller.who, &grant.0).await?)
}

#[utoipa::path(post, path = "/api/v1/children/{child_id}/routines", tag = "plan",
    params(("child_id" = Uuid, Path)), request_body = NewRoutineInput, responses((status = 201, body = Created)))]
pub(super) async fn add_routine(
    State(state): State<AppState>,
    caller: Caller,
    grant: Grant,
    Json(body): Json<NewRoutineInput>,
) -> Result<Response, AppError> {
    Ok(created(routines::add(&state.ops, &caller.who, &grant.0, &body).await?))
}

/// Sets or clears a routine's usual time (`routine` is a standard routine's code or an own routine's id).
#[utoipa::path(put, path = "/api/v1/children/{child_id}/routines/{routine}", tag = "plan",
    params(("child_id" = Uuid, Path), ("routine" = String, Path)), request_body = UsualTimeInput, responses((status = 204, description = "Saved")))]
pub(super) async fn set_usual_time(
    State(state): State<AppState>,
    caller: Caller,
    grant: Grant,
    Path(path): Path<RoutinePath>,
    Json(body): Json<UsualTimeInput>,
) -> Result<StatusCode, AppError> {
    routines::set_time(&state.ops, &caller.who, &grant.0, &path.routine, &body).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub(super) struct GoalSet {
    /// Goal ids for the GAS T-score (repeat `set=`); none for the default set.
    #[serde(default)]
    #[allow(dead_code)] // Read from the raw query: `set` repeats.
    set: Vec<String>,
}

/// The child's goals in words; for everyone but helpers also COPM scores and the GAS T-score.
#[utoipa::path(get, path = "/api/v1/children/{child_id}/goals", tag = "plan",
    params(("child_id" = Uuid, Path), GoalSet), responses((status = 200, body = Object, description = "Goals, COPM scores and the GAS T-score")))]
pub(super) async fn get_goals(
    State(state): State<AppState>,
    caller: Caller,
    grant: Grant,
    Query(query): Query<Vec<(String, String)>>,
) -> Answer {
    let set: Vec<String> = query.into_iter().filter(|(k, _)| k == "set").map(|(_, v)| v).collect();
    view(&goals::view(&state.ops, &caller.who, &grant.0, &set).await?)
}

#[utoipa::path(post, path = "/api/v1/children/{child_id}/goals", tag = "plan",
    params(("child_id" = Uuid, Path)), request_body = GoalInput, responses((status = 201, body = Created)))]
pub(super) async fn create_goal(
    State(state): State<AppState>,
    caller: Caller,
    grant: Grant,
    Json(body): Json<GoalInput>,
) -> Result<Response, AppError> {
    Ok(created(goals::create(&state.ops, &caller.who, &grant.0, &body).await?))
}

/// One goal with its GAS scale, ratings and COPM history.
#[utoipa::path(get, path = "/api/v1/children/{child_id}/goals/{goal_id}", tag = "plan",
    params(("child_id" = Uuid, Path), ("goal_id" = Uuid, Path)), responses((status = 200, body = Object, description = "The goal and its measures")))]
pub(super) async fn get_goal(
    State(state): State<AppState>,
    caller: Caller,
    grant: Grant,
    Path(path): Path<GoalPath>,
) -> Answer {
    view(&goals::goal_view(&state.ops, &caller.who, &grant.0, id(&path.goal_id)?).await?)
}

#[utoipa::path(put, path = "/api/v1/children/{child_id}/goals/{goal_id}", tag = "plan",
    params(("child_id" = Uuid, Path), ("goal_id" = Uuid, Path)), request_body = GoalInput, responses((status = 204, description = "Saved")))]
pub(super) async fn update_goal(
    State(state): State<AppState>,
    caller: Caller,
    grant: Grant,
    Path(path): Path<GoalPath>,
    Json(body): Json<GoalInput>,
) -> Result<StatusCode, AppError> {
    goals::update(&state.ops, &caller.who, &grant.0, id(&path.goal_id)?, &body).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Sets the goal's GAS scale: levels in words, baseline, optional weight.
#[utoipa::path(put, path = "/api/v1/children/{child_id}/goals/{goal_id}/gas", tag = "plan",
    params(("child_id" = Uuid, Path), ("goal_id" = Uuid, Path)), request_body = GasScaleInput, responses((status = 204, description = "Saved")))]
pub(super) async fn save_gas_scale(
    State(state): State<AppState>,
    caller: Caller,
    grant: Grant,
    Path(path): Path<GoalPath>,
    Json(body): Json<GasScaleInput>,
) -> Result<StatusCode, AppError> {
    measures::save_gas_scale(&state.ops, &caller.who, &grant.0, id(&path.goal_id)?, &body).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// A GAS attainment rating by the therapist or a guardian (kept apart).
#[utoipa::path(post, path = "/api/v1/children/{child_id}/goals/{goal_id}/gas/ratings", tag = "plan",
    params(("child_id" = Uuid, Path), ("goal_id" = Uuid, Path)), request_body = GasRatingInput, responses((status = 201, body = Created)))]
pub(super) async fn add_gas_rating(
    State(state): State<AppState>,
    caller: Caller,
    grant: Grant,
    Path(path): Path<GoalPath>,
    Json(body): Json<GasRatingInput>,
) -> Result<Response, AppError> {
    Ok(created(
        measures::add_gas_rating(&state.ops, &caller.who, &grant.0, id(&path.goal_id)?, &body)
            .await?,
    ))
}

/// A COPM rating occasion: importance 1–10 per problem, performance and satisfaction for up to five.
#[utoipa::path(post, path = "/api/v1/children/{child_id}/copm", tag = "plan",
    params(("child_id" = Uuid, Path)), request_body = CopmInput, responses((status = 201, body = Created)))]
pub(super) async fn record_copm(
    State(state): State<AppState>,
    caller: Caller,
    grant: Grant,
    Json(body): Json<CopmInput>,
) -> Result<Response, AppError> {
    Ok(created(measures::record_copm(&state.ops, &caller.who, &grant.0, &body).await?))
}

/// The agreed plan (what caregivers follow) and, for the care team and guardians, the version being prepared.
#[utoipa::path(get, path = "/api/v1/children/{child_id}/plan", tag = "plan",
    params(("child_id" = Uuid, Path)), responses((status = 200, body = Object, description = "The plan overview")))]
pub(super) async fn get_plan(
    State(state): State<AppState>,
    caller: Caller,
    grant: Grant,
) -> Answer {
    view(&plan::view(&state.ops, &caller.who, &grant.0).await?)
}

/// Every version, with what changed between them.
#[utoipa::path(get, path = "/api/v1/children/{child_id}/plan/history", tag = "plan",
    params(("child_id" = Uuid, Path)), responses((status = 200, body = Object, description = "The versions and their changes")))]
pub(super) async fn get_history(
    State(state): State<AppState>,
    caller: Caller,
    grant: Grant,
) -> Answer {
    view(&plan::history(&state.ops, &caller.who, &grant.0).await?)
}

#[utoipa::path(get, path = "/api/v1/children/{child_id}/plan/{version_id}", tag = "plan",
    params(("child_id" = Uuid, Path), ("version_id" = Uuid, Path)), responses((status = 200, body = Object, description = "One version")))]
pub(super) async fn get_version(
    State(state): State<AppState>,
    caller: Caller,
    grant: Grant,
    Path(path): Path<VersionPath>,
) -> Answer {
    view(&plan::version_page(&state.ops, &caller.who, &grant.0, id(&path.version_id)?).await?)
}

/// Starts a version from the agreed one (or answers the open one).
#[utoipa::path(post, path = "/api/v1/children/{child_id}/plan/drafts", tag = "plan",
    params(("child_id" = Uuid, Path)), responses((status = 201, body = Created)))]
pub(super) async fn start_draft(
    State(state): State<AppState>,
    caller: Caller,
    grant: Grant,
) -> Result<Response, AppError> {
    Ok(created(plan::start_draft(&state.ops, &caller.who, &grant.0).await?.version_id))
}

#[utoipa::path(put, path = "/api/v1/children/{child_id}/plan/{version_id}/priorities", tag = "plan",
    params(("child_id" = Uuid, Path), ("version_id" = Uuid, Path)), request_body = PrioritiesInput, responses((status = 204, description = "Saved")))]
pub(super) async fn set_priorities(
    State(state): State<AppState>,
    caller: Caller,
    grant: Grant,
    Path(path): Path<VersionPath>,
    Json(body): Json<PrioritiesInput>,
) -> Result<StatusCode, AppError> {
    plan::set_priorities(&state.ops, &caller.who, &grant.0, id(&path.version_id)?, &body).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Adds an assignment: a strategy, routines, a target per week, who practises, the family's changes.
#[utoipa::path(post, path = "/api/v1/children/{child_id}/plan/{version_id}/assignments", tag = "plan",
    params(("child_id" = Uuid, Path), ("version_id" = Uuid, Path)), request_body = AssignmentInput, responses((status = 201, body = Created)))]
pub(super) async fn add_assignment(
    State(state): State<AppState>,
    caller: Caller,
    grant: Grant,
    Path(path): Path<VersionPath>,
    Json(body): Json<AssignmentInput>,
) -> Result<Response, AppError> {
    Ok(created(
        plan::add_assignment(&state.ops, &caller.who, &grant.0, id(&path.version_id)?, &body)
            .await?,
    ))
}

#[utoipa::path(put, path = "/api/v1/children/{child_id}/plan/{version_id}/assignments/{assignment_id}", tag = "plan",
    params(("child_id" = Uuid, Path), ("version_id" = Uuid, Path), ("assignment_id" = Uuid, Path)), request_body = AssignmentInput, responses((status = 204, description = "Saved")))]
pub(super) async fn update_assignment(
    State(state): State<AppState>,
    caller: Caller,
    grant: Grant,
    Path(path): Path<AssignmentPath>,
    Json(body): Json<AssignmentInput>,
) -> Result<StatusCode, AppError> {
    plan::update_assignment(
        &state.ops,
        &caller.who,
        &grant.0,
        id(&path.version_id)?,
        id(&path.assignment_id)?,
        &body,
    )
    .await?;
    Ok(StatusCode::NO_CONTENT)
}

#[utoipa::path(delete, path = "/api/v1/children/{child_id}/plan/{version_id}/assignments/{assignment_id}", tag = "plan",
    params(("child_id" = Uuid, Path), ("version_id" = Uuid, Path), ("assignment_id" = Uuid, Path)), responses((status = 204, description = "Removed")))]
pub(super) async fn remove_assignment(
    State(state): State<AppState>,
    caller: Caller,
    grant: Grant,
    Path(path): Path<AssignmentPath>,
) -> Result<StatusCode, AppError> {
    plan::remove_assignment(
        &state.ops,
        &caller.who,
        &grant.0,
        id(&path.version_id)?,
        id(&path.assignment_id)?,
    )
    .await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Shares the version with the guardians (the therapist's confirmation).
#[utoipa::path(post, path = "/api/v1/children/{child_id}/plan/{version_id}/share", tag = "plan",
    params(("child_id" = Uuid, Path), ("version_id" = Uuid, Path)), responses((status = 204, description = "Shared")))]
pub(super) async fn share(
    State(state): State<AppState>,
    caller: Caller,
    grant: Grant,
    Path(path): Path<VersionPath>,
) -> Result<StatusCode, AppError> {
    plan::share(&state.ops, &caller.who, &grant.0, id(&path.version_id)?).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Agreed in a session with the named guardian present: caregivers see it at once.
#[utoipa::path(post, path = "/api/v1/children/{child_id}/plan/{version_id}/agree", tag = "plan",
    params(("child_id" = Uuid, Path), ("version_id" = Uuid, Path)), request_body = AgreeInput, responses((status = 204, description = "Agreed")))]
pub(super) async fn agree(
    State(state): State<AppState>,
    caller: Caller,
    grant: Grant,
    Path(path): Path<VersionPath>,
    Json(body): Json<AgreeInput>,
) -> Result<StatusCode, AppError> {
    plan::record_agreement(&state.ops, &caller.who, &grant.0, id(&path.version_id)?, &body).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// A guardian confirms a shared version from their own phone.
#[utoipa::path(post, path = "/api/v1/children/{child_id}/plan/{version_id}/confirm", tag = "plan",
    params(("child_id" = Uuid, Path), ("version_id" = Uuid, Path)), responses((status = 204, description = "Confirmed")))]
pub(super) async fn confirm(
    State(state): State<AppState>,
    caller: Caller,
    grant: Grant,
    Path(path): Path<VersionPath>,
) -> Result<StatusCode, AppError> {
    plan::confirm(&state.ops, &caller.who, &grant.0, id(&path.version_id)?).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// The strategy library: words in either language, an area, the child's age in years.
#[utoipa::path(get, path = "/api/v1/strategies", tag = "strategies",
    params(LibraryQuery), responses((status = 200, body = Object, description = "Matching strategies")))]
pub(super) async fn library(
    State(state): State<AppState>,
    caller: Caller,
    Query(query): Query<LibraryQuery>,
) -> Answer {
    let input = LibraryInput {
        q: query.q.unwrap_or_default(),
        area: query.area.unwrap_or_default(),
        age: query.age.unwrap_or_default(),
    };
    view(&strategies::library(&state.ops, &caller.who, &input).await?)
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub(super) struct LibraryQuery {
    /// Words to find, in English or Spanish.
    q: Option<String>,
    /// An area code, e.g. `dressing`.
    area: Option<String>,
    /// The child's age in whole years.
    age: Option<String>,
}

#[utoipa::path(post, path = "/api/v1/strategies", tag = "strategies",
    request_body = StrategyInput, responses((status = 201, body = Created)))]
pub(super) async fn create_strategy(
    State(state): State<AppState>,
    caller: Caller,
    Json(body): Json<StrategyInput>,
) -> Result<Response, AppError> {
    Ok(created(strategies::create(&state.ops, &caller.who, &body).await?))
}

#[utoipa::path(get, path = "/api/v1/strategies/starter/{slug}", tag = "strategies",
    params(("slug" = String, Path)), responses((status = 200, body = Object, description = "A starter strategy in both languages")))]
pub(super) async fn get_starter(
    State(state): State<AppState>,
    caller: Caller,
    Path(slug): Path<String>,
) -> Answer {
    view(&strategies::starter(&state.ops, &caller.who, &slug).await?)
}

/// Copies a starter strategy into the clinic's library, to edit it.
#[utoipa::path(post, path = "/api/v1/strategies/starter/{slug}/copy", tag = "strategies",
    params(("slug" = String, Path)), responses((status = 201, body = Created)))]
pub(super) async fn copy_starter(
    State(state): State<AppState>,
    caller: Caller,
    Path(slug): Path<String>,
) -> Result<Response, AppError> {
    Ok(created(strategies::copy_starter(&state.ops, &caller.who, &slug).await?))
}

#[utoipa::path(get, path = "/api/v1/strategies/clinic/{strategy_id}", tag = "strategies",
    params(("strategy_id" = Uuid, Path)), responses((status = 200, body = Object, description = "A clinic strategy")))]
pub(super) async fn get_clinic_strategy(
    State(state): State<AppState>,
    caller: Caller,
    Path(sid): Path<String>,
) -> Answer {
    view(&strategies::clinic_strategy(&state.ops, &caller.who, id(&sid)?).await?)
}

/// Edits a clinic strategy; agreed plans keep the text they were agreed with.
#[utoipa::path(put, path = "/api/v1/strategies/clinic/{strategy_id}", tag = "strategies",
    params(("strategy_id" = Uuid, Path)), request_body = StrategyInput, responses((status = 204, description = "Saved")))]
pub(super) async fn update_strategy(
    State(state): State<AppState>,
    caller: Caller,
    Path(sid): Path<String>,
    Json(body): Json<StrategyInput>,
) -> Result<StatusCode, AppError> {
    strategies::update(&state.ops, &caller.who, id(&sid)?, &body).await?;
    Ok(StatusCode::NO_CONTENT)
}
