use askama::Template;
use axum::{
    extract::{Query, State},
    response::{IntoResponse, Redirect, Response},
};
use carryover_domain::people::Role;
use carryover_ops::children::{self, ChildSummary};

use carryover_ops::Operation;

use super::{MaybeCaller, Routes};
use crate::{
    AppState,
    auth::Caller,
    error::AppError,
    i18n::Tr,
    pages::{self, Chrome, Page},
};

pub fn routes() -> Routes {
    Routes::new().get("/", show_landing).get("/home", show_home).calls(Operation::ListChildren)
}

#[derive(Template)]
#[template(path = "home/landing.html")]
struct LandingPage {
    t: Tr,
    c: Chrome,
}

async fn show_landing(page: Page, MaybeCaller(caller): MaybeCaller) -> Result<Response, AppError> {
    if caller.is_some() {
        return Ok(Redirect::to("/home").into_response());
    }
    let Page { t, c } = page;
    pages::render(&LandingPage { t, c })
}

#[derive(Template)]
#[template(path = "home/home.html")]
struct HomePage {
    t: Tr,
    c: Chrome,
    is_caregiver: bool,
    is_admin: bool,
    children: Vec<ChildSummary>,
    /// Discharged children whose record a guardian may still read.
    closed: Vec<ClosedRow>,
    /// Issue 12 part A: a caregiver's "This week" of the chosen child.
    week: Option<super::practice::WeekWords>,
    /// The child whose week is shown, for the tab marked current.
    chosen: String,
    /// Issue 12 part B: "New from your therapist", at the top.
    new_feedback: crate::feedback_words::NewFeedbackBlock,
    /// Issue 13: the next planned visits.
    upcoming: Vec<UpcomingRow>,
}

struct UpcomingRow {
    child_id: String,
    name: String,
    when: String,
}

/// Issue 12 part A: which child's "This week" a caregiver's home shows,
/// kept in the URL (`/home?child=<id>`).
#[derive(serde::Deserialize)]
struct HomeQuery {
    #[serde(default)]
    child: Option<String>,
    /// Issue 14: the therapist's triage filter.
    #[serde(default)]
    show: Option<String>,
}

struct ClosedRow {
    child_id: String,
    name: String,
    /// "You can read it until March 3, 2026."
    until: String,
}

/// Each person's start page: a caregiver's children, a therapist's caseload,
/// an admin's clinic. Listing children is a read of their information.
async fn show_home(
    State(state): State<AppState>,
    page: Page,
    caller: Caller,
    Query(query): Query<HomeQuery>,
) -> Result<Response, AppError> {
    let role = caller.who.actor.role();
    if role == Role::Therapist {
        let input = carryover_ops::triage::TriageInput { show: query.show };
        return super::home_triage::show_triage(&state, page, &caller, &input).await;
    }
    let (lists, week, new_feedback) = if role == Role::Caregiver {
        let chosen = query.child.as_deref().and_then(|c| uuid::Uuid::parse_str(c.trim()).ok());
        let home = carryover_ops::practice::home(&state.ops, &caller.who, chosen).await?;
        (home.lists, home.week, home.new_feedback)
    } else {
        (children::home(&state.ops, &caller.who).await?, None, Vec::new())
    };
    let mut children = lists.current;
    children.sort_by(|a, b| a.preferred_name.cmp(&b.preferred_name));
    let Page { t, c } = page;
    let week = week.map(|w| super::practice::week_words(&t, &w));
    let chosen = week.as_ref().map(|w| w.child_id.clone()).unwrap_or_default();
    let closed = lists
        .closed
        .into_iter()
        .map(|r| ClosedRow {
            child_id: r.child.child_id.to_string(),
            name: r.child.preferred_name,
            until: t.with("home-closed-until", &[("date", t.date(r.readable_until).into())]),
        })
        .collect();
    let upcoming = lists
        .upcoming
        .iter()
        .map(|v| UpcomingRow {
            child_id: v.child_id.to_string(),
            name: v.child_name.clone(),
            when: format!(
                "{} {} · {}",
                v.local_date,
                v.local_time,
                crate::visit_words::setting(&t, v.setting)
            ),
        })
        .collect();
    let new_feedback = crate::feedback_words::new_feedback_block(&t, &new_feedback);
    let page = HomePage {
        upcoming,
        new_feedback,
        closed,
        is_caregiver: role == Role::Caregiver,
        is_admin: role == Role::Admin,
        children,
        week,
        chosen,
        c,
        t,
    };
    pages::render(&page)
}
