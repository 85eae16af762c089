//! The caseload triage on the therapist's home (issue 14), page and API, on
//! fixed data: five children of Tara's care team, plans agreed on Monday
//! November 2, 2026, logs on set dates, and "today" Wednesday December 2.
//!
//! This week is Nov 30 – Dec 6; the 4 full weeks before it start on Nov 2,
//! 9, 16 and 23. Each child has one assignment ("× n" a week):
//!
//! | child | × | logs (per week W1–W4, this week)   | 4 weeks        | last   | other                 |
//! |-------|---|------------------------------------|----------------|--------|-----------------------|
//! | Mia   | 5 | 3, 5, 0, 0; Dec 1                  | 8/20 = 40%     | 1 day  | 1 flag, 2 waiting     |
//! | Ben   | 5 | 5, 5, 5, 5 (Mon–Fri); none         | 20/20 = 100%   | 5 days |                       |
//! | Cleo  | 3 | 2, 1, 0, 4→3 (capped); none        | 6/12 = 50%     | 5 days |                       |
//! | Dev   | – | no plan, no logs                   | no target      | never  |                       |
//! | Eve   | 4 | 4, 4, 1, 0; none                   | 9/16 = 56.25%  | 14 days| plan waiting, a visit |
//!
//! By need: Mia (a flag) · Dev (never) · Eve (14 days) · Cleo and Ben (5
//! days each: Cleo's 50% is lower than Ben's 100%).

use serde_json::Value;
use time::macros::datetime;
use uuid::Uuid;

use crate::helpers::{TestApp, TestClient, on_both_databases, spawn_app};
use crate::world::{Persona, World, sign_in_again};
use carryover_store::Backend;

on_both_databases!(
    the_therapists_home_sorts_the_caseload_by_need_with_the_figures_worked_by_hand,
    the_api_answers_the_same_triage_with_numbers_and_no_nan,
    the_filters_show_flags_silence_low_practice_and_waiting_answers,
    another_therapists_children_never_appear_and_caregivers_get_no_triage,
);

const ORDER: [&str; 5] = ["Mia", "Dev", "Eve", "Cleo", "Ben"];

struct Caseload {
    world: World,
}

async fn posted(client: &TestClient, path: &str, form: &[(&str, &str)]) -> String {
    let response = client.post_form(path, form).await;
    let status = response.status();
    let location = response.headers().get("location").map(|l| l.to_str().unwrap().to_owned());
    assert_eq!(status, 303, "POST {path}: {}", response.text().await.unwrap());
    location.unwrap_or_default()
}

async fn scalar(app: &TestApp, sql: &str, bind: &str) -> String {
    sqlx::query_scalar(sqlx::AssertSqlSafe(sql.to_owned()))
        .bind(bind.to_owned())
        .fetch_one(app.db.reader())
        .await
        .unwrap_or_else(|e| panic!("{sql}: {e}"))
}

/// A family added by Tara: the child, on her care team, and its guardian.
async fn add_family(app: &TestApp, tara: &TestClient, name: &str) -> (Uuid, String) {
    let email = format!("{}.family@example.org", name.to_lowercase());
    let form = [
        ("child_name", name),
        ("caregiver_name", "Pat Parent"),
        ("caregiver_email", email.as_str()),
        ("relationship", "mother"),
        ("access", "guardian"),
    ];
    assert_eq!(tara.post_form("/households", &form).await.status(), 200, "{name}");
    let child = scalar(app, "SELECT child_id FROM child WHERE preferred_name = $1", name).await;
    let guardian = guardian_of(app, &child).await;
    (Uuid::parse_str(&child).unwrap(), guardian)
}

async fn guardian_of(app: &TestApp, child: &str) -> String {
    scalar(
        app,
        "SELECT m.person_id FROM household_member m JOIN child c ON c.clinic_id = m.clinic_id \
         AND c.household_id = m.household_id WHERE c.child_id = $1 AND m.access = 'guardian' \
         ORDER BY m.person_id LIMIT 1",
        child,
    )
    .await
}

