//! Issue 12 part B through the pages: a guardian's reflection that asks for
//! a change flags its assignment in the therapist's inbox and the next
//! session's list until it is handled — by changing the plan or by
//! answering; unread counts; who reads what; bad input saves nothing.

use carryover_store::Backend;
use uuid::Uuid;

use crate::goal_measures::page;
use crate::helpers::{TestApp, TestClient, on_both_databases, spawn_app};
use crate::world::{Persona, World};

async fn post(client: &TestClient, path: &str, form: &[(&str, &str)]) -> reqwest::Response {
    client.post_form(path, form).await
}

pub async fn post_ok(client: &TestClient, path: &str, form: &[(&str, &str)]) -> String {
    let response = post(client, path, form).await;
    let status = response.status();
    let location = response.headers().get("location").map(|l| l.to_str().unwrap().to_owned());
    assert_eq!(status, 303, "POST {path}: {}", response.text().await.unwrap());
    location.unwrap_or_default()
}

async fn one_id(app: &TestApp, sql: &str, bind: String) -> Uuid {
    let id: String = sqlx::query_scalar(sqlx::AssertSqlSafe(sql.to_owned()))
        .bind(bind)
        .fetch_one(app.db.reader())
        .await
        .unwrap_or_else(|e| panic!("{sql}: {e}"));
    Uuid::parse_str(&id).unwrap()
}

/// Mia's plan, agreed in a session: backward chaining and a first–then
/// board. Returns the agreed assignments' ids.
pub async fn agreed_plan(
    app: &TestApp,
    world: &World,
    child: Uuid,
    team: &TestClient,
    guardian: Uuid,
) -> Vec<Uuid> {
    let editor = post_ok(team, &format!("/children/{child}/plan/drafts"), &[]).await;
    let version = editor.trim_end_matches("/edit").rsplit('/').next().unwrap().to_owned();
    let base = format!("/children/{child}/plan/{version}");
    for strategy in ["starter:backward-chaining-dressing", "starter:first-then-board"] {
        let form = [("strategy", strategy), ("routines", "dressing"), ("times_per_week", "5")];
        post_ok(team, &format!("{base}/assignments"), &form).await;
    }
    post_ok(team, &format!("{base}/agree"), &[("guardian_id", &guardian.to_string())]).await;
    let _ = world;
    let ids: Vec<String> = sqlx::query_scalar(
        "SELECT assignment_id FROM assignment WHERE plan_version_id = $1 ORDER BY position",
    )
    .bind(version)
    .fetch_all(app.db.reader())
    .await
    .unwrap();
    ids.iter().map(|id| Uuid::parse_str(id).unwrap()).collect()
}

async fn mia_plan(app: &TestApp, world: &World) -> Vec<Uuid> {
    let guardian = world.person(Persona::Guardian).person_id;
    agreed_plan(app, world, world.child, world.client(Persona::TeamTherapist), guardian).await
}

/// The guardian asks to change the first assignment; returns the reflection.
async fn ask_for_change(app: &TestApp, world: &World, assignment: Uuid) -> Uuid {
    let path = format!("/children/{}/reflections", world.child);
    let assignment = assignment.to_string();
    let form = [
        ("assignment", assignment.as_str()),
        ("responded", "somewhat"),
        ("difficulty", "2"),
        ("need", "change_strategy"),
        ("words", "Mornings are too rushed <b>for this</b>."),
    ];
    let done = post_ok(world.client(Persona::Guardian), &path, &form).await;
    assert!(done.ends_with("?done=sent"), "{done}");
    one_id(
        app,
        "SELECT reflection_id FROM reflection WHERE child_id = $1 ORDER BY reflection_id DESC LIMIT 1",
        world.child.to_string(),
    )
    .await
}

fn next_session(html: &str) -> &str {
    html.split("data-testid=\"next-session\"")
        .nth(1)
        .map_or("", |rest| rest.split("</section>").next().unwrap_or(""))
}

