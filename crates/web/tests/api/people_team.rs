//! Care teams: the admin adds and removes therapists and names the primary
//! one, moves a caseload in one step; no child seen at the clinic is ever
//! left without an active therapist.

use carryover_store::Backend;
use uuid::Uuid;

use crate::helpers::{TestApp, on_both_databases, spawn_app};
use crate::world::{Persona, World};

/// (therapist id, is primary) of a child's team, active therapists only.
async fn team(app: &TestApp, child: Uuid) -> Vec<(String, i64)> {
    sqlx::query_as(
        "SELECT t.person_id, t.is_primary FROM care_team_member t JOIN person p \
         ON p.clinic_id = t.clinic_id AND p.person_id = t.person_id \
         WHERE t.child_id = $1 AND p.is_active = 1 ORDER BY t.person_id",
    )
    .bind(child.to_string())
    .fetch_all(app.db.reader())
    .await
    .unwrap()
}

async fn change(world: &World, change: &str, therapist: Uuid) -> reqwest::Response {
    let path = format!("/children/{}/team", world.child);
    let id = therapist.to_string();
    world
        .client(Persona::Admin)
        .post_form(&path, &[("change", change), ("therapist_id", &id)])
        .await
}

async fn the_admin_adds_a_therapist_names_the_primary_and_removes_the_old_one(backend: Backend) {
    let app = spawn_app(backend).await;
    let world = World::build(&app).await;
    let (tara, oscar) = (
        world.person(Persona::TeamTherapist).person_id,
        world.person(Persona::OtherTherapist).person_id,
    );
    assert_eq!(change(&world, "add", oscar).await.status(), 303);
    assert_eq!(change(&world, "primary", oscar).await.status(), 303);
    let primaries: Vec<_> =
        team(&app, world.child).await.into_iter().filter(|m| m.1 == 1).collect();
    assert_eq!(primaries, vec![(oscar.to_string(), 1)], "one primary, the new one");
    assert_eq!(change(&world, "remove", tara).await.status(), 303);
    assert_eq!(team(&app, world.child).await, vec![(oscar.to_string(), 1)]);
    let oscars_home =
        world.client(Persona::OtherTherapist).get("/home").await.text().await.unwrap();
    assert!(oscars_home.contains("Mia"), "Mia is on Oscar's caseload now");
    assert_eq!(
        world
            .client(Persona::TeamTherapist)
            .get(&format!("/children/{}", world.child))
            .await
            .status(),
        404,
        "Tara's very next request"
    );
    assert_eq!(app.audit_count("resource_type = 'care_team' AND action = 'update'").await, 3);
}

async fn the_last_therapist_cannot_be_removed_and_a_stranger_cannot_join(backend: Backend) {
    let app = spawn_app(backend).await;
    let world = World::build(&app).await;
    let tara = world.person(Persona::TeamTherapist).person_id;
    let refused = change(&world, "remove", tara).await;
    assert_eq!(refused.status(), 422);
    assert!(refused.text().await.unwrap().contains("A child needs at least one therapist"));
    let guardian = world.person(Persona::Guardian).person_id;
    assert_eq!(change(&world, "add", guardian).await.status(), 422, "a caregiver is no therapist");
    let foreign = world.person(Persona::ForeignTherapist).person_id;
    assert_eq!(change(&world, "add", foreign).await.status(), 422, "nor another clinic's");
    assert_eq!(team(&app, world.child).await, vec![(tara.to_string(), 1)]);
}

