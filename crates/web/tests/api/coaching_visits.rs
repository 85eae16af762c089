//! Coaching visits through the pages (issue 13): a five-step visit ended
//! with the guardian's agreement, fidelity against a hand count, saving as
//! the therapist goes with the stale-save rule, the note of a visit with
//! steps missing, signing and addenda, and bad input refused at the field.

use carryover_store::Backend;
use uuid::Uuid;

use crate::goal_measures::page;
use crate::helpers::{TestApp, TestClient, on_both_databases, spawn_app};
use crate::plan_world::add_goal;
use crate::world::{Persona, World};

async fn post_ok(client: &TestClient, path: &str, form: &[(&str, &str)]) -> String {
    let response = client.post_form(path, form).await;
    let status = response.status();
    let location = response.headers().get("location").map(|l| l.to_str().unwrap().to_owned());
    assert_eq!(status, 303, "POST {path}: {}", response.text().await.unwrap());
    location.unwrap_or_default()
}

/// A child with an agreed plan of one strategy (backward chaining) and a
/// goal: what a visit starts from. Returns (goal, assignment).
async fn agreed_plan(
    app: &TestApp,
    world: &World,
    child: Uuid,
    team: Persona,
    guardian: Persona,
) -> (Uuid, Uuid) {
    let client = world.client(team);
    let goal = add_goal(app, client, child, "Puts on socks by herself").await;
    let editor = post_ok(client, &format!("/children/{child}/plan/drafts"), &[]).await;
    let version = editor.trim_end_matches("/edit").rsplit('/').next().unwrap().to_owned();
    let goal_text = goal.to_string();
    let form = [
        ("strategy", "starter:backward-chaining-dressing"),
        ("routines", "dressing"),
        ("times_per_week", "5"),
        ("goals", goal_text.as_str()),
    ];
    post_ok(client, &format!("/children/{child}/plan/{version}/assignments"), &form).await;
    let guardian_id = world.person(guardian).person_id.to_string();
    post_ok(
        client,
        &format!("/children/{child}/plan/{version}/agree"),
        &[("guardian_id", &guardian_id)],
    )
    .await;
    let assignment: String = sqlx::query_scalar(
        "SELECT assignment_id FROM assignment WHERE child_id = $1 AND plan_version_id = $2",
    )
    .bind(child.to_string())
    .bind(version)
    .fetch_one(app.db.reader())
    .await
    .unwrap();
    (goal, Uuid::parse_str(&assignment).unwrap())
}

/// Starts the child's visit record; returns its path.
async fn start(world: &World, child: Uuid) -> String {
    post_ok(world.client(Persona::TeamTherapist), &format!("/children/{child}/sessions"), &[]).await
}

async fn revision(app: &TestApp, record: &str) -> i64 {
    let id = record.rsplit('/').next().unwrap();
    sqlx::query_scalar("SELECT revision FROM coaching_session WHERE coaching_session_id = $1")
        .bind(id)
        .fetch_one(app.db.reader())
        .await
        .unwrap()
}

/// Saves through a record's form, from the record's current revision.
async fn save(
    app: &TestApp,
    client: &TestClient,
    record: &str,
    suffix: &str,
    form: &[(&str, &str)],
) {
    let rev = revision(app, record).await.to_string();
    let mut form = form.to_vec();
    form.push(("revision", &rev));
    post_ok(client, &format!("{record}{suffix}"), &form).await;
}

