//! A child's record, as much of it as the caller's grant shows.

use askama::Template;
use axum::{extract::State, response::Response};
use carryover_domain::record::HomeLanguage;
use carryover_ops::{
    Operation,
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
    Routes::new().get("/children/{child_id}", show_child).calls(Operation::ViewChild)
}

/// One caregiver line, in words.
pub(super) struct CaregiverRow {
    pub id: String,
    pub name: String,
    pub relationship: String,
    pub access: String,
    pub is_guardian: bool,
}

impl CaregiverRow {
    pub fn of(t: &Tr, line: &children::CaregiverLine) -> CaregiverRow {
        CaregiverRow {
            id: line.person_id.to_string(),
            name: line.display_name.clone(),
            relationship: t.get(&format!("relationship-{}", line.relationship)),
            access: t.get(&format!("access-{}", line.access)),
            is_guardian: line.access == carryover_domain::people::Access::Guardian,
        }
    }
}

/// The languages' names in the reader's language, in the list's order.
pub(super) fn language_names(t: &Tr, languages: &[HomeLanguage]) -> String {
    let names: Vec<String> = languages.iter().map(|l| t.get(&format!("language-{l}"))).collect();
    names.join(", ")
}

/// The child's details in words, for guardians, the care team and the admin.
struct AboutRows {
    birth_date: Option<String>,
    languages: String,
    notes: String,
    last_change: Option<String>,
    discharge_reason: Option<String>,
    discharge_note: String,
}

fn about(t: &Tr, details: &children::ChildDetails) -> AboutRows {
    let last_change = details.last_change.as_ref().map(|change| {
        let when = t.datetime(change.at);
        match &change.by_name {
            Some(name) => t.with(
                "child-last-change-by",
                &[("when", when.into()), ("name", name.clone().into())],
            ),
            None => t.with("child-last-change", &[("when", when.into())]),
        }
    });
    let discharge = details.discharge.as_ref();
    AboutRows {
        birth_date: details.date_of_birth.map(|d| t.date(d)),
        languages: language_names(t, &details.home_languages),
        notes: details.notes.clone(),
        last_change,
        discharge_reason: discharge.map(|d| t.get(&format!("discharge-reason-{}", d.reason))),
        discharge_note: discharge.map(|d| d.note.clone()).unwrap_or_default(),
    }
}

#[derive(Template)]
#[template(path = "children/show.html")]
struct ChildPage {
    t: Tr,
    c: Chrome,
    child: ChildView,
    /// Empty for helpers, who see no household details.
    caregivers: Vec<CaregiverRow>,
    about: Option<AboutRows>,
    /// "Discharged on March 3, 2026", for a discharged child.
    discharged: Option<String>,
    plan: PlanSummary,
    /// Issue 12 part B: the caregiver's new feedback about this child (the
    /// caregiver home shows the same block once it exists).
    new_feedback: crate::feedback_words::NewFeedbackBlock,
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
    let caregivers =
        child.details.iter().flat_map(|d| &d.caregivers).map(|l| CaregiverRow::of(&t, l)).collect();
    let about = child.details.as_ref().map(|d| about(&t, d));
    let discharged = child
        .basics
        .discharged_on
        .map(|on| t.with("child-discharged-on", &[("date", t.date(on).into())]));
    let plan = plan_summary(&t, &child.plan);
    let new_feedback = crate::feedback_words::new_feedback_block(&t, &child.new_feedback);
    pages::render(&ChildPage { t, c, child, caregivers, about, discharged, plan, new_feedback })
}