async fn flag_open(app: &TestApp, reflection: Uuid) -> bool {
    let handled: Option<String> =
        sqlx::query_scalar("SELECT handled_how FROM reflection WHERE reflection_id = $1")
            .bind(reflection.to_string())
            .fetch_one(app.db.reader())
            .await
            .unwrap();
    handled.is_none()
}

async fn a_flagged_reflection_waits_in_the_inbox_until_the_plan_changes(backend: Backend) {
    let app = spawn_app(backend).await;
    let world = World::build(&app).await;
    let assignments = mia_plan(&app, &world).await;
    let (guardian, team) = (world.client(Persona::Guardian), world.client(Persona::TeamTherapist));
    let form = page(guardian, &format!("/children/{}/reflections", world.child)).await;
    assert!(
        form.contains("Did your child respond well?")
            && form.contains("Backward chaining: your child does the last step")
            && form.contains("The week as a whole"),
        "{form}"
    );
    let reflection = ask_for_change(&app, &world, assignments[0]).await;

    let inbox = page(team, "/inbox").await;
    assert!(inbox.contains("Mia") && inbox.contains("Needs a change"), "{inbox}");
    let list = page(team, &format!("/children/{}/reflections", world.child)).await;
    let agenda = next_session(&list);
    assert!(
        agenda.contains("Backward chaining") && agenda.contains("Try a different strategy"),
        "{list}"
    );
    assert!(
        list.contains("&#60;b&#62;for this") && !list.contains("<b>for this"),
        "the caregiver's words are escaped: {list}"
    );

    // The therapist answers without marking it handled: still flagged.
    let thread = format!("/children/{}/reflections/{reflection}", world.child);
    post_ok(team, &format!("{thread}/messages"), &[("body", "Thank you. We will try breakfast.")])
        .await;
    assert!(flag_open(&app, reflection).await);
    assert!(page(team, "/inbox").await.contains("Needs a change"));

    // A new version: the carried copy of the assignment is removed in the
    // editor, which handles the flag in the same request.
    let editor = post_ok(team, &format!("/children/{}/plan/drafts", world.child), &[]).await;
    let version = editor.trim_end_matches("/edit").rsplit('/').next().unwrap().to_owned();
    let carried = one_id(
        &app,
        "SELECT assignment_id FROM assignment WHERE carried_from_id = $1",
        assignments[0].to_string(),
    )
    .await;
    post_ok(
        team,
        &format!("/children/{}/plan/{version}/assignments/{carried}/remove", world.child),
        &[],
    )
    .await;
    assert!(!flag_open(&app, reflection).await, "removing the carried assignment handles the flag");
    let inbox = page(team, "/inbox").await;
    assert!(inbox.contains("Nothing is waiting for an answer."), "{inbox}");
    let list = page(team, &format!("/children/{}/reflections", world.child)).await;
    assert!(
        next_session(&list).is_empty() && list.contains("The therapist changed the plan"),
        "{list}"
    );

    // The guardian sees the answer, and the plan's change once agreed.
    let html = page(guardian, &thread).await;
    assert!(html.contains("Thank you. We will try breakfast."), "{html}");
}

async fn answering_and_marking_handled_clears_the_flag_too(backend: Backend) {
    let app = spawn_app(backend).await;
    let world = World::build(&app).await;
    let assignments = mia_plan(&app, &world).await;
    let team = world.client(Persona::TeamTherapist);
    let first = ask_for_change(&app, &world, assignments[0]).await;
    let second = ask_for_change(&app, &world, assignments[1]).await;
    let base = format!("/children/{}/reflections", world.child);
    let agenda = page(team, &base).await;
    assert_eq!(next_session(&agenda).matches("data-testid=\"reflection\"").count(), 2, "{agenda}");

    // One answered with the box ticked; the other with the button.
    post_ok(
        team,
        &format!("{base}/{first}/messages"),
        &[("body", "We'll talk on Tuesday."), ("handled", "true")],
    )
    .await;
    post_ok(team, &format!("{base}/{second}/handled"), &[]).await;
    assert!(!flag_open(&app, first).await && !flag_open(&app, second).await);
    let agenda = page(team, &base).await;
    assert!(next_session(&agenda).is_empty(), "{agenda}");
    // The second waits for words still: it was marked, not answered.
    let inbox = page(team, "/inbox").await;
    assert_eq!(inbox.matches("a reflection").count(), 1, "{inbox}");
    assert!(!inbox.contains("Needs a change"), "{inbox}");

    // Difficulty alone flags too; a manageable one with "keep going" does not.
    let week = [("responded", "yes"), ("difficulty", "5"), ("need", "keep_going")];
    post_ok(world.client(Persona::Guardian), &base, &week).await;
    let calm = [("responded", "yes"), ("difficulty", "3"), ("need", "keep_going")];
    post_ok(world.client(Persona::Guardian), &base, &calm).await;
    let flagged: Vec<i64> =
        sqlx::query_scalar("SELECT flagged FROM reflection ORDER BY reflection_id")
            .fetch_all(app.db.reader())
            .await
            .unwrap();
    assert_eq!(flagged, [1, 1, 1, 0]);
}

