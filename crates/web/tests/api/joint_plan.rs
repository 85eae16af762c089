//! The joint plan through the pages: what each caregiver sees of a version
//! as it is drafted, shared, confirmed or agreed in a session; the history
//! with what changed; the text a version keeps when the library changes.

use carryover_store::Backend;
use uuid::Uuid;

use crate::goal_measures::page;
use crate::helpers::{TestApp, TestClient, on_both_databases, spawn_app};
use crate::plan_world::add_goal;
use crate::world::{Persona, World};

const CHAINING: &str = "Backward chaining: your child does the last step";
const FIRST_THEN: &str = "A first–then board";
const TIMER: &str = "Warnings and a timer before a change";

async fn post(client: &TestClient, path: &str, form: &[(&str, &str)]) -> reqwest::Response {
    client.post_form(path, form).await
}

async fn post_ok(client: &TestClient, path: &str, form: &[(&str, &str)]) -> String {
    let response = post(client, path, form).await;
    let status = response.status();
    let location = response.headers().get("location").map(|l| l.to_str().unwrap().to_owned());
    assert_eq!(status, 303, "POST {path}: {}", response.text().await.unwrap());
    location.unwrap_or_default()
}

/// The team therapist starts a version; returns its id.
async fn start_version(world: &World) -> Uuid {
    let team = world.client(Persona::TeamTherapist);
    let editor = post_ok(team, &format!("/children/{}/plan/drafts", world.child), &[]).await;
    let id = editor.trim_end_matches("/edit").rsplit('/').next().unwrap();
    Uuid::parse_str(id).unwrap()
}

fn version_path(world: &World, version: Uuid) -> String {
    format!("/children/{}/plan/{version}", world.child)
}

async fn assign(world: &World, version: Uuid, strategy: &str, times: &str) {
    let path = format!("{}/assignments", version_path(world, version));
    let form = [("strategy", strategy), ("routines", "dressing"), ("times_per_week", times)];
    post_ok(world.client(Persona::TeamTherapist), &path, &form).await;
}

async fn agree_in_session(world: &World, version: Uuid) {
    let guardian = world.person(Persona::Guardian).person_id.to_string();
    let path = format!("{}/agree", version_path(world, version));
    post_ok(world.client(Persona::TeamTherapist), &path, &[("guardian_id", &guardian)]).await;
}

async fn version_row(
    app: &TestApp,
    version: Uuid,
) -> (Option<String>, Option<String>, Option<String>, Option<String>) {
    sqlx::query_as(
        "SELECT guardian_confirmed_by, guardian_confirmed_at, agreed_where, shared_at FROM plan_version \
         WHERE plan_version_id = $1",
    )
    .bind(version.to_string())
    .fetch_one(app.db.reader())
    .await
    .unwrap()
}

async fn a_caregiver_sees_only_the_agreed_plan_and_a_guardian_confirms_a_shared_one(
    backend: Backend,
) {
    let app = spawn_app(backend).await;
    let world = World::build(&app).await;
    let plan = format!("/children/{}/plan", world.child);
    let (guardian, helper) = (world.client(Persona::Guardian), world.client(Persona::Helper));
    let version = start_version(&world).await;
    assign(&world, version, "starter:backward-chaining-dressing", "5").await;

    // A draft is the care team's alone.
    for client in [guardian, helper] {
        let html = page(client, &plan).await;
        assert!(
            html.contains("There is no agreed plan yet.") && !html.contains(CHAINING),
            "{html}"
        );
        assert_eq!(client.get(&version_path(&world, version)).await.status(), 404);
    }

    let team = world.client(Persona::TeamTherapist);
    post_ok(team, &format!("{}/share", version_path(&world, version)), &[]).await;
    app.clock.advance(time::Duration::days(3));
    // Three days on, the therapist's session has long ended: sign in again.
    crate::world::sign_in(team, &world.person(Persona::TeamTherapist).email).await;
    let waiting = page(team, &plan).await;
    assert!(waiting.contains("It has waited 3 days for a guardian."), "{waiting}");

    // Shared: the guardian is asked; the helper still sees nothing new.
    let asked = page(guardian, &plan).await;
    assert!(
        asked.contains("A new plan is waiting for you") && !asked.contains(CHAINING),
        "{asked}"
    );
    assert!(!page(helper, &plan).await.contains("waiting"));
    let proposal = page(guardian, &version_path(&world, version)).await;
    assert!(proposal.contains(CHAINING) && proposal.contains("Yes, I agree"), "{proposal}");

    post_ok(guardian, &format!("{}/confirm", version_path(&world, version)), &[]).await;
    let (by, at, place, _) = version_row(&app, version).await;
    assert_eq!(by, Some(world.person(Persona::Guardian).person_id.to_string()));
    assert_eq!(
        at.as_deref(),
        Some("2026-11-05T09:00:00.000000Z"),
        "confirmed three days after sharing"
    );
    assert_eq!(place.as_deref(), Some("own_device"));

    let seen = page(helper, &plan).await;
    assert!(seen.contains(CHAINING) && seen.contains("5 times a week"), "{seen}");
    assert!(
        seen.contains("<details>") && seen.contains("Let your child do the last step"),
        "steps one tap away"
    );
    let agreed = page(team, &version_path(&world, version)).await;
    assert!(
        agreed.contains("Agreed by Gloria Guardian from their phone, November 5, 2026, 9:00 AM"),
        "{agreed}"
    );
}

