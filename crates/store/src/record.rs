//! Changes to a child's record: its details, discharge and re-admission.
//! Writes take a [`WritableGrant`] (an active child's), re-admission a
//! [`DischargedGrant`]; each filters by the grant's clinic and child.

use carryover_domain::record::{self, DischargeReason, HomeLanguage};
use time::{Date, OffsetDateTime};

use crate::{
    StoreError, WriteTx,
    codec::{At, Code, Id},
    grant::{DischargedGrant, WritableGrant},
};

/// The details a guardian may correct; `None` leaves a field as it is.
#[derive(Clone, Debug, Default)]
pub struct DetailChanges {
    pub preferred_name: Option<String>,
    pub home_languages: Option<Vec<HomeLanguage>>,
    /// `Some(None)` clears the date of birth.
    pub date_of_birth: Option<Option<Date>>,
    pub notes: Option<String>,
}

/// Applies the changes and records who made them, and when.
pub async fn update_details(
    tx: &mut WriteTx,
    grant: &WritableGrant,
    changes: &DetailChanges,
    now: OffsetDateTime,
) -> Result<(), StoreError> {
    let languages = changes.home_languages.as_deref().map(record::languages_to_stored);
    let (set_birth, birth) = match changes.date_of_birth {
        Some(date) => (1_i64, date.map(record::iso_date)),
        None => (0, None),
    };
    let done = sqlx::query(
        "UPDATE child SET preferred_name = COALESCE($3, preferred_name), \
         home_languages = COALESCE($4, home_languages), \
         date_of_birth = CASE WHEN $5 = 1 THEN $6 ELSE date_of_birth END, \
         notes = COALESCE($7, notes), updated_at = $8, updated_by = $9 \
         WHERE clinic_id = $1 AND child_id = $2 AND discharged_on IS NULL",
    )
    .bind(Id(grant.clinic_id()))
    .bind(Id(grant.child_id()))
    .bind(changes.preferred_name.clone())
    .bind(languages)
    .bind(set_birth)
    .bind(birth)
    .bind(changes.notes.clone())
    .bind(At(now))
    .bind(Id(grant.actor().person_id()))
    .execute(&mut **tx)
    .await?;
    one_row(done.rows_affected())
}

/// Ends the child's care at the clinic, as of `on`.
pub async fn discharge(
    tx: &mut WriteTx,
    grant: &WritableGrant,
    on: Date,
    reason: DischargeReason,
    note: &str,
) -> Result<(), StoreError> {
    let done = sqlx::query(
        "UPDATE child SET discharged_on = $3, discharge_reason = $4, discharge_note = $5, \
         discharged_by = $6 WHERE clinic_id = $1 AND child_id = $2 AND discharged_on IS NULL",
    )
    .bind(Id(grant.clinic_id()))
    .bind(Id(grant.child_id()))
    .bind(record::iso_date(on))
    .bind(Code(reason))
    .bind(note)
    .bind(Id(grant.actor().person_id()))
    .execute(&mut **tx)
    .await?;
    one_row(done.rows_affected())
}

/// Reopens a discharged child's record, with everything it held.
pub async fn readmit(tx: &mut WriteTx, grant: &DischargedGrant) -> Result<(), StoreError> {
    let done = sqlx::query(
        "UPDATE child SET discharged_on = NULL, discharge_reason = NULL, discharge_note = '', \
         discharged_by = NULL WHERE clinic_id = $1 AND child_id = $2 AND discharged_on IS NOT NULL",
    )
    .bind(Id(grant.clinic_id()))
    .bind(Id(grant.child_id()))
    .execute(&mut **tx)
    .await?;
    one_row(done.rows_affected())
}

/// A write that found no row: the child changed status since the grant was read.
fn one_row(affected: u64) -> Result<(), StoreError> {
    if affected == 1 { Ok(()) } else { Err(StoreError::NotFound) }
}