async fn a_five_step_visit_ends_with_the_guardians_agreement_and_the_family_sees_the_new_plan_at_once(
    backend: Backend,
) {
    let app = spawn_app(backend).await;
    let world = World::build(&app).await;
    let (goal, assignment) =
        agreed_plan(&app, &world, world.child, Persona::TeamTherapist, Persona::Guardian).await;
    let team = world.client(Persona::TeamTherapist);
    let record = start(&world, world.child).await;
    let (goal, assignment) = (goal.to_string(), assignment.to_string());
    let guardian = world.person(Persona::Guardian).person_id.to_string();

    save(&app, team, &record, "/attendees", &[("ids", &guardian)]).await;
    save(
        &app,
        team,
        &record,
        "/field",
        &[("field", "since_last"), ("text", "Mornings went better")],
    )
    .await;
    save(&app, team, &record, "/goals", &[("ids", &goal)]).await;
    let modelled = [
        ("kind", "modelled"),
        ("strategy", &assignment),
        ("routine", "dressing"),
        ("notes", "Showed the last step first"),
    ];
    save(&app, team, &record, "/entries", &modelled).await;
    let action = [
        ("kind", "action"),
        ("strategy", &assignment),
        ("routine", "dressing"),
        ("notes", "She pulled the sock up"),
        ("confidence", "7"),
    ];
    save(&app, team, &record, "/entries", &action).await;
    let reflection =
        [("kind", "reflection"), ("question", "What worked?"), ("notes", "Waiting for her")];
    save(&app, team, &record, "/entries", &reflection).await;
    save(&app, team, &record, "/field", &[("field", "affirmed"), ("text", "You waited for her")])
        .await;
    let change = [
        ("kind", "modification"),
        ("strategy", &assignment),
        ("notes", "Start with socks only"),
        ("reason", "shoes are too hard yet"),
    ];
    save(&app, team, &record, "/entries", &change).await;

    let html = page(team, &record).await;
    assert!(html.contains("All five steps are written down."), "{html}");

    let ending = page(team, &format!("{record}/end")).await;
    assert!(ending.contains("Start with socks only"), "{ending}");
    let rev = revision(&app, &record).await.to_string();
    let note =
        post_ok(team, &format!("{record}/end"), &[("guardian_id", &guardian), ("revision", &rev)])
            .await;
    assert!(note.ends_with("/note"), "{note}");

    // Agreed in the visit: the helper's plan page shows the new version at once.
    let plan =
        page(world.client(Persona::Helper), &format!("/children/{}/plan", world.child)).await;
    assert!(plan.contains("Start with socks only (shoes are too hard yet)"), "{plan}");
    // … and the caregiver's home ("This week") practises the new version.
    let home = page(world.client(Persona::Guardian), &format!("/home?child={}", world.child)).await;
    assert!(home.contains("Start with socks only (shoes are too hard yet)"), "{home}");
    let agreed: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM plan_version WHERE child_id = $1 AND agreed_where = 'in_session'",
    )
    .bind(world.child.to_string())
    .fetch_one(app.db.reader())
    .await
    .unwrap();
    assert_eq!(agreed, 2, "the first version and the one the visit ended with");
    // The helper sees no visits.
    assert_eq!(
        world
            .client(Persona::Helper)
            .get(&format!("/children/{}/visits", world.child))
            .await
            .status(),
        404
    );
    assert_eq!(world.client(Persona::Helper).get(&record).await.status(), 404);
}

/// A visit on `date` through the forms: every step but those in `skip`,
/// with an empty reflection entry when reflection is skipped (an empty
/// step does not count). Ends without agreement.
async fn visit_on(app: &TestApp, world: &World, assignment: &str, date: &str, skip: &[&str]) {
    let team = world.client(Persona::TeamTherapist);
    let record = start(world, world.child).await;
    save(
        app,
        team,
        &record,
        "/visit",
        &[("date", date), ("time", "10:00"), ("duration", "45"), ("setting", "home")],
    )
    .await;
    if !skip.contains(&"joint_plan") {
        save(app, team, &record, "/field", &[("field", "since_last"), ("text", "A good week")])
            .await;
    }
    if !skip.contains(&"observation") {
        save(
            app,
            team,
            &record,
            "/entries",
            &[("kind", "observed"), ("strategy", assignment), ("notes", "Watched her wait")],
        )
        .await;
    }
    if !skip.contains(&"action") {
        save(app, team, &record, "/entries", &[("kind", "action"), ("notes", "Practiced twice")])
            .await;
    }
    if skip.contains(&"reflection") {
        save(
            app,
            team,
            &record,
            "/entries",
            &[("kind", "reflection"), ("question", "What was hard?"), ("notes", "  ")],
        )
        .await;
    } else {
        save(
            app,
            team,
            &record,
            "/entries",
            &[
                ("kind", "reflection"),
                ("question", "What was hard?"),
                ("notes", "Getting out the door"),
            ],
        )
        .await;
    }
    if !skip.contains(&"feedback") {
        save(app, team, &record, "/field", &[("field", "suggested"), ("text", "Try the timer")])
            .await;
    }
    let rev = revision(app, &record).await.to_string();
    post_ok(team, &format!("{record}/end"), &[("guardian_id", ""), ("revision", &rev)]).await;
}

