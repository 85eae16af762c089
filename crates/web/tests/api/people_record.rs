//! A child's details and discharge: who changes what, what the page shows,
//! and a discharged record that everyone can read and no one can change.

use carryover_store::Backend;
use time::Duration;

use crate::helpers::{TestApp, on_both_databases, spawn_app};
use crate::world::{Persona, World, sign_in};

async fn child_row(app: &TestApp, world: &World) -> (String, String, Option<String>, String) {
    sqlx::query_as(
        "SELECT preferred_name, home_languages, date_of_birth, notes FROM child WHERE child_id = $1",
    )
    .bind(world.child.to_string())
    .fetch_one(app.db.reader())
    .await
    .unwrap()
}

async fn a_guardian_corrects_the_name_and_languages_and_the_page_says_who_changed_them(
    backend: Backend,
) {
    let app = spawn_app(backend).await;
    let world = World::build(&app).await;
    let path = format!("/children/{}/details", world.child);
    let guardian = world.client(Persona::Guardian);
    let form = guardian.get(&path).await.text().await.unwrap();
    assert!(!form.contains("name=\"notes\"") && !form.contains("name=\"date_of_birth\""), "{form}");
    let saved = guardian
        .post_form(
            &path,
            &[
                ("preferred_name", "Mimi"),
                ("home_languages", "es"),
                ("home_languages", "en"),
                // Not the guardian's to change: ignored.
                ("date_of_birth", "2020-01-01"),
                ("notes", "rewritten"),
            ],
        )
        .await;
    assert_eq!(saved.status(), 303);
    let (name, languages, birth, notes) = child_row(&app, &world).await;
    assert_eq!((name.as_str(), languages.as_str()), ("Mimi", "en,es"));
    assert_eq!(birth.as_deref(), Some("2021-03-14"));
    assert_eq!(notes, "Private note about sleep");
    let page =
        world.client(Persona::TeamTherapist).get(&format!("/children/{}", world.child)).await;
    let page = page.text().await.unwrap();
    assert!(page.contains("English, Spanish"), "languages by name: {page}");
    assert!(page.contains("Last changed November 2, 2026, 9:00 AM by Gloria Guardian"), "{page}");
    assert!(page.contains("March 14, 2021") && !page.contains("2021-03-14"), "no YYYY-MM-DD");
    assert_eq!(app.audit_count("action = 'update' AND resource_type = 'child'").await, 1);
}

async fn the_care_team_changes_every_detail_and_wrong_input_changes_nothing(backend: Backend) {
    let app = spawn_app(backend).await;
    let world = World::build(&app).await;
    let path = format!("/children/{}/details", world.child);
    let team = world.client(Persona::TeamTherapist);
    let refused = team
        .post_form(
            &path,
            &[("preferred_name", ""), ("date_of_birth", "2027-01-01"), ("home_languages", "xx")],
        )
        .await;
    assert_eq!(refused.status(), 422);
    let html = refused.text().await.unwrap();
    for field in ["preferred_name", "date_of_birth", "home_languages"] {
        assert!(html.contains(&format!("id=\"{field}-error\"")), "{field}: {html}");
    }
    assert_eq!(child_row(&app, &world).await.0, "Mia", "nothing was saved");
    let saved = team
        .post_form(
            &path,
            &[
                ("preferred_name", "Mia"),
                ("date_of_birth", "2021-05-02"),
                ("home_languages", "so"),
                ("notes", "Naps after lunch"),
            ],
        )
        .await;
    assert_eq!(saved.status(), 303);
    let (_, languages, birth, notes) = child_row(&app, &world).await;
    assert_eq!(
        (languages.as_str(), birth.as_deref(), notes.as_str()),
        ("so", Some("2021-05-02"), "Naps after lunch")
    );
    // A Spanish reader sees the language in Spanish, and the date in words.
    let guardian = world.client(Persona::Guardian);
    guardian.post_form("/lang", &[("lang", "es"), ("next", "/")]).await;
    let page = guardian.get(&format!("/children/{}", world.child)).await.text().await.unwrap();
    assert!(page.contains("somalí") && page.contains("2 de mayo de 2021"), "{page}");
}

