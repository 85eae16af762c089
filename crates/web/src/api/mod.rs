//! `/api/v1`: the JSON twin of every page. Each handler calls the same
//! operation as its page and answers with the same data; errors are
//! `application/problem+json`. The OpenAPI document is generated from the
//! handlers' annotations and served at `/api/v1/openapi.json`, with a
//! readable page at `/api/v1/docs`.

mod account;
mod audit;
// Issue 12 part C: the caregiver's calendar feed link.
mod calendar;
mod children;
mod docs;
mod family;
pub mod family_models;
mod invitations;
pub mod models;
pub mod paging;
mod people;
mod plan;
// Issue 12 part A: practice logs.
mod practice;
// Issue 12 part B: reflections, feedback threads, the inbox.
mod feedback;
// Issue 13, coaching visits.
pub mod problem;
// Issue 14: progress figures and the progress report.
mod progress;
// Issue 14: the clinic page's figures.
mod clinic_metrics;
mod settings;
// Issue 14: the caseload triage.
mod triage;
mod visits;

use axum::{Json, response::IntoResponse};
use carryover_domain::people::Language;
use utoipa::{
    OpenApi,
    openapi::{
        self, Content, RefOr, Response,
        security::{
            ApiKey, ApiKeyValue, Http, HttpAuthScheme, SecurityRequirement, SecurityScheme,
        },
    },
};

use crate::{auth::Caller, i18n::Lang, routes::Routes};

pub fn routes() -> Routes {
    Routes::new()
        .get("/api/v1/openapi.json", openapi_json)
        .get("/api/v1/docs", docs::show_docs)
        .merge(account::routes())
        .merge(children::routes())
        .merge(people::routes())
        .merge(settings::routes())
        .merge(audit::routes())
        .merge(invitations::routes())
        .merge(family::routes())
        .merge(plan::routes())
        // Issue 12 part A: practice logs.
        .merge(practice::routes())
        // Issue 12 part C.
        .merge(calendar::routes())
        // Issue 12 part B.
        .merge(feedback::routes())
        // Issue 13, coaching visits.
        .merge(visits::routes())
        // Issue 14: progress figures and the progress report.
        .merge(progress::routes())
        .merge(clinic_metrics::routes())
        // Issue 14: the caseload triage.
        .merge(triage::routes())
}

/// The caller's own language, for people an operation creates.
fn language_of(caller: &Caller) -> Language {
    Lang::parse(&caller.person.lang).unwrap_or(Lang::En).language()
}

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Carryover API",
        description = "The JSON twin of every Carryover page. Authenticate with a personal access token \
            (`Authorization: Bearer <token>`, made on your account page) or the session cookie. \
            Every answer carries exactly what the same page shows the same person.",
    ),
    paths(
        account::get_me,
        account::put_language,
        account::put_password,
        account::list_tokens,
        account::create_token,
        account::revoke_token,
        account::sign_in,
        account::sign_out,
        children::list_children,
        children::get_child,
        children::create_household,
        children::add_caregiver,
        people::list_people,
        people::invite_staff,
        people::deactivate,
        people::reset_link,
        settings::get_settings,
        settings::put_settings,
        audit::access_log,
        audit::child_audit,
        audit::person_audit,
        invitations::get_invitation,
        family::get_details,
        family::put_details,
        family::get_team,
        family::change_team,
        family::list_caregivers,
        family::change_access,
        family::remove_caregiver,
        family::discharge_child,
        family::readmit_child,
        family::export_child,
        family::get_caseload,
        family::move_caseload,
        family::get_deactivation,
        plan::get_routines,
        plan::add_routine,
        plan::set_usual_time,
        plan::get_goals,
        plan::create_goal,
        plan::get_goal,
        plan::update_goal,
        plan::save_gas_scale,
        plan::add_gas_rating,
        plan::record_copm,
        plan::get_plan,
        plan::get_history,
        plan::get_version,
        plan::start_draft,
        plan::set_priorities,
        plan::add_assignment,
        plan::update_assignment,
        plan::remove_assignment,
        plan::share,
        plan::agree,
        plan::confirm,
        plan::library,
        plan::create_strategy,
        plan::get_starter,
        plan::copy_starter,
        plan::get_clinic_strategy,
        plan::update_strategy,
        // Issue 12 part B: reflections, feedback threads, the inbox.
        feedback::get_inbox,
        feedback::get_new_feedback,
        feedback::get_reflections,
        feedback::reflect,
        feedback::get_reflection,
        feedback::answer,
        feedback::handled,
        feedback::read_reflection,
        feedback::get_messages,
        feedback::write,
        feedback::read_messages,
        feedback::get_log_thread,
        feedback::answer_log,
        feedback::read_log,
        // Issue 13, coaching visits.
        visits::get_visits,
        visits::schedule,
        visits::reschedule,
        visits::cancel,
        visits::start,
        visits::get_record,
        visits::save_field,
        visits::save_visit,
        visits::save_goals,
        visits::save_attendees,
        visits::add_entry,
        visits::update_entry,
        visits::remove_entry,
        visits::get_ending,
        visits::end,
        visits::get_note,
        visits::sign,
        visits::add_addendum,
        visits::share,
        visits::my_fidelity,
        visits::clinic_fidelity,
        visits::get_questions,
        visits::put_questions,
        invitations::accept,
        // Issue 12 part A: practice logs.
        practice::get_week,
        practice::list_logs,
        practice::put_log,
        practice::get_log,
        practice::patch_log,
        practice::delete_log,
        practice::get_measures,
        // Issue 12 part C.
        calendar::get_calendar,
        calendar::create_calendar,
        calendar::revoke_calendar,
        // Issue 14: progress figures and the progress report.
        progress::get_progress,
        progress::get_report,
        progress::get_report_pdf,
        progress::put_summary,
        clinic_metrics::get_metrics,
        // Issue 14: the caseload triage.
        triage::get_triage,
    ),
    components(schemas(problem::Problem, problem::FieldProblem, visits::StaleSave))
)]
struct ApiDoc;

