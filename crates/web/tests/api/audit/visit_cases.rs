//! The audit cases of coaching visits' routes (issue 13), on Mia: a visit
//! planned, moved and cancelled; a record started, written, ended, its note
//! read, signed, added to and shared; then the same through the API on a
//! second record. Ids made along the way are placeholders resolved when
//! each case runs.

use uuid::Uuid;

use super::{Case, ChildInRow};
use crate::helpers::TestApp;
use crate::world::{Persona, World};

const VISIT: &str = "{newest visit}";
const SESSION: &str = "{newest session}";
const ENTRY: &str = "{newest entry}";
const REVISION: &str = "{revision}";

async fn newest(app: &TestApp, sql: &str, child: Uuid) -> String {
    let found: Option<String> = sqlx::query_scalar(sqlx::AssertSqlSafe(sql.to_owned()))
        .bind(child.to_string())
        .fetch_optional(app.db.reader())
        .await
        .unwrap();
    found.unwrap_or_default()
}

/// Puts the ids the placeholders stand for into `text`.
pub(super) async fn resolve(app: &TestApp, child: Uuid, text: &str) -> String {
    if ![VISIT, SESSION, ENTRY, REVISION].iter().any(|p| text.contains(p)) {
        return text.to_owned();
    }
    let visit = newest(
        app,
        "SELECT scheduled_visit_id FROM scheduled_visit WHERE child_id = $1 \
         ORDER BY created_at DESC, scheduled_visit_id DESC LIMIT 1",
        child,
    )
    .await;
    let session = newest(
        app,
        "SELECT coaching_session_id FROM coaching_session WHERE child_id = $1 \
         ORDER BY created_at DESC, coaching_session_id DESC LIMIT 1",
        child,
    )
    .await;
    let entry = newest(
        app,
        "SELECT coaching_entry_id FROM coaching_entry WHERE child_id = $1 \
         ORDER BY coaching_entry_id DESC LIMIT 1",
        child,
    )
    .await;
    let revision: Option<i64> =
        sqlx::query_scalar("SELECT revision FROM coaching_session WHERE coaching_session_id = $1")
            .bind(&session)
            .fetch_optional(app.db.reader())
            .await
            .unwrap();
    text.replace(VISIT, &visit)
        .replace(SESSION, &session)
        .replace(ENTRY, &entry)
        .replace(REVISION, &revision.unwrap_or(0).to_string())
}

pub(super) fn visit_case(method: &str, path: &str, world: &World, goal: Uuid) -> Option<Case> {
    let child = world.child;
    let api = path.starts_with("/api/");
    let rest = path.strip_prefix("/api/v1").unwrap_or(path).strip_prefix("/children/{child_id}")?;
    let prefix = if api { "/api/v1" } else { "" };
    let base = format!("{prefix}/children/{child}");
    let record = format!("{base}/sessions/{SESSION}");
    let guardian = world.person(Persona::Guardian).person_id.to_string();
    use Persona::*;
    let form = |pairs: &[(&str, &str)]| -> Vec<(String, String)> {
        pairs.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect()
    };
    // Pages answer a change with a redirect; the API with 200, 201 or 204.
    let change = |persona, path: String, pairs: Vec<(String, String)>, api_status: u16| Case {
        persona,
        method: "POST",
        path,
        json: api.then(|| {
            let map: serde_json::Map<String, serde_json::Value> = pairs
                .iter()
                .map(|(k, v)| {
                    let value = if k == "ids" { serde_json::json!([v]) } else { v.clone().into() };
                    (k.clone(), value)
                })
                .collect();
            map.into()
        }),
        form: pairs,
        child: ChildInRow::This(child),
        status: if api { api_status } else { 303 },
    };
    let get = |persona, path: String| Case {
        persona,
        method: "GET",
        path,
        form: Vec::new(),
        json: None,
        child: ChildInRow::This(child),
        status: 200,
    };
    let when = [("date", "2026-11-09"), ("time", "10:00"), ("setting", "home"), ("duration", "60")];
    let rev = ("revision", REVISION);
    let goal = goal.to_string();
    Some(match (method, rest) {
        ("GET", "/visits") => get(Guardian, format!("{base}/visits")),
        ("POST", "/visits") => change(TeamTherapist, format!("{base}/visits"), form(&when), 201),
        ("POST", "/visits/{visit_id}/reschedule") => {
            let mut moved = form(&when);
            moved.push(("reason".into(), "Family asked".into()));
            change(TeamTherapist, format!("{base}/visits/{VISIT}/reschedule"), moved, 204)
        }
        ("POST", "/visits/{visit_id}/cancel") => change(
            TeamTherapist,
            format!("{base}/visits/{VISIT}/cancel"),
            form(&[("reason", "Child is ill")]),
            204,
        ),
        ("POST", "/sessions") => change(TeamTherapist, format!("{base}/sessions"), Vec::new(), 201),
        ("GET", "/sessions/{session_id}") => get(TeamTherapist, record.clone()),
        ("POST", "/sessions/{session_id}/field") => change(
            TeamTherapist,
            format!("{record}/field"),
            form(&[("field", "since_last"), ("text", "A calm week"), rev]),
            200,
        ),
        ("POST", "/sessions/{session_id}/visit") => {
            let mut fields = form(&when);
            fields.push((rev.0.into(), rev.1.into()));
            change(Admin, format!("{record}/visit"), fields, 200)
        }
        ("POST", "/sessions/{session_id}/goals") => {
            change(TeamTherapist, format!("{record}/goals"), form(&[("ids", &goal), rev]), 200)
        }
        ("POST", "/sessions/{session_id}/attendees") => change(
            TeamTherapist,
            format!("{record}/attendees"),
            form(&[("ids", &guardian), rev]),
            200,
        ),
        ("POST", "/sessions/{session_id}/entries") => change(
            TeamTherapist,
            format!("{record}/entries"),
            form(&[("kind", "observed"), ("notes", "Watched bath time"), rev]),
            200,
        ),
        ("POST", "/sessions/{session_id}/entries/{entry_id}") => change(
            TeamTherapist,
            format!("{record}/entries/{ENTRY}"),
            form(&[("notes", "Watched bath time, calm"), rev]),
            200,
        ),
        ("POST", "/sessions/{session_id}/entries/{entry_id}/remove") => {
            change(TeamTherapist, format!("{record}/entries/{ENTRY}/remove"), form(&[rev]), 200)
        }
        ("GET", "/sessions/{session_id}/end") => get(TeamTherapist, format!("{record}/end")),
        ("POST", "/sessions/{session_id}/end") => {
            change(TeamTherapist, format!("{record}/end"), form(&[("guardian_id", ""), rev]), 200)
        }
        ("GET", "/sessions/{session_id}/note") => get(TeamTherapist, format!("{record}/note")),
        ("GET", "/sessions/{session_id}/note.txt") => get(Admin, format!("{record}/note.txt")),
        ("POST", "/sessions/{session_id}/sign") => {
            change(TeamTherapist, format!("{record}/sign"), Vec::new(), 204)
        }
        ("POST", "/sessions/{session_id}/addenda") => change(
            TeamTherapist,
            format!("{record}/addenda"),
            form(&[("text", "Mother called later: it worked.")]),
            204,
        ),
        ("POST", "/sessions/{session_id}/share") => {
            change(TeamTherapist, format!("{record}/share"), form(&[("shared", "1")]), 204)
        }
        _ => return None,
    })
}
