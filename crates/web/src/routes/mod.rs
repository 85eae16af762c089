//! Every route the app serves. Each module owns its paths; the guard in
//! `auth::guard` checks each request against the rule for its path.

use axum::{
    Router, extract::FromRequestParts, handler::Handler, http::request::Parts, middleware, routing,
};
use carryover_ops::Operation;

use crate::{AppState, auth::Caller};

mod account;
mod admin;
mod assets;
mod audit_logs;
mod caregivers;
mod children;
// The people side (issue 9).
mod care_team;
mod child_details;
mod discharge;
mod export;
mod membership;
// (end of issue 9)
mod health;
mod home;
// Issue 14: the therapist's home is the caseload triage.
mod home_triage;
mod households;
mod invitations;
mod lang;
mod login;
mod settings;
mod tokens;
// Issue 11, the joint plan.
mod copm;
mod goal;
mod goals;
mod plan;
mod plan_assignment;
mod plan_editor;
mod routines;
mod strategies;
// Issue 10: two-step sign-in.
mod two_factor;
// Issue 12 part A: practice logs.
pub(crate) mod practice;
// Issue 12 part C: the caregiver's calendar feed.
mod calendar;
// Issue 12 part B: reflections, feedback threads, the inbox.
mod feedback;
// Issue 13, coaching visits.
pub(crate) mod visit_note;
pub(crate) mod visit_record;
mod visits;
// Issue 14: progress you can see.
mod progress;
mod report;
// Issue 14: the admin's clinic page.
mod clinic_metrics;

pub(crate) use report::pdf_response as report_pdf;

pub use lang::local_path;

/// Every route, each behind the access guard.
pub fn all(state: AppState) -> Router<AppState> {
    table().router.route_layer(middleware::from_fn_with_state(state, crate::auth::authorize))
}

/// Every (method, path) the app serves: what the access-rule test walks.
pub fn inventory() -> Vec<(&'static str, &'static str)> {
    table().entries.into_iter().map(|e| (e.method, e.path)).collect()
}

/// Every route that calls an operation, with the operation it calls.
pub fn operations() -> Vec<(&'static str, &'static str, Operation)> {
    table().entries.into_iter().filter_map(|e| Some((e.method, e.path, e.calls?))).collect()
}

fn table() -> Routes {
    Routes::new()
        .merge(health::routes())
        .merge(assets::routes())
        .merge(home::routes())
        .merge(lang::routes())
        .merge(login::routes())
        .merge(invitations::routes())
        .merge(account::routes())
        .merge(households::routes())
        .merge(children::routes())
        .merge(caregivers::routes())
        .merge(admin::routes())
        .merge(audit_logs::routes())
        .merge(settings::routes())
        // The people side (issue 9).
        .merge(child_details::routes())
        .merge(care_team::routes())
        .merge(membership::routes())
        .merge(discharge::routes())
        .merge(export::routes())
        .merge(tokens::routes())
        .merge(crate::api::routes())
        // Issue 11, the joint plan.
        .merge(routines::routes())
        .merge(goals::routes())
        .merge(goal::routes())
        .merge(copm::routes())
        .merge(plan::routes())
        .merge(plan_editor::routes())
        .merge(plan_assignment::routes())
        .merge(strategies::routes())
        // Issue 10: two-step sign-in.
        .merge(two_factor::routes())
        // Issue 12 part A: practice logs.
        .merge(practice::routes())
        // Issue 12 part C: the caregiver's calendar feed.
        .merge(calendar::routes())
        // Issue 12 part B: reflections, feedback threads, the inbox.
        .merge(feedback::routes())
        // Issue 13, coaching visits.
        .merge(visits::routes())
        .merge(visit_record::routes())
        .merge(visit_note::routes())
        // Issue 14: progress you can see.
        .merge(progress::routes())
        .merge(report::routes())
        .merge(clinic_metrics::routes())
}

/// A router that remembers what it routes, so that no route can exist
/// without the test of access rules seeing it.
pub struct Routes {
    router: Router<AppState>,
    entries: Vec<Entry>,
}

struct Entry {
    method: &'static str,
    path: &'static str,
    calls: Option<Operation>,
}

impl Routes {
    pub(crate) fn new() -> Routes {
        Routes { router: Router::new(), entries: Vec::new() }
    }

    fn add(
        mut self,
        method: &'static str,
        path: &'static str,
        route: routing::MethodRouter<AppState>,
    ) -> Routes {
        self.entries.push(Entry { method, path, calls: None });
        self.router = self.router.route(path, route);
        self
    }

    pub(crate) fn get<H, T>(self, path: &'static str, handler: H) -> Routes
    where
        H: Handler<T, AppState>,
        T: 'static,
    {
        self.add("GET", path, routing::get(handler))
    }

    pub(crate) fn post<H, T>(self, path: &'static str, handler: H) -> Routes
    where
        H: Handler<T, AppState>,
        T: 'static,
    {
        self.add("POST", path, routing::post(handler))
    }

    pub(crate) fn put<H, T>(self, path: &'static str, handler: H) -> Routes
    where
        H: Handler<T, AppState>,
        T: 'static,
    {
        self.add("PUT", path, routing::put(handler))
    }

    /// Issue 12 part A: corrections through the API.
    pub(crate) fn patch<H, T>(self, path: &'static str, handler: H) -> Routes
    where
        H: Handler<T, AppState>,
        T: 'static,
    {
        self.add("PATCH", path, routing::patch(handler))
    }

    pub(crate) fn delete<H, T>(self, path: &'static str, handler: H) -> Routes
    where
        H: Handler<T, AppState>,
        T: 'static,
    {
        self.add("DELETE", path, routing::delete(handler))
    }

    /// Names the operation the route added last calls (pages and their API
    /// twins name the same one; a test compares the two sets).
    pub(crate) fn calls(mut self, operation: Operation) -> Routes {
        if let Some(last) = self.entries.last_mut() {
            last.calls = Some(operation);
        }
        self
    }

    pub(crate) fn merge(mut self, other: Routes) -> Routes {
        self.entries.extend(other.entries);
        self.router = self.router.merge(other.router);
        self
    }
}

/// The signed-in person, if any, on routes open to everyone.
pub struct MaybeCaller(pub Option<Caller>);

impl FromRequestParts<AppState> for MaybeCaller {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &AppState) -> Result<Self, Self::Rejection> {
        Ok(MaybeCaller(parts.extensions.get::<Caller>().cloned()))
    }
}