/// A plan of one assignment, `times` a week, agreed in a session now.
async fn agreed_plan(tara: &TestClient, child: Uuid, guardian: &str, times: &str) {
    let editor = posted(tara, &format!("/children/{child}/plan/drafts"), &[]).await;
    let version = editor.trim_end_matches("/edit").rsplit('/').next().unwrap().to_owned();
    let base = format!("/children/{child}/plan/{version}");
    let form = [
        ("strategy", "starter:backward-chaining-dressing"),
        ("routines", "dressing"),
        ("times_per_week", times),
    ];
    posted(tara, &format!("{base}/assignments"), &form).await;
    posted(tara, &format!("{base}/agree"), &[("guardian_id", guardian)]).await;
}

/// Live logs of the child's only assignment on these days (written to the
/// table: the log pages are tested elsewhere).
async fn logs_on(app: &TestApp, child: Uuid, guardian: &str, days: &[&str]) {
    let child = child.to_string();
    let assignment =
        scalar(app, "SELECT assignment_id FROM assignment WHERE child_id = $1 LIMIT 1", &child)
            .await;
    let (clinic, household): (String, String) =
        sqlx::query_as("SELECT clinic_id, household_id FROM child WHERE child_id = $1")
            .bind(&child)
            .fetch_one(app.db.reader())
            .await
            .unwrap();
    let mut tx = app.db.begin_write().await.unwrap();
    for day in days {
        sqlx::query(
            "INSERT INTO practice_log (clinic_id, child_id, practice_log_id, assignment_id, household_id, \
             standard_routine, practised_by, practised_on, said_when, response, note, logged_by, created_at, \
             updated_at) VALUES ($1, $2, $3, $4, $5, 'dressing', $6, $7, 'now', 'went_well', '', $6, $8, $8)",
        )
        .bind(&clinic)
        .bind(&child)
        .bind(Uuid::now_v7().to_string())
        .bind(&assignment)
        .bind(&household)
        .bind(guardian)
        .bind(*day)
        .bind(format!("{day}T18:00:00.000000Z"))
        .execute(&mut *tx)
        .await
        .unwrap();
    }
    carryover_store::commit(tx).await.unwrap();
}

/// The five children of the table above, and Leo (Oscar's).
async fn caseload(app: &TestApp) -> Caseload {
    let world = World::build(app).await;
    let tara = world.client(Persona::TeamTherapist);
    let gloria = world.person(Persona::Guardian).person_id.to_string();
    let mia = world.child;
    agreed_plan(tara, mia, &gloria, "5").await;
    let (ben, ben_guardian) = add_family(app, tara, "Ben").await;
    agreed_plan(tara, ben, &ben_guardian, "5").await;
    let (cleo, cleo_guardian) = add_family(app, tara, "Cleo").await;
    agreed_plan(tara, cleo, &cleo_guardian, "3").await;
    add_family(app, tara, "Dev").await;
    let (eve, eve_guardian) = add_family(app, tara, "Eve").await;
    agreed_plan(tara, eve, &eve_guardian, "4").await;
    // Eve's next version is shared and not yet agreed: the agreed one counts.
    let editor = posted(tara, &format!("/children/{eve}/plan/drafts"), &[]).await;
    posted(tara, &editor.replace("/edit", "/share"), &[]).await;

    logs_on(app, mia, &gloria, &["2026-11-03", "2026-11-04", "2026-11-05"]).await;
    logs_on(app, mia, &gloria, &["2026-11-09", "2026-11-10", "2026-11-11", "2026-11-12"]).await;
    logs_on(app, mia, &gloria, &["2026-11-13", "2026-12-01"]).await;
    let weekdays = |monday: u8| (0..5).map(move |d| format!("2026-11-{:02}", monday + d));
    let ben_days: Vec<String> = [2, 9, 16, 23].into_iter().flat_map(weekdays).collect();
    let ben_days: Vec<&str> = ben_days.iter().map(String::as_str).collect();
    logs_on(app, ben, &ben_guardian, &ben_days).await;
    let cleo_days = ["2026-11-03", "2026-11-04", "2026-11-10", "2026-11-23", "2026-11-24"];
    logs_on(app, cleo, &cleo_guardian, &cleo_days).await;
    logs_on(app, cleo, &cleo_guardian, &["2026-11-26", "2026-11-27"]).await;
    let eve_days = ["2026-11-02", "2026-11-03", "2026-11-04", "2026-11-05", "2026-11-09"];
    logs_on(app, eve, &eve_guardian, &eve_days).await;
    logs_on(app, eve, &eve_guardian, &["2026-11-10", "2026-11-11", "2026-11-12", "2026-11-18"])
        .await;

    // Today is Wednesday, December 2: everyone signs in afresh.
    app.clock.set(datetime!(2026-12-02 12:00 UTC));
    for persona in [Persona::TeamTherapist, Persona::Guardian, Persona::OtherTherapist] {
        sign_in_again(app, world.client(persona), &world.person(persona).email).await;
    }
    let gloria = world.client(Persona::Guardian);
    // A reflection that flags the week (hard to fit in), and a message: two waiting.
    let reflect = [("responded", "no"), ("difficulty", "5"), ("need", "keep_going")];
    posted(gloria, &format!("/children/{mia}/reflections"), &reflect).await;
    posted(gloria, &format!("/children/{mia}/messages"), &[("body", "Mornings are hard.")]).await;
    let visit =
        [("date", "2026-12-03"), ("time", "10:00"), ("setting", "home"), ("duration", "60")];
    posted(tara, &format!("/children/{eve}/visits"), &visit).await;
    Caseload { world }
}

