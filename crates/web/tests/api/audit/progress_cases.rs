//! The audit cases of the progress page and the progress report (issue 14).

use super::{Case, ChildInRow};
use crate::world::{Persona, World};

// Admins, not the team therapist: by the end of RULES the caseload cases
// have moved the team therapist off the child.

pub(super) fn progress_case(method: &str, path: &str, world: &World) -> Option<Case> {
    let child = world.child;
    let case = |persona, method, path: String, form: Vec<(String, String)>, json, status| Case {
        persona,
        method,
        path,
        form,
        json,
        child: ChildInRow::This(child),
        status,
    };
    let get = |persona, path: String| case(persona, "GET", path, Vec::new(), None, 200);
    let summary = "Mia puts on her shoes most days.";
    use Persona::*;
    Some(match (method, path) {
        ("GET", "/children/{child_id}/progress") => {
            get(Guardian, format!("/children/{child}/progress"))
        }
        ("GET", "/children/{child_id}/report") => get(Admin, format!("/children/{child}/report")),
        ("GET", "/children/{child_id}/report.pdf") => {
            get(Guardian, format!("/children/{child}/report.pdf"))
        }
        ("POST", "/children/{child_id}/report/summary") => case(
            Admin,
            "POST",
            format!("/children/{child}/report/summary"),
            vec![("summary".to_owned(), summary.to_owned())],
            None,
            303,
        ),
        ("GET", "/api/v1/children/{child_id}/progress") => {
            get(Admin, format!("/api/v1/children/{child}/progress"))
        }
        ("GET", "/api/v1/children/{child_id}/report") => {
            get(Guardian, format!("/api/v1/children/{child}/report?from=2026-10-01"))
        }
        ("GET", "/api/v1/children/{child_id}/report.pdf") => {
            get(Admin, format!("/api/v1/children/{child}/report.pdf"))
        }
        ("PUT", "/api/v1/children/{child_id}/report/summary") => case(
            Admin,
            "PUT",
            format!("/api/v1/children/{child}/report/summary"),
            Vec::new(),
            Some(serde_json::json!({ "summary": summary })),
            204,
        ),
        _ => return None,
    })
}
