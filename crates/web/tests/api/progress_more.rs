//! The practice part of the progress page (issue 14, second part): weekly
//! adherence, the child's responses, caregiver confidence, the matrix and
//! the timeline, on logs written on fixed dates, with the numbers worked out
//! by hand; the report (page and PDF) over a period; the empty states.

use carryover_store::Backend;
use reqwest::Method;
use serde_json::{Value, json};
use time::macros::datetime;
use uuid::Uuid;

use crate::goal_measures::page;
use crate::helpers::{TestApp, on_both_databases, spawn_app};
use crate::plan_world::PlanWorld;
use crate::progress::pdf_text;
use crate::visit_world::VisitWorld;
use crate::world::{Persona, World, sign_in_again};

on_both_databases!(
    the_practice_figures_on_the_page_and_in_the_api_equal_the_hand_count,
    the_timeline_is_newest_first_eight_weeks_a_page_and_refuses_a_bad_date,
    the_report_shows_the_adherence_the_strategies_and_the_visits_of_its_period,
    a_child_with_no_logs_has_clear_empty_states_and_no_nan,
);

/// One practice, written straight to the table on a set day.
struct Log {
    on: &'static str,
    assignment: usize,
    by: Persona,
    response: &'static str,
    confidence: Option<i64>,
    note: &'static str,
}

const fn log(
    on: &'static str,
    assignment: usize,
    by: Persona,
    response: &'static str,
    confidence: Option<i64>,
    note: &'static str,
) -> Log {
    Log { on, assignment, by, response, confidence, note }
}

/// The plan (five assignments, 5 a week each) is agreed on Monday,
/// November 2, 2026: 25 practices a week for the household from then on.
/// Week of Nov 2: 3 logs; week of Nov 9: 4 logs (one by the helper); the
/// week of Nov 16 (today is Wednesday, Nov 18): none. And one log in August,
/// before the plan was agreed.
const LOGS: [Log; 8] = [
    // Long before: outside the twelve weeks and the first page of the timeline.
    log("2026-08-20", 3, Persona::Guardian, "mixed", None, "Tried it once"),
    log("2026-11-03", 0, Persona::Guardian, "went_well", Some(6), "Smooth morning"),
    log("2026-11-04", 0, Persona::Guardian, "mixed", Some(7), ""),
    log("2026-11-05", 1, Persona::Guardian, "hard", None, ""),
    log("2026-11-10", 0, Persona::Helper, "hard", None, "Sock trouble"),
    log("2026-11-11", 0, Persona::Guardian, "went_well", Some(8), ""),
    log("2026-11-12", 1, Persona::Guardian, "went_well", Some(8), ""),
    log("2026-11-13", 2, Persona::Guardian, "went_well", Some(9), "Asked for the timer"),
];

async fn write_log(app: &TestApp, world: &World, plan: &PlanWorld, n: usize, l: &Log) {
    let by = world.person(l.by);
    let household: String =
        sqlx::query_scalar("SELECT household_id FROM child WHERE child_id = $1")
            .bind(world.child.to_string())
            .fetch_one(app.db.reader())
            .await
            .unwrap();
    // Logged at 18:00 UTC on the day: the same day in the clinic's zone.
    let at = format!("{}T18:00:0{n}.000000Z", l.on);
    let mut tx = app.db.begin_write().await.unwrap();
    sqlx::query(
        "INSERT INTO practice_log (clinic_id, child_id, practice_log_id, assignment_id, household_id, \
         standard_routine, practised_by, practised_on, said_when, response, confidence, note, logged_by, \
         created_at, updated_at) VALUES ($1, $2, $3, $4, $5, 'dressing', $6, $7, 'now', $8, $9, $10, $6, $11, $11)",
    )
    .bind(by.clinic_id.to_string())
    .bind(world.child.to_string())
    .bind(Uuid::now_v7().to_string())
    .bind(plan.own.assignments[l.assignment].to_string())
    .bind(household)
    .bind(by.person_id.to_string())
    .bind(l.on)
    .bind(l.response)
    .bind(l.confidence)
    .bind(l.note)
    .bind(at)
    .execute(&mut *tx)
    .await
    .unwrap();
    carryover_store::commit(tx).await.unwrap();
}

