//! Caregivers who leave or change: removal and a change of access hold from
//! the person's very next request; a household keeps a guardian; a
//! caregiver left with no household is deactivated and signed out.

use carryover_domain::people::{Access, Relationship};
use carryover_store::{
    Backend,
    people::{self, NewMember},
};
use uuid::Uuid;

use crate::helpers::{TestApp, on_both_databases, spawn_app};
use crate::world::{PASSWORD, Persona, World};

async fn is_member(app: &TestApp, household_of: Uuid, person: Uuid) -> bool {
    let count: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM household_member m JOIN child c ON c.clinic_id = m.clinic_id \
         AND c.household_id = m.household_id WHERE c.child_id = $1 AND m.person_id = $2",
    )
    .bind(household_of.to_string())
    .bind(person.to_string())
    .fetch_one(app.db.reader())
    .await
    .unwrap();
    count > 0
}

/// Puts the helper in the other family too, so that leaving one keeps them active.
async fn also_helper_of_the_other_family(app: &TestApp, world: &World) {
    let household: String =
        sqlx::query_scalar("SELECT household_id FROM child WHERE child_id = $1")
            .bind(world.other_child.to_string())
            .fetch_one(app.db.reader())
            .await
            .unwrap();
    let mut tx = app.db.begin_write().await.unwrap();
    let new = NewMember {
        clinic_id: world.clinic,
        household_id: Uuid::parse_str(&household).unwrap(),
        person_id: world.person(Persona::Helper).person_id,
        relationship: Relationship::Nanny,
        access: Access::Helper,
    };
    people::insert_member(&mut tx, &new, app.clock_now()).await.unwrap();
    carryover_store::commit(tx).await.unwrap();
}

