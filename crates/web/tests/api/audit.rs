//! The audit trail through the real app: one row of the right kind for every
//! page and action that touches a child's information, rows the database
//! refuses to change, and a chain that finds the row someone changed anyway.

use std::collections::BTreeSet;

use carryover::admin_cli::verify_audit;
use carryover_domain::{access::RULES, audit::AuditAction};
use carryover_store::{Backend, testing::with_database};
use uuid::Uuid;

use crate::helpers::{TestApp, on_both_databases, spawn_app};
use crate::plan_world::PlanWorld;

// Issue 11: the joint plan's cases.
mod plan_cases;
// Issue 13, coaching visits.
mod visit_cases;
use crate::world::{Persona, World};
use plan_cases::{api_plan_case, plan_case};
// Issue 12 part A: the practice logs' cases.
mod practice_cases;
// Issue 12 part B: reflections and feedback.
mod feedback_cases;
use feedback_cases::feedback_case;
// Issue 14: the progress page and the progress report.
mod progress_cases;
use progress_cases::progress_case;
// Issue 14: the admin's clinic page.
mod clinic_cases;
// Issue 14: the caseload triage.
mod triage_cases;

#[derive(Debug, sqlx::FromRow)]
struct Row {
    audit_event_id: String,
    actor_id: Option<String>,
    action: String,
    child_id: Option<String>,
    resource_id: Option<String>,
    outcome: String,
}

async fn rows(app: &TestApp) -> Vec<Row> {
    sqlx::query_as(
        "SELECT audit_event_id, actor_id, action, child_id, resource_id, outcome FROM audit_event",
    )
    .fetch_all(app.db.reader())
    .await
    .unwrap()
}

async fn ids(app: &TestApp) -> BTreeSet<String> {
    rows(app).await.into_iter().map(|r| r.audit_event_id).collect()
}

/// The rows written since `before` was taken.
async fn new_rows(app: &TestApp, before: &BTreeSet<String>) -> Vec<Row> {
    rows(app).await.into_iter().filter(|r| !before.contains(&r.audit_event_id)).collect()
}

/// One allowed request for an audited route: who sends it, and what the
/// row must name.
#[derive(Clone)]
struct Case {
    persona: Persona,
    method: &'static str,
    path: String,
    form: Vec<(String, String)>,
    /// A JSON body, for API cases whose fields are not all text.
    json: Option<serde_json::Value>,
    /// The child the row must name; `Created` for the child the request makes.
    child: ChildInRow,
    status: u16,
}

/// In a case's JSON body, stands for the newest caregiver named Gus Grandpa
/// (added by an earlier case), whose id is only known once he exists.
const NEWEST_GUS: &str = "{newest gus}";

