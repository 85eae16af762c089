//! A clinic's own settings, changed by its admins.

use carryover_domain::{
    audit::{AuditAction, AuditResource},
    clinic::{ClinicSettings, check_settings},
};
use carryover_store::{audit, clinic};

use crate::{OpError, Ops, Who, error::SettingsProblemExt};

/// The caller's clinic's settings (any signed-in person's clinic: pages need
/// its time zone and name).
pub async fn current(ops: &Ops, who: &Who) -> Result<ClinicSettings, OpError> {
    let mut conn = ops.db.read_conn().await?;
    let found = clinic::clinic(&mut conn, who.actor.clinic_id()).await?.ok_or(OpError::NotFound)?;
    Ok(found.settings())
}

#[derive(Clone, Debug, Default, serde::Deserialize)]
pub struct SettingsInput {
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub time_zone: String,
    #[serde(default)]
    pub copm_threshold: String,
    /// A checkbox: present (any value) when ticked.
    #[serde(default)]
    pub require_second_factor: Option<String>,
}

/// Changes the settings; every field is checked before anything is saved.
pub async fn update(
    ops: &Ops,
    who: &Who,
    input: &SettingsInput,
) -> Result<ClinicSettings, OpError> {
    if !who.actor.is_admin() {
        return Err(OpError::NotFound);
    }
    let settings = check_settings(
        &input.name,
        &input.time_zone,
        &input.copm_threshold,
        input.require_second_factor.is_some(),
    )
    .map_err(|problems| OpError::Invalid(problems.into_iter().map(|p| p.to_field()).collect()))?;
    let mut tx = ops.db.begin_write().await?;
    clinic::update_settings(&mut tx, who.actor.clinic_id(), &settings).await?;
    let event = who.event(
        AuditAction::Update,
        AuditResource::Clinic,
        Some(who.actor.clinic_id().to_string()),
        None,
    );
    audit::append(&mut tx, &event, ops.now()).await?;
    tx.commit().await?;
    Ok(settings)
}

/// The time zone of an actor's clinic, by name.
pub async fn zone_of(ops: &Ops, actor: &crate::Actor) -> Result<String, OpError> {
    let mut conn = ops.db.read_conn().await?;
    let found = clinic::clinic(&mut conn, actor.clinic_id()).await?.ok_or(OpError::NotFound)?;
    Ok(found.time_zone)
}
