//! The admin's clinic page and its API twin (issue 14) on fixed data, with
//! every figure worked out by hand; an empty period; bad periods; nobody but
//! the clinic's admins. The caregiver's encouragement is in `encouragement`.
//!
//! The clinic (UTC): Mia's and Leo's plans, one strategy 5 times a week each,
//! agreed on Monday, November 2, 2026; a third family (Nora) with no plan.
//! Today is Monday, November 16; the period is November 2–15: two weeks.

use carryover_store::Backend;
use serde_json::Value;
use time::macros::datetime;
use uuid::Uuid;

use crate::goal_measures::page;
use crate::helpers::{TestApp, TestClient, on_both_databases, spawn_app};
use crate::plan_world::{add_goal, scale_form};
use crate::world::{Persona, World, sign_in_again};

pub(crate) async fn post_ok(client: &TestClient, path: &str, form: &[(&str, &str)]) -> String {
    let response = client.post_form(path, form).await;
    let status = response.status();
    let location = response.headers().get("location").map(|l| l.to_str().unwrap().to_owned());
    assert_eq!(status, 303, "POST {path}: {}", response.text().await.unwrap());
    location.unwrap_or_default()
}

/// The child's plan of one strategy (5 a week) for `goal`, agreed now with
/// the guardian present. Returns the assignment.
pub(crate) async fn agreed_plan(
    app: &TestApp,
    world: &World,
    child: Uuid,
    team: Persona,
    guardian: Persona,
    goal: Uuid,
) -> Uuid {
    let client = world.client(team);
    let editor = post_ok(client, &format!("/children/{child}/plan/drafts"), &[]).await;
    let version = editor.trim_end_matches("/edit").rsplit('/').next().unwrap().to_owned();
    let goal = goal.to_string();
    let form = [
        ("strategy", "starter:backward-chaining-dressing"),
        ("routines", "dressing"),
        ("times_per_week", "5"),
        ("goals", goal.as_str()),
    ];
    post_ok(client, &format!("/children/{child}/plan/{version}/assignments"), &form).await;
    let guardian = world.person(guardian).person_id.to_string();
    let agree = format!("/children/{child}/plan/{version}/agree");
    post_ok(client, &agree, &[("guardian_id", &guardian)]).await;
    let assignment: String = sqlx::query_scalar(
        "SELECT assignment_id FROM assignment WHERE child_id = $1 AND plan_version_id = $2",
    )
    .bind(child.to_string())
    .bind(version)
    .fetch_one(app.db.reader())
    .await
    .unwrap();
    Uuid::parse_str(&assignment).unwrap()
}

/// `n` practices of `assignment` on `day`, by the guardian, straight into the table.
pub(crate) async fn practised(
    app: &TestApp,
    world: &World,
    child: Uuid,
    assignment: Uuid,
    guardian: Persona,
    day: &str,
    n: usize,
) {
    let by = world.person(guardian);
    let household: String =
        sqlx::query_scalar("SELECT household_id FROM child WHERE child_id = $1")
            .bind(child.to_string())
            .fetch_one(app.db.reader())
            .await
            .unwrap();
    let at = format!("{day}T09:00:00.000000Z");
    let mut tx = app.db.begin_write().await.unwrap();
    for _ in 0..n {
        sqlx::query(
            "INSERT INTO practice_log (clinic_id, child_id, practice_log_id, assignment_id, household_id, \
             standard_routine, practised_by, practised_on, said_when, response, note, logged_by, created_at, \
             updated_at) VALUES ($1, $2, $3, $4, $5, 'dressing', $6, $7, 'now', 'went_well', '', $6, $8, $8)",
        )
        .bind(by.clinic_id.to_string())
        .bind(child.to_string())
        .bind(Uuid::now_v7().to_string())
        .bind(assignment.to_string())
        .bind(&household)
        .bind(by.person_id.to_string())
        .bind(day)
        .bind(&at)
        .execute(&mut *tx)
        .await
        .unwrap();
    }
    carryover_store::commit(tx).await.unwrap();
}

fn the_child(world: &World, team: Persona) -> Uuid {
    if team == Persona::TeamTherapist { world.child } else { world.other_child }
}