/// The rows of the triage table, in order, as HTML.
fn table_rows(html: &str) -> Vec<&str> {
    let rows = html.split("data-testid=\"triage-row\"").skip(1);
    rows.map(|row| row.split("</tr>").next().unwrap()).collect()
}

fn names_in_order(rows: &[&str]) -> Vec<&'static str> {
    rows.iter()
        .map(|row| {
            let name = ORDER.iter().chain(["Leo"].iter()).find(|n| row.contains(&format!(">{n}<")));
            *name.unwrap_or_else(|| panic!("a row of no known child: {row}"))
        })
        .collect()
}

async fn home(client: &TestClient, query: &str) -> String {
    let response = client.get(&format!("/home{query}")).await;
    assert_eq!(response.status(), 200);
    response.text().await.unwrap()
}

async fn the_therapists_home_sorts_the_caseload_by_need_with_the_figures_worked_by_hand(
    backend: Backend,
) {
    let app = spawn_app(backend).await;
    let Caseload { world } = caseload(&app).await;
    let html = home(world.client(Persona::TeamTherapist), "").await;
    let rows = table_rows(&html);
    assert_eq!(names_in_order(&rows), ORDER, "{html}");
    assert!(!html.contains("NaN"), "{html}");
    let [mia, dev, eve, cleo, ben] = rows[..] else { panic!("five rows") };
    // Mia: a flag; last practice Dec 1; 1 of 5 this week; (3+5+0+0)/20 = 40%.
    for words in ["1 open flag", "Yesterday", "1 of 5 this week", "40% over 4 weeks", "2 waiting"] {
        assert!(mia.contains(words), "Mia: {words}: {mia}");
    }
    // The small chart says its numbers: W1 3/5 = 60%, W2 5/5 = 100%, W3 and W4 0%.
    assert!(
        mia.contains(
            "aria-label=\"Mia, practice in each of the last 4 full weeks: 60%, 100%, 0%, 0%\""
        ),
        "{mia}"
    );
    // Dev: no plan, no logs: words, not zeros over zeros.
    for words in ["No practice logged yet", "Nothing planned this week", "No target yet"] {
        assert!(dev.contains(words), "Dev: {words}: {dev}");
    }
    assert!(dev.contains("no target, no target, no target, no target"), "{dev}");
    // Eve: Dec 2 − Nov 18 = 14 days; (4+4+1+0)/16 = 56.25% → 56%; the shared version waits.
    for words in [
        "14 days ago",
        "0 of 4 this week",
        "56% over 4 weeks",
        "Waiting for the family to agree",
        "2026-12-03 10:00 · At home",
    ] {
        assert!(eve.contains(words), "Eve: {words}: {eve}");
    }
    // Cleo: (2+1+0+min(4,3))/12 = 6/12 = 50%; Ben: 20/20 = 100%; both 5 days (Nov 27).
    for words in ["5 days ago", "0 of 3 this week", "50% over 4 weeks"] {
        assert!(cleo.contains(words), "Cleo: {words}: {cleo}");
    }
    for words in ["5 days ago", "0 of 5 this week", "100% over 4 weeks"] {
        assert!(ben.contains(words), "Ben: {words}: {ben}");
    }
    // The next visits stay below the table, and each row leads to its child.
    assert!(html.contains("data-testid=\"next-visit\""), "{html}");
    assert!(mia.contains(&format!("href=\"/children/{}\"", world.child)), "{mia}");
    // In Spanish too.
    let tara = world.client(Persona::TeamTherapist);
    tara.post_form("/lang", &[("lang", "es"), ("next", "/home")]).await;
    let es = home(tara, "").await;
    assert!(es.contains("40 % en 4 semanas") && es.contains("Hace 14 días"), "{es}");
    assert!(es.contains("Todavía no hay práctica anotada"), "{es}");
}