async fn a_discharged_child_leaves_the_lists_and_the_record_is_read_only(backend: Backend) {
    let app = spawn_app(backend).await;
    let world = World::build(&app).await;
    let page = format!("/children/{}", world.child);
    let discharged = world
        .client(Persona::TeamTherapist)
        .post_form(
            &format!("/children/{}/discharge", world.child),
            &[
                ("discharged_on", "2026-11-02"),
                ("reason", "goals_met"),
                ("note", "Dressing on her own"),
            ],
        )
        .await;
    assert_eq!(discharged.status(), 303);
    let caseload = world.client(Persona::TeamTherapist).get("/home").await.text().await.unwrap();
    assert!(!caseload.contains("Mia"), "the therapist's caseload: {caseload}");
    let home = world.client(Persona::Guardian).get("/home").await.text().await.unwrap();
    let (children, earlier) =
        home.split_once("Earlier records").expect("an earlier-records section");
    assert!(!children.contains("Mia"), "not among the guardian's children: {children}");
    assert!(earlier.contains("Mia") && earlier.contains("until January 31, 2027"), "{earlier}");
    let helper_home = world.client(Persona::Helper).get("/home").await.text().await.unwrap();
    assert!(!helper_home.contains("Mia"), "nothing at all for the helper: {helper_home}");
    let admin_home = world.client(Persona::Admin).get("/home").await.text().await.unwrap();
    assert!(admin_home.contains("Mia") && admin_home.contains("discharged"), "{admin_home}");
    assert_eq!(
        world.client(Persona::Helper).get(&page).await.status(),
        404,
        "helpers lose it at once"
    );
    for persona in [Persona::TeamTherapist, Persona::Admin, Persona::Guardian] {
        let shown = world.client(persona).get(&page).await;
        assert_eq!(shown.status(), 200, "{persona:?} still reads it");
        let shown = shown.text().await.unwrap();
        assert!(shown.contains("Discharged on November 2, 2026"), "{shown}");
        assert!(!shown.contains("/details\""), "no change offered to {persona:?}");
        let changed = world
            .client(persona)
            .post_form(&format!("/children/{}/details", world.child), &[("preferred_name", "X")])
            .await;
        assert_eq!(changed.status(), 409, "{persona:?} cannot change it");
        let helper = world.person(Persona::Helper).person_id.to_string();
        let removed = world
            .client(persona)
            .post_form(
                &format!("/children/{}/caregivers/remove", world.child),
                &[("person_id", &helper), ("confirm", "yes")],
            )
            .await;
        assert_eq!(removed.status(), 409);
    }
    assert_eq!(child_row(&app, &world).await.0, "Mia");
}

async fn guardians_read_a_discharged_record_for_the_clinics_period_only(backend: Backend) {
    let app = spawn_app(backend).await;
    let world = World::build(&app).await;
    let page = format!("/children/{}", world.child);
    world
        .client(Persona::TeamTherapist)
        .post_form(
            &format!("/children/{}/discharge", world.child),
            &[("discharged_on", "2026-11-02"), ("reason", "moved")],
        )
        .await;
    app.clock.advance(Duration::days(90));
    // Sessions do not last 90 days: sign in afresh, as the guardian would.
    let guardian = app.new_client();
    sign_in(&guardian, &world.person(Persona::Guardian).email).await;
    assert_eq!(guardian.get(&page).await.status(), 200, "day 90: still readable");
    assert_eq!(guardian.get(&format!("{page}/export.zip")).await.status(), 200);
    app.clock.advance(Duration::days(1));
    assert_eq!(guardian.get(&page).await.status(), 404, "day 91: no grant at all");
    let home = guardian.get("/home").await.text().await.unwrap();
    assert!(!home.contains("Mia") && !home.contains("Earlier records"), "{home}");
    assert_eq!(guardian.get(&format!("{page}/export.zip")).await.status(), 404);
    let admin = app.new_client();
    sign_in(&admin, &world.person(Persona::Admin).email).await;
    assert_eq!(admin.get(&page).await.status(), 200, "the admin keeps it");
}

async fn readmission_reopens_the_record_with_its_history(backend: Backend) {
    let app = spawn_app(backend).await;
    let world = World::build(&app).await;
    let base = format!("/children/{}", world.child);
    let team = world.client(Persona::TeamTherapist);
    team.post_form(
        &format!("{base}/discharge"),
        &[("discharged_on", "2026-11-02"), ("reason", "other")],
    )
    .await;
    assert_eq!(team.post_form(&format!("{base}/readmit"), &[]).await.status(), 303);
    let home = team.get("/home").await.text().await.unwrap();
    assert!(home.contains("Mia"), "back on the caseload");
    let shown = world.client(Persona::Helper).get(&base).await;
    assert_eq!(shown.status(), 200, "the helper sees the child again");
    let (_, _, birth, notes) = child_row(&app, &world).await;
    assert_eq!(
        (birth.as_deref(), notes.as_str()),
        (Some("2021-03-14"), "Private note about sleep")
    );
    let saved = team
        .post_form(
            &format!("{base}/details"),
            &[("preferred_name", "Mia"), ("home_languages", "en")],
        )
        .await;
    assert_eq!(saved.status(), 303, "writable again");
}

async fn a_discharge_needs_a_date_no_later_than_today_and_a_reason(backend: Backend) {
    let app = spawn_app(backend).await;
    let world = World::build(&app).await;
    let refused = world
        .client(Persona::Admin)
        .post_form(
            &format!("/children/{}/discharge", world.child),
            &[("discharged_on", "2026-11-03"), ("reason", "bored")],
        )
        .await;
    assert_eq!(refused.status(), 422);
    let html = refused.text().await.unwrap();
    assert!(html.contains("id=\"discharged_on-error\"") && html.contains("id=\"reason-error\""));
    let home = world.client(Persona::TeamTherapist).get("/home").await.text().await.unwrap();
    assert!(home.contains("Mia"), "not discharged");
}

on_both_databases!(
    a_guardian_corrects_the_name_and_languages_and_the_page_says_who_changed_them,
    the_care_team_changes_every_detail_and_wrong_input_changes_nothing,
    a_discharged_child_leaves_the_lists_and_the_record_is_read_only,
    guardians_read_a_discharged_record_for_the_clinics_period_only,
    readmission_reopens_the_record_with_its_history,
    a_discharge_needs_a_date_no_later_than_today_and_a_reason,
);
