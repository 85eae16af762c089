//! Authorization as data: one rule per route, consulted by the web layer
//! before any handler runs, and walked by a test for every persona.
//!
//! A rule names who may use a route. Routes about one child also name the
//! ties to that child that grant access; the tie is looked up in storage
//! (household membership, care team, clinic) for each request.

use crate::{audit::AuditAction, people::Role};

/// A person's tie to one child, as storage finds it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ChildTie {
    /// A caregiver with guardian access in the child's household.
    Guardian,
    /// A caregiver with helper access in the child's household.
    Helper,
    /// A therapist on the child's care team.
    CareTeam,
    /// An admin of the child's clinic.
    ClinicAdmin,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Who {
    /// Anyone, signed in or not.
    Anyone,
    /// Any signed-in, active person.
    SignedIn,
    /// Therapists and admins.
    Staff,
    Admin,
    /// Signed-in people with one of these ties to the `{child_id}` in the path.
    Child(&'static [ChildTie]),
}

#[derive(Clone, Copy, Debug)]
pub struct Rule {
    pub method: &'static str,
    pub path: &'static str,
    pub who: Who,
    /// The audit row a successful request leaves, when it touches a child's information.
    pub audits: Option<AuditAction>,
}

const fn rule(method: &'static str, path: &'static str, who: Who) -> Rule {
    Rule { method, path, who, audits: None }
}

const fn audited(method: &'static str, path: &'static str, who: Who, action: AuditAction) -> Rule {
    Rule { method, path, who, audits: Some(action) }
}

use ChildTie::*;
use Who::*;

const RECORD: &[ChildTie] = &[Guardian, Helper, CareTeam, ClinicAdmin];
/// The clinic's side: who may change a child's household.
const TEAM: &[ChildTie] = &[CareTeam, ClinicAdmin];
/// Everyone but helpers: who may correct a child's details and caregivers.
const EDITORS: &[ChildTie] = &[Guardian, CareTeam, ClinicAdmin];
/// Everyone but helpers: ratings, scores, drafts and history.
const FULL: &[ChildTie] = &[Guardian, CareTeam, ClinicAdmin];
/// Issue 12 part A: the household's caregivers, helpers included, log practice.
const CAREGIVERS: &[ChildTie] = &[Guardian, Helper];

pub const RULES: &[Rule] = &[
    rule("GET", "/", Anyone),
    rule("GET", "/healthz", Anyone),
    rule("GET", "/readyz", Anyone),
    rule("GET", "/metrics", Anyone),
    rule("GET", "/static/app.css", Anyone),
    rule("GET", "/static/icon.svg", Anyone),
    // Issue 13: the visit record's autosave script.
    rule("GET", "/static/visit.js", Anyone),
    rule("POST", "/lang", Anyone),
    rule("GET", "/login", Anyone),
    rule("POST", "/login", Anyone),
    rule("GET", "/invite/{token}", Anyone),
    rule("POST", "/invite/{token}", Anyone),
    audited("GET", "/home", SignedIn, AuditAction::List),
    rule("POST", "/logout", SignedIn),
    rule("GET", "/account/password", SignedIn),
    rule("POST", "/account/password", SignedIn),
    rule("GET", "/account/tokens", SignedIn),
    rule("POST", "/account/tokens", SignedIn),
    rule("POST", "/account/tokens/{token_id}/revoke", SignedIn),
    rule("GET", "/households/new", Staff),
    audited("POST", "/households", Staff, AuditAction::Create),
    audited("GET", "/children/{child_id}", Child(RECORD), AuditAction::View),
    audited("GET", "/children/{child_id}/access", Child(&[Guardian]), AuditAction::View),
    audited("GET", "/children/{child_id}/caregivers/new", Child(TEAM), AuditAction::View),
    audited("POST", "/children/{child_id}/caregivers", Child(TEAM), AuditAction::Create),
    audited("GET", "/admin/children/{child_id}/audit", Child(&[ClinicAdmin]), AuditAction::View),
    audited(
        "GET",
        "/admin/children/{child_id}/audit.csv",
        Child(&[ClinicAdmin]),
        AuditAction::Export,
    ),
    rule("GET", "/admin/people", Admin),
    rule("GET", "/admin/settings", Admin),
    rule("POST", "/admin/settings", Admin),
    rule("POST", "/admin/people", Admin),
    rule("POST", "/admin/people/{person_id}/deactivate", Admin),
    rule("POST", "/admin/people/{person_id}/reset", Admin),
    audited("GET", "/admin/people/{person_id}/audit", Admin, AuditAction::View),
    audited("GET", "/admin/people/{person_id}/audit.csv", Admin, AuditAction::Export),
    // Issue 11, the joint plan: routines, goals (COPM, GAS), the strategy
    // library and plan versions. The audit test performs these in this
    // order, so a version is shared and confirmed before a new one is drafted.
    audited("GET", "/children/{child_id}/routines", Child(RECORD), AuditAction::View),
    audited("POST", "/children/{child_id}/routines", Child(FULL), AuditAction::Create),
    audited("POST", "/children/{child_id}/routines/{routine}", Child(FULL), AuditAction::Update),
    audited("GET", "/children/{child_id}/goals", Child(RECORD), AuditAction::View),
    audited("POST", "/children/{child_id}/goals", Child(TEAM), AuditAction::Create),
    audited("GET", "/children/{child_id}/goals/{goal_id}", Child(FULL), AuditAction::View),
    audited("POST", "/children/{child_id}/goals/{goal_id}", Child(TEAM), AuditAction::Update),
    audited("POST", "/children/{child_id}/goals/{goal_id}/gas", Child(TEAM), AuditAction::Update),
    audited(
        "POST",
        "/children/{child_id}/goals/{goal_id}/gas/ratings",
        Child(FULL),
        AuditAction::Create,
    ),
    audited("GET", "/children/{child_id}/copm/new", Child(TEAM), AuditAction::View),
    audited("POST", "/children/{child_id}/copm", Child(TEAM), AuditAction::Create),
    audited("GET", "/children/{child_id}/plan", Child(RECORD), AuditAction::View),
    audited("GET", "/children/{child_id}/plan/history", Child(FULL), AuditAction::View),
    audited("GET", "/children/{child_id}/plan/{version_id}", Child(FULL), AuditAction::View),
    audited("GET", "/children/{child_id}/plan/{version_id}/edit", Child(TEAM), AuditAction::View),
    audited(
        "POST",
        "/children/{child_id}/plan/{version_id}/priorities",
        Child(TEAM),
        AuditAction::Update,
    ),
    audited(
        "POST",
        "/children/{child_id}/plan/{version_id}/assignments",
        Child(TEAM),
        AuditAction::Create,
    ),
    audited(
        "GET",
        "/children/{child_id}/plan/{version_id}/assignments/{assignment_id}",
        Child(TEAM),
        AuditAction::View,
    ),
    audited(
        "POST",
        "/children/{child_id}/plan/{version_id}/assignments/{assignment_id}",
        Child(TEAM),
        AuditAction::Update,
    ),
    audited(
        "POST",
        "/children/{child_id}/plan/{version_id}/assignments/{assignment_id}/remove",
        Child(TEAM),
        AuditAction::Delete,
    ),
    audited(
        "POST",
        "/children/{child_id}/plan/{version_id}/share",
        Child(TEAM),
        AuditAction::Update,
    ),
    audited(
        "POST",
        "/children/{child_id}/plan/{version_id}/agree",
        Child(TEAM),
        AuditAction::Update,
    ),
    audited(
        "POST",
        "/children/{child_id}/plan/{version_id}/confirm",
        Child(&[Guardian]),
        AuditAction::Update,
    ),
    audited("POST", "/children/{child_id}/plan/drafts", Child(TEAM), AuditAction::Create),
    rule("GET", "/strategies", Staff),
    rule("GET", "/strategies/new", Staff),
    rule("POST", "/strategies", Staff),
    rule("GET", "/strategies/starter/{slug}", Staff),
    rule("POST", "/strategies/starter/{slug}/copy", Staff),
    rule("GET", "/strategies/clinic/{strategy_id}", Staff),
    rule("GET", "/strategies/clinic/{strategy_id}/edit", Staff),
    rule("POST", "/strategies/clinic/{strategy_id}", Staff),
    // The joint plan's API twins, with the rules of their pages. The audit
    // test walks them on the draft the pages' cases start: shared and
    // confirmed, then a new draft agreed in a session.
    audited("GET", "/api/v1/children/{child_id}/routines", Child(RECORD), AuditAction::View),
    audited("POST", "/api/v1/children/{child_id}/routines", Child(FULL), AuditAction::Create),
    audited(
        "PUT",
        "/api/v1/children/{child_id}/routines/{routine}",
        Child(FULL),
        AuditAction::Update,
    ),
    audited("GET", "/api/v1/children/{child_id}/goals", Child(RECORD), AuditAction::View),
    audited("POST", "/api/v1/children/{child_id}/goals", Child(TEAM), AuditAction::Create),
    audited("GET", "/api/v1/children/{child_id}/goals/{goal_id}", Child(FULL), AuditAction::View),
    audited("PUT", "/api/v1/children/{child_id}/goals/{goal_id}", Child(TEAM), AuditAction::Update),
    audited(
        "PUT",
        "/api/v1/children/{child_id}/goals/{goal_id}/gas",
        Child(TEAM),
        AuditAction::Update,
    ),
    audited(
        "POST",
        "/api/v1/children/{child_id}/goals/{goal_id}/gas/ratings",
        Child(FULL),
        AuditAction::Create,
    ),
    audited("POST", "/api/v1/children/{child_id}/copm", Child(TEAM), AuditAction::Create),
    audited("GET", "/api/v1/children/{child_id}/plan", Child(RECORD), AuditAction::View),
    audited("GET", "/api/v1/children/{child_id}/plan/history", Child(FULL), AuditAction::View),
    audited("GET", "/api/v1/children/{child_id}/plan/{version_id}", Child(FULL), AuditAction::View),
    audited(
        "PUT",
        "/api/v1/children/{child_id}/plan/{version_id}/priorities",
        Child(TEAM),
        AuditAction::Update,
    ),
    audited(
        "POST",
        "/api/v1/children/{child_id}/plan/{version_id}/assignments",
        Child(TEAM),
        AuditAction::Create,
    ),
    audited(
        "PUT",
        "/api/v1/children/{child_id}/plan/{version_id}/assignments/{assignment_id}",
        Child(TEAM),
        AuditAction::Update,
    ),
    audited(
        "DELETE",
        "/api/v1/children/{child_id}/plan/{version_id}/assignments/{assignment_id}",
        Child(TEAM),
        AuditAction::Delete,
    ),
    audited(
        "POST",
        "/api/v1/children/{child_id}/plan/{version_id}/share",
        Child(TEAM),
        AuditAction::Update,
    ),
    audited(
        "POST",
        "/api/v1/children/{child_id}/plan/{version_id}/confirm",
        Child(&[Guardian]),
        AuditAction::Update,
    ),
    audited("POST", "/api/v1/children/{child_id}/plan/drafts", Child(TEAM), AuditAction::Create),
    audited(
        "POST",
        "/api/v1/children/{child_id}/plan/{version_id}/agree",
        Child(TEAM),
        AuditAction::Update,
    ),
    rule("GET", "/api/v1/strategies", Staff),
    rule("POST", "/api/v1/strategies", Staff),
    rule("GET", "/api/v1/strategies/starter/{slug}", Staff),
    rule("POST", "/api/v1/strategies/starter/{slug}/copy", Staff),
    rule("GET", "/api/v1/strategies/clinic/{strategy_id}", Staff),
    rule("PUT", "/api/v1/strategies/clinic/{strategy_id}", Staff),
    // (end of issue 11; it comes first: the audit test walks RULES in order, and
    // the people side's cases remove the helper the plan's cases need.)
    // Issue 12 part A: practice logs, "This week" (on /home), measures from
    // logs. After the joint plan (its cases leave an agreed plan to log
    // against) and before the people side (whose cases remove the helper).
    rule("GET", "/static/log.js", Anyone),
    audited("GET", "/children/{child_id}/logs/new", Child(CAREGIVERS), AuditAction::View),
    audited("POST", "/children/{child_id}/logs", Child(CAREGIVERS), AuditAction::Create),
    audited("GET", "/children/{child_id}/logs/{log_id}", Child(RECORD), AuditAction::View),
    audited("POST", "/children/{child_id}/logs/{log_id}", Child(CAREGIVERS), AuditAction::Update),
    audited(
        "POST",
        "/children/{child_id}/logs/{log_id}/delete",
        Child(CAREGIVERS),
        AuditAction::Delete,
    ),
    audited("GET", "/children/{child_id}/practice", Child(RECORD), AuditAction::List),
    audited("GET", "/api/v1/children/{child_id}/week", Child(RECORD), AuditAction::View),
    audited("GET", "/api/v1/children/{child_id}/logs", Child(RECORD), AuditAction::List),
    audited(
        "PUT",
        "/api/v1/children/{child_id}/logs/{log_id}",
        Child(CAREGIVERS),
        AuditAction::Create,
    ),
    audited("GET", "/api/v1/children/{child_id}/logs/{log_id}", Child(RECORD), AuditAction::View),
    audited(
        "PATCH",
        "/api/v1/children/{child_id}/logs/{log_id}",
        Child(CAREGIVERS),
        AuditAction::Update,
    ),
    audited(
        "DELETE",
        "/api/v1/children/{child_id}/logs/{log_id}",
        Child(CAREGIVERS),
        AuditAction::Delete,
    ),
    audited("GET", "/api/v1/children/{child_id}/measures", Child(FULL), AuditAction::View),
    // (end of issue 12 part A)
    // Issue 12 part B: guided reflections, flags, feedback threads, the
    // inbox. Guardians reflect; helpers read no reflection and not the
    // child's thread (they hear back on their own practice logs). Before the
    // people side, whose cases discharge the child.
    audited("GET", "/inbox", Staff, AuditAction::List),
    audited("GET", "/children/{child_id}/reflections", Child(FULL), AuditAction::View),
    audited("POST", "/children/{child_id}/reflections", Child(&[Guardian]), AuditAction::Create),
    audited(
        "GET",
        "/children/{child_id}/reflections/{reflection_id}",
        Child(FULL),
        AuditAction::View,
    ),
    audited(
        "POST",
        "/children/{child_id}/reflections/{reflection_id}/messages",
        Child(FULL),
        AuditAction::Create,
    ),
    audited(
        "POST",
        "/children/{child_id}/reflections/{reflection_id}/handled",
        Child(TEAM),
        AuditAction::Update,
    ),
    audited("GET", "/children/{child_id}/messages", Child(FULL), AuditAction::View),
    audited("POST", "/children/{child_id}/messages", Child(FULL), AuditAction::Create),
    // A practice log's feedback: helpers too, for the logs they made.
    audited("GET", "/children/{child_id}/logs/{log_id}/feedback", Child(RECORD), AuditAction::View),
    audited(
        "POST",
        "/children/{child_id}/logs/{log_id}/feedback",
        Child(RECORD),
        AuditAction::Create,
    ),
    audited("GET", "/api/v1/inbox", Staff, AuditAction::List),
    audited("GET", "/api/v1/me/feedback", SignedIn, AuditAction::List),
    audited("GET", "/api/v1/children/{child_id}/reflections", Child(FULL), AuditAction::View),
    audited(
        "POST",
        "/api/v1/children/{child_id}/reflections",
        Child(&[Guardian]),
        AuditAction::Create,
    ),
    audited(
        "GET",
        "/api/v1/children/{child_id}/reflections/{reflection_id}",
        Child(FULL),
        AuditAction::View,
    ),
    audited(
        "POST",
        "/api/v1/children/{child_id}/reflections/{reflection_id}/messages",
        Child(FULL),
        AuditAction::Create,
    ),
    audited(
        "POST",
        "/api/v1/children/{child_id}/reflections/{reflection_id}/handled",
        Child(TEAM),
        AuditAction::Update,
    ),
    audited(
        "POST",
        "/api/v1/children/{child_id}/reflections/{reflection_id}/read",
        Child(FULL),
        AuditAction::Update,
    ),
    audited("GET", "/api/v1/children/{child_id}/messages", Child(FULL), AuditAction::View),
    audited("POST", "/api/v1/children/{child_id}/messages", Child(FULL), AuditAction::Create),
    audited("POST", "/api/v1/children/{child_id}/messages/read", Child(FULL), AuditAction::Update),
    audited(
        "GET",
        "/api/v1/children/{child_id}/logs/{log_id}/feedback",
        Child(RECORD),
        AuditAction::View,
    ),
    audited(
        "POST",
        "/api/v1/children/{child_id}/logs/{log_id}/feedback",
        Child(RECORD),
        AuditAction::Create,
    ),
    audited(
        "POST",
        "/api/v1/children/{child_id}/logs/{log_id}/feedback/read",
        Child(RECORD),
        AuditAction::Update,
    ),
    // (end of issue 12 part B)
    // Issue 13, coaching visits: planned visits, the visit record along the
    // five steps, ending it with the next practice plan, the signed note and
    // fidelity. Helpers see no visits. After issue 11 (the audit cases need
    // the plan's agreed version) and before issue 9 (which discharges).
    audited("GET", "/children/{child_id}/visits", Child(FULL), AuditAction::View),
    audited("POST", "/children/{child_id}/visits", Child(TEAM), AuditAction::Create),
    audited(
        "POST",
        "/children/{child_id}/visits/{visit_id}/reschedule",
        Child(TEAM),
        AuditAction::Update,
    ),
    audited(
        "POST",
        "/children/{child_id}/visits/{visit_id}/cancel",
        Child(TEAM),
        AuditAction::Update,
    ),
    audited("POST", "/children/{child_id}/sessions", Child(TEAM), AuditAction::Create),
    audited("GET", "/children/{child_id}/sessions/{session_id}", Child(TEAM), AuditAction::View),
    audited(
        "POST",
        "/children/{child_id}/sessions/{session_id}/field",
        Child(TEAM),
        AuditAction::Update,
    ),
    audited(
        "POST",
        "/children/{child_id}/sessions/{session_id}/visit",
        Child(TEAM),
        AuditAction::Update,
    ),
    audited(
        "POST",
        "/children/{child_id}/sessions/{session_id}/goals",
        Child(TEAM),
        AuditAction::Update,
    ),
    audited(
        "POST",
        "/children/{child_id}/sessions/{session_id}/attendees",
        Child(TEAM),
        AuditAction::Update,
    ),
    audited(
        "POST",
        "/children/{child_id}/sessions/{session_id}/entries",
        Child(TEAM),
        AuditAction::Update,
    ),
    audited(
        "POST",
        "/children/{child_id}/sessions/{session_id}/entries/{entry_id}",
        Child(TEAM),
        AuditAction::Update,
    ),
    audited(
        "POST",
        "/children/{child_id}/sessions/{session_id}/entries/{entry_id}/remove",
        Child(TEAM),
        AuditAction::Delete,
    ),
    audited(
        "GET",
        "/children/{child_id}/sessions/{session_id}/end",
        Child(TEAM),
        AuditAction::View,
    ),
    audited(
        "POST",
        "/children/{child_id}/sessions/{session_id}/end",
        Child(TEAM),
        AuditAction::Update,
    ),
    audited(
        "GET",
        "/children/{child_id}/sessions/{session_id}/note",
        Child(TEAM),
        AuditAction::View,
    ),
    audited(
        "GET",
        "/children/{child_id}/sessions/{session_id}/note.txt",
        Child(TEAM),
        AuditAction::View,
    ),
    audited(
        "POST",
        "/children/{child_id}/sessions/{session_id}/sign",
        Child(TEAM),
        AuditAction::Update,
    ),
    audited(
        "POST",
        "/children/{child_id}/sessions/{session_id}/addenda",
        Child(TEAM),
        AuditAction::Create,
    ),
    audited(
        "POST",
        "/children/{child_id}/sessions/{session_id}/share",
        Child(TEAM),
        AuditAction::Update,
    ),
    rule("GET", "/fidelity", Staff),
    rule("GET", "/admin/fidelity", Admin),
    // Issue 13's API twins, with the rules of their pages.
    audited("GET", "/api/v1/children/{child_id}/visits", Child(FULL), AuditAction::View),
    audited("POST", "/api/v1/children/{child_id}/visits", Child(TEAM), AuditAction::Create),
    audited(
        "POST",
        "/api/v1/children/{child_id}/visits/{visit_id}/reschedule",
        Child(TEAM),
        AuditAction::Update,
    ),
    audited(
        "POST",
        "/api/v1/children/{child_id}/visits/{visit_id}/cancel",
        Child(TEAM),
        AuditAction::Update,
    ),
    audited("POST", "/api/v1/children/{child_id}/sessions", Child(TEAM), AuditAction::Create),
    audited(
        "GET",
        "/api/v1/children/{child_id}/sessions/{session_id}",
        Child(TEAM),
        AuditAction::View,
    ),
    audited(
        "POST",
        "/api/v1/children/{child_id}/sessions/{session_id}/field",
        Child(TEAM),
        AuditAction::Update,
    ),
    audited(
        "POST",
        "/api/v1/children/{child_id}/sessions/{session_id}/visit",
        Child(TEAM),
        AuditAction::Update,
    ),
    audited(
        "POST",
        "/api/v1/children/{child_id}/sessions/{session_id}/goals",
        Child(TEAM),
        AuditAction::Update,
    ),
    audited(
        "POST",
        "/api/v1/children/{child_id}/sessions/{session_id}/attendees",
        Child(TEAM),
        AuditAction::Update,
    ),
    audited(
        "POST",
        "/api/v1/children/{child_id}/sessions/{session_id}/entries",
        Child(TEAM),
        AuditAction::Update,
    ),
    audited(
        "POST",
        "/api/v1/children/{child_id}/sessions/{session_id}/entries/{entry_id}",
        Child(TEAM),
        AuditAction::Update,
    ),
    audited(
        "POST",
        "/api/v1/children/{child_id}/sessions/{session_id}/entries/{entry_id}/remove",
        Child(TEAM),
        AuditAction::Delete,
    ),
    audited(
        "GET",
        "/api/v1/children/{child_id}/sessions/{session_id}/end",
        Child(TEAM),
        AuditAction::View,
    ),
    audited(
        "POST",
        "/api/v1/children/{child_id}/sessions/{session_id}/end",
        Child(TEAM),
        AuditAction::Update,
    ),
    audited(
        "GET",
        "/api/v1/children/{child_id}/sessions/{session_id}/note",
        Child(TEAM),
        AuditAction::View,
    ),
    audited(
        "POST",
        "/api/v1/children/{child_id}/sessions/{session_id}/sign",
        Child(TEAM),
        AuditAction::Update,
    ),
    audited(
        "POST",
        "/api/v1/children/{child_id}/sessions/{session_id}/addenda",
        Child(TEAM),
        AuditAction::Create,
    ),
    audited(
        "POST",
        "/api/v1/children/{child_id}/sessions/{session_id}/share",
        Child(TEAM),
        AuditAction::Update,
    ),
    rule("GET", "/api/v1/me/fidelity", Staff),
    rule("GET", "/api/v1/fidelity", Admin),
    rule("GET", "/admin/reflection-questions", Admin),
    rule("POST", "/admin/reflection-questions", Admin),
    rule("GET", "/api/v1/clinic/reflection-questions", Admin),
    rule("PUT", "/api/v1/clinic/reflection-questions", Admin),
    // (end of issue 13)
    // The people side (issue 9): details, care teams, caregivers who leave,
    // discharge, a family's copy of its data.
    audited("GET", "/children/{child_id}/details", Child(EDITORS), AuditAction::View),
    audited("POST", "/children/{child_id}/details", Child(EDITORS), AuditAction::Update),
    audited("GET", "/children/{child_id}/team", Child(&[ClinicAdmin]), AuditAction::View),
    audited("POST", "/children/{child_id}/team", Child(&[ClinicAdmin]), AuditAction::Update),
    audited("GET", "/children/{child_id}/caregivers", Child(EDITORS), AuditAction::View),
    audited("POST", "/children/{child_id}/caregivers/access", Child(EDITORS), AuditAction::Update),
    audited("POST", "/children/{child_id}/caregivers/remove", Child(EDITORS), AuditAction::Delete),
    audited("GET", "/children/{child_id}/discharge", Child(TEAM), AuditAction::View),
    audited("POST", "/children/{child_id}/discharge", Child(TEAM), AuditAction::Update),
    audited("POST", "/children/{child_id}/readmit", Child(TEAM), AuditAction::Update),
    audited("GET", "/children/{child_id}/export.zip", Child(&[Guardian]), AuditAction::Export),
    audited("GET", "/admin/people/{person_id}/caseload", Admin, AuditAction::List),
    audited("POST", "/admin/people/{person_id}/caseload", Admin, AuditAction::Update),
    audited("GET", "/admin/people/{person_id}/deactivate", Admin, AuditAction::List),
    // (end of issue 9)
    // The JSON API: each route has the rule of the page it twins.
    rule("GET", "/api/v1/openapi.json", Anyone),
    rule("GET", "/api/v1/docs", Anyone),
    rule("POST", "/api/v1/session", Anyone),
    rule("DELETE", "/api/v1/session", SignedIn),
    rule("GET", "/api/v1/me", SignedIn),
    rule("PUT", "/api/v1/me/language", SignedIn),
    rule("PUT", "/api/v1/me/password", SignedIn),
    rule("GET", "/api/v1/me/tokens", SignedIn),
    rule("POST", "/api/v1/me/tokens", SignedIn),
    rule("DELETE", "/api/v1/me/tokens/{token_id}", SignedIn),
    rule("GET", "/api/v1/invitations/{token}", Anyone),
    rule("POST", "/api/v1/invitations/{token}/accept", Anyone),
    audited("GET", "/api/v1/children", SignedIn, AuditAction::List),
    audited("GET", "/api/v1/children/{child_id}", Child(RECORD), AuditAction::View),
    audited("POST", "/api/v1/households", Staff, AuditAction::Create),
    audited("POST", "/api/v1/children/{child_id}/caregivers", Child(TEAM), AuditAction::Create),
    audited("GET", "/api/v1/children/{child_id}/access-log", Child(&[Guardian]), AuditAction::View),
    audited("GET", "/api/v1/children/{child_id}/audit", Child(&[ClinicAdmin]), AuditAction::View),
    rule("GET", "/api/v1/people", Admin),
    rule("POST", "/api/v1/people", Admin),
    rule("POST", "/api/v1/people/{person_id}/deactivate", Admin),
    rule("POST", "/api/v1/people/{person_id}/reset-link", Admin),
    audited("GET", "/api/v1/people/{person_id}/audit", Admin, AuditAction::View),
    audited("GET", "/api/v1/children/{child_id}/details", Child(EDITORS), AuditAction::View),
    audited("PUT", "/api/v1/children/{child_id}/details", Child(EDITORS), AuditAction::Update),
    audited("GET", "/api/v1/children/{child_id}/team", Child(&[ClinicAdmin]), AuditAction::View),
    audited("POST", "/api/v1/children/{child_id}/team", Child(&[ClinicAdmin]), AuditAction::Update),
    audited("GET", "/api/v1/children/{child_id}/caregivers", Child(EDITORS), AuditAction::View),
    audited(
        "POST",
        "/api/v1/children/{child_id}/caregivers/access",
        Child(EDITORS),
        AuditAction::Update,
    ),
    audited(
        "POST",
        "/api/v1/children/{child_id}/caregivers/remove",
        Child(EDITORS),
        AuditAction::Delete,
    ),
    audited("POST", "/api/v1/children/{child_id}/discharge", Child(TEAM), AuditAction::Update),
    audited("POST", "/api/v1/children/{child_id}/readmit", Child(TEAM), AuditAction::Update),
    audited("GET", "/api/v1/children/{child_id}/export", Child(&[Guardian]), AuditAction::Export),
    audited("GET", "/api/v1/people/{person_id}/caseload", Admin, AuditAction::List),
    audited("POST", "/api/v1/people/{person_id}/caseload", Admin, AuditAction::Update),
    audited("GET", "/api/v1/people/{person_id}/deactivation", Admin, AuditAction::List),
    rule("GET", "/api/v1/clinic/settings", Admin),
    rule("PUT", "/api/v1/clinic/settings", Admin),
    // Issue 10: two-factor sign-in.
    rule("GET", "/login/code", Anyone),
    rule("POST", "/login/code", Anyone),
    rule("GET", "/account/two-factor", SignedIn),
    rule("POST", "/account/two-factor/start", SignedIn),
    rule("POST", "/account/two-factor/confirm", SignedIn),
    rule("POST", "/admin/people/{person_id}/two-factor/reset", Admin),
    // Issue 12 part C: each person's calendar feed link, on their own account,
    // and the feed itself. The link is the feed's only credential, so the feed
    // is open to anyone holding a live one; its operation resolves the link to
    // its owner, reads through the owner's grants and audits one row per child.
    rule("GET", "/account/calendar", SignedIn),
    rule("POST", "/account/calendar", SignedIn),
    rule("POST", "/account/calendar/revoke", SignedIn),
    rule("GET", "/api/v1/me/calendar", SignedIn),
    rule("POST", "/api/v1/me/calendar", SignedIn),
    rule("DELETE", "/api/v1/me/calendar", SignedIn),
    rule("GET", "/calendar/{feed}", Anyone),
    // (end of issue 12 part C)
    // Issue 14, progress you can see: the progress page, the progress report
    // (page, PDF, the therapist's summary) and their API twins. Helpers see
    // none of the measures; downloading the report is an export.
    audited("GET", "/children/{child_id}/progress", Child(FULL), AuditAction::View),
    audited("GET", "/children/{child_id}/report", Child(FULL), AuditAction::View),
    audited("GET", "/children/{child_id}/report.pdf", Child(FULL), AuditAction::Export),
    audited("POST", "/children/{child_id}/report/summary", Child(TEAM), AuditAction::Update),
    audited("GET", "/api/v1/children/{child_id}/progress", Child(FULL), AuditAction::View),
    audited("GET", "/api/v1/children/{child_id}/report", Child(FULL), AuditAction::View),
    audited("GET", "/api/v1/children/{child_id}/report.pdf", Child(FULL), AuditAction::Export),
    audited("PUT", "/api/v1/children/{child_id}/report/summary", Child(TEAM), AuditAction::Update),
    // Issue 14, the clinic page: the admin's figures over a period. They read
    // every child's logs, visits and ratings, so each read leaves a row.
    audited("GET", "/clinic/metrics", Admin, AuditAction::View),
    audited("GET", "/api/v1/clinic/metrics", Admin, AuditAction::View),
    // Issue 14, caseload triage: the therapist's home (`GET /home`, above) and
    // its twin. Staff: an admin sees the children whose care team they are
    // on, usually none (the clinic page is theirs). One listing row.
    audited("GET", "/api/v1/triage", Staff, AuditAction::List),
    // (end of issue 14)
];

/// Where staff who must enrol a second factor are sent.
pub const ENROL_PATH: &str = "/account/two-factor";

/// Routes a staff member who must enrol a second factor may still use: the
/// public ones, and their own account. Nothing here shows a child.
const BEFORE_SECOND_FACTOR: &[&str] = &[
    "/logout",
    "/api/v1/session",
    "/account/password",
    "/api/v1/me/password",
    "/account/two-factor",
    "/account/two-factor/start",
    "/account/two-factor/confirm",
];

pub fn open_before_second_factor(rule: &Rule) -> bool {
    rule.who == Anyone || BEFORE_SECOND_FACTOR.contains(&rule.path)
}

/// Routes that never ask who is calling: no session is looked up, so a
/// health probe or a stylesheet fetched with a cookie costs no database read.
const WITHOUT_CALLER: &[&str] = &[
    "/healthz",
    "/readyz",
    "/metrics",
    "/static/app.css",
    "/static/icon.svg",
    "/static/log.js",
    "/static/visit.js",
];

pub fn needs_no_caller(rule: &Rule) -> bool {
    rule.who == Anyone && WITHOUT_CALLER.contains(&rule.path)
}

/// Every request looks its rule up: a map, not a walk through the list.
pub fn rule_for(method: &str, path: &str) -> Option<&'static Rule> {
    type ByRoute = std::collections::HashMap<(&'static str, &'static str), &'static Rule>;
    static BY_ROUTE: std::sync::OnceLock<ByRoute> = std::sync::OnceLock::new();
    let by_route = BY_ROUTE.get_or_init(|| RULES.iter().map(|r| ((r.method, r.path), r)).collect());
    // Keys are covariant: the map can be read with shorter-lived strings.
    let by_route: &std::collections::HashMap<(&str, &str), &'static Rule> = by_route;
    by_route.get(&(method, path)).copied()
}