async fn unread_counts_go_up_and_down_for_each_person(backend: Backend) {
    let app = spawn_app(backend).await;
    let world = World::build(&app).await;
    let (guardian, team) = (world.client(Persona::Guardian), world.client(Persona::TeamTherapist));
    let thread = format!("/children/{}/messages", world.child);
    let child_page = format!("/children/{}", world.child);
    assert!(!page(guardian, &child_page).await.contains("New from your therapist"));

    post_ok(guardian, &thread, &[("body", "She put on one sock alone!")]).await;
    let inbox = page(team, "/inbox").await;
    assert!(inbox.contains("a message") && inbox.contains("1 new"), "{inbox}");
    // Reading marks it read; answering takes it out of the inbox.
    assert!(page(team, &thread).await.contains("She put on one sock alone!"));
    assert!(!page(team, "/inbox").await.contains("1 new"));
    post_ok(team, &thread, &[("body", "Wonderful. Keep going.")]).await;
    post_ok(team, &thread, &[("body", "Try the other sock next.")]).await;
    assert!(page(team, "/inbox").await.contains("Nothing is waiting for an answer."));

    let home = page(guardian, &child_page).await;
    assert!(home.contains("New from your therapist") && home.contains("2 new messages"), "{home}");
    let start = page(guardian, "/home").await;
    assert!(
        start.contains("New from your therapist") && start.contains("2 new messages"),
        "{start}"
    );
    assert!(page(guardian, &thread).await.contains("Try the other sock next."));
    assert!(!page(guardian, &child_page).await.contains("New from your therapist"));
    let read: Vec<String> =
        sqlx::query_scalar("SELECT person_id FROM feedback_read ORDER BY person_id")
            .fetch_all(app.db.reader())
            .await
            .unwrap();
    assert_eq!(read.len(), 2, "one marker per person per thread");
}