async fn fidelity_equals_a_hand_count_and_an_empty_step_does_not_count(backend: Backend) {
    let app = spawn_app(backend).await;
    let world = World::build(&app).await;
    let (_, assignment) =
        agreed_plan(&app, &world, world.child, Persona::TeamTherapist, Persona::Guardian).await;
    let a = assignment.to_string();
    // Today is 2026-11-02. Four weeks: 2026-10-06 to today; twelve weeks: from 2026-08-11.
    visit_on(&app, &world, &a, "2026-11-02", &[]).await; // 4 and 12 weeks, all five
    visit_on(&app, &world, &a, "2026-10-26", &["reflection"]).await; // 4 and 12, four steps (empty reflection)
    visit_on(&app, &world, &a, "2026-10-06", &[]).await; // the 28th day back: 4 and 12, all five
    visit_on(&app, &world, &a, "2026-09-15", &[]).await; // 12 weeks only, all five
    visit_on(&app, &world, &a, "2026-09-01", &["observation"]).await; // 12 weeks only, four steps
    visit_on(&app, &world, &a, "2026-08-10", &[]).await; // 85 days back: in neither
    // By hand: 4 weeks, 2 of 3 with all five = 67%; 12 weeks, 3 of 5 = 60%.
    let mine = page(world.client(Persona::TeamTherapist), "/fidelity").await;
    assert!(mine.contains("67% (2 of 3 visits)"), "{mine}");
    assert!(mine.contains("60% (3 of 5 visits)"), "{mine}");
    let admin = page(world.client(Persona::Admin), "/admin/fidelity").await;
    assert!(
        admin.contains("67% (2 of 3 visits)") && admin.contains("60% (3 of 5 visits)"),
        "{admin}"
    );
    assert_eq!(world.client(Persona::TeamTherapist).get("/admin/fidelity").await.status(), 404);
}

async fn a_saved_field_survives_a_reload_and_a_stale_save_loses_nothing(backend: Backend) {
    let app = spawn_app(backend).await;
    let world = World::build(&app).await;
    let team = world.client(Persona::TeamTherapist);
    let record = start(&world, world.child).await;
    let from = revision(&app, &record).await.to_string();
    // Two tabs start from the same revision.
    let first = [("field", "agenda"), ("text", "Bedtime first"), ("revision", from.as_str())];
    post_ok(team, &format!("{record}/field"), &first).await;
    let reloaded = page(team, &record).await;
    assert!(reloaded.contains("Bedtime first"), "the saved field survives a reload: {reloaded}");

    let second = [("field", "agenda"), ("text", "Mealtime first"), ("revision", from.as_str())];
    let stale = team.post_form(&format!("{record}/field"), &second).await;
    assert_eq!(stale.status(), 409);
    let html = stale.text().await.unwrap();
    assert!(html.contains("saved in another tab or device first"), "{html}");
    assert!(
        html.contains("Bedtime first") && html.contains("Mealtime first"),
        "both texts: {html}"
    );
    let again = page(team, &record).await;
    assert!(
        again.contains("Bedtime first") && again.contains("Mealtime first"),
        "kept after reload"
    );
}

