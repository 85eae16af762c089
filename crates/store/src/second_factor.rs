//! Second factors: a person's authenticator secret and recovery codes, filed
//! under their clinic. Recovery codes are stored as hashes only.

use sqlx::{AnyConnection, FromRow};
use time::OffsetDateTime;
use uuid::Uuid;

use crate::{
    StoreError, WriteTx,
    codec::{At, Id},
};

/// A person's authenticator, as stored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoredFactor {
    /// Base32; never log it.
    pub totp_secret: String,
    pub confirmed: bool,
    pub last_used_step: Option<u64>,
}

#[derive(FromRow)]
struct FactorRow {
    totp_secret: String,
    confirmed_at: Option<At>,
    last_used_step: Option<i64>,
}

pub async fn factor(
    conn: &mut AnyConnection,
    clinic_id: Uuid,
    person_id: Uuid,
) -> Result<Option<StoredFactor>, StoreError> {
    let row: Option<FactorRow> = sqlx::query_as(
        "SELECT totp_secret, confirmed_at, last_used_step FROM second_factor \
         WHERE clinic_id = $1 AND person_id = $2",
    )
    .bind(Id(clinic_id))
    .bind(Id(person_id))
    .fetch_optional(conn)
    .await?;
    Ok(row.map(|r| StoredFactor {
        totp_secret: r.totp_secret,
        confirmed: r.confirmed_at.is_some(),
        last_used_step: r.last_used_step.and_then(|s| u64::try_from(s).ok()),
    }))
}

/// Starts (or starts again) an enrolment that waits for a first code. A
/// confirmed factor is never replaced this way: false then.
pub async fn start_enrolment(
    tx: &mut WriteTx,
    clinic_id: Uuid,
    person_id: Uuid,
    totp_secret: &str,
    now: OffsetDateTime,
) -> Result<bool, StoreError> {
    let done = sqlx::query(
        "INSERT INTO second_factor (clinic_id, person_id, totp_secret, created_at) VALUES ($1, $2, $3, $4) \
         ON CONFLICT (clinic_id, person_id) DO UPDATE SET totp_secret = excluded.totp_secret, \
         created_at = excluded.created_at, last_used_step = NULL \
         WHERE second_factor.confirmed_at IS NULL",
    )
    .bind(Id(clinic_id))
    .bind(Id(person_id))
    .bind(totp_secret)
    .bind(At(now))
    .execute(&mut **tx)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Remembers the step of a code just accepted (and confirms an enrolment).
/// False when a code of this step or a later one was accepted already: the
/// same code sent twice at once is accepted once.
pub async fn use_step(
    tx: &mut WriteTx,
    clinic_id: Uuid,
    person_id: Uuid,
    step: u64,
    now: OffsetDateTime,
) -> Result<bool, StoreError> {
    let step = i64::try_from(step).map_err(|e| StoreError::Invalid(e.to_string()))?;
    let done = sqlx::query(
        "UPDATE second_factor SET last_used_step = $3, confirmed_at = COALESCE(confirmed_at, $4) \
         WHERE clinic_id = $1 AND person_id = $2 AND (last_used_step IS NULL OR last_used_step < $3)",
    )
    .bind(Id(clinic_id))
    .bind(Id(person_id))
    .bind(step)
    .bind(At(now))
    .execute(&mut **tx)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Replaces a person's recovery codes with new ones (hashes).
pub async fn replace_recovery_codes(
    tx: &mut WriteTx,
    clinic_id: Uuid,
    person_id: Uuid,
    hashes: &[String],
) -> Result<(), StoreError> {
    sqlx::query("DELETE FROM recovery_code WHERE clinic_id = $1 AND person_id = $2")
        .bind(Id(clinic_id))
        .bind(Id(person_id))
        .execute(&mut **tx)
        .await?;
    for hash in hashes {
        sqlx::query(
            "INSERT INTO recovery_code (clinic_id, person_id, code_hash) VALUES ($1, $2, $3) \
             ON CONFLICT DO NOTHING",
        )
        .bind(Id(clinic_id))
        .bind(Id(person_id))
        .bind(hash.as_str())
        .execute(&mut **tx)
        .await?;
    }
    Ok(())
}

/// Uses up a recovery code; false for a code that is unknown or used.
pub async fn use_recovery_code(
    tx: &mut WriteTx,
    clinic_id: Uuid,
    person_id: Uuid,
    hash: &str,
    now: OffsetDateTime,
) -> Result<bool, StoreError> {
    let done = sqlx::query(
        "UPDATE recovery_code SET used_at = $4 \
         WHERE clinic_id = $1 AND person_id = $2 AND code_hash = $3 AND used_at IS NULL",
    )
    .bind(Id(clinic_id))
    .bind(Id(person_id))
    .bind(hash)
    .bind(At(now))
    .execute(&mut **tx)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Recovery codes not used yet.
pub async fn recovery_codes_left(
    conn: &mut AnyConnection,
    clinic_id: Uuid,
    person_id: Uuid,
) -> Result<i64, StoreError> {
    Ok(sqlx::query_scalar(
        "SELECT COUNT(*) FROM recovery_code WHERE clinic_id = $1 AND person_id = $2 AND used_at IS NULL",
    )
    .bind(Id(clinic_id))
    .bind(Id(person_id))
    .fetch_one(conn)
    .await?)
}

/// Removes a person's second factor and recovery codes (an admin's reset).
pub async fn remove(tx: &mut WriteTx, clinic_id: Uuid, person_id: Uuid) -> Result<(), StoreError> {
    for table in ["recovery_code", "second_factor"] {
        let sql = format!("DELETE FROM {table} WHERE clinic_id = $1 AND person_id = $2");
        sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(Id(clinic_id))
            .bind(Id(person_id))
            .execute(&mut **tx)
            .await?;
    }
    Ok(())
}
