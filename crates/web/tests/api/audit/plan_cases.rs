//! The audit cases of the joint plan's routes (issue 11).

use uuid::Uuid;

use super::{Case, ChildInRow};
use crate::helpers::TestApp;
use crate::plan_world::{self, PlanWorld};
use crate::world::{Persona, World};

/// In an API case's path or body, stand for Mia's version that is not yet
/// agreed, and its first and last assignments: the pages' cases make that
/// draft, so its ids are only known when the API cases run.
const OPEN_VERSION: &str = "{open version}";
const FIRST_ASSIGNMENT: &str = "{first assignment}";
const LAST_ASSIGNMENT: &str = "{last assignment}";

/// Puts the ids the placeholders stand for into `text`.
pub(super) async fn resolve(app: &TestApp, child: Uuid, text: &str) -> String {
    if !text.contains(OPEN_VERSION) && !text.contains("assignment}") {
        return text.to_owned();
    }
    let version: String = sqlx::query_scalar(
        "SELECT plan_version_id FROM plan_version WHERE child_id = $1 AND agreed_at IS NULL",
    )
    .bind(child.to_string())
    .fetch_one(app.db.reader())
    .await
    .expect("the pages' cases leave Mia a draft");
    let assignments: Vec<String> = sqlx::query_scalar(
        "SELECT assignment_id FROM assignment WHERE plan_version_id = $1 ORDER BY position",
    )
    .bind(&version)
    .fetch_all(app.db.reader())
    .await
    .unwrap();
    let (first, last) = match assignments.as_slice() {
        [first, .., last] => (first.clone(), last.clone()),
        [only] => (only.clone(), only.clone()),
        [] => (String::new(), String::new()),
    };
    text.replace(OPEN_VERSION, &version)
        .replace(FIRST_ASSIGNMENT, &first)
        .replace(LAST_ASSIGNMENT, &last)
}

