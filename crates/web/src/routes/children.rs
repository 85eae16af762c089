//! A child's record, as much of it as the caller's grant shows.

use askama::Template;
use axum::{extract::State, response::Response};
use carryover_ops::children::{self, ChildView};

use carryover_ops::Operation;

use super::Routes;
use crate::{
    AppState,
    auth::{Caller, Grant},
    error::AppError,
    i18n::Tr,
    pages::{self, Chrome, Page},
};

pub fn routes() -> Routes {
    Routes::new().get("/children/{child_id}", show_child).calls(Operation::ViewChild)
}

/// One caregiver line, in words.
struct CaregiverRow {
    name: String,
    relationship: String,
    access: String,
}

#[derive(Template)]
#[template(path = "children/show.html")]
struct ChildPage {
    t: Tr,
    c: Chrome,
    child: ChildView,
    /// Empty for helpers, who see no household details.
    caregivers: Vec<CaregiverRow>,
}

async fn show_child(
    State(state): State<AppState>,
    page: Page,
    caller: Caller,
    grant: Grant,
) -> Result<Response, AppError> {
    let child = children::view(&state.ops, &caller.who, &grant.0).await?;
    let Page { t, c } = page;
    let caregivers = child
        .details
        .iter()
        .flat_map(|d| &d.caregivers)
        .map(|line| CaregiverRow {
            name: line.display_name.clone(),
            relationship: t.get(&format!("relationship-{}", line.relationship)),
            access: t.get(&format!("access-{}", line.access)),
        })
        .collect();
    pages::render(&ChildPage { t, c, child, caregivers })
}