async fn a_version_agreed_in_a_session_reaches_the_caregivers_at_once_and_never_changes(
    backend: Backend,
) {
    let app = spawn_app(backend).await;
    let world = World::build(&app).await;
    let version = start_version(&world).await;
    assign(&world, version, "starter:first-then-board", "3").await;
    agree_in_session(&world, version).await;

    let (by, _, place, shared) = version_row(&app, version).await;
    assert_eq!(by, Some(world.person(Persona::Guardian).person_id.to_string()));
    assert_eq!((place.as_deref(), shared), (Some("in_session"), None), "never shared first");
    let helper =
        page(world.client(Persona::Helper), &format!("/children/{}/plan", world.child)).await;
    assert!(helper.contains(FIRST_THEN), "{helper}");

    let team = world.client(Persona::TeamTherapist);
    let edit = post(
        team,
        &format!("{}/priorities", version_path(&world, version)),
        &[("priorities", "x")],
    )
    .await;
    assert_eq!(edit.status(), 409, "an agreed version is history");
    let confirm = post(
        world.client(Persona::Guardian),
        &format!("{}/confirm", version_path(&world, version)),
        &[],
    )
    .await;
    assert_eq!(confirm.status(), 409);
}

async fn editing_a_shared_version_takes_it_back_so_no_one_confirms_a_changed_plan(
    backend: Backend,
) {
    let app = spawn_app(backend).await;
    let world = World::build(&app).await;
    let version = start_version(&world).await;
    assign(&world, version, "starter:first-then-board", "3").await;
    let team = world.client(Persona::TeamTherapist);
    post_ok(team, &format!("{}/share", version_path(&world, version)), &[]).await;
    post_ok(
        team,
        &format!("{}/priorities", version_path(&world, version)),
        &[("priorities", "Calm mornings")],
    )
    .await;
    assert_eq!(version_row(&app, version).await.3, None, "back to draft");
    let confirm = post(
        world.client(Persona::Guardian),
        &format!("{}/confirm", version_path(&world, version)),
        &[],
    )
    .await;
    assert_eq!(confirm.status(), 404, "a draft is not the guardian's to read");
}

async fn nothing_to_practise_cannot_be_shared_or_agreed(backend: Backend) {
    let app = spawn_app(backend).await;
    let world = World::build(&app).await;
    let version = start_version(&world).await;
    let team = world.client(Persona::TeamTherapist);
    let shared = post(team, &format!("{}/share", version_path(&world, version)), &[]).await;
    assert_eq!(shared.status(), 422);
    assert!(shared.text().await.unwrap().contains("Add at least one strategy to practice first."));
    assert_eq!(version_row(&app, version).await.3, None);
}

async fn the_history_says_what_changed_between_versions(backend: Backend) {
    let app = spawn_app(backend).await;
    let world = World::build(&app).await;
    let first = start_version(&world).await;
    assign(&world, first, "starter:backward-chaining-dressing", "5").await;
    assign(&world, first, "starter:first-then-board", "3").await;
    agree_in_session(&world, first).await;

    let second = start_version(&world).await;
    let ids: Vec<String> = sqlx::query_scalar(
        "SELECT assignment_id FROM assignment WHERE plan_version_id = $1 ORDER BY position",
    )
    .bind(second.to_string())
    .fetch_all(app.db.reader())
    .await
    .unwrap();
    assert_eq!(ids.len(), 2, "the new version starts from the agreed one");
    let team = world.client(Persona::TeamTherapist);
    let path = version_path(&world, second);
    post_ok(
        team,
        &format!("{path}/assignments/{}", ids[0]),
        &[("routines", "dressing"), ("times_per_week", "3")],
    )
    .await;
    post_ok(team, &format!("{path}/assignments/{}/remove", ids[1]), &[]).await;
    assign(&world, second, "starter:timers-and-warnings", "2").await;
    agree_in_session(&world, second).await;

    let history =
        page(world.client(Persona::Guardian), &format!("/children/{}/plan/history", world.child))
            .await;
    assert!(history.contains(&format!("Changed: {CHAINING} (how often)")), "{history}");
    assert!(history.contains(&format!("Stopped: {FIRST_THEN}")), "{history}");
    assert!(history.contains(&format!("New: {TIMER}")), "{history}");
    assert!(history.contains("Version 1") && history.contains("Version 2"), "{history}");
}

