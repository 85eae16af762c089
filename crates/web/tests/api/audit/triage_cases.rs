//! The audit case of the caseload triage's API twin (issue 14). Its page is
//! the therapist's `GET /home`, whose case is in `audit.rs`.

use super::{Case, ChildInRow};
use crate::world::{Persona, World};

/// One listing row, naming no single child (the children it showed are
/// listed beside it).
pub(super) fn triage_case(method: &str, path: &str, world: &World) -> Option<Case> {
    let _ = world;
    Some(match (method, path) {
        ("GET", "/api/v1/triage") => Case {
            persona: Persona::TeamTherapist,
            method: "GET",
            path: "/api/v1/triage".into(),
            form: Vec::new(),
            json: None,
            child: ChildInRow::None,
            status: 200,
        },
        _ => return None,
    })
}