/// The joint plan's API twins, on Mia's open draft: edited, shared and
/// confirmed by the guardian; then a new draft agreed in a session.
pub(super) fn api_plan_case(
    method: &str,
    path: &str,
    world: &World,
    plan: &PlanWorld,
) -> Option<Case> {
    let child = world.child;
    let own = &plan.own;
    let base = format!("/api/v1/children/{child}");
    let draft = format!("{base}/plan/{OPEN_VERSION}");
    let case = |persona, method, path: String, body: serde_json::Value, status| Case {
        persona,
        method,
        path,
        form: Vec::new(),
        json: (method != "GET").then_some(body),
        child: ChildInRow::This(child),
        status,
    };
    let get = |persona, path: String| case(persona, "GET", path, serde_json::Value::Null, 200);
    let (goal, routine) = (own.goal.to_string(), own.routine.to_string());
    let guardian = own.guardian.to_string();
    use Persona::*;
    use serde_json::json;
    Some(match (method, path.strip_prefix("/api/v1/children/{child_id}")?) {
        ("GET", "/routines") => get(Helper, format!("{base}/routines")),
        ("POST", "/routines") => {
            case(Guardian, "POST", format!("{base}/routines"), json!({"name": "Piano"}), 201)
        }
        ("PUT", "/routines/{routine}") => case(
            Guardian,
            "PUT",
            format!("{base}/routines/{routine}"),
            json!({"usual_time": "07:50"}),
            204,
        ),
        ("GET", "/goals") => get(Helper, format!("{base}/goals")),
        ("POST", "/goals") => case(
            TeamTherapist,
            "POST",
            format!("{base}/goals"),
            json!({"words": "Buttons her shirt", "area": "dressing"}),
            201,
        ),
        ("GET", "/goals/{goal_id}") => get(Guardian, format!("{base}/goals/{goal}")),
        ("PUT", "/goals/{goal_id}") => case(
            TeamTherapist,
            "PUT",
            format!("{base}/goals/{goal}"),
            json!({"words": "Puts on both shoes alone", "area": "dressing", "status": "active"}),
            204,
        ),
        ("PUT", "/goals/{goal_id}/gas") => {
            let scale: serde_json::Map<String, serde_json::Value> = plan_world::scale_form()
                .into_iter()
                .map(|(k, v)| (k.to_owned(), v.into()))
                .collect();
            case(TeamTherapist, "PUT", format!("{base}/goals/{goal}/gas"), scale.into(), 204)
        }
        ("POST", "/goals/{goal_id}/gas/ratings") => case(
            Guardian,
            "POST",
            format!("{base}/goals/{goal}/gas/ratings"),
            json!({"rated_on": "2026-11-02", "level": "0"}),
            201,
        ),
        ("POST", "/copm") => case(
            TeamTherapist,
            "POST",
            format!("{base}/copm"),
            json!({"rated_on": "2026-11-02", "respondent": "caregiver",
                   "problems": [{"goal_id": goal, "importance": "8"}]}),
            201,
        ),
        ("GET", "/plan") => get(Helper, format!("{base}/plan")),
        ("GET", "/plan/history") => get(Guardian, format!("{base}/plan/history")),
        ("GET", "/plan/{version_id}") => get(Guardian, format!("{base}/plan/{}", own.version)),
        ("PUT", "/plan/{version_id}/priorities") => case(
            TeamTherapist,
            "PUT",
            format!("{draft}/priorities"),
            json!({"priorities": "Calm mornings", "goals": [goal]}),
            204,
        ),
        ("POST", "/plan/{version_id}/assignments") => case(
            TeamTherapist,
            "POST",
            format!("{draft}/assignments"),
            json!({"strategy": "starter:learning-plate", "routines": ["meals"], "times_per_week": "3"}),
            201,
        ),
        ("PUT", "/plan/{version_id}/assignments/{assignment_id}") => case(
            TeamTherapist,
            "PUT",
            format!("{draft}/assignments/{FIRST_ASSIGNMENT}"),
            json!({"routines": ["play"], "times_per_week": "4"}),
            204,
        ),
        ("DELETE", "/plan/{version_id}/assignments/{assignment_id}") => case(
            TeamTherapist,
            "DELETE",
            format!("{draft}/assignments/{LAST_ASSIGNMENT}"),
            json!({}),
            204,
        ),
        ("POST", "/plan/{version_id}/share") => {
            case(TeamTherapist, "POST", format!("{draft}/share"), json!({}), 204)
        }
        ("POST", "/plan/{version_id}/confirm") => {
            case(Guardian, "POST", format!("{draft}/confirm"), json!({}), 204)
        }
        ("POST", "/plan/drafts") => {
            case(TeamTherapist, "POST", format!("{base}/plan/drafts"), json!({}), 201)
        }
        ("POST", "/plan/{version_id}/agree") => case(
            TeamTherapist,
            "POST",
            format!("{draft}/agree"),
            json!({"guardian_id": guardian}),
            204,
        ),
        _ => return None,
    })
}

