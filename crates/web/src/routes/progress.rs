//! A child's progress page (issue 14): COPM and GAS over time as charts with
//! their numbers, the current T-scores, the practice figures and the
//! timeline (`?before=` pages back eight weeks at a time). For the care
//! team, admins and guardians; helpers get 404 (the operation refuses them).

use askama::Template;
use axum::{
    extract::{Query, State},
    response::Response,
};
use carryover_ops::{
    Operation,
    progress::{self, TimelineInput},
};

use super::Routes;
use crate::{
    AppState,
    auth::{Caller, Grant},
    error::AppError,
    i18n::Tr,
    pages::{self, Chrome, Page},
    progress_words::{ProgressWords, progress_words},
};

pub fn routes() -> Routes {
    Routes::new().get("/children/{child_id}/progress", show_progress).calls(Operation::ViewProgress)
}

#[derive(Template)]
#[template(path = "progress/show.html")]
struct ProgressPage {
    t: Tr,
    c: Chrome,
    child_id: String,
    child_name: String,
    words: ProgressWords,
    /// The care team and admins: make the report.
    can_report: bool,
}

async fn show_progress(
    State(state): State<AppState>,
    page: Page,
    caller: Caller,
    grant: Grant,
    Query(input): Query<TimelineInput>,
) -> Result<Response, AppError> {
    let view = progress::view(&state.ops, &caller.who, &grant.0, &input).await?;
    let Page { t, c } = page.back_to(format!("/children/{}/progress", grant.child_id()));
    pages::render(&ProgressPage {
        child_id: grant.child_id().to_string(),
        words: progress_words(&t, &view),
        child_name: view.child_name,
        can_report: true,
        c,
        t,
    })
}
