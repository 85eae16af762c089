//! The clinic's own strategy library: strategies copied from the starter
//! library and edited, or written at the clinic. Found by (clinic, id): a
//! strategy of another clinic finds nothing.

use carryover_domain::strategies::{Area, StrategyText};
use sqlx::{AnyConnection, FromRow};
use time::OffsetDateTime;
use uuid::Uuid;

use crate::{
    StoreError, WriteTx,
    codec::{At, Id},
    grant::Actor,
};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClinicStrategy {
    pub strategy_id: Uuid,
    /// The starter strategy it was copied from.
    pub starter_slug: Option<String>,
    pub fields: StrategyFields,
    pub updated_at: OffsetDateTime,
    pub updated_by_name: String,
}

/// What a clinic writes: at least one language's text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StrategyFields {
    pub areas: Vec<Area>,
    pub age_min_months: u16,
    pub age_max_months: u16,
    pub en: Option<StrategyText>,
    pub es: Option<StrategyText>,
}

#[derive(FromRow)]
struct Row {
    clinic_strategy_id: Id,
    starter_slug: Option<String>,
    areas: String,
    age_min_months: i64,
    age_max_months: i64,
    text_en: Option<String>,
    text_es: Option<String>,
    updated_at: At,
    display_name: String,
}

fn read_text(json: Option<String>) -> Result<Option<StrategyText>, StoreError> {
    json.map(|j| {
        serde_json::from_str(&j).map_err(|e| StoreError::Corrupt(format!("strategy text: {e}")))
    })
    .transpose()
}

fn write_text(text: Option<&StrategyText>) -> Result<Option<String>, StoreError> {
    text.map(|t| serde_json::to_string(t).map_err(|e| StoreError::Invalid(e.to_string())))
        .transpose()
}

impl Row {
    fn into_strategy(self) -> Result<ClinicStrategy, StoreError> {
        let areas = self
            .areas
            .split_whitespace()
            .map(|code| {
                Area::parse(code).ok_or_else(|| StoreError::Corrupt(format!("area {code:?}")))
            })
            .collect::<Result<_, _>>()?;
        let age = |v: i64| u16::try_from(v).map_err(|_| StoreError::Corrupt(format!("age {v}")));
        Ok(ClinicStrategy {
            strategy_id: self.clinic_strategy_id.0,
            starter_slug: self.starter_slug,
            fields: StrategyFields {
                areas,
                age_min_months: age(self.age_min_months)?,
                age_max_months: age(self.age_max_months)?,
                en: read_text(self.text_en)?,
                es: read_text(self.text_es)?,
            },
            updated_at: self.updated_at.0,
            updated_by_name: self.display_name,
        })
    }
}

const SELECT: &str = "SELECT s.clinic_strategy_id, s.starter_slug, s.areas, s.age_min_months, \
     s.age_max_months, s.text_en, s.text_es, s.updated_at, p.display_name FROM clinic_strategy s \
     JOIN person p ON p.clinic_id = s.clinic_id AND p.person_id = s.updated_by";

/// The whole library of the actor's clinic, newest first. Clinics write
/// tens of strategies, not thousands: searching happens in the caller.
pub async fn clinic_strategies(
    conn: &mut AnyConnection,
    actor: &Actor,
) -> Result<Vec<ClinicStrategy>, StoreError> {
    let sql =
        format!("{SELECT} WHERE s.clinic_id = $1 ORDER BY s.created_at DESC, s.clinic_strategy_id");
    sqlx::query_as::<_, Row>(sqlx::AssertSqlSafe(sql))
        .bind(Id(actor.clinic_id()))
        .fetch_all(conn)
        .await?
        .into_iter()
        .map(Row::into_strategy)
        .collect()
}

/// One strategy of the actor's clinic.
pub async fn clinic_strategy(
    conn: &mut AnyConnection,
    actor: &Actor,
    strategy_id: Uuid,
) -> Result<Option<ClinicStrategy>, StoreError> {
    let sql = format!("{SELECT} WHERE s.clinic_id = $1 AND s.clinic_strategy_id = $2");
    sqlx::query_as::<_, Row>(sqlx::AssertSqlSafe(sql))
        .bind(Id(actor.clinic_id()))
        .bind(Id(strategy_id))
        .fetch_optional(conn)
        .await?
        .map(Row::into_strategy)
        .transpose()
}

fn area_codes(areas: &[Area]) -> String {
    areas.iter().map(|a| a.as_str()).collect::<Vec<_>>().join(" ")
}

pub async fn insert_clinic_strategy(
    tx: &mut WriteTx,
    actor: &Actor,
    starter_slug: Option<&str>,
    fields: &StrategyFields,
    now: OffsetDateTime,
) -> Result<Uuid, StoreError> {
    let id = Uuid::now_v7();
    sqlx::query(
        "INSERT INTO clinic_strategy (clinic_id, clinic_strategy_id, starter_slug, areas, age_min_months, \
         age_max_months, text_en, text_es, created_by, created_at, updated_by, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $9, $10)",
    )
    .bind(Id(actor.clinic_id()))
    .bind(Id(id))
    .bind(starter_slug)
    .bind(area_codes(&fields.areas))
    .bind(i64::from(fields.age_min_months))
    .bind(i64::from(fields.age_max_months))
    .bind(write_text(fields.en.as_ref())?)
    .bind(write_text(fields.es.as_ref())?)
    .bind(Id(actor.person_id()))
    .bind(At(now))
    .execute(&mut **tx)
    .await?;
    Ok(id)
}

/// `NotFound` for a strategy of another clinic.
pub async fn update_clinic_strategy(
    tx: &mut WriteTx,
    actor: &Actor,
    strategy_id: Uuid,
    fields: &StrategyFields,
    now: OffsetDateTime,
) -> Result<(), StoreError> {
    let done = sqlx::query(
        "UPDATE clinic_strategy SET areas = $3, age_min_months = $4, age_max_months = $5, text_en = $6, \
         text_es = $7, updated_by = $8, updated_at = $9 WHERE clinic_id = $1 AND clinic_strategy_id = $2",
    )
    .bind(Id(actor.clinic_id()))
    .bind(Id(strategy_id))
    .bind(area_codes(&fields.areas))
    .bind(i64::from(fields.age_min_months))
    .bind(i64::from(fields.age_max_months))
    .bind(write_text(fields.en.as_ref())?)
    .bind(write_text(fields.es.as_ref())?)
    .bind(Id(actor.person_id()))
    .bind(At(now))
    .execute(&mut **tx)
    .await?;
    if done.rows_affected() == 0 {
        return Err(StoreError::NotFound);
    }
    Ok(())
}
