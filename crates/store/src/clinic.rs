//! Clinics, the tenants, and the settings each chooses for itself.

use carryover_domain::clinic::ClinicSettings;
use sqlx::{AnyConnection, FromRow};
use time::OffsetDateTime;
use uuid::Uuid;

use crate::{
    Db, StoreError, WriteTx,
    codec::{At, Flag, Id},
};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Clinic {
    pub clinic_id: Uuid,
    pub name: String,
    pub is_demo: bool,
    pub created_at: OffsetDateTime,
    pub time_zone: String,
    pub copm_threshold: u8,
    pub guardian_read_days: u16,
    pub retention_years: u8,
    pub require_second_factor: bool,
}

impl Clinic {
    pub fn settings(&self) -> ClinicSettings {
        ClinicSettings {
            name: self.name.clone(),
            time_zone: self.time_zone.clone(),
            copm_threshold: self.copm_threshold,
            guardian_read_days: self.guardian_read_days,
            retention_years: self.retention_years,
            require_second_factor: self.require_second_factor,
        }
    }
}

#[derive(Debug, Clone)]
pub struct NewClinic {
    pub name: String,
    pub is_demo: bool,
}

#[derive(FromRow)]
struct ClinicRow {
    clinic_id: Id,
    name: String,
    is_demo: Flag,
    created_at: At,
    time_zone: String,
    copm_threshold: i64,
    guardian_read_days: i64,
    retention_years: i64,
    require_second_factor: Flag,
}

impl From<ClinicRow> for Clinic {
    fn from(row: ClinicRow) -> Self {
        Clinic {
            clinic_id: row.clinic_id.0,
            name: row.name,
            is_demo: row.is_demo.0,
            created_at: row.created_at.0,
            time_zone: row.time_zone,
            copm_threshold: u8::try_from(row.copm_threshold).unwrap_or(2),
            guardian_read_days: u16::try_from(row.guardian_read_days).unwrap_or(0),
            retention_years: u8::try_from(row.retention_years).unwrap_or(u8::MAX),
            require_second_factor: row.require_second_factor.0,
        }
    }
}

const CLINIC_COLUMNS: &str = "clinic_id, name, is_demo, created_at, time_zone, copm_threshold, \
     guardian_read_days, retention_years, require_second_factor";

/// Inserts a clinic inside the caller's write transaction. A real clinic
/// starts requiring staff to pass a second factor; the demo does not.
pub async fn insert_clinic(
    tx: &mut WriteTx,
    new: &NewClinic,
    now: OffsetDateTime,
) -> Result<Clinic, StoreError> {
    let id = Uuid::now_v7();
    sqlx::query(
        "INSERT INTO clinic (clinic_id, name, is_demo, created_at, require_second_factor) \
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(Id(id))
    .bind(new.name.as_str())
    .bind(Flag(new.is_demo))
    .bind(At(now))
    .bind(Flag(!new.is_demo))
    .execute(&mut **tx)
    .await?;
    clinic(tx, id).await?.ok_or(StoreError::NotFound)
}

pub async fn clinic(
    conn: &mut AnyConnection,
    clinic_id: Uuid,
) -> Result<Option<Clinic>, StoreError> {
    let sql = format!("SELECT {CLINIC_COLUMNS} FROM clinic WHERE clinic_id = $1");
    Ok(sqlx::query_as::<_, ClinicRow>(sqlx::AssertSqlSafe(sql))
        .bind(Id(clinic_id))
        .fetch_optional(conn)
        .await?
        .map(Clinic::from))
}

pub async fn update_settings(
    tx: &mut WriteTx,
    clinic_id: Uuid,
    settings: &ClinicSettings,
) -> Result<(), StoreError> {
    sqlx::query(
        "UPDATE clinic SET name = $2, time_zone = $3, copm_threshold = $4, guardian_read_days = $5, \
         retention_years = $6, require_second_factor = $7 WHERE clinic_id = $1",
    )
    .bind(Id(clinic_id))
    .bind(settings.name.as_str())
    .bind(settings.time_zone.as_str())
    .bind(i64::from(settings.copm_threshold))
    .bind(i64::from(settings.guardian_read_days))
    .bind(i64::from(settings.retention_years))
    .bind(Flag(settings.require_second_factor))
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Turns the second-factor requirement on or off (tests and the command line;
/// admins use the settings page).
pub async fn set_second_factor_required(
    tx: &mut WriteTx,
    clinic_id: Uuid,
    required: bool,
) -> Result<(), StoreError> {
    sqlx::query("UPDATE clinic SET require_second_factor = $2 WHERE clinic_id = $1")
        .bind(Id(clinic_id))
        .bind(Flag(required))
        .execute(&mut **tx)
        .await?;
    Ok(())
}

impl Db {
    /// Creates a clinic in its own transaction.
    pub async fn create_clinic(
        &self,
        new: &NewClinic,
        now: OffsetDateTime,
    ) -> Result<Clinic, StoreError> {
        let mut tx = self.begin_write().await?;
        let clinic = insert_clinic(&mut tx, new, now).await?;
        tx.commit().await?;
        Ok(clinic)
    }

    pub async fn count_clinics(&self) -> Result<i64, StoreError> {
        Ok(sqlx::query_scalar("SELECT COUNT(*) FROM clinic").fetch_one(self.reader()).await?)
    }

    pub async fn list_clinics(&self) -> Result<Vec<Clinic>, StoreError> {
        let sql = format!("SELECT {CLINIC_COLUMNS} FROM clinic ORDER BY clinic_id");
        Ok(sqlx::query_as::<_, ClinicRow>(sqlx::AssertSqlSafe(sql))
            .fetch_all(self.reader())
            .await?
            .into_iter()
            .map(Clinic::from)
            .collect())
    }

    pub async fn demo_clinic(&self) -> Result<Option<Clinic>, StoreError> {
        let sql = format!("SELECT {CLINIC_COLUMNS} FROM clinic WHERE is_demo = 1");
        Ok(sqlx::query_as::<_, ClinicRow>(sqlx::AssertSqlSafe(sql))
            .fetch_optional(self.reader())
            .await?
            .map(Clinic::from))
    }
}
