//! The clinic's settings, for its admins.

use axum::{Json, extract::State};
use carryover_ops::{
    Operation,
    settings::{self, SettingsInput},
};

use super::models::Settings;
use crate::{AppState, auth::Caller, error::AppError, routes::Routes};

pub fn routes() -> Routes {
    Routes::new()
        .get("/api/v1/clinic/settings", get_settings)
        .calls(Operation::ViewSettings)
        .put("/api/v1/clinic/settings", put_settings)
        .calls(Operation::UpdateSettings)
}

fn to_model(s: carryover_domain::clinic::ClinicSettings) -> Settings {
    Settings {
        name: s.name,
        time_zone: s.time_zone,
        copm_threshold: i64::from(s.copm_threshold),
        guardian_read_days: i64::from(s.guardian_read_days),
        retention_years: i64::from(s.retention_years),
        require_second_factor: Some(s.require_second_factor),
    }
}

#[utoipa::path(get, path = "/api/v1/clinic/settings", tag = "clinic", responses((status = 200, body = Settings)))]
pub(super) async fn get_settings(
    State(state): State<AppState>,
    caller: Caller,
) -> Result<Json<Settings>, AppError> {
    if !caller.who.actor.is_admin() {
        return Err(AppError::NotFound);
    }
    Ok(Json(to_model(settings::current(&state.ops, &caller.who).await?)))
}

/// Replaces the settings; every field is checked before anything is saved.
#[utoipa::path(put, path = "/api/v1/clinic/settings", tag = "clinic", request_body = Settings,
    responses((status = 200, body = Settings)))]
pub(super) async fn put_settings(
    State(state): State<AppState>,
    caller: Caller,
    Json(body): Json<Settings>,
) -> Result<Json<Settings>, AppError> {
    // Left out, the two-step requirement stays: a client that does not know
    // the field must not turn it off by accident.
    let require = match body.require_second_factor {
        Some(required) => required,
        None => settings::current(&state.ops, &caller.who).await?.require_second_factor,
    };
    let input = SettingsInput {
        name: body.name,
        time_zone: body.time_zone,
        copm_threshold: body.copm_threshold.to_string(),
        guardian_read_days: body.guardian_read_days.to_string(),
        retention_years: body.retention_years.to_string(),
        require_second_factor: require.then(|| "on".to_owned()),
    };
    Ok(Json(to_model(settings::update(&state.ops, &caller.who, &input).await?)))
}