async fn scaled(app: &TestApp, world: &World, team: Persona, words: &str) -> Uuid {
    let child = the_child(world, team);
    let goal = add_goal(app, world.client(team), child, words).await;
    post_ok(world.client(team), &format!("/children/{child}/goals/{goal}/gas"), &scale_form())
        .await;
    goal
}

async fn rate(world: &World, team: Persona, goal: Uuid, on: &str, level: &str) {
    let child = the_child(world, team);
    let path = format!("/children/{child}/goals/{goal}/gas/ratings");
    post_ok(world.client(team), &path, &[("rated_on", on), ("level", level)]).await;
}

/// A COPM occasion: (goal, importance, performance, satisfaction).
async fn copm(world: &World, team: Persona, on: &str, rows: &[(Uuid, &str, &str, &str)]) {
    let mut form =
        vec![("rated_on".to_owned(), on.to_owned()), ("respondent".into(), "caregiver".into())];
    for (goal, importance, performance, satisfaction) in rows {
        form.push((format!("importance-{goal}"), (*importance).into()));
        form.push((format!("performance-{goal}"), (*performance).into()));
        form.push((format!("satisfaction-{goal}"), (*satisfaction).into()));
    }
    let pairs: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    post_ok(world.client(team), &format!("/children/{}/copm", the_child(world, team)), &pairs)
        .await;
}

/// Saves through a visit record's form, from the record's current revision.
async fn save(
    app: &TestApp,
    client: &TestClient,
    record: &str,
    suffix: &str,
    form: &[(&str, &str)],
) {
    let id = record.rsplit('/').next().unwrap();
    let rev: i64 =
        sqlx::query_scalar("SELECT revision FROM coaching_session WHERE coaching_session_id = $1")
            .bind(id)
            .fetch_one(app.db.reader())
            .await
            .unwrap();
    let rev = rev.to_string();
    let mut form = form.to_vec();
    form.push(("revision", &rev));
    post_ok(client, &format!("{record}{suffix}"), &form).await;
}

/// A visit record held on `date` with the steps not in `skip`, ended
/// without the guardian (so no new plan is agreed).
async fn visit(app: &TestApp, world: &World, team: Persona, date: &str, skip: &[&str]) {
    let client = world.client(team);
    let child = the_child(world, team);
    let record = post_ok(client, &format!("/children/{child}/sessions"), &[]).await;
    let when = [("date", date), ("time", "10:00"), ("duration", "45"), ("setting", "home")];
    save(app, client, &record, "/visit", &when).await;
    if !skip.contains(&"joint_plan") {
        save(app, client, &record, "/field", &[("field", "since_last"), ("text", "A good week")])
            .await;
    }
    if !skip.contains(&"observation") {
        save(app, client, &record, "/entries", &[("kind", "observed"), ("notes", "Watched her")])
            .await;
    }
    if !skip.contains(&"action") {
        save(app, client, &record, "/entries", &[("kind", "action"), ("notes", "Practised twice")])
            .await;
    }
    if !skip.contains(&"reflection") {
        let form = [("kind", "reflection"), ("question", "What was hard?"), ("notes", "Shoes")];
        save(app, client, &record, "/entries", &form).await;
    }
    if !skip.contains(&"feedback") {
        save(app, client, &record, "/field", &[("field", "suggested"), ("text", "Try the timer")])
            .await;
    }
    save(app, client, &record, "/end", &[("guardian_id", "")]).await;
}

async fn json(client: &TestClient, path: &str) -> (u16, Value) {
    let response = client.get(path).await;
    let status = response.status().as_u16();
    (status, response.json().await.unwrap_or(Value::Null))
}