async fn an_admin_adding_a_family_names_its_primary_therapist(backend: Backend) {
    let app = spawn_app(backend).await;
    let world = World::build(&app).await;
    let admin = world.client(Persona::Admin);
    let mut form = vec![
        ("child_name", "Nell".to_owned()),
        ("caregiver_name", "Nadia New".to_owned()),
        ("caregiver_email", "nadia@example.org".to_owned()),
        ("relationship", "mother".to_owned()),
        ("access", "guardian".to_owned()),
    ];
    let send = |form: Vec<(&'static str, String)>| async move {
        let pairs: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
        admin.post_form("/households", &pairs).await
    };
    let refused = send(form.clone()).await;
    assert_eq!(refused.status(), 422);
    assert!(refused.text().await.unwrap().contains("id=\"therapist_id-error\""));
    let made: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM child WHERE preferred_name = 'Nell'")
        .fetch_one(app.db.reader())
        .await
        .unwrap();
    assert_eq!(made, 0, "nothing half-made");
    form.push(("therapist_id", world.person(Persona::OtherTherapist).person_id.to_string()));
    assert_eq!(send(form).await.status(), 200, "the invitation page");
    let home = world.client(Persona::OtherTherapist).get("/home").await.text().await.unwrap();
    assert!(home.contains("Nell"), "on the named therapist's caseload: {home}");
}

async fn deactivating_a_childs_only_therapist_first_asks_where_the_child_goes(backend: Backend) {
    let app = spawn_app(backend).await;
    let world = World::build(&app).await;
    let tara = world.person(Persona::TeamTherapist).person_id;
    let oscar = world.person(Persona::OtherTherapist).person_id.to_string();
    let admin = world.client(Persona::Admin);
    let question =
        admin.get(&format!("/admin/people/{tara}/deactivate")).await.text().await.unwrap();
    assert!(
        question.contains("Mia") && question.contains("Who takes these children"),
        "{question}"
    );
    let path = format!("/admin/people/{tara}/deactivate");
    let refused = admin.post_form(&path, &[]).await;
    assert_eq!(refused.status(), 422);
    assert_eq!(
        world.client(Persona::TeamTherapist).get("/home").await.status(),
        200,
        "still active"
    );
    let done = admin.post_form(&path, &[("move_to", &oscar)]).await;
    assert_eq!(done.status(), 303);
    assert_eq!(
        team(&app, world.child).await,
        vec![(oscar.clone(), 1)],
        "Oscar took Mia, as primary"
    );
    let home = world.client(Persona::OtherTherapist).get("/home").await.text().await.unwrap();
    assert!(home.contains("Mia") && home.contains("Leo"));
}

async fn part_of_a_caseload_moves_in_one_step(backend: Backend) {
    let app = spawn_app(backend).await;
    let world = World::build(&app).await;
    let (oscar, tara) = (
        world.person(Persona::OtherTherapist).person_id,
        world.person(Persona::TeamTherapist).person_id,
    );
    // Oscar has Leo; give him Mia too, as a second therapist, then move only Leo to Tara.
    assert_eq!(change(&world, "add", oscar).await.status(), 303);
    let admin = world.client(Persona::Admin);
    let page = admin.get(&format!("/admin/people/{oscar}/caseload")).await.text().await.unwrap();
    assert!(page.contains("Mia") && page.contains("Leo"), "{page}");
    let form = [("to", tara.to_string()), ("children", world.other_child.to_string())];
    let pairs: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let moved = admin.post_form(&format!("/admin/people/{oscar}/caseload"), &pairs).await;
    assert_eq!(moved.status(), 303);
    assert_eq!(team(&app, world.other_child).await, vec![(tara.to_string(), 1)]);
    assert_eq!(team(&app, world.child).await.len(), 2, "Mia's team is as it was");
    // A child of another caseload is refused, and nothing moves.
    let form = [
        ("to", oscar.to_string()),
        ("children", world.child.to_string()),
        ("children", Uuid::now_v7().to_string()),
    ];
    let pairs: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let refused = admin.post_form(&format!("/admin/people/{tara}/caseload"), &pairs).await;
    assert_eq!(refused.status(), 422);
    assert_eq!(team(&app, world.child).await.len(), 2);
}

on_both_databases!(
    the_admin_adds_a_therapist_names_the_primary_and_removes_the_old_one,
    the_last_therapist_cannot_be_removed_and_a_stranger_cannot_join,
    an_admin_adding_a_family_names_its_primary_therapist,
    deactivating_a_childs_only_therapist_first_asks_where_the_child_goes,
    part_of_a_caseload_moves_in_one_step,
);
