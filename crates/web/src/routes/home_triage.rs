//! The therapist's home (issue 14): the caseload triage, by need, with its
//! filter in the URL (`/home?show=flags`), and the next planned visits. One
//! operation, `triage`, shared with `GET /api/v1/triage`.

use askama::Template;
use axum::response::Response;
use carryover_ops::triage::{self, TriageInput};

use crate::{
    AppState,
    auth::Caller,
    error::AppError,
    i18n::Tr,
    pages::{self, Chrome, Page},
    triage_words::{TriageWords, triage_words},
};

#[derive(Template)]
#[template(path = "home/triage.html")]
struct TriagePage {
    t: Tr,
    c: Chrome,
    words: TriageWords,
    upcoming: Vec<UpcomingRow>,
}

struct UpcomingRow {
    child_id: String,
    name: String,
    when: String,
}

pub(super) async fn show_triage(
    state: &AppState,
    page: Page,
    caller: &Caller,
    input: &TriageInput,
) -> Result<Response, AppError> {
    let view = triage::triage(&state.ops, &caller.who, input).await?;
    let Page { t, c } = page;
    let upcoming = view
        .upcoming
        .iter()
        .map(|u| UpcomingRow {
            child_id: u.child_id.to_string(),
            name: u.child_name.clone(),
            when: format!(
                "{} {} · {}",
                u.visit.local_date,
                u.visit.local_time,
                crate::visit_words::setting(&t, u.visit.setting)
            ),
        })
        .collect();
    let words = triage_words(&t, &view);
    pages::render(&TriagePage { t, c, words, upcoming })
}