/// The world with the plan agreed on November 2, the logs above, the visits
/// of `VisitWorld`, a message from the guardian on November 18, and today
/// November 18.
async fn practised(app: &TestApp) -> (World, PlanWorld) {
    let world = World::build(app).await;
    let plan = PlanWorld::build(app, &world).await;
    let guardian = world.client(Persona::Guardian);
    let confirm = format!("/children/{}/plan/{}/confirm", world.child, plan.own.version);
    assert_eq!(guardian.post_form(&confirm, &[]).await.status(), 303);
    // A visit planned for November 9 (never recorded), and a visit record
    // opened today, November 2: its agenda starts prefilled (the joint plan
    // step) and it has one observed entry (observation): two of five steps.
    VisitWorld::build(app, &world).await;
    for (n, l) in LOGS.iter().enumerate() {
        write_log(app, &world, &plan, n, l).await;
    }
    app.clock.set(datetime!(2026-11-18 15:00 UTC));
    for persona in [Persona::Guardian, Persona::TeamTherapist] {
        sign_in_again(app, world.client(persona), &world.person(persona).email).await;
    }
    let message = json!({"body": "Mornings are easier now."});
    let path = format!("/api/v1/children/{}/messages", world.child);
    let sent = guardian.send_json(Method::POST, &path, &message).await;
    assert_eq!(sent.status(), 201);
    (world, plan)
}

async fn api(world: &World, persona: Persona, path: &str) -> Value {
    let response = world.client(persona).get(path).await;
    assert_eq!(response.status(), 200, "GET {path}");
    response.json().await.unwrap()
}

fn week<'a>(weeks: &'a Value, monday: &str) -> &'a Value {
    let found = weeks.as_array().unwrap().iter().find(|w| w["week_start"] == monday);
    found.unwrap_or_else(|| panic!("{monday} in {weeks}"))
}

