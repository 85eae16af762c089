//! The therapist's summary for a child's progress report (issue 14): one
//! text per child, kept with who wrote it last and when. Found by the
//! grant's clinic and child; helpers never read it (a [`FullGrant`]).

use sqlx::{AnyConnection, FromRow};
use time::OffsetDateTime;

use crate::{
    StoreError, WriteTx,
    codec::{At, Id},
    grant::FullGrant,
};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReportSummary {
    pub summary: String,
    pub updated_by_name: String,
    pub updated_at: OffsetDateTime,
}

#[derive(FromRow)]
struct Row {
    summary: String,
    display_name: String,
    updated_at: At,
}

pub async fn summary(
    conn: &mut AnyConnection,
    grant: &FullGrant,
) -> Result<Option<ReportSummary>, StoreError> {
    let row: Option<Row> = sqlx::query_as(
        "SELECT s.summary, p.display_name, s.updated_at FROM report_summary s \
         JOIN person p ON p.clinic_id = s.clinic_id AND p.person_id = s.updated_by \
         WHERE s.clinic_id = $1 AND s.child_id = $2",
    )
    .bind(Id(grant.clinic_id()))
    .bind(Id(grant.child_id()))
    .fetch_optional(conn)
    .await?;
    Ok(row.map(|r| ReportSummary {
        summary: r.summary,
        updated_by_name: r.display_name,
        updated_at: r.updated_at.0,
    }))
}

/// Writes the summary, replacing the one before.
pub async fn save(
    tx: &mut WriteTx,
    grant: &FullGrant,
    summary: &str,
    now: OffsetDateTime,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO report_summary (clinic_id, child_id, summary, updated_by, updated_at) \
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT (clinic_id, child_id) DO UPDATE SET \
         summary = excluded.summary, updated_by = excluded.updated_by, updated_at = excluded.updated_at",
    )
    .bind(Id(grant.clinic_id()))
    .bind(Id(grant.child_id()))
    .bind(summary)
    .bind(Id(grant.child().actor().person_id()))
    .bind(At(now))
    .execute(&mut **tx)
    .await?;
    Ok(())
}
