//! A clinic's own settings, changed by its admins.

use carryover_domain::{
    audit::{AuditAction, AuditResource},
    clinic::{ClinicSettings, SettingsText, check_settings},
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
    #[serde(default)]
    pub guardian_read_days: String,
    #[serde(default)]
    pub retention_years: String,
    /// A checkbox: present (any value) when ticked.
    #[serde(default)]
    pub require_second_factor: Option<String>,
}

impl SettingsInput {
    /// The current settings, as the form shows them.
    pub fn from_settings(settings: &ClinicSettings) -> SettingsInput {
        SettingsInput {
            name: settings.name.clone(),
            time_zone: settings.time_zone.clone(),
            copm_threshold: settings.copm_threshold.to_string(),
            guardian_read_days: settings.guardian_read_days.to_string(),
            retention_years: settings.retention_years.to_string(),
            require_second_factor: settings.require_second_factor.then(|| "on".to_owned()),
        }
    }
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
    let text = SettingsText {
        name: &input.name,
        time_zone: &input.time_zone,
        copm_threshold: &input.copm_threshold,
        guardian_read_days: &input.guardian_read_days,
        retention_years: &input.retention_years,
        require_second_factor: input.require_second_factor.is_some(),
    };
    let settings = check_settings(text).map_err(|problems| {
        OpError::Invalid(problems.into_iter().map(|p| p.to_field()).collect())
    })?;
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

/// Today on the clinic's calendar: dates people type (a birth, a
/// discharge) are checked against it.
pub(crate) async fn clinic_today(
    conn: &mut carryover_store::AnyConnection,
    clinic_id: uuid::Uuid,
    now: time::OffsetDateTime,
) -> Result<time::Date, OpError> {
    let found = clinic::clinic(conn, clinic_id).await?.ok_or(OpError::NotFound)?;
    let zone = carryover_domain::zone::ClinicZone::parse(&found.time_zone)
        .unwrap_or_else(carryover_domain::zone::ClinicZone::utc);
    Ok(zone.local_date(now))
}

/// The time zone of an actor's clinic, by name.
pub async fn zone_of(ops: &Ops, actor: &crate::Actor) -> Result<String, OpError> {
    let mut conn = ops.db.read_conn().await?;
    let found = clinic::clinic(&mut conn, actor.clinic_id()).await?.ok_or(OpError::NotFound)?;
    Ok(found.time_zone)
}