async fn the_practice_figures_on_the_page_and_in_the_api_equal_the_hand_count(backend: Backend) {
    let app = spawn_app(backend).await;
    let (world, plan) = practised(&app).await;
    let child = world.child;
    let body = api(&world, Persona::Guardian, &format!("/api/v1/children/{child}/progress")).await;

    // Twelve weeks, Monday Aug 31 to Monday Nov 16.
    let weeks = &body["weeks"];
    assert_eq!(weeks.as_array().unwrap().len(), 12, "{weeks}");
    assert_eq!(weeks[0]["week_start"], "2026-08-31");
    // Week of Nov 2: Σ min(logs, 5) over the assignments = 2 + 1 = 3 of 25 = 0.12.
    let first = week(weeks, "2026-11-02");
    assert_eq!((first["logs"].clone(), first["target"].clone()), (json!(3), json!(25)));
    assert_eq!(first["adherence"], 0.12);
    // Week of Nov 9: 2 + 1 + 1 = 4 of 25 = 0.16; this week: 0 of 25.
    assert_eq!(week(weeks, "2026-11-09")["adherence"], 0.16);
    assert_eq!(week(weeks, "2026-11-16")["adherence"], 0.0);
    // Before the plan: no target, and no ratio at all (never NaN).
    assert_eq!(week(weeks, "2026-10-26")["target"], 0);
    assert_eq!(week(weeks, "2026-10-26")["adherence"], Value::Null);

    // Responses: Nov 2: 1 went well, 1 mixed, 1 hard; Nov 9: 3, 0, 1.
    let r = week(&body["responses"], "2026-11-02");
    assert_eq!(
        (r["went_well"].clone(), r["mixed"].clone(), r["hard"].clone()),
        (json!(1), json!(1), json!(1))
    );
    let r = week(&body["responses"], "2026-11-09");
    assert_eq!(
        (r["went_well"].clone(), r["mixed"].clone(), r["hard"].clone()),
        (json!(3), json!(0), json!(1))
    );

    // Confidence: Nov 2: (6 + 7) ÷ 2 = 6.5; Nov 9: (8 + 8 + 9) ÷ 3 = 8.333… → 8.33
    // (the helper's log said none); this week: none.
    let c = week(&body["confidence"], "2026-11-02");
    assert_eq!((c["ratings"].clone(), c["average"].clone()), (json!(2), json!(6.5)));
    let c = week(&body["confidence"], "2026-11-09");
    assert_eq!((c["ratings"].clone(), c["average"].clone()), (json!(3), json!(8.33)));
    assert_eq!(week(&body["confidence"], "2026-11-16")["average"], Value::Null);

    // The matrix: the first strategy in dressing, by the guardian 2 · 1 · 0
    // (Nov 3 well, Nov 4 mixed, Nov 11 well) and by the helper 0 · 0 · 1.
    let grid = body["matrix"]
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["assignment_id"] == json!(plan.own.assignments[0]));
    let grid = grid.unwrap_or_else(|| panic!("{}", body["matrix"]));
    let column = |persona: Persona| {
        let id = json!(world.person(persona).person_id);
        grid["caregivers"].as_array().unwrap().iter().position(|c| c["person_id"] == id).unwrap()
    };
    let cell = &grid["cells"][0][column(Persona::Guardian)];
    assert_eq!(
        (cell["went_well"].clone(), cell["mixed"].clone(), cell["hard"].clone()),
        (json!(2), json!(1), json!(0))
    );
    assert_eq!(grid["cells"][0][column(Persona::Helper)]["hard"], 1, "{grid}");
    assert_eq!(body["matrix"].as_array().unwrap().len(), 4, "four strategies were practised");
    assert!(!body.to_string().contains("NaN"));

    // The page says the same in words and tables.
    let html = page(world.client(Persona::Guardian), &format!("/children/{child}/progress")).await;
    // 3 ÷ 25 = 12%, 4 ÷ 25 = 16%.
    assert!(html.contains(r#"<th scope="row">November 2, 2026</th><td>12%</td>"#), "{html}");
    assert!(html.contains(r#"<th scope="row">November 9, 2026</th><td>16%</td>"#), "{html}");
    assert!(html.contains(r#"<th scope="row">October 26, 2026</th><td>No goal that week</td>"#));
    assert!(html.contains("Latest week with a goal, November 16, 2026: 0 of 25 (0%)."), "{html}");
    assert!(
        html.contains(r#"<th scope="row">November 9, 2026</th><td>3</td><td>0</td><td>1</td>"#)
    );
    assert!(html.contains("In these weeks: 4 went well, 1 mixed, 2 hard."), "{html}");
    assert!(html.contains(r#"<th scope="row">November 9, 2026</th><td>8.33</td>"#), "{html}");
    assert!(html.contains(r#"<th scope="row">November 2, 2026</th><td>6.50</td>"#), "{html}");
    assert!(html.contains("This is not a validated instrument"), "{html}");
    // 2 + 3 = 5 ratings; the latest week with any: November 9, 8.33.
    assert!(
        html.contains("5 ratings in these weeks. Latest weekly average: 8.33 (week of November 9, 2026). Not a validated instrument."),
        "{html}"
    );
    assert!(html.contains("<td>2 · 1 · 0</td>"), "{html}");
    assert!(!html.contains("NaN"), "{html}");

    // In Spanish the average has a decimal comma, and the words are Spanish.
    let guardian = world.client(Persona::Guardian);
    assert_eq!(guardian.post_form("/lang", &[("lang", "es"), ("next", "/")]).await.status(), 303);
    let spanish = page(guardian, &format!("/children/{child}/progress")).await;
    assert!(spanish.contains("<td>8,33</td>"), "{spanish}");
    assert!(spanish.contains("No es un instrumento validado"), "{spanish}");
    assert!(spanish.contains("Práctica hecha cada semana"), "{spanish}");
}

async fn the_timeline_is_newest_first_eight_weeks_a_page_and_refuses_a_bad_date(backend: Backend) {
    let app = spawn_app(backend).await;
    let (world, _plan) = practised(&app).await;
    let child = world.child;
    let body = api(&world, Persona::Guardian, &format!("/api/v1/children/{child}/progress")).await;
    let timeline = &body["timeline"];
    // 56 days ending today: September 24 to November 18.
    assert_eq!(
        (timeline["from"].clone(), timeline["to"].clone()),
        (json!("2026-09-24"), json!("2026-11-18"))
    );
    let entries = timeline["entries"].as_array().unwrap();
    let kinds: Vec<(&str, &str)> =
        entries.iter().map(|e| (e["on"].as_str().unwrap(), e["kind"].as_str().unwrap())).collect();
    // Newest first: the message of today, the logs, the planned visit, the
    // visit held on Nov 2 and the reflection written at the same minute
    // (kept in the order they were read: visits before reflections).
    assert_eq!(
        kinds,
        vec![
            ("2026-11-18", "feedback"),
            ("2026-11-13", "practice_log"),
            ("2026-11-12", "practice_log"),
            ("2026-11-11", "practice_log"),
            ("2026-11-10", "practice_log"),
            ("2026-11-09", "visit"),
            ("2026-11-05", "practice_log"),
            ("2026-11-04", "practice_log"),
            ("2026-11-03", "practice_log"),
            ("2026-11-02", "visit"),
            ("2026-11-02", "reflection"),
        ],
        "{timeline}"
    );
    assert_eq!(entries[4]["note"], "Sock trouble", "a guardian reads the household's notes");
    assert_eq!(
        (entries[5]["status"].clone(), entries[5]["steps"].clone()),
        (json!("scheduled"), Value::Null)
    );
    assert_eq!(
        (entries[9]["status"].clone(), entries[9]["steps"].clone()),
        (json!("held"), json!(2))
    );
    assert_eq!(entries[10]["flagged"], true);
    // One visit held, without all five steps: 0 of 1 = 0%; one planned.
    assert_eq!(
        body["visits"],
        json!({"held": 1, "with_all_five": 0, "fidelity_percent": 0, "planned": 1, "cancelled": 0})
    );
    assert_eq!(timeline["older"], "2026-09-24", "the log of August 20 is older");

    let html = page(world.client(Persona::Guardian), &format!("/children/{child}/progress")).await;
    let message = html.find("Mornings are easier now.").expect("the message");
    let note = html.find("Smooth morning").expect("the note");
    assert!(message < note, "newest first");
    assert_eq!(html.matches(r#"data-testid="timeline-entry""#).count(), 11);
    assert!(
        html.contains(
            "1 visit held; 0 with all five coaching steps (0%). Planned: 1. Cancelled: 0."
        ),
        "{html}"
    );
    assert!(html.contains("2 of 5 coaching steps") && html.contains("Visit planned"), "{html}");
    assert!(
        html.contains(&format!(r#"href="/children/{child}/progress?before=2026-09-24#timeline""#))
    );
    let older = page(
        world.client(Persona::Guardian),
        &format!("/children/{child}/progress?before=2026-09-24"),
    )
    .await;
    assert!(older.contains("Tried it once") && !older.contains("Smooth morning"), "{older}");
    assert!(!older.contains("timeline-older"), "nothing older than August 20: {older}");

    // The eight weeks before November 10: the planned visit, three logs, the
    // visit held and the reflection.
    let path = format!("/api/v1/children/{child}/progress?before=2026-11-10");
    let earlier = api(&world, Persona::TeamTherapist, &path).await;
    assert_eq!(earlier["timeline"]["to"], "2026-11-09");
    assert_eq!(earlier["timeline"]["entries"].as_array().unwrap().len(), 6, "{earlier}");
    assert_eq!(earlier["timeline"]["older"], "2026-09-15");
    // The figures do not move with the timeline.
    assert_eq!(week(&earlier["weeks"], "2026-11-09")["adherence"], 0.16);

    // After tomorrow, or not a date: refused, in words.
    let path = format!("/children/{child}/progress?before=2026-12-20");
    assert_eq!(world.client(Persona::Guardian).get(&path).await.status(), 422);
    let bad = world
        .client(Persona::Guardian)
        .get(&format!("/api/v1/children/{child}/progress?before=soon"))
        .await;
    assert_eq!(bad.status(), 422);
}

async fn the_report_shows_the_adherence_the_strategies_and_the_visits_of_its_period(
    backend: Backend,
) {
    let app = spawn_app(backend).await;
    let (world, _plan) = practised(&app).await;
    let child = world.child;
    let team = world.client(Persona::TeamTherapist);
    let query = "from=2026-11-09&to=2026-11-18";
    let body =
        api(&world, Persona::TeamTherapist, &format!("/api/v1/children/{child}/report?{query}"))
            .await;
    // The weeks of the period: Nov 9 and Nov 16.
    let weeks: Vec<&str> = body["weeks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w["week_start"].as_str().unwrap())
        .collect();
    assert_eq!(weeks, vec!["2026-11-09", "2026-11-16"]);
    assert!(body.get("timeline").is_none(), "the report has no timeline");
    // The matrix counts the period's logs: the first strategy by the
    // guardian only once (Nov 11 went well).
    let total: u64 = body["matrix"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|g| g["cells"].as_array().unwrap().iter())
        .flat_map(|row| row.as_array().unwrap().iter())
        .map(|c| c["total"].as_u64().unwrap())
        .sum();
    assert_eq!(total, 4, "the four logs from November 9 on");
    assert_eq!(body["visits"]["held"], 0);
    assert_eq!(body["visits"]["fidelity_percent"], Value::Null);

    let html = page(team, &format!("/children/{child}/report?{query}")).await;
    assert!(html.contains(r#"<th scope="row">November 9, 2026</th><td>16%</td>"#), "{html}");
    assert!(!html.contains("November 2, 2026</th><td>12%"), "{html}");
    assert!(html.contains("No visits held in this time yet."), "{html}");
    assert!(!html.contains(r#"id="timeline""#));

    // Without a start: from the first week with a plan or a log (the log of
    // August 20, week of August 17), not 26 weeks mostly empty: Aug 17 to Nov 16.
    let whole =
        api(&world, Persona::TeamTherapist, &format!("/api/v1/children/{child}/report")).await;
    assert_eq!(whole["weeks"][0]["week_start"], "2026-08-17", "{}", whole["weeks"]);
    assert_eq!(whole["weeks"].as_array().unwrap().len(), 14);

    let response = team.get(&format!("/children/{child}/report.pdf?from=2026-11-02")).await;
    assert_eq!(response.status(), 200);
    let Some(text) = pdf_text(&response.bytes().await.unwrap()) else { return };
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    for words in [
        "Practice done each week",
        "12%",
        "16%",
        "Where each strategy is used",
        "2 · 1 · 0",
        "1 visit held; 0 with all five coaching steps (0%)",
    ] {
        assert!(flat.contains(words), "{words} in the PDF: {flat}");
    }
}

async fn a_child_with_no_logs_has_clear_empty_states_and_no_nan(backend: Backend) {
    let app = spawn_app(backend).await;
    let world = World::build(&app).await;
    let child = world.child;
    let html =
        page(world.client(Persona::TeamTherapist), &format!("/children/{child}/progress")).await;
    assert!(html.contains("No practice plan or practice logs in these weeks yet."), "{html}");
    assert!(html.contains("No practice logs yet in these weeks."), "{html}");
    assert!(html.contains("No confidence ratings in these weeks yet."), "{html}");
    assert!(
        html.contains(
            "No practice logs yet, so nothing to show about where the strategies are used."
        )
    );
    assert!(html.contains("No visits held in this time yet."), "{html}");
    assert!(html.contains("Nothing happened in these weeks."), "{html}");
    assert!(!html.contains("NaN") && !html.contains("<svg"), "{html}");
    let body =
        api(&world, Persona::TeamTherapist, &format!("/api/v1/children/{child}/progress")).await;
    let weeks = body["weeks"].as_array().unwrap();
    assert_eq!(weeks.len(), 12);
    assert!(weeks.iter().all(|w| w["target"] == 0 && w["adherence"] == Value::Null), "{body}");
    assert!(body["confidence"].as_array().unwrap().iter().all(|c| c["average"] == Value::Null));
    assert_eq!(body["matrix"], json!([]));
    assert_eq!(body["timeline"]["entries"], json!([]));
    let report = page(world.client(Persona::Guardian), &format!("/children/{child}/report")).await;
    assert!(report.contains("No practice plan or practice logs in these weeks yet."), "{report}");
}