async fn helpers_read_no_reflections_and_no_other_childs_ids_work(backend: Backend) {
    let app = spawn_app(backend).await;
    let world = World::build(&app).await;
    let assignments = mia_plan(&app, &world).await;
    let reflection = ask_for_change(&app, &world, assignments[0]).await;
    let helper = world.client(Persona::Helper);
    let mia = format!("/children/{}", world.child);
    for path in [
        format!("{mia}/reflections"),
        format!("{mia}/reflections/{reflection}"),
        format!("{mia}/messages"),
    ] {
        assert_eq!(helper.get(&path).await.status(), 404, "{path}");
    }
    assert_eq!(post(helper, &format!("{mia}/messages"), &[("body", "Hi")]).await.status(), 404);
    assert!(!page(helper, &mia).await.contains("/reflections"), "no link for helpers");

    // Leo's guardian's reflection, looked up through Mia: nothing there.
    let other_team = world.client(Persona::OtherTherapist);
    let leo_guardian = world.person(Persona::OtherGuardian).person_id;
    let leo_plan = agreed_plan(&app, &world, world.other_child, other_team, leo_guardian).await;
    let leo = format!("/children/{}/reflections", world.other_child);
    let form = [
        ("assignment", leo_plan[0].to_string()),
        ("responded", "no".into()),
        ("difficulty", "4".into()),
        ("need", "keep_going".into()),
    ];
    let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
    post_ok(world.client(Persona::OtherGuardian), &leo, &form).await;
    let leos = one_id(
        &app,
        "SELECT reflection_id FROM reflection WHERE child_id = $1",
        world.other_child.to_string(),
    )
    .await;
    let team = world.client(Persona::TeamTherapist);
    assert_eq!(team.get(&format!("{mia}/reflections/{leos}")).await.status(), 404);
    assert_eq!(
        post(team, &format!("{mia}/reflections/{leos}/messages"), &[("body", "Hi")]).await.status(),
        404
    );
    assert_eq!(post(team, &format!("{mia}/reflections/{leos}/handled"), &[]).await.status(), 404);
    // Reflecting on Leo's assignment through Mia is refused at the field.
    let sneaky = [
        ("assignment", leo_plan[0].to_string()),
        ("responded", "no".into()),
        ("difficulty", "4".into()),
        ("need", "keep_going".into()),
    ];
    let sneaky: Vec<(&str, &str)> = sneaky.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let refused =
        post(world.client(Persona::Guardian), &format!("{mia}/reflections"), &sneaky).await;
    assert_eq!(refused.status(), 422);
    assert!(refused.text().await.unwrap().contains("id=\"assignment-error\""));
    // Only guardians reflect.
    let week = [("responded", "yes"), ("difficulty", "2"), ("need", "keep_going")];
    assert_eq!(post(team, &format!("{mia}/reflections"), &week).await.status(), 404);
}

async fn bad_input_is_refused_at_the_field_and_saves_nothing(backend: Backend) {
    let app = spawn_app(backend).await;
    let world = World::build(&app).await;
    let guardian = world.client(Persona::Guardian);
    let base = format!("/children/{}/reflections", world.child);
    let six =
        post(guardian, &base, &[("responded", "yes"), ("difficulty", "6"), ("need", "keep_going")])
            .await;
    assert_eq!(six.status(), 422);
    let html = six.text().await.unwrap();
    assert!(
        html.contains("id=\"difficulty-error\"")
            && html.contains("This number is outside the range shown."),
        "{html}"
    );
    let missing = post(guardian, &base, &[("difficulty", "2")]).await;
    assert_eq!(missing.status(), 422);
    let html = missing.text().await.unwrap();
    assert!(
        html.contains("id=\"responded-error\"") && html.contains("id=\"need-error\""),
        "{html}"
    );
    let long = "a".repeat(1001);
    let wordy = post(
        guardian,
        &base,
        &[("responded", "yes"), ("difficulty", "2"), ("need", "keep_going"), ("words", &long)],
    )
    .await;
    assert_eq!(wordy.status(), 422);
    assert!(wordy.text().await.unwrap().contains("id=\"words-error\""));

    let thread = format!("/children/{}/messages", world.child);
    let empty = post(guardian, &thread, &[("body", "   ")]).await;
    assert_eq!(empty.status(), 422);
    assert!(empty.text().await.unwrap().contains("Please fill this in."));
    let too_long = "b".repeat(2001);
    let refused = post(guardian, &thread, &[("body", &too_long)]).await;
    assert_eq!(refused.status(), 422);
    let html = refused.text().await.unwrap();
    assert!(html.contains("id=\"body-error\"") && html.contains("This is too long."), "{html}");
    for table in ["reflection", "feedback_thread", "feedback_message"] {
        let count: i64 =
            sqlx::query_scalar(sqlx::AssertSqlSafe(format!("SELECT COUNT(*) FROM {table}")))
                .fetch_one(app.db.reader())
                .await
                .unwrap();
        assert_eq!(count, 0, "nothing saved in {table}");
    }
}