async fn a_note_names_missing_steps_without_empty_headings_and_a_signed_note_only_takes_addenda(
    backend: Backend,
) {
    let app = spawn_app(backend).await;
    let world = World::build(&app).await;
    let (_, assignment) =
        agreed_plan(&app, &world, world.child, Persona::TeamTherapist, Persona::Guardian).await;
    let team = world.client(Persona::TeamTherapist);
    let record = start(&world, world.child).await;
    save(&app, team, &record, "/field", &[("field", "since_last"), ("text", "Bath was calm")])
        .await;
    let a = assignment.to_string();
    save(
        &app,
        team,
        &record,
        "/entries",
        &[("kind", "action"), ("strategy", &a), ("notes", "Did it alone")],
    )
    .await;
    save(
        &app,
        team,
        &record,
        "/field",
        &[("field", "information"), ("text", "A handout on routines")],
    )
    .await;
    let rev = revision(&app, &record).await.to_string();
    post_ok(team, &format!("{record}/end"), &[("guardian_id", ""), ("revision", &rev)]).await;

    let note = page(team, &format!("{record}/note")).await;
    assert!(note.contains("Steps not written down: Observation, Reflection."), "{note}");
    assert!(
        !note.contains("<h2>Observation</h2>") && !note.contains("<h2>Reflection</h2>"),
        "{note}"
    );
    assert!(
        note.contains("<h2>Joint plan review</h2>") && note.contains("<h2>Action</h2>"),
        "{note}"
    );
    let text = team.get(&format!("{record}/note.txt")).await.text().await.unwrap();
    assert!(
        text.contains("Steps not written down: Observation, Reflection.")
            && !text.contains("OBSERVATION"),
        "{text}"
    );

    post_ok(team, &format!("{record}/sign"), &[]).await;
    let rev = revision(&app, &record).await.to_string();
    let edit = team
        .post_form(
            &format!("{record}/field"),
            &[("field", "information"), ("text", "Changed"), ("revision", &rev)],
        )
        .await;
    assert_eq!(edit.status(), 409, "a signed note refuses edits");
    post_ok(
        team,
        &format!("{record}/addenda"),
        &[("text", "Mother called: it worked at bedtime too.")],
    )
    .await;
    let signed = page(team, &format!("{record}/note")).await;
    assert!(signed.contains("Signed by Tara Team"), "{signed}");
    assert!(
        signed.contains("Added by Tara Team on") && signed.contains("it worked at bedtime too"),
        "{signed}"
    );
    assert!(signed.contains("A handout on routines") && !signed.contains("Changed"), "{signed}");
}