async fn api(client: &TestClient, query: &str) -> (u16, Value) {
    let response = client.get(&format!("/api/v1/triage{query}")).await;
    let status = response.status().as_u16();
    let text = response.text().await.unwrap();
    assert!(!text.contains("NaN"), "{text}");
    (status, serde_json::from_str(&text).unwrap_or(Value::Null))
}

fn api_names(body: &Value) -> Vec<String> {
    body["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["child_name"].as_str().unwrap().to_owned())
        .collect()
}

async fn the_api_answers_the_same_triage_with_numbers_and_no_nan(backend: Backend) {
    let app = spawn_app(backend).await;
    let Caseload { world } = caseload(&app).await;
    let (status, body) = api(world.client(Persona::TeamTherapist), "").await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(api_names(&body), ORDER);
    assert_eq!(body["today"], "2026-12-02");
    let rows = body["rows"].as_array().unwrap();
    let (mia, dev, eve, cleo, ben) = (&rows[0], &rows[1], &rows[2], &rows[3], &rows[4]);
    assert_eq!(mia["days_since_practice"], 1);
    assert_eq!(mia["open_flags"], 1);
    assert_eq!(mia["awaiting_answer"], 2, "the reflection's thread and the child's thread");
    assert_eq!(mia["this_week"], serde_json::json!({"counted": 1, "target": 5, "adherence": 0.2}));
    // 8 of 20 = 0.40.
    assert_eq!(
        mia["four_weeks"],
        serde_json::json!({"counted": 8, "target": 20, "adherence": 0.4})
    );
    let weeks: Vec<(&str, f64)> = mia["weeks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| (w["week_start"].as_str().unwrap(), w["adherence"].as_f64().unwrap()))
        .collect();
    assert_eq!(
        weeks,
        [("2026-11-02", 0.6), ("2026-11-09", 1.0), ("2026-11-16", 0.0), ("2026-11-23", 0.0)]
    );
    // Dev: no logs and no plan: nulls and zero targets, never NaN.
    assert_eq!(dev["days_since_practice"], Value::Null);
    assert_eq!(
        dev["four_weeks"],
        serde_json::json!({"counted": 0, "target": 0, "adherence": null})
    );
    assert_eq!(dev["this_week"]["adherence"], Value::Null);
    assert_eq!(dev["next_visit"], Value::Null);
    // Eve: 9 of 16 = 0.5625 → 0.56; 14 days; the shared version waits; the visit.
    assert_eq!(eve["days_since_practice"], 14);
    assert_eq!(
        eve["four_weeks"],
        serde_json::json!({"counted": 9, "target": 16, "adherence": 0.56})
    );
    assert_eq!(eve["plan_waiting"], true);
    assert_eq!(eve["next_visit"]["local_date"], "2026-12-03");
    assert_eq!(eve["next_visit"]["local_time"], "10:00");
    assert_eq!(eve["next_visit"]["setting"], "home");
    // Cleo: 4 logs in W4 count as 3: (2+1+0+3)/12 = 0.5. Ben: 20/20.
    assert_eq!(
        cleo["four_weeks"],
        serde_json::json!({"counted": 6, "target": 12, "adherence": 0.5})
    );
    assert_eq!(
        ben["four_weeks"],
        serde_json::json!({"counted": 20, "target": 20, "adherence": 1.0})
    );
    assert_eq!(
        (cleo["days_since_practice"].clone(), ben["days_since_practice"].clone()),
        (5.into(), 5.into())
    );
    // An unknown filter is refused at its field, and changes nothing.
    let (status, problem) = api(world.client(Persona::TeamTherapist), "?show=everything").await;
    assert_eq!(status, 422, "{problem}");
    assert!(problem.to_string().contains("show"), "{problem}");
}

async fn the_filters_show_flags_silence_low_practice_and_waiting_answers(backend: Backend) {
    let app = spawn_app(backend).await;
    let Caseload { world } = caseload(&app).await;
    let tara = world.client(Persona::TeamTherapist);
    for (show, expected) in [
        ("flags", vec!["Mia"]),
        // Dev never, Eve 14 days; Cleo and Ben 5 days, Mia 1.
        ("silent", vec!["Dev", "Eve"]),
        // Mia 40%; Cleo's 50% is not below; Dev has no target.
        ("low", vec!["Mia"]),
        ("awaiting", vec!["Mia"]),
        ("all", ORDER.to_vec()),
    ] {
        let html = home(tara, &format!("?show={show}")).await;
        assert_eq!(names_in_order(&table_rows(&html)), expected, "page ?show={show}");
        assert!(html.contains(&format!("<option value=\"{show}\" selected>")), "{html}");
        let (status, body) = api(tara, &format!("?show={show}")).await;
        assert_eq!(status, 200);
        assert_eq!(api_names(&body), expected, "API ?show={show}");
    }
    let html = home(tara, "").await;
    for label in [
        "All children (5)",
        "Open flags (1)",
        "No practice for 7 days or more (2)",
        "Below 50% over 4 weeks (1)",
        "Waiting for your answer (1)",
    ] {
        assert!(html.contains(label), "{label}: {html}");
    }
}

async fn another_therapists_children_never_appear_and_caregivers_get_no_triage(backend: Backend) {
    let app = spawn_app(backend).await;
    let Caseload { world } = caseload(&app).await;
    let tara = home(world.client(Persona::TeamTherapist), "").await;
    assert!(!tara.contains("Leo"), "Leo is Oscar's: {tara}");
    let oscar = world.client(Persona::OtherTherapist);
    let html = home(oscar, "").await;
    assert_eq!(names_in_order(&table_rows(&html)), ["Leo"]);
    // Leo has no plan and no logs: the empty states, in words.
    assert!(html.contains("No practice logged yet") && html.contains("No target yet"), "{html}");
    let (_, body) = api(oscar, "").await;
    assert_eq!(api_names(&body), ["Leo"]);
    // An admin sees the children whose care team they are on: none here.
    let admin = world.client(Persona::Admin);
    sign_in_again(&app, admin, &world.person(Persona::Admin).email).await;
    let (status, body) = api(admin, "").await;
    assert_eq!((status, api_names(&body).len()), (200, 0));
    // Caregivers have no triage at all.
    let (status, _) = api(world.client(Persona::Guardian), "").await;
    assert_eq!(status, 404);
}
