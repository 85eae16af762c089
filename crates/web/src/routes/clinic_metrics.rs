//! The clinic page (issue 14): the admin's figures over a chosen period —
//! active households, how their practice is spread, coaching fidelity per
//! therapist, COPM and GAS change. Admins only; everyone else gets 404.

use askama::Template;
use axum::{
    extract::{Query, State},
    http::StatusCode,
    response::Response,
};
use carryover_domain::text::date_text;
use carryover_ops::{
    OpError, Operation,
    clinic_metrics::{self, MetricsInput},
};

use super::Routes;
use crate::{
    AppState,
    auth::Caller,
    clinic_words::{ClinicWords, clinic_words},
    error::AppError,
    i18n::Tr,
    pages::{self, Chrome, Errors, Page, form_errors},
};

pub fn routes() -> Routes {
    Routes::new().get("/clinic/metrics", show_metrics).calls(Operation::ClinicMetrics)
}

#[derive(Template)]
#[template(path = "clinic/metrics.html")]
struct MetricsPage {
    t: Tr,
    c: Chrome,
    words: ClinicWords,
    /// What the period fields hold: what was typed, or the period shown.
    from: String,
    to: String,
    errors: Errors,
}

async fn show_metrics(
    State(state): State<AppState>,
    page: Page,
    caller: Caller,
    Query(input): Query<MetricsInput>,
) -> Result<Response, AppError> {
    let (view, typed, errors, status) =
        match clinic_metrics::metrics(&state.ops, &caller.who, &input).await {
            Ok(view) => (view, None, Errors::default(), StatusCode::OK),
            Err(error @ OpError::Invalid(_)) => {
                // A period that cannot be read: say so at its field, and show the default one.
                let errors = form_errors(&page.t, error)?;
                let view =
                    clinic_metrics::metrics(&state.ops, &caller.who, &MetricsInput::default())
                        .await?;
                (view, Some(input), errors, StatusCode::UNPROCESSABLE_ENTITY)
            }
            Err(error) => return Err(error.into()),
        };
    let Page { t, c } = page.back_to("/clinic/metrics");
    let (from, to) = match typed {
        Some(input) => (input.from.unwrap_or_default(), input.to.unwrap_or_default()),
        None => (date_text(view.from), date_text(view.to)),
    };
    let page = MetricsPage { words: clinic_words(&t, &view), from, to, errors, c, t };
    pages::render_with(status, &page)
}