/// The clinic's fixed data (see the module's comment).
async fn clinic(app: &TestApp, world: &World) {
    let (tara, oscar) = (Persona::TeamTherapist, Persona::OtherTherapist);
    let (mia, leo) = (world.child, world.other_child);
    // Monday, November 2: goals, scales (baseline −1, unweighted) and the plans.
    let [m1, m2] =
        [scaled(app, world, tara, "Puts on socks").await, scaled(app, world, tara, "Zips").await];
    let m3 = add_goal(app, world.client(tara), mia, "Brushes teeth").await;
    let l1 = scaled(app, world, oscar, "Puts on shoes").await;
    let l2 = add_goal(app, world.client(oscar), leo, "Eats with a spoon").await;
    let a_mia = agreed_plan(app, world, mia, tara, Persona::Guardian, m1).await;
    let a_leo = agreed_plan(app, world, leo, oscar, Persona::OtherGuardian, l1).await;
    let nora = [
        ("child_name", "Nora"),
        ("caregiver_name", "Nadia New"),
        ("caregiver_email", "nadia@example.org"),
        ("relationship", "mother"),
        ("access", "guardian"),
    ];
    assert_eq!(world.client(tara).post_form("/households", &nora).await.status(), 200);

    // Practice. Mia: 2 in the first week, 1 in the second; Leo: 5, then 7.
    let g = (Persona::Guardian, Persona::OtherGuardian);
    practised(app, world, mia, a_mia, g.0, "2026-11-03", 2).await;
    practised(app, world, mia, a_mia, g.0, "2026-11-12", 1).await;
    practised(app, world, leo, a_leo, g.1, "2026-11-04", 5).await;
    practised(app, world, leo, a_leo, g.1, "2026-11-10", 7).await;
    // Today, the 16th: a third week, outside the period.
    practised(app, world, mia, a_mia, g.0, "2026-11-16", 4).await;

    app.clock.set(datetime!(2026-11-16 10:00 UTC));
    for staff in [tara, oscar, Persona::Admin] {
        sign_in_again(app, world.client(staff), &world.person(staff).email).await;
    }
    // Visits. Tara: all five on the 3rd; joint plan and action only on the
    // 10th; all five on October 27, before the period. Oscar: all but
    // observation on the 12th.
    visit(app, world, tara, "2026-11-03", &[]).await;
    visit(app, world, tara, "2026-11-10", &["observation", "reflection", "feedback"]).await;
    visit(app, world, tara, "2026-10-27", &[]).await;
    visit(app, world, oscar, "2026-11-12", &["observation"]).await;

    // COPM (threshold 2).
    copm(
        world,
        tara,
        "2026-10-05",
        &[(m1, "8", "3", "2"), (m2, "6", "4", "4"), (m3, "5", "2", "2")],
    )
    .await;
    copm(world, tara, "2026-10-20", &[(m3, "5", "6", "6")]).await;
    copm(world, tara, "2026-11-09", &[(m1, "8", "5", "3"), (m2, "6", "5", "5")]).await;
    copm(world, oscar, "2026-10-05", &[(l1, "7", "2", "2")]).await;
    copm(world, oscar, "2026-11-10", &[(l1, "7", "3", "5"), (l2, "4", "3", "3")]).await;

    // GAS, the therapists' ratings. Mia's +1 (socks) and 0 (zips) in the
    // period; a −1 of October 20 is before it. Leo's 0.
    rate(world, tara, m1, "2026-10-20", "-1").await;
    rate(world, tara, m1, "2026-11-09", "+1").await;
    rate(world, tara, m2, "2026-11-09", "0").await;
    rate(world, oscar, l1, "2026-11-12", "0").await;
}