async fn a_helper_hears_back_on_their_own_logs_only(backend: Backend) {
    let app = spawn_app(backend).await;
    let world = World::build(&app).await;
    let plan = crate::plan_world::PlanWorld::build(&app, &world).await;
    let (helper, team) = (world.client(Persona::Helper), world.client(Persona::TeamTherapist));
    let assignment = plan.own.assignments[0];
    let helpers =
        crate::plan_world::practice_log_by(&app, &world, world.child, assignment, Persona::Helper)
            .await;
    let own = format!("/children/{}/logs/{helpers}/feedback", world.child);
    let guardians = crate::plan_world::practice_log_by(
        &app,
        &world,
        world.child,
        assignment,
        Persona::Guardian,
    )
    .await;
    let theirs = format!("/children/{}/logs/{guardians}/feedback", world.child);

    post_ok(team, &own, &[("body", "Two socks is a lot. Try one.")]).await;
    post_ok(team, &theirs, &[("body", "Nice work this morning.")]).await;
    let child_page = format!("/children/{}", world.child);
    let home = page(helper, &child_page).await;
    assert!(home.contains("1 new note about your practice"), "{home}");
    let html = page(helper, &own).await;
    assert!(html.contains("Two socks is a lot.") && html.contains("She cried at the second sock"));
    assert!(!page(helper, &child_page).await.contains("New from your therapist"));
    // Not the guardian's log, not in the page or through the API.
    assert_eq!(helper.get(&theirs).await.status(), 404);
    assert_eq!(helper.get(&format!("/api/v1{theirs}")).await.status(), 404);
    assert_eq!(post(helper, &theirs, &[("body", "Hi")]).await.status(), 404);
    // The guardian reads the feedback on every log of the child.
    assert!(page(world.client(Persona::Guardian), &theirs).await.contains("Nice work"));

    // The helper answers back: it waits in the therapist's inbox.
    post_ok(helper, &own, &[("body", "One sock worked!")]).await;
    let inbox = page(team, "/inbox").await;
    assert!(inbox.contains("a practice log") && inbox.contains(&own), "{inbox}");
    // Another child's log through Mia finds nothing.
    let leo_log = crate::plan_world::practice_log_by(
        &app,
        &world,
        world.other_child,
        plan.other.assignments[0],
        Persona::OtherGuardian,
    )
    .await;
    let leos = format!("/children/{}/logs/{leo_log}/feedback", world.child);
    assert_eq!(team.get(&leos).await.status(), 404);
}

on_both_databases!(
    the_demo_has_two_flagged_reflections_and_unread_feedback,
    a_helper_hears_back_on_their_own_logs_only,
    a_flagged_reflection_waits_in_the_inbox_until_the_plan_changes,
    answering_and_marking_handled_clears_the_flag_too,
    unread_counts_go_up_and_down_for_each_person,
    helpers_read_no_reflections_and_no_other_childs_ids_work,
    bad_input_is_refused_at_the_field_and_saves_nothing,
);

async fn the_demo_has_two_flagged_reflections_and_unread_feedback(backend: Backend) {
    use carryover::passwords::{PasswordCost, PasswordHasher};
    let app = spawn_app(backend).await;
    let hasher = PasswordHasher::new(PasswordCost::Fast).unwrap();
    let password = secrecy::SecretString::from("a-demo-password-for-tests");
    carryover::demo::seed_if_empty(&app.db, app.clock_now(), Some(&password), &hasher)
        .await
        .unwrap();
    let db = &app.db;
    let count = |sql: &'static str| async move {
        let n: i64 = sqlx::query_scalar(sql).fetch_one(db.reader()).await.unwrap();
        n
    };
    assert_eq!(
        count("SELECT COUNT(*) FROM reflection WHERE flagged = 1 AND handled_at IS NULL").await,
        2
    );
    assert!(count("SELECT COUNT(*) FROM feedback_message WHERE from_team = 1").await >= 4);
    assert_eq!(count("SELECT COUNT(*) FROM feedback_thread WHERE subject = 'child'").await, 3);
    // Answers the guardians have not read yet.
    let unread = count(
        "SELECT COUNT(*) FROM feedback_message m WHERE m.from_team = 1 AND NOT EXISTS (SELECT 1 \
         FROM feedback_read r WHERE r.thread_id = m.thread_id AND r.person_id <> m.author_id \
         AND r.read_up_to >= m.message_id)",
    )
    .await;
    assert!(unread >= 3, "{unread}");
}