fn remove_form(person: Uuid) -> [(&'static str, String); 2] {
    [("person_id", person.to_string()), ("confirm", "yes".into())]
}

async fn post(
    world: &World,
    persona: Persona,
    path: &str,
    form: &[(&str, String)],
) -> reqwest::Response {
    let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
    world.client(persona).post_form(path, &form).await
}

async fn a_removed_helpers_very_next_request_to_the_child_answers_404(backend: Backend) {
    let app = spawn_app(backend).await;
    let world = World::build(&app).await;
    also_helper_of_the_other_family(&app, &world).await;
    let page = format!("/children/{}", world.child);
    let helper = world.client(Persona::Helper);
    let api = format!("/api/v1/children/{}", world.child);
    assert_eq!(helper.get(&page).await.status(), 200, "before: the helper sees the child");
    assert_eq!(helper.get(&api).await.status(), 200, "and its API twin");

    let path = format!("/children/{}/caregivers/remove", world.child);
    let helper_id = world.person(Persona::Helper).person_id;
    let asked =
        post(&world, Persona::Guardian, &path, &[("person_id", helper_id.to_string())]).await;
    assert_eq!(asked.status(), 200, "the guardian is asked first");
    assert!(asked.text().await.unwrap().contains("Remove Hilda Helper from the family?"));
    assert!(is_member(&app, world.child, helper_id).await, "asking removes nobody");

    let removed = post(&world, Persona::Guardian, &path, &remove_form(helper_id)).await;
    assert_eq!(removed.status(), 303);
    assert_eq!(helper.get(&page).await.status(), 404, "the very next request");
    assert_eq!(
        helper.get(&api).await.status(),
        404,
        "the API too (the calendar feed will share the grant)"
    );
    let home = helper.get("/home").await.text().await.unwrap();
    assert!(!home.contains("Mia") && home.contains("Leo"), "only the other family's child: {home}");
    assert_eq!(helper.get(&format!("/children/{}", world.other_child)).await.status(), 200);
    assert_eq!(app.audit_count("action = 'delete' AND resource_type = 'person'").await, 1);
}

async fn a_caregiver_left_with_no_household_is_deactivated_and_signed_out(backend: Backend) {
    let app = spawn_app(backend).await;
    let world = World::build(&app).await;
    let helper_id = world.person(Persona::Helper).person_id;
    let path = format!("/children/{}/caregivers/remove", world.child);
    let removed = post(&world, Persona::TeamTherapist, &path, &remove_form(helper_id)).await;
    assert_eq!(removed.status(), 303);
    let next = world.client(Persona::Helper).get(&format!("/children/{}", world.child)).await;
    assert_eq!(next.status(), 303, "the session ended: off to sign in");
    assert!(next.headers()["location"].to_str().unwrap().starts_with("/login"));
    let again = app.new_client();
    let email = world.person(Persona::Helper).email.clone();
    let refused = again.post_form("/login", &[("email", &email), ("password", PASSWORD)]).await;
    assert_eq!(refused.status(), 401, "a deactivated account cannot sign in");
}

async fn the_last_guardian_can_be_neither_removed_nor_made_a_helper(backend: Backend) {
    let app = spawn_app(backend).await;
    let world = World::build(&app).await;
    let guardian_id = world.person(Persona::Guardian).person_id;
    let base = format!("/children/{}/caregivers", world.child);
    let removed =
        post(&world, Persona::Admin, &format!("{base}/remove"), &remove_form(guardian_id)).await;
    assert_eq!(removed.status(), 422);
    assert!(removed.text().await.unwrap().contains("A family needs at least one guardian"));
    let form = [("person_id", guardian_id.to_string()), ("access", "helper".to_owned())];
    let demoted = post(&world, Persona::Guardian, &format!("{base}/access"), &form).await;
    assert_eq!(demoted.status(), 422);
    assert!(is_member(&app, world.child, guardian_id).await);
    let notes = world.client(Persona::Guardian).get(&format!("/children/{}", world.child)).await;
    assert!(notes.text().await.unwrap().contains("Private note about sleep"), "still a guardian");
}

async fn a_change_of_access_shows_on_the_next_request(backend: Backend) {
    let app = spawn_app(backend).await;
    let world = World::build(&app).await;
    let helper_id = world.person(Persona::Helper).person_id;
    let path = format!("/children/{}/caregivers/access", world.child);
    let page = format!("/children/{}", world.child);
    let helper = world.client(Persona::Helper);
    assert!(!helper.get(&page).await.text().await.unwrap().contains("Private note"));
    let form = [("person_id", helper_id.to_string()), ("access", "guardian".to_owned())];
    assert_eq!(post(&world, Persona::Guardian, &path, &form).await.status(), 303);
    assert!(
        helper.get(&page).await.text().await.unwrap().contains("Private note"),
        "now a guardian"
    );
    // Two guardians now: the first may step back to helper, and sees less at once.
    let guardian_id = world.person(Persona::Guardian).person_id;
    let form = [("person_id", guardian_id.to_string()), ("access", "helper".to_owned())];
    assert_eq!(post(&world, Persona::Guardian, &path, &form).await.status(), 303);
    let now = world.client(Persona::Guardian).get(&page).await.text().await.unwrap();
    assert!(!now.contains("Private note"), "a helper sees no notes");
}

async fn a_caregiver_of_another_family_cannot_be_named(backend: Backend) {
    let app = spawn_app(backend).await;
    let world = World::build(&app).await;
    let stranger = world.person(Persona::OtherGuardian).person_id;
    let base = format!("/children/{}/caregivers", world.child);
    for persona in [Persona::Guardian, Persona::TeamTherapist, Persona::Admin] {
        let removed =
            post(&world, persona, &format!("{base}/remove"), &remove_form(stranger)).await;
        assert!([404, 422].contains(&removed.status().as_u16()), "{persona:?}");
        let form = [("person_id", stranger.to_string()), ("access", "helper".to_owned())];
        let changed = post(&world, persona, &format!("{base}/access"), &form).await;
        assert!([404, 422].contains(&changed.status().as_u16()), "{persona:?}");
    }
    assert!(is_member(&app, world.other_child, stranger).await, "the other family is as it was");
    let access: String =
        sqlx::query_scalar("SELECT access FROM household_member WHERE person_id = $1")
            .bind(stranger.to_string())
            .fetch_one(app.db.reader())
            .await
            .unwrap();
    assert_eq!(access, "guardian");
}

on_both_databases!(
    a_removed_helpers_very_next_request_to_the_child_answers_404,
    a_caregiver_left_with_no_household_is_deactivated_and_signed_out,
    the_last_guardian_can_be_neither_removed_nor_made_a_helper,
    a_change_of_access_shows_on_the_next_request,
    a_caregiver_of_another_family_cannot_be_named,
);
