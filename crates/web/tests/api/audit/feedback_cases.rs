//! The audit cases of the reflections' and feedback routes (issue 12 part
//! B), on the flagged reflection the plan world's guardian wrote about Mia.

use uuid::Uuid;

use super::{Case, ChildInRow};
use crate::helpers::TestApp;
use crate::plan_world::PlanWorld;
use crate::world::{Persona, World};

/// In a case's path, stands for a practice log the helper made of Mia's
/// first assignment: written when a case first names it (the logs' own
/// cases delete theirs).
const HELPERS_LOG: &str = "{helper's log}";

/// Puts the log the placeholder stands for into `text`, making it once.
pub(super) async fn resolve(app: &TestApp, world: &World, text: &str) -> String {
    if !text.contains(HELPERS_LOG) {
        return text.to_owned();
    }
    let found: Option<String> =
        sqlx::query_scalar("SELECT practice_log_id FROM practice_log WHERE note = 'audit walk'")
            .fetch_optional(app.db.reader())
            .await
            .unwrap();
    let id = match found {
        Some(id) => id,
        None => {
            let assignment: String = sqlx::query_scalar(
                "SELECT assignment_id FROM assignment WHERE child_id = $1 ORDER BY created_at LIMIT 1",
            )
            .bind(world.child.to_string())
            .fetch_one(app.db.reader())
            .await
            .unwrap();
            let assignment = Uuid::parse_str(&assignment).unwrap();
            let id = crate::plan_world::practice_log_by(
                app,
                world,
                world.child,
                assignment,
                Persona::Helper,
            )
            .await;
            let mut tx = app.db.begin_write().await.unwrap();
            sqlx::query("UPDATE practice_log SET note = 'audit walk' WHERE practice_log_id = $1")
                .bind(id.to_string())
                .execute(&mut *tx)
                .await
                .unwrap();
            carryover_store::commit(tx).await.unwrap();
            id.to_string()
        }
    };
    text.replace(HELPERS_LOG, &id)
}

pub(super) fn feedback_case(
    method: &str,
    path: &str,
    world: &World,
    plan: &PlanWorld,
) -> Option<Case> {
    let child = world.child;
    let (reflection, log) = (plan.own.reflection, HELPERS_LOG);
    let this = ChildInRow::This(child);
    let form = |pairs: &[(&str, &str)]| -> Vec<(String, String)> {
        pairs.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect()
    };
    let case = |persona, method, path: String, form: Vec<(String, String)>, child, status| Case {
        persona,
        method,
        path,
        form,
        json: None,
        child,
        status,
    };
    let reflect = form(&[("responded", "somewhat"), ("difficulty", "2"), ("need", "keep_going")]);
    let message = form(&[("body", "Thank you for telling us.")]);
    let (guardian, team) = (Persona::Guardian, Persona::TeamTherapist);
    let page = format!("/children/{child}");
    let api = format!("/api/v1/children/{child}");
    Some(match (method, path) {
        ("GET", "/inbox") => case(team, "GET", "/inbox".into(), vec![], ChildInRow::None, 200),
        ("GET", "/children/{child_id}/reflections") => {
            case(guardian, "GET", format!("{page}/reflections"), vec![], this, 200)
        }
        ("POST", "/children/{child_id}/reflections") => {
            case(guardian, "POST", format!("{page}/reflections"), reflect, this, 303)
        }
        ("GET", "/children/{child_id}/reflections/{reflection_id}") => {
            case(guardian, "GET", format!("{page}/reflections/{reflection}"), vec![], this, 200)
        }
        ("POST", "/children/{child_id}/reflections/{reflection_id}/messages") => {
            let path = format!("{page}/reflections/{reflection}/messages");
            case(team, "POST", path, message, this, 303)
        }
        ("POST", "/children/{child_id}/reflections/{reflection_id}/handled") => {
            let path = format!("{page}/reflections/{reflection}/handled");
            case(team, "POST", path, vec![], this, 303)
        }
        ("GET", "/children/{child_id}/messages") => {
            case(guardian, "GET", format!("{page}/messages"), vec![], this, 200)
        }
        ("POST", "/children/{child_id}/messages") => {
            case(guardian, "POST", format!("{page}/messages"), message, this, 303)
        }
        ("GET", "/api/v1/inbox") => {
            case(team, "GET", "/api/v1/inbox".into(), vec![], ChildInRow::None, 200)
        }
        ("GET", "/api/v1/me/feedback") => {
            case(guardian, "GET", "/api/v1/me/feedback".into(), vec![], ChildInRow::None, 200)
        }
        ("GET", "/api/v1/children/{child_id}/reflections") => {
            case(guardian, "GET", format!("{api}/reflections"), vec![], this, 200)
        }
        ("POST", "/api/v1/children/{child_id}/reflections") => {
            case(guardian, "POST", format!("{api}/reflections"), reflect, this, 201)
        }
        ("GET", "/api/v1/children/{child_id}/reflections/{reflection_id}") => {
            case(guardian, "GET", format!("{api}/reflections/{reflection}"), vec![], this, 200)
        }
        ("POST", "/api/v1/children/{child_id}/reflections/{reflection_id}/messages") => {
            let path = format!("{api}/reflections/{reflection}/messages");
            case(team, "POST", path, message, this, 201)
        }
        ("POST", "/api/v1/children/{child_id}/reflections/{reflection_id}/handled") => {
            let path = format!("{api}/reflections/{reflection}/handled");
            case(team, "POST", path, vec![], this, 200)
        }
        ("POST", "/api/v1/children/{child_id}/reflections/{reflection_id}/read") => {
            let path = format!("{api}/reflections/{reflection}/read");
            case(guardian, "POST", path, vec![], this, 200)
        }
        ("GET", "/api/v1/children/{child_id}/messages") => {
            case(guardian, "GET", format!("{api}/messages"), vec![], this, 200)
        }
        ("POST", "/api/v1/children/{child_id}/messages") => {
            case(guardian, "POST", format!("{api}/messages"), message, this, 201)
        }
        ("POST", "/api/v1/children/{child_id}/messages/read") => {
            case(team, "POST", format!("{api}/messages/read"), vec![], this, 200)
        }
        // The helper reads the feedback on the log they made; the therapist answers it.
        ("GET", "/children/{child_id}/logs/{log_id}/feedback") => {
            case(Persona::Helper, "GET", format!("{page}/logs/{log}/feedback"), vec![], this, 200)
        }
        ("POST", "/children/{child_id}/logs/{log_id}/feedback") => {
            case(team, "POST", format!("{page}/logs/{log}/feedback"), message, this, 303)
        }
        ("GET", "/api/v1/children/{child_id}/logs/{log_id}/feedback") => {
            case(Persona::Helper, "GET", format!("{api}/logs/{log}/feedback"), vec![], this, 200)
        }
        ("POST", "/api/v1/children/{child_id}/logs/{log_id}/feedback") => {
            case(team, "POST", format!("{api}/logs/{log}/feedback"), message, this, 201)
        }
        ("POST", "/api/v1/children/{child_id}/logs/{log_id}/feedback/read") => case(
            Persona::Helper,
            "POST",
            format!("{api}/logs/{log}/feedback/read"),
            vec![],
            this,
            200,
        ),
        _ => return None,
    })
}