async fn editing_a_strategy_leaves_an_agreed_plans_text_unchanged(backend: Backend) {
    let app = spawn_app(backend).await;
    let world = World::build(&app).await;
    let team = world.client(Persona::TeamTherapist);
    let copy = post_ok(team, "/strategies/starter/first-then-board/copy", &[]).await;
    let strategy = copy.trim_end_matches("/edit").to_owned();
    let edit = |title: &'static str| {
        [
            ("areas", "transitions_behaviour"),
            ("age_min_months", "24"),
            ("age_max_months", "96"),
            ("title_en", title),
            ("why_en", "A picture shows what comes first and what comes next."),
            ("steps_en", "Show the board.\nSay: first shoes, then park."),
        ]
    };
    post_ok(team, &strategy, &edit("First shoes, then the park")).await;
    let id = strategy.rsplit('/').next().unwrap();
    let version = start_version(&world).await;
    assign(&world, version, &format!("clinic:{id}"), "4").await;
    agree_in_session(&world, version).await;

    post_ok(team, &strategy, &edit("A brand new title")).await;
    assert!(page(team, &strategy).await.contains("A brand new title"));
    let plan =
        page(world.client(Persona::Helper), &format!("/children/{}/plan", world.child)).await;
    assert!(
        plan.contains("First shoes, then the park") && !plan.contains("A brand new title"),
        "{plan}"
    );
    // A new version carries the agreed text too, until the strategy is assigned anew.
    let next = start_version(&world).await;
    let editor = page(team, &format!("{}/edit", version_path(&world, next))).await;
    assert!(editor.contains("First shoes, then the park"), "{editor}");
}

async fn an_assignment_names_only_this_familys_goals_routines_and_caregivers(backend: Backend) {
    let app = spawn_app(backend).await;
    let world = World::build(&app).await;
    let other_goal =
        add_goal(&app, world.client(Persona::OtherTherapist), world.other_child, "Leo's goal")
            .await;
    let version = start_version(&world).await;
    let path = format!("{}/assignments", version_path(&world, version));
    let team = world.client(Persona::TeamTherapist);
    let other_guardian = world.person(Persona::OtherGuardian).person_id.to_string();
    let base =
        [("strategy", "starter:first-then-board"), ("routines", "play"), ("times_per_week", "3")];
    for (field, value) in [
        ("goals", other_goal.to_string()),
        ("practised_by", other_guardian),
        ("routines", Uuid::now_v7().to_string()),
    ] {
        let mut form: Vec<(&str, &str)> = base.to_vec();
        form.push((field, &value));
        let refused = post(team, &path, &form).await;
        assert_eq!(refused.status(), 422, "{field}");
    }
    for times in ["0", "15", "often"] {
        let form = [
            ("strategy", "starter:first-then-board"),
            ("routines", "play"),
            ("times_per_week", times),
        ];
        assert_eq!(post(team, &path, &form).await.status(), 422, "{times} times a week");
    }
    let unknown =
        [("strategy", "starter:no-such-thing"), ("routines", "play"), ("times_per_week", "3")];
    assert_eq!(post(team, &path, &unknown).await.status(), 422);
    let count: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM assignment")
        .fetch_one(app.db.reader())
        .await
        .unwrap();
    assert_eq!(count, 0, "nothing was added");
}

async fn a_household_keeps_its_own_routines_and_usual_times(backend: Backend) {
    let app = spawn_app(backend).await;
    let world = World::build(&app).await;
    let routines = format!("/children/{}/routines", world.child);
    let guardian = world.client(Persona::Guardian);
    post_ok(guardian, &routines, &[("name", "Walk to the bus"), ("usual_time", "07:40")]).await;
    post_ok(guardian, &format!("{routines}/bath"), &[("usual_time", "19:00")]).await;
    let refused = post(guardian, &format!("{routines}/bedtime"), &[("usual_time", "25:00")]).await;
    assert_eq!(refused.status(), 422);
    assert!(refused.text().await.unwrap().contains("id=\"time-bedtime-error\""));
    let html = page(world.client(Persona::Helper), &routines).await;
    assert!(
        html.contains("Walk to the bus") && html.contains("7:40 AM") && html.contains("7:00 PM"),
        "{html}"
    );
    let helper_add = post(world.client(Persona::Helper), &routines, &[("name", "Snack")]).await;
    assert_eq!(helper_add.status(), 404);
}

on_both_databases!(
    a_caregiver_sees_only_the_agreed_plan_and_a_guardian_confirms_a_shared_one,
    a_version_agreed_in_a_session_reaches_the_caregivers_at_once_and_never_changes,
    editing_a_shared_version_takes_it_back_so_no_one_confirms_a_changed_plan,
    nothing_to_practise_cannot_be_shared_or_agreed,
    the_history_says_what_changed_between_versions,
    editing_a_strategy_leaves_an_agreed_plans_text_unchanged,
    an_assignment_names_only_this_familys_goals_routines_and_caregivers,
    a_household_keeps_its_own_routines_and_usual_times,
);
