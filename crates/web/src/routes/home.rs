use askama::Template;
use axum::{
    extract::State,
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
    /// Issue 13: the next planned visits.
    upcoming: Vec<UpcomingRow>,
}

struct UpcomingRow {
    child_id: String,
    name: String,
    when: String,
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
) -> Result<Response, AppError> {
    let lists = children::home(&state.ops, &caller.who).await?;
    let mut children = lists.current;
    children.sort_by(|a, b| a.preferred_name.cmp(&b.preferred_name));
    let role = caller.who.actor.role();
    let Page { t, c } = page;
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
    let page = HomePage {
        upcoming,
        closed,
        is_caregiver: role == Role::Caregiver,
        is_admin: role == Role::Admin,
        children,
        c,
        t,
    };
    pages::render(&page)
}
