//! Retention: a discharged child's record is kept for the clinic's
//! retention years, then removed by `carryover admin purge`, in one
//! transaction. Audit rows stay (they hold ids only), and each clinic's
//! chain gets one more: the purge itself, naming the children it removed.

use std::collections::BTreeMap;

use carryover_domain::{
    audit::{AuditAction, AuditResource},
    record,
    zone::ClinicZone,
};
use carryover_store::{audit, purge};
use time::Date;
use uuid::Uuid;

use crate::{OpError, Ops, RequestMeta};

/// A record past its clinic's retention.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct PurgeCandidate {
    pub clinic_id: Uuid,
    pub child_id: Uuid,
    pub discharged_on: Date,
    /// The first day the record could be removed.
    pub kept_until: Date,
}

/// Every record past retention today (each clinic's today).
pub async fn due(ops: &Ops) -> Result<Vec<PurgeCandidate>, OpError> {
    let mut conn = ops.db.read_conn().await?;
    let discharged = purge::discharged_children(&mut conn).await?;
    Ok(past_retention(discharged, ops.now()))
}

fn past_retention(
    discharged: Vec<purge::DischargedChild>,
    now: time::OffsetDateTime,
) -> Vec<PurgeCandidate> {
    discharged
        .into_iter()
        .filter_map(|d| {
            let today =
                ClinicZone::parse(&d.time_zone).unwrap_or_else(ClinicZone::utc).local_date(now);
            record::past_retention(d.discharged_on, d.retention_years, today).then(|| {
                PurgeCandidate {
                    clinic_id: d.clinic_id,
                    child_id: d.child_id,
                    discharged_on: d.discharged_on,
                    kept_until: record::retention_ends(d.discharged_on, d.retention_years),
                }
            })
        })
        .collect()
}

/// What a purge removed.
#[derive(Clone, Debug, Default, serde::Serialize)]
pub struct PurgeReport {
    pub children: Vec<PurgeCandidate>,
    pub households: usize,
    pub deactivated_caregivers: usize,
}

/// Removes the records that were listed (`confirmed`) and are still past
/// retention — nothing else, even if more became due since — in one
/// transaction, with one audit row per clinic.
pub async fn purge(ops: &Ops, confirmed: &[PurgeCandidate]) -> Result<PurgeReport, OpError> {
    let now = ops.now();
    let mut tx = ops.db.begin_write().await?;
    let still_due = past_retention(purge::discharged_children(&mut tx).await?, now);
    let mut report = PurgeReport::default();
    let mut by_clinic: BTreeMap<Uuid, Vec<Uuid>> = BTreeMap::new();
    for candidate in still_due.into_iter().filter(|c| confirmed.contains(c)) {
        let removed =
            purge::remove_child(&mut tx, candidate.clinic_id, candidate.child_id, now).await?;
        report.households += usize::from(removed.household_id.is_some());
        report.deactivated_caregivers += removed.deactivated.len();
        by_clinic.entry(candidate.clinic_id).or_default().push(candidate.child_id);
        report.children.push(candidate);
    }
    for (clinic_id, children) in by_clinic {
        let mut event = RequestMeta::default().event(
            None,
            AuditAction::Delete,
            AuditResource::Child,
            None,
            None,
        );
        event.clinic_id = Some(clinic_id);
        audit::append_listing(&mut tx, &event, &children, now).await?;
    }
    tx.commit().await?;
    Ok(report)
}