/// Statuses any operation may answer with, besides its own success.
const ERRORS_ALWAYS: &[(&str, &str)] = &[
    ("400", "The request could not be read (a bad query value, malformed JSON)."),
    ("401", "No credentials, or a token that is unknown, revoked or expired."),
    ("403", "A cross-site request from a browser was refused."),
    ("404", "Not found, or outside the caller's access (the two look alike)."),
    ("409", "A conflict, or a discharged child's record, which is read-only."),
    ("429", "Too many attempts; see retry_after."),
    ("500", "Something failed on the server."),
    ("503", "The database is not available; try again."),
];
/// Statuses of operations that take a body.
const ERRORS_WITH_BODY: &[(&str, &str)] = &[
    ("413", "The body is too large."),
    ("415", "The body is not JSON."),
    ("422", "Input refused: see errors, one per field."),
];

/// The document: the handlers' annotations, plus the error answers every
/// operation shares and the two ways to sign in.
pub fn document() -> openapi::OpenApi {
    let mut doc = ApiDoc::openapi();
    let problem = RefOr::Ref(openapi::Ref::from_schema_name("Problem"));
    for item in doc.paths.paths.values_mut() {
        let operations =
            [&mut item.get, &mut item.put, &mut item.post, &mut item.delete, &mut item.patch];
        for operation in operations.into_iter().flatten() {
            let with_body = operation.request_body.is_some();
            let extra = ERRORS_ALWAYS.iter().chain(ERRORS_WITH_BODY.iter().filter(|_| with_body));
            for (status, description) in extra {
                let mut response = Response::new(*description);
                response.content.insert(
                    "application/problem+json".to_owned(),
                    RefOr::T(Content::new(Some(problem.clone()))),
                );
                operation
                    .responses
                    .responses
                    .entry((*status).to_owned())
                    .or_insert(RefOr::T(response));
            }
        }
    }
    let components = doc.components.get_or_insert_with(Default::default);
    components
        .add_security_scheme("bearer", SecurityScheme::Http(Http::new(HttpAuthScheme::Bearer)));
    components.add_security_scheme(
        "session",
        SecurityScheme::ApiKey(ApiKey::Cookie(ApiKeyValue::new("__Host-carryover"))),
    );
    doc.security = Some(vec![
        SecurityRequirement::new("bearer", Vec::<String>::new()),
        SecurityRequirement::new("session", Vec::<String>::new()),
    ]);
    doc
}

async fn openapi_json() -> impl IntoResponse {
    Json(document())
}