/// Issue 11: the joint plan's audited routes. Mia's version is shared: the
/// guardian confirms it. Leo's is edited, shared and agreed in a session by
/// the admin; RULES lists them in that order, and "start a new version"
/// last, so that it finds no open version and makes one.
pub(super) fn plan_case(method: &str, path: &str, world: &World, plan: &PlanWorld) -> Option<Case> {
    let (child, other) = (world.child, world.other_child);
    let (own, leo) = (&plan.own, &plan.other);
    let case = |persona, method, path: String, form: Vec<(String, String)>, child| Case {
        persona,
        method,
        path,
        form,
        json: None,
        child: ChildInRow::This(child),
        status: if method == "GET" { 200 } else { 303 },
    };
    let get = |persona, path: String, child| case(persona, "GET", path, Vec::new(), child);
    let post = |persona, path: String, form: &[(&'static str, &str)], child| {
        let form = form.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect();
        case(persona, "POST", path, form, child)
    };
    let (goal, routine) = (own.goal.to_string(), own.routine.to_string());
    let (leo_goal, leo_version) = (leo.goal.to_string(), leo.version);
    let leo_editor = format!("/children/{other}/plan/{leo_version}");
    use Persona::*;
    Some(match (method, path) {
        ("GET", "/children/{child_id}/routines") => {
            get(Helper, format!("/children/{child}/routines"), child)
        }
        ("POST", "/children/{child_id}/routines") => {
            post(Guardian, format!("/children/{child}/routines"), &[("name", "Swim class")], child)
        }
        ("POST", "/children/{child_id}/routines/{routine}") => post(
            Guardian,
            format!("/children/{child}/routines/{routine}"),
            &[("usual_time", "18:30")],
            child,
        ),
        ("GET", "/children/{child_id}/goals") => {
            get(Helper, format!("/children/{child}/goals"), child)
        }
        ("POST", "/children/{child_id}/goals") => post(
            TeamTherapist,
            format!("/children/{child}/goals"),
            &[("words", "Zips her coat"), ("area", "dressing")],
            child,
        ),
        ("GET", "/children/{child_id}/goals/{goal_id}") => {
            get(Guardian, format!("/children/{child}/goals/{goal}"), child)
        }
        ("POST", "/children/{child_id}/goals/{goal_id}") => post(
            TeamTherapist,
            format!("/children/{child}/goals/{goal}"),
            &[("words", "Puts on both shoes"), ("area", "dressing"), ("status", "active")],
            child,
        ),
        ("POST", "/children/{child_id}/goals/{goal_id}/gas") => post(
            TeamTherapist,
            format!("/children/{child}/goals/{goal}/gas"),
            &plan_world::scale_form(),
            child,
        ),
        ("POST", "/children/{child_id}/goals/{goal_id}/gas/ratings") => post(
            Guardian,
            format!("/children/{child}/goals/{goal}/gas/ratings"),
            &[("rated_on", "2026-11-01"), ("level", "+1")],
            child,
        ),
        ("GET", "/children/{child_id}/copm/new") => {
            get(TeamTherapist, format!("/children/{child}/copm/new"), child)
        }
        ("POST", "/children/{child_id}/copm") => {
            let form = vec![
                ("rated_on".to_owned(), "2026-11-01".to_owned()),
                ("respondent".to_owned(), "caregiver".to_owned()),
                (format!("importance-{goal}"), "9".to_owned()),
            ];
            case(TeamTherapist, "POST", format!("/children/{child}/copm"), form, child)
        }
        ("GET", "/children/{child_id}/plan") => {
            get(Helper, format!("/children/{child}/plan"), child)
        }
        ("GET", "/children/{child_id}/plan/history") => {
            get(Guardian, format!("/children/{child}/plan/history"), child)
        }
        ("GET", "/children/{child_id}/plan/{version_id}") => {
            get(Guardian, format!("/children/{child}/plan/{}", own.version), child)
        }
        ("GET", "/children/{child_id}/plan/{version_id}/edit") => {
            get(Admin, format!("{leo_editor}/edit"), other)
        }
        ("POST", "/children/{child_id}/plan/{version_id}/priorities") => post(
            Admin,
            format!("{leo_editor}/priorities"),
            &[("priorities", "Homework without tears"), ("goals", &leo_goal)],
            other,
        ),
        ("POST", "/children/{child_id}/plan/{version_id}/assignments") => post(
            Admin,
            format!("{leo_editor}/assignments"),
            &[
                ("strategy", "starter:learning-plate"),
                ("routines", "meals"),
                ("times_per_week", "2"),
            ],
            other,
        ),
        ("GET", "/children/{child_id}/plan/{version_id}/assignments/{assignment_id}") => {
            get(Admin, format!("{leo_editor}/assignments/{}", leo.assignments[0]), other)
        }
        ("POST", "/children/{child_id}/plan/{version_id}/assignments/{assignment_id}") => post(
            Admin,
            format!("{leo_editor}/assignments/{}", leo.assignments[0]),
            &[("routines", "play"), ("times_per_week", "6")],
            other,
        ),
        ("POST", "/children/{child_id}/plan/{version_id}/assignments/{assignment_id}/remove") => {
            post(
                Admin,
                format!("{leo_editor}/assignments/{}/remove", leo.assignments[1]),
                &[],
                other,
            )
        }
        ("POST", "/children/{child_id}/plan/{version_id}/share") => {
            post(Admin, format!("{leo_editor}/share"), &[], other)
        }
        ("POST", "/children/{child_id}/plan/{version_id}/agree") => post(
            Admin,
            format!("{leo_editor}/agree"),
            &[("guardian_id", &leo.guardian.to_string())],
            other,
        ),
        ("POST", "/children/{child_id}/plan/{version_id}/confirm") => {
            post(Guardian, format!("/children/{child}/plan/{}/confirm", own.version), &[], child)
        }
        ("POST", "/children/{child_id}/plan/drafts") => {
            post(TeamTherapist, format!("/children/{child}/plan/drafts"), &[], child)
        }
        _ => return None,
    })
}
