//! The child's visits for the progress page and report: the held ones (a
//! coaching record exists) with how many of the five coaching steps each
//! had, and the planned or cancelled ones not held.

use carryover_domain::{visit::VisitStatus, zone::ClinicZone};
use carryover_store::{AnyConnection, coaching, visits};
use serde::Serialize;
use time::{Date, OffsetDateTime};
use uuid::Uuid;

use super::Range;
use crate::{FullGrant, OpError};

/// One visit, as the timeline and the counts read it.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct VisitRow {
    pub visit_id: Uuid,
    pub on: Date,
    pub at: OffsetDateTime,
    pub status: VisitStatus,
    /// Held visits: how many of the five coaching steps the record has.
    pub steps: Option<u8>,
}

/// Visits in a period: how many were held, and how many of those had all
/// five coaching steps (the fidelity rule).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct VisitFigures {
    pub held: u32,
    pub with_all_five: u32,
    /// Whole percent, rounded half up; `None` without a held visit.
    pub fidelity_percent: Option<u32>,
    /// Planned in the period and not (yet) held.
    pub planned: u32,
    pub cancelled: u32,
}

/// Every visit of the child, newest first.
pub(crate) async fn visit_rows(
    conn: &mut AnyConnection,
    full: &FullGrant,
    zone: &ClinicZone,
) -> Result<Vec<VisitRow>, OpError> {
    let mut rows = Vec::new();
    for record in coaching::records(conn, full).await? {
        let goals = coaching::goals(conn, full, record.session_id).await?;
        let entries = coaching::entries(conn, full, record.session_id).await?;
        let steps = crate::visits::steps(
            &record.since_last,
            &record.agenda,
            goals.len(),
            [&record.affirmed, &record.suggested, &record.information],
            &entries,
        );
        rows.push(VisitRow {
            visit_id: record.session_id,
            on: zone.local_date(record.held_at),
            at: record.held_at,
            status: VisitStatus::Held,
            steps: Some(u8::try_from(steps.present().count()).unwrap_or(u8::MAX)),
        });
    }
    // Planned visits that were held are the records above.
    let planned = visits::upcoming(conn, full, OffsetDateTime::UNIX_EPOCH).await?;
    rows.extend(planned.into_iter().map(|v| VisitRow {
        visit_id: v.visit_id,
        on: zone.local_date(v.starts_at),
        at: v.starts_at,
        status: v.status,
        steps: None,
    }));
    rows.sort_by_key(|v| std::cmp::Reverse((v.on, v.at, v.visit_id)));
    Ok(rows)
}

pub(crate) fn visit_figures(rows: &[VisitRow], range: Range) -> VisitFigures {
    let inside: Vec<&VisitRow> = rows.iter().filter(|v| range.holds(v.on)).collect();
    let count = |status| {
        let n = inside.iter().filter(|v| v.status == status).count();
        u32::try_from(n).unwrap_or(u32::MAX)
    };
    let held = count(VisitStatus::Held);
    let five = inside.iter().filter(|v| v.steps == Some(5)).count();
    let with_all_five = u32::try_from(five).unwrap_or(u32::MAX);
    VisitFigures {
        held,
        with_all_five,
        fidelity_percent: (held > 0).then(|| (with_all_five * 200 + held) / (held * 2)),
        planned: count(VisitStatus::Scheduled),
        cancelled: count(VisitStatus::Cancelled),
    }
}
