//! The audit cases of the practice logs' routes (issue 12 part A), walked
//! after the joint plan's cases have left Mia an agreed plan: the pages log,
//! read, correct and delete one log; the API does the same with another.

use uuid::Uuid;

use super::{Case, ChildInRow};
use crate::helpers::TestApp;
use crate::world::{Persona, World};

/// Stands for the first assignment of Mia's newest agreed version (any of
/// hers when none is agreed: the cases with audit writes refused).
const AGREED_ASSIGNMENT: &str = "{agreed practice}";
/// The logs the cases make: one through the pages, one through the API.
const PAGE_LOG: &str = "0190f000-0000-7000-8000-00000000a001";
const API_LOG: &str = "0190f000-0000-7000-8000-00000000a002";

/// Puts the assignment the placeholder stands for into `text`.
pub(super) async fn resolve(app: &TestApp, child: Uuid, text: &str) -> String {
    if !text.contains(AGREED_ASSIGNMENT) {
        return text.to_owned();
    }
    let id: String = sqlx::query_scalar(
        "SELECT a.assignment_id FROM assignment a JOIN plan_version v ON v.clinic_id = a.clinic_id \
         AND v.child_id = a.child_id AND v.plan_version_id = a.plan_version_id \
         WHERE a.child_id = $1 ORDER BY v.agreed_at IS NULL, v.number DESC, a.position LIMIT 1",
    )
    .bind(child.to_string())
    .fetch_one(app.db.reader())
    .await
    .unwrap();
    text.replace(AGREED_ASSIGNMENT, &id)
}

pub(super) fn practice_case(method: &str, path: &str, world: &World) -> Option<Case> {
    let child = world.child;
    let case = |persona, method, path: String, form: Vec<(&str, &str)>, json, status| Case {
        persona,
        method,
        path,
        form: form.into_iter().map(|(k, v)| (k.to_owned(), v.to_owned())).collect(),
        json,
        child: ChildInRow::This(child),
        status,
    };
    let page = format!("/children/{child}");
    let api = format!("/api/v1/children/{child}");
    use Persona::*;
    use serde_json::json;
    let log = json!({"assignment_id": AGREED_ASSIGNMENT, "response": "mixed"});
    Some(match (method, path) {
        ("GET", "/children/{child_id}/logs/new") => case(
            Guardian,
            "GET",
            format!("{page}/logs/new?assignment={AGREED_ASSIGNMENT}"),
            vec![],
            None,
            200,
        ),
        ("POST", "/children/{child_id}/logs") => case(
            Guardian,
            "POST",
            format!("{page}/logs"),
            vec![
                ("log_id", PAGE_LOG),
                ("assignment_id", AGREED_ASSIGNMENT),
                ("response", "went_well"),
            ],
            None,
            303,
        ),
        ("GET", "/children/{child_id}/logs/{log_id}") => {
            case(Guardian, "GET", format!("{page}/logs/{PAGE_LOG}"), vec![], None, 200)
        }
        ("POST", "/children/{child_id}/logs/{log_id}") => case(
            Guardian,
            "POST",
            format!("{page}/logs/{PAGE_LOG}"),
            vec![("confidence", "7"), ("note", "Calmer with the song")],
            None,
            303,
        ),
        ("POST", "/children/{child_id}/logs/{log_id}/delete") => {
            case(Guardian, "POST", format!("{page}/logs/{PAGE_LOG}/delete"), vec![], None, 303)
        }
        ("GET", "/children/{child_id}/practice") => {
            case(TeamTherapist, "GET", format!("{page}/practice"), vec![], None, 200)
        }
        ("GET", "/api/v1/children/{child_id}/week") => {
            case(Helper, "GET", format!("{api}/week"), vec![], None, 200)
        }
        ("GET", "/api/v1/children/{child_id}/logs") => {
            case(Guardian, "GET", format!("{api}/logs"), vec![], None, 200)
        }
        ("PUT", "/api/v1/children/{child_id}/logs/{log_id}") => {
            case(Guardian, "PUT", format!("{api}/logs/{API_LOG}"), vec![], Some(log), 201)
        }
        ("GET", "/api/v1/children/{child_id}/logs/{log_id}") => {
            case(Guardian, "GET", format!("{api}/logs/{API_LOG}"), vec![], None, 200)
        }
        ("PATCH", "/api/v1/children/{child_id}/logs/{log_id}") => case(
            Guardian,
            "PATCH",
            format!("{api}/logs/{API_LOG}"),
            vec![],
            Some(json!({"response": "hard"})),
            200,
        ),
        ("DELETE", "/api/v1/children/{child_id}/logs/{log_id}") => {
            case(Guardian, "DELETE", format!("{api}/logs/{API_LOG}"), vec![], None, 204)
        }
        ("GET", "/api/v1/children/{child_id}/measures") => {
            case(TeamTherapist, "GET", format!("{api}/measures"), vec![], None, 200)
        }
        _ => return None,
    })
}
