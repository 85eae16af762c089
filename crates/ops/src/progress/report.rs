//! The progress report (issue 14): the progress figures over a period the
//! reader chooses, and the therapist's summary.

use carryover_domain::{
    audit::{AuditAction, AuditResource},
    text::check_optional_paragraph,
};
use carryover_store::{audit, report_summary};
use serde::{Deserialize, Serialize};
use time::Date;

use super::{Period, ProgressView, Range, figures};
use crate::{
    ChildGrant, OpError, Ops, Problem, Who,
    access::writable,
    error::Fields,
    scope::{clinic_day, full, rating_day, team},
};

/// The longest summary a therapist may write, in characters.
pub const SUMMARY_MAX_CHARS: usize = 4000;

/// The report's period as a form or query sends it: dates `YYYY-MM-DD`;
/// empty `from`: since the first rating; empty `to`: the clinic's today.
#[derive(Clone, Debug, Default, Deserialize, Serialize, utoipa::ToSchema, utoipa::IntoParams)]
#[schema(example = json!({"from": "2026-09-01", "to": "2026-11-30"}))]
#[into_params(parameter_in = Query)]
pub struct ReportInput {
    #[serde(default)]
    pub from: Option<String>,
    #[serde(default)]
    pub to: Option<String>,
}

/// The therapist's summary as a form or the API sends it.
#[derive(Clone, Debug, Default, Deserialize, Serialize, utoipa::ToSchema)]
#[schema(example = json!({"summary": "Mia now puts on both shoes on most school days. Next: zipping her coat."}))]
pub struct SummaryInput {
    #[serde(default)]
    pub summary: String,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SummaryView {
    pub text: String,
    pub updated_by: String,
    #[serde(with = "time::serde::rfc3339")]
    pub updated_at: time::OffsetDateTime,
}

/// The progress report: the figures over a period, and the summary.
#[derive(Clone, Debug, Serialize)]
pub struct ReportView {
    pub from: Option<Date>,
    pub to: Date,
    #[serde(flatten)]
    pub progress: ProgressView,
    pub summary: Option<SummaryView>,
    /// The care team and admins write the summary.
    pub can_write_summary: bool,
}

/// How the report is taken: read as a page (or JSON), or downloaded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReportUse {
    View,
    Download,
}

/// A field's text, trimmed; `None` when empty.
fn typed(text: &Option<String>) -> Option<&str> {
    text.as_deref().map(str::trim).filter(|t| !t.is_empty())
}

fn period(input: &ReportInput, today: Date) -> Result<Range, OpError> {
    let mut fields = Fields::default();
    let from = typed(&input.from).and_then(|t| fields.check("from", rating_day(t, today)));
    let to = match typed(&input.to) {
        None => Some(today),
        Some(t) => fields.check("to", rating_day(t, today)),
    };
    if let (Some(from), Some(to)) = (from, to)
        && from > to
    {
        fields.push("from", Problem::OutOfRange);
    }
    let to = fields.finish(to)?;
    Ok(Range { from, to })
}

/// The report for `input`'s period. Every read is audited; a download as an
/// export of the report.
pub async fn report(
    ops: &Ops,
    who: &Who,
    grant: &ChildGrant,
    input: &ReportInput,
    usage: ReportUse,
) -> Result<ReportView, OpError> {
    let full = full(grant)?;
    let mut tx = ops.db.begin_write().await?;
    let today = clinic_day(&mut tx, grant.clinic_id(), ops.now()).await?.today;
    let range = period(input, today)?;
    let progress = figures(&mut tx, &full, grant, ops, Period::Report(range)).await?;
    let summary = report_summary::summary(&mut tx, &full).await?.map(|s| SummaryView {
        text: s.summary,
        updated_by: s.updated_by_name,
        updated_at: s.updated_at,
    });
    let action = match usage {
        ReportUse::View => AuditAction::View,
        ReportUse::Download => AuditAction::Export,
    };
    let event = who.event(action, AuditResource::Report, None, Some(grant.child_id()));
    audit::append(&mut tx, &event, ops.now()).await?;
    tx.commit().await?;
    Ok(ReportView {
        from: range.from,
        to: range.to,
        progress,
        summary,
        can_write_summary: team(grant).is_ok(),
    })
}

/// The care team writes the report's summary (empty clears it).
pub async fn save_summary(
    ops: &Ops,
    who: &Who,
    grant: &ChildGrant,
    input: &SummaryInput,
) -> Result<(), OpError> {
    let team = team(grant)?;
    writable(grant)?;
    let mut fields = Fields::default();
    let text = fields.check("summary", check_optional_paragraph(&input.summary, SUMMARY_MAX_CHARS));
    let text = fields.finish(text)?;
    let mut tx = ops.db.begin_write().await?;
    report_summary::save(&mut tx, &team, &text, ops.now()).await?;
    let event = who.event(AuditAction::Update, AuditResource::Report, None, Some(grant.child_id()));
    audit::append(&mut tx, &event, ops.now()).await?;
    tx.commit().await?;
    Ok(())
}
