//! The progress report (issue 14): a print-ready page over a chosen period,
//! the therapist's summary written in the app, and the same report as a PDF
//! typeset on the server (in a blocking task: Typst is CPU work).

use askama::Template;
use axum::{
    Form,
    extract::{Query, State},
    http::{StatusCode, header},
    response::{IntoResponse, Redirect, Response},
};
use carryover_domain::text::date_text;
use carryover_ops::{
    OpError, Operation,
    progress::{self, ReportInput, ReportUse, ReportView, SummaryInput},
};

use super::Routes;
use crate::{
    AppState,
    auth::{Caller, Grant},
    error::AppError,
    i18n::Tr,
    pages::{self, Chrome, Errors, Page, form_errors},
    progress_words::{ProgressWords, progress_words},
    report_pdf::report_doc,
    report_words::{ReportWords, report_words},
};

pub fn routes() -> Routes {
    Routes::new()
        .get("/children/{child_id}/report", show_report)
        .calls(Operation::ViewReport)
        .get("/children/{child_id}/report.pdf", download_report)
        .calls(Operation::DownloadReport)
        .post("/children/{child_id}/report/summary", save_summary)
        .calls(Operation::SaveReportSummary)
}

#[derive(Template)]
#[template(path = "progress/report.html")]
struct ReportPage {
    t: Tr,
    c: Chrome,
    child_id: String,
    child_name: String,
    report: ReportWords,
    /// The figures as the progress page shows them (the report's own copy
    /// goes to the PDF).
    words: ProgressWords,
    /// What the period fields hold: what was typed, or the period shown.
    from: String,
    to: String,
    /// `from=…&to=…`, for the PDF link.
    query: String,
    can_write_summary: bool,
    summary_text: String,
    errors: Errors,
}

fn query_of(view: &ReportView) -> String {
    let from = view.from.map(date_text).unwrap_or_default();
    format!("from={from}&to={}", date_text(view.to))
}

fn page_of(
    page: Page,
    grant: &Grant,
    view: ReportView,
    typed: Option<ReportInput>,
    errors: Errors,
) -> ReportPage {
    let Page { t, c } = page.back_to(format!("/children/{}/report", grant.child_id()));
    let (from, to) = match typed {
        Some(input) => (input.from.unwrap_or_default(), input.to.unwrap_or_default()),
        None => (view.from.map(date_text).unwrap_or_default(), date_text(view.to)),
    };
    ReportPage {
        child_id: grant.child_id().to_string(),
        report: report_words(&t, &view),
        query: query_of(&view),
        words: progress_words(&t, &view.progress),
        child_name: view.progress.child_name.clone(),
        can_write_summary: view.can_write_summary,
        summary_text: view.summary.as_ref().map(|s| s.text.clone()).unwrap_or_default(),
        from,
        to,
        errors,
        c,
        t,
    }
}

async fn show_report(
    State(state): State<AppState>,
    page: Page,
    caller: Caller,
    grant: Grant,
    Query(input): Query<ReportInput>,
) -> Result<Response, AppError> {
    match progress::report(&state.ops, &caller.who, &grant.0, &input, ReportUse::View).await {
        Ok(view) => pages::render(&page_of(page, &grant, view, None, Errors::default())),
        Err(error @ OpError::Invalid(_)) => {
            // A period that cannot be read: say so at its field, and show the whole record.
            let errors = form_errors(&page.t, error)?;
            let whole = ReportInput::default();
            let view = progress::report(&state.ops, &caller.who, &grant.0, &whole, ReportUse::View)
                .await?;
            pages::render_with(
                StatusCode::UNPROCESSABLE_ENTITY,
                &page_of(page, &grant, view, Some(input), errors),
            )
        }
        Err(error) => Err(error.into()),
    }
}

/// The report as a PDF, typeset in a blocking task: Typst is CPU work.
pub(crate) async fn pdf_response(t: Tr, view: ReportView) -> Result<Response, AppError> {
    let doc = report_doc(&t, &report_words(&t, &view));
    let bytes = tokio::task::spawn_blocking(move || carryover_report::pdf(&doc))
        .await
        .map_err(|e| AppError::Internal(e.into()))?
        .map_err(|e| AppError::Internal(e.into()))?;
    let name = format!("attachment; filename=\"progress-report-{}.pdf\"", date_text(view.to));
    let headers =
        [(header::CONTENT_TYPE, "application/pdf".to_owned()), (header::CONTENT_DISPOSITION, name)];
    Ok((headers, bytes).into_response())
}

async fn download_report(
    State(state): State<AppState>,
    page: Page,
    caller: Caller,
    grant: Grant,
    Query(input): Query<ReportInput>,
) -> Result<Response, AppError> {
    let view =
        progress::report(&state.ops, &caller.who, &grant.0, &input, ReportUse::Download).await?;
    pdf_response(page.t, view).await
}

async fn save_summary(
    State(state): State<AppState>,
    page: Page,
    caller: Caller,
    grant: Grant,
    Form(form): Form<SummaryInput>,
) -> Result<Response, AppError> {
    match progress::save_summary(&state.ops, &caller.who, &grant.0, &form).await {
        Ok(()) => {
            Ok(Redirect::to(&format!("/children/{}/report", grant.child_id())).into_response())
        }
        Err(error @ OpError::Invalid(_)) => {
            let errors = form_errors(&page.t, error)?;
            let whole = ReportInput::default();
            let view = progress::report(&state.ops, &caller.who, &grant.0, &whole, ReportUse::View)
                .await?;
            let mut shown = page_of(page, &grant, view, None, errors);
            shown.summary_text = form.summary;
            pages::render_with(StatusCode::UNPROCESSABLE_ENTITY, &shown)
        }
        Err(error) => Err(error.into()),
    }
}
