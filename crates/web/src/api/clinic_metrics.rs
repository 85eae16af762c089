//! The JSON twin of the clinic page (issue 14): the same operation, the same
//! numbers. Admins only (404 for everyone else).

use axum::{
    Json,
    extract::{Query, State},
};
use carryover_ops::{
    Operation,
    clinic_metrics::{self, MetricsInput},
};

use crate::{AppState, auth::Caller, error::AppError, routes::Routes};

pub fn routes() -> Routes {
    Routes::new().get("/api/v1/clinic/metrics", get_metrics).calls(Operation::ClinicMetrics)
}

/// The clinic's figures over a period (default: the 12 weeks up to today):
/// active households, the adherence spread and its median, coaching
/// fidelity per therapist, the share of re-rated goals with a clinically
/// important COPM change, the mean GAS T-score change. A figure over nothing
/// is `null`, never NaN.
#[utoipa::path(get, path = "/api/v1/clinic/metrics", tag = "clinic",
    params(MetricsInput),
    responses((status = 200, body = Object, description = "The clinic's figures over the period",
        example = json!({
            "from": "2026-09-08", "to": "2026-11-30", "active_households": 3,
            "adherence": {"weeks": 13, "buckets": [
                {"bucket": "0_24", "households": 1}, {"bucket": "25_49", "households": 0},
                {"bucket": "50_74", "households": 1}, {"bucket": "75_100", "households": 1},
                {"bucket": "no_target", "households": 0}], "median_percent": 60},
            "fidelity": [{"therapist_id": "0190f000-0000-7000-8000-000000000005", "name": "Alex Kim",
                "visits": 2, "average_steps_percent": 70, "all_five": 1}],
            "copm": {"threshold": 2, "goals_rerated": 2, "important": 1, "percent": 50},
            "gas": {"children": 1, "average_change": 27.39}
        })),
        (status = 422, content_type = "application/problem+json", body = crate::api::problem::Problem, description = "A period that cannot be read, that ends before it starts, or in the future")))]
pub(super) async fn get_metrics(
    State(state): State<AppState>,
    caller: Caller,
    Query(input): Query<MetricsInput>,
) -> Result<Json<serde_json::Value>, AppError> {
    let view = clinic_metrics::metrics(&state.ops, &caller.who, &input).await?;
    serde_json::to_value(&view).map(Json).map_err(|e| AppError::Internal(e.into()))
}