/// What the rule says for a caller: `None` when signed out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    Allow,
    /// Not signed in where sign-in is needed: send to the sign-in page.
    SignIn,
    /// Signed in but outside the rule: answer 404, never revealing that it exists.
    Hide,
}

impl Who {
    pub fn needs_child_tie(self) -> bool {
        matches!(self, Who::Child(_))
    }

    /// `tie` is the caller's tie to the child in the path, for `Child` rules.
    pub fn judge(self, role: Option<Role>, tie: Option<ChildTie>) -> Verdict {
        let Some(role) = role else {
            return if self == Anyone { Verdict::Allow } else { Verdict::SignIn };
        };
        let allowed = match self {
            Anyone | SignedIn => true,
            Staff => role.is_staff(),
            Admin => role == Role::Admin,
            Child(ties) => tie.is_some_and(|t| ties.contains(&t)),
        };
        if allowed { Verdict::Allow } else { Verdict::Hide }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_route_has_one_rule() {
        let mut seen = std::collections::HashSet::new();
        for rule in RULES {
            assert!(
                seen.insert((rule.method, rule.path)),
                "two rules for {} {}",
                rule.method,
                rule.path
            );
        }
    }

    #[test]
    fn a_helper_reads_the_agreed_plan_but_no_ratings_drafts_or_history() {
        let judge = |method, path| {
            rule_for(method, path).unwrap().who.judge(Some(Role::Caregiver), Some(Helper))
        };
        assert_eq!(judge("GET", "/children/{child_id}/plan"), Verdict::Allow);
        assert_eq!(judge("GET", "/children/{child_id}/goals"), Verdict::Allow);
        assert_eq!(judge("GET", "/children/{child_id}/goals/{goal_id}"), Verdict::Hide);
        assert_eq!(judge("GET", "/children/{child_id}/plan/history"), Verdict::Hide);
        assert_eq!(judge("GET", "/children/{child_id}/plan/{version_id}"), Verdict::Hide);
        assert_eq!(judge("POST", "/children/{child_id}/plan/{version_id}/confirm"), Verdict::Hide);
    }

    #[test]
    fn only_a_guardian_confirms_a_plan_from_their_own_phone() {
        let who = rule_for("POST", "/children/{child_id}/plan/{version_id}/confirm").unwrap().who;
        assert_eq!(who.judge(Some(Role::Caregiver), Some(Guardian)), Verdict::Allow);
        assert_eq!(who.judge(Some(Role::Therapist), Some(CareTeam)), Verdict::Hide);
    }

    #[test]
    fn nothing_about_a_child_is_open_before_the_second_factor() {
        for rule in RULES.iter().filter(|r| open_before_second_factor(r)) {
            assert!(!rule.who.needs_child_tie() && rule.audits.is_none(), "{}", rule.path);
            assert_ne!(rule.path, "/home", "home lists children");
        }
        for path in BEFORE_SECOND_FACTOR {
            assert!(RULES.iter().any(|r| r.path == *path), "{path} has no rule");
        }
    }

    #[test]
    fn a_helper_cannot_open_the_access_log_but_a_guardian_can() {
        let who = rule_for("GET", "/children/{child_id}/access").unwrap().who;
        assert_eq!(who.judge(Some(Role::Caregiver), Some(Helper)), Verdict::Hide);
        assert_eq!(who.judge(Some(Role::Caregiver), Some(Guardian)), Verdict::Allow);
    }

    #[test]
    fn a_therapist_off_the_care_team_sees_nothing_of_the_child() {
        let who = rule_for("GET", "/children/{child_id}").unwrap().who;
        assert_eq!(who.judge(Some(Role::Therapist), None), Verdict::Hide);
        assert_eq!(who.judge(Some(Role::Therapist), Some(CareTeam)), Verdict::Allow);
        assert_eq!(who.judge(None, None), Verdict::SignIn);
    }
}
