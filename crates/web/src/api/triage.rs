//! The JSON twin of the therapist's home (issue 14): the caseload triage,
//! by need, with the same figures as counted/target pairs and ratios to two
//! decimals (`null` when there is no target: never NaN).

use axum::{
    Json,
    extract::{Query, State},
};
use carryover_ops::{
    Operation,
    triage::{self, TriageInput},
};

use crate::{AppState, auth::Caller, error::AppError, routes::Routes};

pub fn routes() -> Routes {
    Routes::new().get("/api/v1/triage", get_triage).calls(Operation::ViewTriage)
}

/// The caller's caseload (the children of their care teams), sorted by need:
/// open flags first, then the longest without practice (never counts as the
/// longest), then the lowest adherence over the four full weeks before this
/// one, then the name. `show` filters: all, flags, silent (7 days or more),
/// low (below 50% over 4 weeks), awaiting (an answer from the care team).
#[utoipa::path(get, path = "/api/v1/triage", tag = "triage", params(TriageInput),
    responses((status = 200, body = Object, description = "The triage",
        example = json!({
            "today": "2026-12-02", "filter": "all",
            "rows": [{
                "child_id": "0190f000-0000-7000-8000-000000000001", "child_name": "Mia", "household_name": "Reyes family",
                "days_since_practice": 1,
                "this_week": {"counted": 1, "target": 5, "adherence": 0.2},
                "weeks": [
                    {"week_start": "2026-11-02", "counted": 3, "target": 5, "adherence": 0.6},
                    {"week_start": "2026-11-09", "counted": 5, "target": 5, "adherence": 1.0},
                    {"week_start": "2026-11-16", "counted": 0, "target": 5, "adherence": 0.0},
                    {"week_start": "2026-11-23", "counted": 0, "target": 5, "adherence": 0.0}],
                "four_weeks": {"counted": 8, "target": 20, "adherence": 0.4},
                "open_flags": 1, "awaiting_answer": 2, "plan_waiting": false,
                "next_visit": {"starts_at": "2026-12-03T10:00:00Z", "local_date": "2026-12-03", "local_time": "10:00", "setting": "clinic"}
            }],
            "filters": [{"filter": "all", "children": 1}, {"filter": "flags", "children": 1},
                {"filter": "silent", "children": 0}, {"filter": "low", "children": 1}, {"filter": "awaiting", "children": 1}],
            "upcoming": [{"child_id": "0190f000-0000-7000-8000-000000000001", "child_name": "Mia",
                "starts_at": "2026-12-03T10:00:00Z", "local_date": "2026-12-03", "local_time": "10:00", "setting": "clinic"}]
        })),
        (status = 422, content_type = "application/problem+json", body = crate::api::problem::Problem, description = "An unknown filter")))]
pub(super) async fn get_triage(
    State(state): State<AppState>,
    caller: Caller,
    Query(input): Query<TriageInput>,
) -> Result<Json<serde_json::Value>, AppError> {
    let view = triage::triage(&state.ops, &caller.who, &input).await?;
    serde_json::to_value(&view).map(Json).map_err(|e| AppError::Internal(e.into()))
}