async fn the_clinic_page_and_its_api_show_every_figure_worked_out_by_hand(backend: Backend) {
    let app = spawn_app(backend).await;
    let world = World::build(&app).await;
    clinic(&app, &world).await;
    let admin = world.client(Persona::Admin);
    let period = "from=2026-11-02&to=2026-11-15";

    let (status, m) = json(admin, &format!("/api/v1/clinic/metrics?{period}")).await;
    assert_eq!(status, 200, "{m}");
    assert_eq!((m["from"].clone(), m["to"].clone()), ("2026-11-02".into(), "2026-11-15".into()));
    // Mia's and Leo's households; Nora has no plan.
    assert_eq!(m["active_households"], 2, "{m}");
    // Weeks of November 2 and 9. Mia: min(2, 5) + min(1, 5) = 3 of 10 = 30%;
    // Leo: min(5, 5) + min(7, 5) = 10 of 10 = 100%. The median: (30 + 100) ÷ 2 = 65%.
    assert_eq!(m["adherence"]["weeks"], 2);
    let counts: Vec<(String, u64)> = m["adherence"]["buckets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| (b["bucket"].as_str().unwrap().to_owned(), b["households"].as_u64().unwrap()))
        .collect();
    let want = [("0_24", 0), ("25_49", 1), ("50_74", 0), ("75_100", 1), ("no_target", 0)];
    assert_eq!(counts, want.map(|(b, n)| (b.to_owned(), n)).to_vec());
    assert_eq!(m["adherence"]["median_percent"], 65);
    // Oscar Offteam: 1 visit, 4 of 5 steps = 80%, none with all five.
    // Tara Team: 2 visits, (5 + 2) ÷ 10 = 70%, 1 with all five (October 27 is outside).
    let f = &m["fidelity"];
    assert_eq!(f.as_array().unwrap().len(), 2, "{f}");
    assert_eq!((f[0]["name"].clone(), f[0]["visits"].clone()), ("Oscar Offteam".into(), 1.into()));
    assert_eq!(
        (f[0]["average_steps_percent"].clone(), f[0]["all_five"].clone()),
        (80.into(), 0.into())
    );
    assert_eq!((f[1]["name"].clone(), f[1]["visits"].clone()), ("Tara Team".into(), 2.into()));
    assert_eq!(
        (f[1]["average_steps_percent"].clone(), f[1]["all_five"].clone()),
        (70.into(), 1.into())
    );
    // Re-rated in the period: socks 3 → 5 performance (+2: important), zips
    // 4 → 5 and 4 → 5 (not), shoes satisfaction 2 → 5 (+3: important).
    // Teeth was last re-rated October 20; spoon rated once. 2 of 3 = 67%.
    let copm = &m["copm"];
    assert_eq!((copm["goals_rerated"].clone(), copm["important"].clone()), (3.into(), 2.into()));
    assert_eq!((copm["percent"].clone(), copm["threshold"].clone()), (67.into(), 2.into()));
    // Mia over socks and zips: baseline T = 50 − 10·2 ÷ √(0.7·2 + 0.3·4) =
    // 50 − 20 ÷ √2.6 = 37.60; latest (+1, 0): 50 + 10 ÷ √2.6 = 56.20; +18.60.
    // Leo over shoes: 40.00 → 50.00, +10.00. Mean (18.60 + 10.00) ÷ 2 = 14.30.
    assert_eq!(m["gas"]["children"], 2);
    assert_eq!(m["gas"]["average_change"], 14.3);

    // The page says the same, in words and a chart with its table.
    let html = page(admin, &format!("/clinic/metrics?{period}")).await;
    for words in [
        "From November 2, 2026 to November 15, 2026",
        "2 active households",
        "Median: 65% of the practice asked.",
        r#"<th scope="row">25–49%</th><td>1</td>"#,
        r#"<th scope="row">75–100%</th><td>1</td>"#,
        "2 households had practice asked; the middle one did 65% of it.",
        "<td>2</td><td>70%</td><td>1 of 2</td>",
        "<td>1</td><td>80%</td><td>0 of 1</td>",
        "2 of 3 re-rated goals (67%) had a clinically important change.",
        "performance or satisfaction went up by at least 2 points",
        "The T-score changed by +14.30 on average, over 2 children.",
    ] {
        assert!(html.contains(words), "{words}: {html}");
    }
    assert!(html.contains(r#"aria-labelledby="clinic-adherence-title clinic-adherence-summary""#));
    assert!(!html.contains("NaN") && !html.contains("inf"), "{html}");

    // Leo leaves today: for a period ending yesterday his household was still
    // active; for the default period (12 weeks to today, 13 Mondays from
    // August 24) only Mia's is. Her weeks of November 2, 9 and 16 ask for 15;
    // she did 2 + 1 + 4 = 7 → 7 of 15 = 47%.
    let discharge = [("discharged_on", "2026-11-16"), ("reason", "goals_met")];
    post_ok(
        world.client(Persona::OtherTherapist),
        &format!("/children/{}/discharge", world.other_child),
        &discharge,
    )
    .await;
    let (_, before) = json(admin, &format!("/api/v1/clinic/metrics?{period}")).await;
    assert_eq!(before["active_households"], 2);
    let (_, now) = json(admin, "/api/v1/clinic/metrics").await;
    assert_eq!(
        (now["from"].clone(), now["to"].clone()),
        ("2026-08-25".into(), "2026-11-16".into())
    );
    assert_eq!(
        (now["active_households"].clone(), now["adherence"]["weeks"].clone()),
        (1.into(), 13.into())
    );
    assert_eq!(now["adherence"]["median_percent"], 47);
    assert_eq!(now["adherence"]["buckets"][1]["households"], 1, "{now}");
}

async fn an_empty_period_says_so_in_words_and_has_no_nan(backend: Backend) {
    let app = spawn_app(backend).await;
    let world = World::build(&app).await;
    let admin = world.client(Persona::Admin);
    let (status, m) = json(admin, "/api/v1/clinic/metrics?from=2026-01-05&to=2026-01-11").await;
    assert_eq!(status, 200);
    assert_eq!(m["active_households"], 0);
    assert_eq!(m["adherence"]["median_percent"], Value::Null);
    assert_eq!(m["fidelity"], Value::Array(Vec::new()));
    assert_eq!(
        (m["copm"]["percent"].clone(), m["gas"]["average_change"].clone()),
        (Value::Null, Value::Null)
    );
    let html = page(admin, "/clinic/metrics?from=2026-01-05&to=2026-01-11").await;
    for words in [
        "0 active households",
        "No active households in this period.",
        "No median: no household had practice asked",
        "No visits were held in this period.",
        "No goal was re-rated in this period.",
        "No child has a GAS rating from a therapist in this period.",
    ] {
        assert!(html.contains(words), "{words}: {html}");
    }
    assert!(!html.contains("NaN") && !html.contains("<svg"), "nothing to draw: {html}");
    // The admin of another clinic sees their own clinic: nothing of this one.
    let (status, foreign) =
        json(world.client(Persona::ForeignAdmin), "/api/v1/clinic/metrics").await;
    assert_eq!((status, foreign["active_households"].clone()), (200, 0.into()));
}

async fn a_period_that_cannot_be_read_is_refused_at_its_field(backend: Backend) {
    let app = spawn_app(backend).await;
    let world = World::build(&app).await;
    let admin = world.client(Persona::Admin);
    // Today is November 2, 2026.
    for query in ["from=2026-13-01", "from=2026-11-02&to=2026-10-01", "to=2026-12-01"] {
        let response = admin.get(&format!("/clinic/metrics?{query}")).await;
        assert_eq!(response.status(), 422, "{query}");
        let html = response.text().await.unwrap();
        assert!(html.contains("field-error"), "{query}: {html}");
        let api = admin.get(&format!("/api/v1/clinic/metrics?{query}")).await;
        assert_eq!(api.status(), 422, "{query}");
    }
}

async fn only_the_clinics_admins_see_it_and_each_look_leaves_one_row(backend: Backend) {
    let app = spawn_app(backend).await;
    let world = World::build(&app).await;
    for persona in
        [Persona::TeamTherapist, Persona::OtherTherapist, Persona::Guardian, Persona::Helper]
    {
        for path in ["/clinic/metrics", "/api/v1/clinic/metrics"] {
            assert_eq!(world.client(persona).get(path).await.status(), 404, "{persona:?} {path}");
        }
    }
    let before = app.audit_count("resource_type = 'clinic_metrics'").await;
    page(world.client(Persona::Admin), "/clinic/metrics").await;
    let rows = "resource_type = 'clinic_metrics' AND action = 'view' AND child_id IS NULL";
    assert_eq!(app.audit_count(rows).await, before + 1, "one row, naming no child");
    // The admin's menu links to it.
    let home = page(world.client(Persona::Admin), "/home").await;
    assert!(home.contains(r#"href="/clinic/metrics""#));
    let therapist = page(world.client(Persona::TeamTherapist), "/home").await;
    assert!(!therapist.contains(r#"href="/clinic/metrics""#));
}

on_both_databases!(
    the_clinic_page_and_its_api_show_every_figure_worked_out_by_hand,
    an_empty_period_says_so_in_words_and_has_no_nan,
    a_period_that_cannot_be_read_is_refused_at_its_field,
    only_the_clinics_admins_see_it_and_each_look_leaves_one_row,
);
