//! The audit cases of the joint plan's routes (issue 11).

use super::{Case, ChildInRow};
use crate::plan_world::{self, PlanWorld};
use crate::world::{Persona, World};

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
