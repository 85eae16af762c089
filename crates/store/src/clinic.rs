use sqlx::{Any, FromRow, Transaction};
use time::OffsetDateTime;
use uuid::Uuid;

use crate::{Db, StoreError, time_text};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Clinic {
    pub clinic_id: Uuid,
    pub name: String,
    pub is_demo: bool,
    pub created_at: OffsetDateTime,
}

#[derive(Debug, Clone)]
pub struct NewClinic {
    pub name: String,
    pub is_demo: bool,
}

#[derive(FromRow)]
struct ClinicRow {
    clinic_id: String,
    name: String,
    is_demo: i64,
    created_at: String,
}

impl TryFrom<ClinicRow> for Clinic {
    type Error = StoreError;
    fn try_from(row: ClinicRow) -> Result<Self, StoreError> {
        Ok(Clinic {
            clinic_id: parse_id(&row.clinic_id)?,
            name: row.name,
            is_demo: row.is_demo == 1,
            created_at: time_text::from_text(&row.created_at)?,
        })
    }
}

pub(crate) fn parse_id(text: &str) -> Result<Uuid, StoreError> {
    Uuid::parse_str(text).map_err(|_| StoreError::Corrupt(format!("id {text:?}")))
}

impl Db {
    /// Inserts a clinic inside the caller's write transaction.
    pub async fn insert_clinic(
        tx: &mut Transaction<'static, Any>,
        new: &NewClinic,
        id: Uuid,
        now: OffsetDateTime,
    ) -> Result<Clinic, StoreError> {
        sqlx::query(
            "INSERT INTO clinic (clinic_id, name, is_demo, created_at) VALUES ($1, $2, $3, $4)",
        )
        .bind(id.to_string())
        .bind(new.name.as_str())
        .bind(i64::from(new.is_demo))
        .bind(time_text::to_text(now))
        .execute(&mut **tx)
        .await?;
        Ok(Clinic { clinic_id: id, name: new.name.clone(), is_demo: new.is_demo, created_at: now })
    }

    /// Creates a clinic in its own transaction.
    pub async fn create_clinic(
        &self,
        new: &NewClinic,
        now: OffsetDateTime,
    ) -> Result<Clinic, StoreError> {
        let mut tx = self.begin_write().await?;
        let clinic = Self::insert_clinic(&mut tx, new, Uuid::now_v7(), now).await?;
        tx.commit().await?;
        Ok(clinic)
    }

    pub async fn count_clinics(&self) -> Result<i64, StoreError> {
        Ok(sqlx::query_scalar("SELECT COUNT(*) FROM clinic").fetch_one(self.reader()).await?)
    }

    pub async fn list_clinics(&self) -> Result<Vec<Clinic>, StoreError> {
        sqlx::query_as::<_, ClinicRow>(
            "SELECT clinic_id, name, is_demo, created_at FROM clinic ORDER BY clinic_id",
        )
        .fetch_all(self.reader())
        .await?
        .into_iter()
        .map(Clinic::try_from)
        .collect()
    }

    pub async fn demo_clinic(&self) -> Result<Option<Clinic>, StoreError> {
        sqlx::query_as::<_, ClinicRow>(
            "SELECT clinic_id, name, is_demo, created_at FROM clinic WHERE is_demo = 1",
        )
        .fetch_optional(self.reader())
        .await?
        .map(Clinic::try_from)
        .transpose()
    }
}
