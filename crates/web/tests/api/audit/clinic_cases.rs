//! The audit cases of the admin's clinic page and its API twin (issue 14):
//! one row for the whole page, naming no child.

use super::{Case, ChildInRow};
use crate::world::Persona;

pub(super) fn clinic_case(method: &str, path: &str) -> Option<Case> {
    let get = |path: &str| Case {
        persona: Persona::Admin,
        method: "GET",
        path: path.to_owned(),
        form: Vec::new(),
        json: None,
        child: ChildInRow::None,
        status: 200,
    };
    Some(match (method, path) {
        ("GET", "/clinic/metrics") => get("/clinic/metrics"),
        ("GET", "/api/v1/clinic/metrics") => {
            get("/api/v1/clinic/metrics?from=2026-10-01&to=2026-11-02")
        }
        _ => return None,
    })
}
