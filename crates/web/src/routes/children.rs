//! A child's record, as much of it as the caller's grant shows.

use askama::Template;
use axum::{extract::State, response::Response};
use carryover_ops::{
    children::{self, ChildView},
    plan::PlanOverview,
};

use super::{Routes, plan::open_line};
use crate::{
    AppState,
    auth::{Caller, Grant},
    error::AppError,
    i18n::Tr,
    pages::{self, Chrome, Page},
    plan_words::{self, VersionWords},
};

pub fn routes() -> Routes {
    Routes::new().get("/children/{child_id}", show_child)
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
    plan: PlanSummary,
}

/// The practice plan in short (issue 11).
struct PlanSummary {
    current: Option<VersionWords>,
    agreed_on: String,
    /// (version id, one line) of the version being prepared.
    open: Option<(String, String)>,
    can_confirm: bool,
    can_see_history: bool,
}

fn plan_summary(t: &Tr, overview: &PlanOverview) -> PlanSummary {
    PlanSummary {
        current: overview.current.as_ref().map(|v| plan_words::version(t, v)),
        agreed_on: overview
            .current
            .as_ref()
            .and_then(|v| v.agreed_at)
            .map(|at| t.with("plan-agreed-on", &[("date", t.date(t.zone().local_date(at)).into())]))
            .unwrap_or_default(),
        open: overview.open.as_ref().map(|o| (o.version_id.to_string(), open_line(t, o))),
        can_confirm: overview.can_confirm,
        can_see_history: overview.can_see_history,
    }
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
    let plan = plan_summary(&t, &child.plan);
    pages::render(&ChildPage { t, c, child, caregivers, plan })
}