#[derive(Clone, Debug)]
enum ChildInRow {
    None,
    This(Uuid),
    Created(&'static str),
}

fn owned(form: Vec<(&str, String)>) -> Vec<(String, String)> {
    form.into_iter().map(|(k, v)| (k.to_owned(), v)).collect()
}

/// The case for each audited rule. A new audited rule fails here until it has one.
fn case_for(method: &str, path: &str, world: &World, plan: &PlanWorld, n: usize) -> Case {
    if let Some(case) = plan_case(method, path, world, plan) {
        return case;
    }
    if let Some(case) = api_plan_case(method, path, world, plan) {
        return case;
    }
    if let Some(case) = practice_cases::practice_case(method, path, world) {
        return case;
    }
    if let Some(case) = feedback_case(method, path, world, plan) {
        return case;
    }
    if let Some(case) = progress_case(method, path, world) {
        return case;
    }
    if let Some(case) = clinic_cases::clinic_case(method, path) {
        return case;
    }
    if let Some(case) = triage_cases::triage_case(method, path, world) {
        return case;
    }
    if let Some(case) = visit_cases::visit_case(method, path, world, plan.own.goal) {
        return case;
    }
    let child = world.child;
    let person = world.person(Persona::TeamTherapist).person_id;
    let other_therapist = world.person(Persona::OtherTherapist).person_id;
    let helper = world.person(Persona::Helper).person_id;
    // A change that answers with a redirect, and names the world's child.
    let post = |persona, path: String, form: Vec<(&'static str, String)>, child| Case {
        persona,
        method: "POST",
        path,
        form: owned(form),
        json: None,
        child: ChildInRow::This(child),
        status: 303,
    };
    let get = |persona, path: String, child| Case {
        persona,
        method: "GET",
        path,
        form: Vec::new(),
        json: None,
        child,
        status: 200,
    };
    // An API change that names the world's child, with a JSON body.
    let api = |persona, method, path: String, body: serde_json::Value, status| Case {
        persona,
        method,
        path,
        form: Vec::new(),
        json: Some(body),
        child: ChildInRow::This(child),
        status,
    };
    match (method, path) {
        ("GET", "/home") => get(Persona::Guardian, "/home".into(), ChildInRow::None),
        ("GET", "/children/{child_id}") => {
            get(Persona::TeamTherapist, format!("/children/{child}"), ChildInRow::This(child))
        }
        ("GET", "/children/{child_id}/access") => {
            get(Persona::Guardian, format!("/children/{child}/access"), ChildInRow::This(child))
        }
        ("GET", "/admin/children/{child_id}/audit") => {
            get(Persona::Admin, format!("/admin/children/{child}/audit"), ChildInRow::This(child))
        }
        ("GET", "/admin/children/{child_id}/audit.csv") => get(
            Persona::Admin,
            format!("/admin/children/{child}/audit.csv"),
            ChildInRow::This(child),
        ),
        ("GET", "/admin/people/{person_id}/audit") => {
            get(Persona::Admin, format!("/admin/people/{person}/audit"), ChildInRow::None)
        }
        ("GET", "/admin/people/{person_id}/audit.csv") => {
            get(Persona::Admin, format!("/admin/people/{person}/audit.csv"), ChildInRow::None)
        }
        ("POST", "/households") => {
            let name: &'static str = ["Nora", "Noah", "Nina", "Nils"][n % 4];
            Case {
                persona: Persona::TeamTherapist,
                method: "POST",
                path: "/households".into(),
                form: owned(vec![
                    ("child_name", name.to_owned()),
                    ("caregiver_name", "Nadia New".to_owned()),
                    ("caregiver_email", format!("nadia.{}@example.org", Uuid::now_v7().simple())),
                    ("relationship", "mother".to_owned()),
                    ("access", "guardian".to_owned()),
                ]),
                json: None,
                child: ChildInRow::Created(name),
                status: 200,
            }
        }
        ("GET", "/children/{child_id}/caregivers/new") => get(
            Persona::TeamTherapist,
            format!("/children/{child}/caregivers/new"),
            ChildInRow::This(child),
        ),
        ("POST", "/children/{child_id}/caregivers") => Case {
            persona: Persona::TeamTherapist,
            method: "POST",
            path: format!("/children/{child}/caregivers"),
            form: owned(vec![
                ("caregiver_name", "Gus Grandpa".to_owned()),
                ("caregiver_email", format!("gus.{}@example.org", Uuid::now_v7().simple())),
                ("relationship", "grandparent".to_owned()),
                ("access", "helper".to_owned()),
            ]),
            json: None,
            child: ChildInRow::This(child),
            status: 200,
        },
        // The people side (issue 9). Walked in the order of RULES: the
        // helper becomes a guardian before being removed, and the child is
        // discharged, then re-admitted, before the guardian's download.
        ("GET", "/children/{child_id}/details") => {
            get(Persona::Guardian, format!("/children/{child}/details"), ChildInRow::This(child))
        }
        ("POST", "/children/{child_id}/details") => post(
            Persona::TeamTherapist,
            format!("/children/{child}/details"),
            vec![("preferred_name", "Mia".into()), ("home_languages", "es".into())],
            child,
        ),
        ("GET", "/children/{child_id}/team") => {
            get(Persona::Admin, format!("/children/{child}/team"), ChildInRow::This(child))
        }
        ("POST", "/children/{child_id}/team") => post(
            Persona::Admin,
            format!("/children/{child}/team"),
            vec![("change", "add".into()), ("therapist_id", other_therapist.to_string())],
            child,
        ),
        ("GET", "/children/{child_id}/caregivers") => {
            get(Persona::Guardian, format!("/children/{child}/caregivers"), ChildInRow::This(child))
        }
        ("POST", "/children/{child_id}/caregivers/access") => post(
            Persona::Guardian,
            format!("/children/{child}/caregivers/access"),
            vec![("person_id", helper.to_string()), ("access", "guardian".into())],
            child,
        ),
        ("POST", "/children/{child_id}/caregivers/remove") => post(
            Persona::Guardian,
            format!("/children/{child}/caregivers/remove"),
            vec![("person_id", helper.to_string()), ("confirm", "yes".into())],
            child,
        ),
        ("GET", "/children/{child_id}/discharge") => get(
            Persona::TeamTherapist,
            format!("/children/{child}/discharge"),
            ChildInRow::This(child),
        ),
        ("POST", "/children/{child_id}/discharge") => post(
            Persona::TeamTherapist,
            format!("/children/{child}/discharge"),
            vec![("discharged_on", "2026-11-01".into()), ("reason", "goals_met".into())],
            child,
        ),
        ("POST", "/children/{child_id}/readmit") => {
            post(Persona::TeamTherapist, format!("/children/{child}/readmit"), vec![], child)
        }
        ("GET", "/children/{child_id}/export.zip") => {
            get(Persona::Guardian, format!("/children/{child}/export.zip"), ChildInRow::This(child))
        }
        ("GET", "/admin/people/{person_id}/caseload") => {
            get(Persona::Admin, format!("/admin/people/{person}/caseload"), ChildInRow::None)
        }
        // Leo moves from Oscar to Tara: Tara keeps Mia for the cases after this one.
        ("POST", "/admin/people/{person_id}/caseload") => post(
            Persona::Admin,
            format!("/admin/people/{other_therapist}/caseload"),
            vec![("to", person.to_string()), ("children", world.other_child.to_string())],
            world.other_child,
        ),
        ("GET", "/admin/people/{person_id}/deactivate") => {
            get(Persona::Admin, format!("/admin/people/{person}/deactivate"), ChildInRow::None)
        }
        // The API twins: the same rows as their pages.
        ("GET", "/api/v1/children") => {
            get(Persona::Guardian, "/api/v1/children".into(), ChildInRow::None)
        }
        ("GET", "/api/v1/children/{child_id}") => get(
            Persona::TeamTherapist,
            format!("/api/v1/children/{child}"),
            ChildInRow::This(child),
        ),
        ("GET", "/api/v1/children/{child_id}/access-log") => get(
            Persona::Guardian,
            format!("/api/v1/children/{child}/access-log"),
            ChildInRow::This(child),
        ),
        ("GET", "/api/v1/children/{child_id}/audit") => {
            get(Persona::Admin, format!("/api/v1/children/{child}/audit"), ChildInRow::This(child))
        }
        ("GET", "/api/v1/people/{person_id}/audit") => {
            get(Persona::Admin, format!("/api/v1/people/{person}/audit"), ChildInRow::None)
        }
        ("POST", "/api/v1/households") => {
            let mut case = case_for("POST", "/households", world, plan, n);
            case.path = "/api/v1/households".into();
            case.status = 201;
            case
        }
        ("POST", "/api/v1/children/{child_id}/caregivers") => {
            let mut case = case_for("POST", "/children/{child_id}/caregivers", world, plan, n);
            case.path = format!("/api/v1/children/{child}/caregivers");
            case.status = 201;
            case
        }
        // The people side's twins, after the pages' cases: the helper is gone,
        // so Gus (added above) is made a guardian, then removed.
        ("GET", "/api/v1/children/{child_id}/details") => get(
            Persona::Guardian,
            format!("/api/v1/children/{child}/details"),
            ChildInRow::This(child),
        ),
        ("PUT", "/api/v1/children/{child_id}/details") => api(
            Persona::TeamTherapist,
            "PUT",
            format!("/api/v1/children/{child}/details"),
            serde_json::json!({"preferred_name": "Mia", "home_languages": ["en", "es"]}),
            204,
        ),
        ("GET", "/api/v1/children/{child_id}/team") => {
            get(Persona::Admin, format!("/api/v1/children/{child}/team"), ChildInRow::This(child))
        }
        ("POST", "/api/v1/children/{child_id}/team") => api(
            Persona::Admin,
            "POST",
            format!("/api/v1/children/{child}/team"),
            serde_json::json!({"change": "primary", "therapist_id": person.to_string()}),
            204,
        ),
        ("GET", "/api/v1/children/{child_id}/caregivers") => get(
            Persona::Guardian,
            format!("/api/v1/children/{child}/caregivers"),
            ChildInRow::This(child),
        ),
        ("POST", "/api/v1/children/{child_id}/caregivers/access") => api(
            Persona::Guardian,
            "POST",
            format!("/api/v1/children/{child}/caregivers/access"),
            serde_json::json!({"person_id": NEWEST_GUS, "access": "guardian"}),
            204,
        ),
        ("POST", "/api/v1/children/{child_id}/caregivers/remove") => api(
            Persona::Guardian,
            "POST",
            format!("/api/v1/children/{child}/caregivers/remove"),
            serde_json::json!({"person_id": NEWEST_GUS}),
            200,
        ),
        ("POST", "/api/v1/children/{child_id}/discharge") => api(
            Persona::TeamTherapist,
            "POST",
            format!("/api/v1/children/{child}/discharge"),
            serde_json::json!({"discharged_on": "2026-11-01", "reason": "moved"}),
            204,
        ),
        ("POST", "/api/v1/children/{child_id}/readmit") => api(
            Persona::TeamTherapist,
            "POST",
            format!("/api/v1/children/{child}/readmit"),
            serde_json::json!({}),
            204,
        ),
        ("GET", "/api/v1/children/{child_id}/export") => get(
            Persona::Guardian,
            format!("/api/v1/children/{child}/export"),
            ChildInRow::This(child),
        ),
        ("GET", "/api/v1/people/{person_id}/caseload") => {
            get(Persona::Admin, format!("/api/v1/people/{person}/caseload"), ChildInRow::None)
        }
        // Mia moves from Tara to Oscar: the last case that needs Tara's caseload
        // is above, and Mia is Tara's whether or not the page's move happened.
        ("POST", "/api/v1/people/{person_id}/caseload") => {
            let body = serde_json::json!({"to": other_therapist.to_string(), "children": [child.to_string()]});
            api(Persona::Admin, "POST", format!("/api/v1/people/{person}/caseload"), body, 200)
        }
        ("GET", "/api/v1/people/{person_id}/deactivation") => {
            get(Persona::Admin, format!("/api/v1/people/{person}/deactivation"), ChildInRow::None)
        }
        (method, path) => panic!(
            "{method} {path} is audited but audit.rs has no case for it: add one to `case_for`"
        ),
    }
}

async fn perform(app: &TestApp, world: &World, case: &Case) -> reqwest::Response {
    let client = world.client(case.persona);
    let path = plan_cases::resolve(app, world.child, &case.path).await;
    let path = practice_cases::resolve(app, world.child, &path).await;
    let path = feedback_cases::resolve(app, world, &path).await;
    let path = visit_cases::resolve(app, world.child, &path).await;
    let mut form = Vec::new();
    for (key, value) in &case.form {
        form.push((key.clone(), practice_cases::resolve(app, world.child, value).await));
    }
    let case = &Case { path, form, ..case.clone() };
    if let Some(body) = &case.json {
        let text = plan_cases::resolve(app, world.child, &body.to_string()).await;
        let text = visit_cases::resolve(app, world.child, &text).await;
        let mut text = practice_cases::resolve(app, world.child, &text).await;
        if text.contains(NEWEST_GUS) {
            // When no Gus could be added (audit writes refused), the helper stands in.
            let gus: String = sqlx::query_scalar(
                "SELECT person_id FROM person WHERE display_name = 'Gus Grandpa' ORDER BY person_id DESC",
            )
            .fetch_optional(app.db.reader())
            .await
            .unwrap()
            .unwrap_or_else(|| world.person(Persona::Helper).person_id.to_string());
            text = text.replace(NEWEST_GUS, &gus);
        }
        let body: serde_json::Value = serde_json::from_str(&text).unwrap();
        let method = reqwest::Method::from_bytes(case.method.as_bytes()).unwrap();
        return client.send_json(method, &case.path, &body).await;
    }
    match case.method {
        "GET" => client.get(&case.path).await,
        "POST" if case.path.starts_with("/api/") => {
            let body: serde_json::Map<String, serde_json::Value> =
                case.form.iter().map(|(k, v)| ((*k).to_owned(), v.clone().into())).collect();
            client.send_json(reqwest::Method::POST, &case.path, &body.into()).await
        }
        "POST" => {
            // Issue 13: a form may name ids and revisions made by earlier cases.
            let mut values = Vec::new();
            for (_, v) in &case.form {
                values.push(visit_cases::resolve(app, world.child, v).await);
            }
            let form: Vec<(&str, &str)> =
                case.form.iter().zip(&values).map(|((k, _), v)| (k.as_str(), v.as_str())).collect();
            client.post_form(&case.path, &form).await
        }
        // Issue 12 part A: deleting a log through the API.
        "DELETE" => client.send(client.request(reqwest::Method::DELETE, &case.path)).await,
        other => panic!("no case sends {other}"),
    }
}

async fn created_child(app: &TestApp, name: &str) -> String {
    sqlx::query_scalar("SELECT child_id FROM child WHERE preferred_name = $1")
        .bind(name)
        .fetch_one(app.db.reader())
        .await
        .unwrap()
}

async fn every_audited_page_and_action_leaves_exactly_one_row_of_its_kind(backend: Backend) {
    let app = spawn_app(backend).await;
    let world = World::build(&app).await;
    let plan = PlanWorld::build(&app, &world).await;
    let audited: Vec<_> = RULES.iter().filter(|r| r.audits.is_some()).collect();
    assert!(!audited.is_empty());
    let mut problems = Vec::new();
    for (n, rule) in audited.iter().enumerate() {
        let action = rule.audits.unwrap();
        let case = case_for(rule.method, rule.path, &world, &plan, n);
        let what = format!("{} {} as {:?}", rule.method, rule.path, case.persona);
        let before = ids(&app).await;
        let of_kind_before = app.audit_count(&format!("action = '{}'", action.as_str())).await;
        let response = perform(&app, &world, &case).await;
        assert_eq!(response.status(), case.status, "{what}");
        let new = new_rows(&app, &before).await;
        let of_kind_after = app.audit_count(&format!("action = '{}'", action.as_str())).await;
        if of_kind_after != of_kind_before + 1 {
            problems.push(format!(
                "{what}: {} rows with action {:?} were added, not 1",
                of_kind_after - of_kind_before,
                action.as_str()
            ));
        }
        let [row] = new.as_slice() else {
            problems.push(format!("{what}: {} audit rows, not 1: {new:?}", new.len()));
            continue;
        };
        let actor = world.person(case.persona).person_id.to_string();
        let child = match &case.child {
            ChildInRow::None => None,
            ChildInRow::This(id) => Some(id.to_string()),
            ChildInRow::Created(name) => Some(created_child(&app, name).await),
        };
        if row.action != action.as_str()
            || row.actor_id.as_deref() != Some(actor.as_str())
            || row.child_id != child
            || row.outcome != "success"
        {
            problems.push(format!(
                "{what}: expected action {:?} by {actor} about child {child:?}, success; got {row:?}",
                action.as_str()
            ));
        }
        if let ChildInRow::Created(_) = case.child
            && row.resource_id != child
        {
            problems
                .push(format!("{what}: the row names {:?}, not the new child", row.resource_id));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

async fn a_denied_look_at_a_child_leaves_one_denied_row(backend: Backend) {
    let app = spawn_app(backend).await;
    let world = World::build(&app).await;
    let before = ids(&app).await;
    let response =
        world.client(Persona::OtherTherapist).get(&format!("/children/{}", world.child)).await;
    assert_eq!(response.status(), 404);
    let new = new_rows(&app, &before).await;
    let [row] = new.as_slice() else { panic!("one row expected: {new:?}") };
    assert_eq!(row.action, AuditAction::Denied.as_str());
    assert_eq!(row.outcome, "denied");
    assert_eq!(
        row.actor_id.as_deref(),
        Some(world.person(Persona::OtherTherapist).person_id.to_string().as_str())
    );
    assert_eq!(row.child_id, Some(world.child.to_string()));
}

/// A caseload list is one chained row plus the children it showed; the
/// admin's "who accessed this child" finds it, and the chain still verifies.
async fn a_list_view_names_the_children_it_showed_in_their_audit_logs(backend: Backend) {
    let app = spawn_app(backend).await;
    let world = World::build(&app).await;
    let before = ids(&app).await;
    assert_eq!(world.client(Persona::TeamTherapist).get("/home").await.status(), 200);
    let new = new_rows(&app, &before).await;
    assert_eq!(new.len(), 1, "one row for the list, not one per child: {new:?}");
    let listed: Vec<String> = sqlx::query_scalar("SELECT child_id FROM audit_event_child")
        .fetch_all(app.db.reader())
        .await
        .unwrap();
    assert_eq!(listed, vec![world.child.to_string()], "the caseload is the one child");

    let admin = world.client(Persona::Admin);
    let log = admin.get(&format!("/admin/children/{}/audit", world.child)).await;
    let log = log.text().await.unwrap();
    assert!(log.contains("Listed") && log.contains("1 child shown"), "{log}");
    let other = admin.get(&format!("/admin/children/{}/audit", world.other_child)).await;
    assert!(!other.text().await.unwrap().contains("Tara Team"), "not listed with the other child");
    let report = carryover::admin_cli::verify_audit(&app.db).await.unwrap();
    assert!(report.intact, "{}", report.text);
}

async fn the_database_refuses_to_change_or_remove_an_audit_row(backend: Backend) {
    let app = spawn_app(backend).await;
    let world = World::build(&app).await;
    world.client(Persona::TeamTherapist).get(&format!("/children/{}", world.child)).await;
    let count = app.audit_count("1 = 1").await;
    assert!(count > 0);
    let mut refused = vec![
        "UPDATE audit_event SET action = 'x'",
        "UPDATE audit_event SET child_id = NULL WHERE action = 'view'",
        "DELETE FROM audit_event",
        "DELETE FROM audit_event WHERE action = 'view'",
    ];
    if backend == Backend::Postgres {
        refused.push("TRUNCATE audit_event");
    }
    for sql in refused {
        let mut tx = app.db.begin_write().await.unwrap();
        let result = sqlx::query(sql).execute(&mut *tx).await;
        assert!(result.is_err(), "{sql} was allowed: {result:?}");
        drop(tx);
    }
    assert_eq!(app.audit_count("1 = 1").await, count);
    assert_eq!(app.audit_count("action = 'x'").await, 0);
    assert_eq!(app.audit_count("action = 'view' AND child_id IS NOT NULL").await, 1);
}

/// What someone with write access to the database could do: lift the
/// protection and rewrite row `seq` of `chain`.
async fn tamper(app: &TestApp, backend: Backend, chain: &str, seq: i64, set: &str) {
    let mut tx = app.db.begin_write().await.unwrap();
    let lift = match backend {
        Backend::Sqlite => "DROP TRIGGER audit_event_no_update",
        Backend::Postgres => "ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update",
    };
    sqlx::query(lift).execute(&mut *tx).await.unwrap();
    let sql = format!("UPDATE audit_event SET {set} WHERE chain = $1 AND seq = $2");
    let changed = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(chain)
        .bind(seq)
        .execute(&mut *tx)
        .await
        .unwrap();
    assert_eq!(changed.rows_affected(), 1);
    carryover_store::commit(tx).await.unwrap();
}

async fn some_audited_requests(world: &World) {
    let child = world.child;
    for (persona, path) in [
        (Persona::TeamTherapist, format!("/children/{child}")),
        (Persona::Guardian, format!("/children/{child}/access")),
        (Persona::Admin, format!("/admin/children/{child}/audit")),
        (Persona::OtherTherapist, format!("/children/{child}")),
    ] {
        let status = world.client(persona).get(&path).await.status();
        assert!(status == 200 || status == 404, "{path}: {status}");
    }
}

async fn a_changed_audit_row_is_found_by_verify(backend: Backend) {
    let app = spawn_app(backend).await;
    let world = World::build(&app).await;
    some_audited_requests(&world).await;
    let report = verify_audit(&app.db).await.unwrap();
    assert!(report.intact, "{}", report.text);
    let chain = world.clinic.to_string();
    assert!(report.text.contains(&format!("chain {chain}: ")), "{}", report.text);

    tamper(&app, backend, &chain, 2, &format!("child_id = '{}'", world.other_child)).await;

    let report = verify_audit(&app.db).await.unwrap();
    assert!(!report.intact, "{}", report.text);
    assert!(report.text.contains(&format!("chain {chain}: BROKEN at row 2 ")), "{}", report.text);
    assert!(report.text.contains("changed after it was written"), "{}", report.text);
    // The other clinic's chain is not blamed.
    let other = world.person(Persona::ForeignAdmin).clinic_id;
    assert!(report.text.contains(&format!("chain {other}: ")), "{}", report.text);
    assert!(!report.text.contains(&format!("chain {other}: BROKEN")), "{}", report.text);
}

async fn a_moved_audit_time_is_found_by_verify(backend: Backend) {
    let app = spawn_app(backend).await;
    let world = World::build(&app).await;
    some_audited_requests(&world).await;
    let chain = world.clinic.to_string();
    let last: i64 = sqlx::query_scalar("SELECT MAX(seq) FROM audit_event WHERE chain = $1")
        .bind(chain.as_str())
        .fetch_one(app.db.reader())
        .await
        .unwrap();
    tamper(&app, backend, &chain, last, "occurred_at = '2020-01-01T00:00:00.000000Z'").await;
    let report = verify_audit(&app.db).await.unwrap();
    assert!(!report.intact);
    assert!(
        report.text.contains(&format!("chain {chain}: BROKEN at row {last} ")),
        "{}",
        report.text
    );
}

/// `carryover audit verify` as an operator runs it, against the app's database.
fn verify_with_binary(
    app: &TestApp,
    backend: Backend,
    database_name: &str,
) -> std::process::Output {
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_carryover"));
    command
        .env_remove("DATABASE_URL")
        .env_remove("CARRYOVER_DATABASE_URL")
        .env_remove("CARRYOVER_DATA_DIR")
        .env_remove("CARRYOVER_CONFIG")
        .env("CARRYOVER_AUDIT_KEY", crate::helpers::TEST_AUDIT_KEY)
        .env("RUST_LOG", "warn");
    match backend {
        Backend::Sqlite => {
            let file = app.db.sqlite_path().unwrap();
            assert_eq!(file.file_name().unwrap(), "carryover.db");
            command.arg("--data-dir").arg(file.parent().unwrap());
        }
        Backend::Postgres => {
            let admin = std::env::var(carryover_store::testing::POSTGRES_URL_VAR).unwrap();
            command.arg("--database").arg(with_database(&admin, database_name));
        }
    }
    command.args(["audit", "verify"]).output().unwrap()
}

async fn carryover_audit_verify_exits_non_zero_on_a_changed_row(backend: Backend) {
    let app = spawn_app(backend).await;
    let world = World::build(&app).await;
    some_audited_requests(&world).await;
    let database_name = match backend {
        Backend::Sqlite => String::new(),
        Backend::Postgres => sqlx::query_scalar("SELECT CAST(current_database() AS TEXT)")
            .fetch_one(app.db.reader())
            .await
            .unwrap(),
    };
    let run = |app: &TestApp| {
        let output = verify_with_binary(app, backend, &database_name);
        let text = format!(
            "{}{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        );
        (output.status, text)
    };
    let chain = world.clinic.to_string();

    let (status, text) = tokio::task::block_in_place(|| run(&app));
    assert!(status.success(), "{status}: {text}");
    assert!(text.contains(&format!("chain {chain}: ")) && text.contains("intact"), "{text}");

    tamper(&app, backend, &chain, 2, &format!("child_id = '{}'", world.other_child)).await;

    let (status, text) = tokio::task::block_in_place(|| run(&app));
    assert!(!status.success(), "a broken chain must fail the command: {text}");
    assert!(text.contains(&format!("chain {chain}: BROKEN at row 2 ")), "{text}");
}

/// A trigger that makes every audit insert fail, as a full disk or a lost
/// connection at the wrong moment would.
async fn block_audit_inserts(app: &TestApp, backend: Backend) {
    let statements: &[&str] = match backend {
        Backend::Sqlite => &[
            "CREATE TRIGGER block_audit BEFORE INSERT ON audit_event BEGIN SELECT RAISE(ABORT, 'no'); END",
        ],
        Backend::Postgres => &[
            "CREATE FUNCTION block_audit() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'no'; END; $$",
            "CREATE TRIGGER block_audit BEFORE INSERT ON audit_event FOR EACH ROW EXECUTE FUNCTION block_audit()",
        ],
    };
    let mut tx = app.db.begin_write().await.unwrap();
    for sql in statements {
        sqlx::query(*sql).execute(&mut *tx).await.unwrap();
    }
    carryover_store::commit(tx).await.unwrap();
}

async fn a_read_whose_audit_row_cannot_be_written_fails(backend: Backend) {
    let app = spawn_app(backend).await;
    let world = World::build(&app).await;
    let plan = PlanWorld::build(&app, &world).await;
    // Issue 13: a planned visit and an open record for the visit cases to name.
    crate::visit_world::VisitWorld::build(&app, &world).await;
    let count = app.audit_count("1 = 1").await;
    block_audit_inserts(&app, backend).await;

    let response =
        world.client(Persona::TeamTherapist).get(&format!("/children/{}", world.child)).await;
    assert_eq!(response.status(), 500);
    let body = response.text().await.unwrap();
    assert!(!body.contains("Mia"), "the record was shown unaudited: {body}");
    assert!(!body.contains("Private note"), "{body}");

    // Every other audited page and action fails alike, and the action leaves nothing.
    for (n, rule) in RULES.iter().filter(|r| r.audits.is_some()).enumerate() {
        let case = case_for(rule.method, rule.path, &world, &plan, n);
        let response = perform(&app, &world, &case).await;
        let what = format!("{} {} as {:?}", rule.method, rule.path, case.persona);
        assert_eq!(response.status(), 500, "{what}");
        let body = response.text().await.unwrap();
        assert!(!body.contains("Mia") && !body.contains("Private note"), "{what}: {body}");
        if let ChildInRow::Created(name) = case.child {
            let made: i64 =
                sqlx::query_scalar("SELECT COUNT(*) FROM child WHERE preferred_name = $1")
                    .bind(name)
                    .fetch_one(app.db.reader())
                    .await
                    .unwrap();
            assert_eq!(made, 0, "{what}: the child was created without its audit row");
        }
    }
    assert_eq!(app.audit_count("1 = 1").await, count);
}

on_both_databases!(
    every_audited_page_and_action_leaves_exactly_one_row_of_its_kind,
    a_denied_look_at_a_child_leaves_one_denied_row,
    a_list_view_names_the_children_it_showed_in_their_audit_logs,
    the_database_refuses_to_change_or_remove_an_audit_row,
    a_changed_audit_row_is_found_by_verify,
    a_moved_audit_time_is_found_by_verify,
    carryover_audit_verify_exits_non_zero_on_a_changed_row,
    a_read_whose_audit_row_cannot_be_written_fails,
);
