//! What the walk sends to the joint plan's routes (issue 11).

use crate::plan_world::ChildPlan;

/// Issue 11: a valid form for each joint-plan POST.
pub(super) fn plan_form(path: &str, body: &ChildPlan) -> Vec<(String, String)> {
    let (goal, routine, guardian) =
        (body.goal.to_string(), body.routine.to_string(), body.guardian.to_string());
    let own = |pairs: &[(&str, &str)]| -> Vec<(String, String)> {
        pairs.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect()
    };
    let strategy = own(&[
        ("areas", "play"),
        ("age_min_months", "24"),
        ("age_max_months", "96"),
        ("title_en", "Sock race"),
        ("why_en", "Pulling socks builds strong hands."),
        ("steps_en", "Sit down.\nPull the sock up."),
    ]);
    match path.rsplit_once("/children/{child_id}").map_or(path, |(_, rest)| rest) {
        "/routines" => own(&[("name", "Garden time"), ("usual_time", "17:00")]),
        "/routines/{routine}" => own(&[("usual_time", "08:00")]),
        "/goals" => own(&[("words", "Rides a bike"), ("area", "play")]),
        "/goals/{goal_id}" => own(&[("words", "Puts on both shoes"), ("area", "dressing")]),
        "/goals/{goal_id}/gas" => own(&crate::plan_world::scale_form()),
        "/goals/{goal_id}/gas/ratings" => own(&[("rated_on", "2026-11-01"), ("level", "0")]),
        "/copm" => vec![
            ("rated_on".into(), "2026-11-01".into()),
            ("respondent".into(), "caregiver".into()),
            (format!("importance-{goal}"), "8".into()),
            (format!("performance-{goal}"), "4".into()),
            (format!("satisfaction-{goal}"), "5".into()),
        ],
        "/plan/{version_id}/priorities" => {
            vec![("priorities".into(), "Calm mornings".into()), ("goals".into(), goal)]
        }
        "/plan/{version_id}/assignments" => vec![
            ("strategy".into(), "starter:learning-plate".into()),
            ("routines".into(), "meals".into()),
            ("routines".into(), routine),
            ("times_per_week".into(), "3".into()),
            ("goals".into(), goal),
            ("practised_by".into(), guardian),
        ],
        "/plan/{version_id}/assignments/{assignment_id}" => vec![
            ("routines".into(), routine),
            ("times_per_week".into(), "4".into()),
            ("goals".into(), goal),
        ],
        "/plan/{version_id}/agree" => vec![("guardian_id".into(), guardian)],
        _ if path == "/strategies" || path == "/strategies/clinic/{strategy_id}" => strategy,
        _ => Vec::new(),
    }
}

/// Issue 11: routes that name a child's sub-resource in the path, and POSTs
/// that carry a child's ids in the form: the walk sends each with another
/// child's ids as well.
pub(super) fn names_sub_resource(template: &str) -> bool {
    ["{goal_id}", "{routine}", "{version_id}", "{assignment_id}"]
        .iter()
        .any(|p| template.contains(p))
}

pub(super) fn carries_ids(method: &str, template: &str) -> bool {
    method == "POST"
        && ["/copm", "/priorities", "/assignments", "/assignments/{assignment_id}", "/agree"]
            .iter()
            .any(|end| template.starts_with("/children/{child_id}") && template.ends_with(end))
}