async fn bad_input_gets_a_message_at_the_field_and_changes_nothing(backend: Backend) {
    let app = spawn_app(backend).await;
    let world = World::build(&app).await;
    let (_, own) =
        agreed_plan(&app, &world, world.child, Persona::TeamTherapist, Persona::Guardian).await;
    let (other_goal, other) = agreed_plan(
        &app,
        &world,
        world.other_child,
        Persona::OtherTherapist,
        Persona::OtherGuardian,
    )
    .await;
    let team = world.client(Persona::TeamTherapist);
    let visits = format!("/children/{}/visits", world.child);
    let refused = |form: Vec<(&'static str, String)>, path: String, message: &'static str| async move {
        let pairs: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let response = team.post_form(&path, &pairs).await;
        assert_eq!(response.status(), 422, "{path} {form:?}");
        let html = response.text().await.unwrap();
        assert!(html.contains(message), "{message}: {html}");
    };
    let visit = |date: &str, duration: &str| {
        vec![
            ("date", date.to_owned()),
            ("time", "10:00".to_owned()),
            ("setting", "home".to_owned()),
            ("duration", duration.to_owned()),
        ]
    };
    refused(visit("2026-11-09", "-5"), visits.clone(), "This number is outside the range shown.")
        .await;
    refused(visit("3000-01-01", "60"), visits.clone(), "Pick a date within the next year.").await;
    let planned: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM scheduled_visit")
        .fetch_one(app.db.reader())
        .await
        .unwrap();
    assert_eq!(planned, 0);

    let record = start(&world, world.child).await;
    let rev = revision(&app, &record).await.to_string();
    let entry = |kind: &str, strategy: String, confidence: &str| {
        vec![
            ("kind", kind.to_owned()),
            ("strategy", strategy),
            ("notes", "Half a note".to_owned()),
            ("confidence", confidence.to_owned()),
            ("revision", rev.clone()),
        ]
    };
    let entries = format!("{record}/entries");
    refused(
        entry("action", other.to_string(), "5"),
        entries.clone(),
        "This strategy is not in this child",
    )
    .await;
    refused(
        entry("action", own.to_string(), "11"),
        entries.clone(),
        "This number is outside the range shown.",
    )
    .await;
    let goals = vec![("ids", other_goal.to_string()), ("revision", rev.clone())];
    refused(goals, format!("{record}/goals"), "This goal is not one of this child").await;
    let dated = [visit("3000-01-01", "60"), vec![("revision", rev.clone())]].concat();
    refused(dated, format!("{record}/visit"), "Pick a date within the next year.").await;
    let entries_saved: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM coaching_entry")
        .fetch_one(app.db.reader())
        .await
        .unwrap();
    let goals_saved: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM coaching_session_goal")
        .fetch_one(app.db.reader())
        .await
        .unwrap();
    assert_eq!((entries_saved, goals_saved), (0, 0), "nothing half-saved");
    assert_eq!(revision(&app, &record).await.to_string(), rev, "no save was taken");
}

async fn a_planned_visit_shows_for_guardians_and_moves_with_a_reason(backend: Backend) {
    let app = spawn_app(backend).await;
    let world = World::build(&app).await;
    let team = world.client(Persona::TeamTherapist);
    let visits = format!("/children/{}/visits", world.child);
    let form = [("date", "2026-11-09"), ("time", "10:30"), ("setting", "home"), ("duration", "60")];
    post_ok(team, &visits, &form).await;
    let guardian = page(world.client(Persona::Guardian), &visits).await;
    assert!(guardian.contains("2026-11-09 10:30") && guardian.contains("At home"), "{guardian}");
    let id: String = sqlx::query_scalar("SELECT scheduled_visit_id FROM scheduled_visit")
        .fetch_one(app.db.reader())
        .await
        .unwrap();
    let moved = [
        ("date", "2026-11-10"),
        ("time", "09:00"),
        ("setting", "clinic"),
        ("duration", "45"),
        ("reason", "Therapist is ill"),
    ];
    post_ok(team, &format!("{visits}/{id}/reschedule"), &moved).await;
    let guardian = page(world.client(Persona::Guardian), &visits).await;
    assert!(
        guardian.contains("2026-11-10 09:00") && guardian.contains("Therapist is ill"),
        "{guardian}"
    );
    let no_reason = team.post_form(&format!("{visits}/{id}/cancel"), &[("reason", "")]).await;
    assert_eq!(no_reason.status(), 422, "a cancellation keeps a reason");
    post_ok(team, &format!("{visits}/{id}/cancel"), &[("reason", "Family is away")]).await;
    let changes: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM scheduled_visit_change")
        .fetch_one(app.db.reader())
        .await
        .unwrap();
    assert_eq!(changes, 2);
    assert_eq!(world.client(Persona::Helper).get(&visits).await.status(), 404);
}

on_both_databases!(
    a_five_step_visit_ends_with_the_guardians_agreement_and_the_family_sees_the_new_plan_at_once,
    fidelity_equals_a_hand_count_and_an_empty_step_does_not_count,
    a_saved_field_survives_a_reload_and_a_stale_save_loses_nothing,
    a_note_names_missing_steps_without_empty_headings_and_a_signed_note_only_takes_addenda,
    bad_input_gets_a_message_at_the_field_and_changes_nothing,
    a_planned_visit_shows_for_guardians_and_moves_with_a_reason,
);

/// The API twin the page's script calls: a save from a stale revision
/// answers 409 with both texts, and the refused one is kept.
async fn the_autosave_api_answers_a_stale_save_with_both_texts(backend: Backend) {
    let app = spawn_app(backend).await;
    let world = World::build(&app).await;
    let team = world.client(Persona::TeamTherapist);
    let record = start(&world, world.child).await;
    let api = format!("/api/v1{record}/field");
    let from = revision(&app, &record).await.to_string();
    let body =
        |text: &str| serde_json::json!({"field": "information", "text": text, "revision": from});
    let first = team.send_json(reqwest::Method::POST, &api, &body("A handout on sleep")).await;
    assert_eq!(first.status(), 200);
    let saved: serde_json::Value = first.json().await.unwrap();
    assert_eq!(saved["outcome"], "saved");
    let second = team.send_json(reqwest::Method::POST, &api, &body("A video on sleep")).await;
    assert_eq!(second.status(), 409);
    let stale: serde_json::Value = second.json().await.unwrap();
    assert_eq!(
        (stale["outcome"].as_str(), stale["saved"].as_str(), stale["yours"].as_str()),
        (Some("stale"), Some("A handout on sleep"), Some("A video on sleep"))
    );
    let view: serde_json::Value = team.get(&format!("/api/v1{record}")).await.json().await.unwrap();
    assert_eq!(view["information"], "A handout on sleep");
    assert_eq!(view["kept"][0]["text"], "A video on sleep");
}

/// The demo: weekly visits for every child seen, most with all five steps,
/// a few missing one, and each child's next visit planned; the guardian's
/// home shows it.
async fn the_demo_has_weeks_of_visits_and_each_childs_next_visit(backend: Backend) {
    use carryover::{
        demo,
        passwords::{PasswordCost, PasswordHasher},
    };
    let app = spawn_app(backend).await;
    let hasher = PasswordHasher::new(PasswordCost::Fast).unwrap();
    let password = secrecy::SecretString::from(crate::world::PASSWORD);
    demo::seed_if_empty(&app.db, app.clock_now(), Some(&password), &hasher).await.unwrap();
    let per_child: Vec<i64> = sqlx::query_scalar(
        "SELECT COUNT(*) FROM coaching_session GROUP BY child_id ORDER BY child_id",
    )
    .fetch_all(app.db.reader())
    .await
    .unwrap();
    assert!(
        !per_child.is_empty() && per_child.iter().all(|n| (8..=12).contains(n)),
        "{per_child:?}"
    );
    let planned: i64 = sqlx::query_scalar(
        "SELECT COUNT(DISTINCT child_id) FROM scheduled_visit WHERE status = 'scheduled'",
    )
    .fetch_one(app.db.reader())
    .await
    .unwrap();
    assert_eq!(planned, i64::try_from(per_child.len()).unwrap());
    let guardian = app.new_client();
    crate::world::sign_in(&guardian, "ana.rivera@example.org").await;
    let home = guardian.get("/home").await.text().await.unwrap();
    assert!(home.contains("Next visit"), "{home}");
    let therapist = app.new_client();
    crate::world::sign_in(&therapist, "therapist@example.org").await;
    let figures = therapist.get("/fidelity").await.text().await.unwrap();
    assert!(figures.contains("% (") && !figures.contains("100% ("), "most, not all: {figures}");
}

on_both_databases!(
    the_autosave_api_answers_a_stale_save_with_both_texts,
    the_demo_has_weeks_of_visits_and_each_childs_next_visit,
);

/// Guardians read only the summaries the therapist shares; the clinic's own
/// reflective questions replace the ones that ship with Carryover.
async fn guardians_read_shared_summaries_and_the_clinic_sets_its_questions(backend: Backend) {
    let app = spawn_app(backend).await;
    let world = World::build(&app).await;
    let team = world.client(Persona::TeamTherapist);
    let admin = world.client(Persona::Admin);
    let questions = "What surprised you?\nWhat will you try at dinner?";
    let saved = admin.post_form("/admin/reflection-questions", &[("questions", questions)]).await;
    assert_eq!(saved.status(), 200);
    assert_eq!(team.get("/admin/reflection-questions").await.status(), 404);

    let record = start(&world, world.child).await;
    let page_html = page(team, &record).await;
    assert!(
        page_html.contains("What surprised you?") && !page_html.contains("What did you notice?")
    );
    save(
        &app,
        team,
        &record,
        "/field",
        &[("field", "summary"), ("text", "We practiced socks together.")],
    )
    .await;
    let rev = revision(&app, &record).await.to_string();
    post_ok(team, &format!("{record}/end"), &[("guardian_id", ""), ("revision", &rev)]).await;

    let visits = format!("/children/{}/visits", world.child);
    let guardian = world.client(Persona::Guardian);
    assert!(
        !page(guardian, &visits).await.contains("We practiced socks together."),
        "not shared yet"
    );
    assert_eq!(
        guardian.get(&format!("{record}/note")).await.status(),
        404,
        "the note is the clinic's"
    );
    post_ok(team, &format!("{record}/share"), &[("shared", "1")]).await;
    assert!(page(guardian, &visits).await.contains("We practiced socks together."));
}

on_both_databases!(guardians_read_shared_summaries_and_the_clinic_sets_its_questions);
