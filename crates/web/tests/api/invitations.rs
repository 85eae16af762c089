//! Invitations: a therapist adds a family, an admin invites staff or resets a
//! password, and the first admin of a real clinic comes from the command line.

use carryover_store::Backend;
use time::Duration;

use crate::{
    helpers::{TestApp, TestClient, on_both_databases, spawn_app},
    world::{PASSWORD, Persona, World},
};

fn invitation_path(html: &str) -> String {
    let start = html.find("/invite/").expect("an invitation link on the page");
    let rest = &html[start..];
    let end = rest.find(|c: char| c == '"' || c == '<' || c.is_whitespace()).unwrap_or(rest.len());
    rest[..end].to_owned()
}

async fn add_family(app: &TestApp, therapist: &TestClient, email: &str) -> String {
    let form = [
        ("child_name", "Valentina"),
        ("caregiver_name", "Rosa Diaz"),
        ("caregiver_email", email),
        ("relationship", "grandparent"),
        ("access", "guardian"),
    ];
    let response = therapist.post_form("/households", &form).await;
    assert_eq!(response.status(), 200);
    let html = response.text().await.unwrap();
    assert!(
        html.contains("data-testid=\"invite-qr\"") && html.contains("<svg"),
        "a QR code is shown"
    );
    assert!(html.contains(&format!("{}/invite/", app.address)), "an absolute link is shown");
    invitation_path(&html)
}

async fn a_family_added_by_a_therapist_joins_through_a_single_use_link(backend: Backend) {
    let app = spawn_app(backend).await;
    let world = World::build(&app).await;
    let therapist = world.client(Persona::TeamTherapist);
    let link = add_family(&app, therapist, "rosa@example.org").await;

    let phone = app.new_client();
    let form = phone.get(&link).await;
    assert_eq!(form.status(), 200);
    assert!(form.text().await.unwrap().contains("name=\"password_confirm\""));
    let accepted = phone
        .post_form(
            &link,
            &[
                ("password", "sunny kitchen table"),
                ("password_confirm", "sunny kitchen table"),
                ("lang", "es"),
            ],
        )
        .await;
    assert_eq!(accepted.status(), 303);
    assert_eq!(accepted.headers()["location"], "/home");
    let home = phone.get("/home").await.text().await.unwrap();
    assert!(home.contains("<html lang=\"es\">") && home.contains("Valentina"), "{home}");

    let again = app.new_client().get(&link).await;
    assert_eq!(again.status(), 410, "the link works once");
    let reuse = app
        .new_client()
        .post_form(
            &link,
            &[
                ("password", "another good phrase"),
                ("password_confirm", "another good phrase"),
                ("lang", "en"),
            ],
        )
        .await;
    assert_eq!(reuse.status(), 410);
    let caseload = therapist.get("/home").await.text().await.unwrap();
    assert!(caseload.contains("Valentina"), "the therapist is on the new child's care team");
}

async fn an_invitation_expires_after_seven_days(backend: Backend) {
    let app = spawn_app(backend).await;
    let world = World::build(&app).await;
    let link = add_family(&app, world.client(Persona::TeamTherapist), "late@example.org").await;
    app.clock.advance(Duration::days(7) + Duration::minutes(1));
    assert_eq!(app.new_client().get(&link).await.status(), 410);
}

async fn a_weak_password_on_the_invitation_is_explained_and_the_link_still_works(backend: Backend) {
    let app = spawn_app(backend).await;
    let world = World::build(&app).await;
    let link = add_family(&app, world.client(Persona::TeamTherapist), "weak@example.org").await;
    let phone = app.new_client();
    let weak = phone
        .post_form(
            &link,
            &[("password", "12345678"), ("password_confirm", "12345678"), ("lang", "en")],
        )
        .await;
    assert_eq!(weak.status(), 422);
    assert!(weak.text().await.unwrap().contains("too easy to guess"));
    let mismatch = phone
        .post_form(
            &link,
            &[
                ("password", "sunny kitchen table"),
                ("password_confirm", "sunny kitchen tables"),
                ("lang", "en"),
            ],
        )
        .await;
    assert!(mismatch.text().await.unwrap().contains("not the same"));
    assert_eq!(phone.get(&link).await.status(), 200, "nothing was used up");
}

async fn a_household_form_with_mistakes_says_what_to_fix_and_creates_nothing(backend: Backend) {
    let app = spawn_app(backend).await;
    let world = World::build(&app).await;
    let therapist = world.client(Persona::TeamTherapist);
    let form = [
        ("child_name", " "),
        ("caregiver_name", "Rosa"),
        ("caregiver_email", "not-an-email"),
        ("relationship", "mother"),
        ("access", "guardian"),
    ];
    let response = therapist.post_form("/households", &form).await;
    assert_eq!(response.status(), 422);
    let html = response.text().await.unwrap();
    assert!(
        html.contains("id=\"child_name-error\"") && html.contains("id=\"caregiver_email-error\"")
    );
    assert!(html.contains("aria-invalid=\"true\""));
    let staff_email = world.person(Persona::OtherTherapist).email.clone();
    let taken = [
        ("child_name", "Val"),
        ("caregiver_name", "Rosa"),
        ("caregiver_email", staff_email.as_str()),
        ("relationship", "mother"),
        ("access", "guardian"),
    ];
    let response = therapist.post_form("/households", &taken).await;
    assert_eq!(response.status(), 422);
    assert!(response.text().await.unwrap().contains("already used"));
    let children: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM child").fetch_one(app.db.reader()).await.unwrap();
    assert_eq!(children, 2, "only the world's two children");
}

async fn an_admin_invites_staff_and_resets_a_password(backend: Backend) {
    let app = spawn_app(backend).await;
    let world = World::build(&app).await;
    let admin = world.client(Persona::Admin);
    let invited = admin
        .post_form(
            "/admin/people",
            &[("name", "Nina New"), ("email", "nina@example.org"), ("role", "therapist")],
        )
        .await;
    assert_eq!(invited.status(), 200);
    let link = invitation_path(&invited.text().await.unwrap());
    let nina = app.new_client();
    let joined = nina
        .post_form(
            &link,
            &[
                ("password", "quiet river stones"),
                ("password_confirm", "quiet river stones"),
                ("lang", "en"),
            ],
        )
        .await;
    assert_eq!(joined.status(), 303);
    assert_eq!(nina.get("/households/new").await.status(), 200, "a therapist now");

    let therapist = world.person(Persona::TeamTherapist).person_id;
    let old_session = world.client(Persona::TeamTherapist);
    let reset = admin.post_form(&format!("/admin/people/{therapist}/reset"), &[]).await;
    let link = invitation_path(&reset.text().await.unwrap());
    let done = app
        .new_client()
        .post_form(
            &link,
            &[
                ("password", "fresh morning coffee"),
                ("password_confirm", "fresh morning coffee"),
                ("lang", "en"),
            ],
        )
        .await;
    assert_eq!(done.status(), 303);
    assert_eq!(old_session.get("/home").await.status(), 303, "the reset ended older sessions");
    let email = world.person(Persona::TeamTherapist).email.clone();
    assert_eq!(
        app.new_client()
            .post_form("/login", &[("email", &email), ("password", PASSWORD)])
            .await
            .status(),
        401
    );
}

async fn a_new_clinics_first_admin_signs_in_through_the_printed_link(backend: Backend) {
    let app = spawn_app(backend).await;
    let printed = carryover::admin_cli::create_clinic(
        &app.db,
        "Bright Steps OT",
        "Owner@Example.org",
        Some("Olga Owner"),
        &app.address,
    )
    .await
    .unwrap();
    assert!(printed.contains("Bright Steps OT"));
    let link = invitation_path(&printed);
    let owner = app.new_client();
    let joined = owner
        .post_form(
            &link,
            &[
                ("password", "tall green giraffe"),
                ("password_confirm", "tall green giraffe"),
                ("lang", "en"),
            ],
        )
        .await;
    assert_eq!(joined.status(), 303);
    // A new clinic requires staff to enrol a second factor before anything else.
    let people = owner.get("/admin/people").await;
    assert_eq!(people.status(), 303, "an admin of the new clinic, not yet enrolled");
    assert_eq!(people.headers()["location"], "/account/two-factor?required=1");
    assert_eq!(owner.get("/account/two-factor").await.status(), 200);
    // Clinics share nothing: the same address can be invited to a second
    // clinic, whose invitation then asks for another address.
    let second = carryover::admin_cli::create_clinic(
        &app.db,
        "Other",
        "owner@example.org",
        None,
        &app.address,
    )
    .await
    .unwrap();
    let link = invitation_path(&second);
    let form = app.new_client().get(&link).await.text().await.unwrap();
    assert!(form.contains("name=\"new_email\""), "the invitee is asked for another address");
}

on_both_databases!(
    a_family_added_by_a_therapist_joins_through_a_single_use_link,
    an_invitation_expires_after_seven_days,
    a_weak_password_on_the_invitation_is_explained_and_the_link_still_works,
    a_household_form_with_mistakes_says_what_to_fix_and_creates_nothing,
    an_admin_invites_staff_and_resets_a_password,
    a_new_clinics_first_admin_signs_in_through_the_printed_link,
);

async fn the_care_team_invites_a_grandparent_as_helper_who_sees_the_plan_but_not_the_notes(
    backend: Backend,
) {
    let app = spawn_app(backend).await;
    let world = World::build(&app).await;
    let therapist = world.client(Persona::TeamTherapist);
    let child = world.child;
    let record = therapist.get(&format!("/children/{child}")).await.text().await.unwrap();
    assert!(
        record.contains(&format!("/children/{child}/caregivers/new")),
        "the record offers the invitation"
    );
    assert_eq!(therapist.get(&format!("/children/{child}/caregivers/new")).await.status(), 200);
    let form = [
        ("caregiver_name", "Gus Grandpa"),
        ("caregiver_email", "gus@example.org"),
        ("relationship", "grandparent"),
        ("access", "helper"),
    ];
    let invited = therapist.post_form(&format!("/children/{child}/caregivers"), &form).await;
    assert_eq!(invited.status(), 200);
    let link = invitation_path(&invited.text().await.unwrap());
    let gus = app.new_client();
    gus.post_form(
        &link,
        &[
            ("password", "porch swing evenings"),
            ("password_confirm", "porch swing evenings"),
            ("lang", "en"),
        ],
    )
    .await;
    let page = gus.get(&format!("/children/{child}")).await.text().await.unwrap();
    assert!(page.contains("Practice plan") && page.contains("Mia"));
    assert!(!page.contains("Private note about sleep"), "a helper does not see notes");

    let views = app.audit_count("action = 'view'").await;
    let again = therapist.post_form(&format!("/children/{child}/caregivers"), &form).await;
    assert_eq!(again.status(), 422);
    assert_eq!(
        app.audit_count("action = 'view'").await,
        views + 1,
        "showing the form again is audited"
    );
    assert!(again.text().await.unwrap().contains("already in this family"));
    let guardian_tries = world
        .client(Persona::Guardian)
        .post_form(&format!("/children/{child}/caregivers"), &form)
        .await;
    assert_eq!(guardian_tries.status(), 404, "only the clinic adds caregivers");
}

on_both_databases!(
    the_care_team_invites_a_grandparent_as_helper_who_sees_the_plan_but_not_the_notes
);

async fn a_caregiver_in_two_households_sees_both_children_with_one_login(backend: Backend) {
    let app = spawn_app(backend).await;
    let world = World::build(&app).await;
    let guardian = world.person(Persona::Guardian).email.clone();
    let form = [
        ("child_name", "Theo"),
        ("caregiver_name", "Gloria Guardian"),
        ("caregiver_email", guardian.as_str()),
        ("relationship", "mother"),
        ("access", "guardian"),
    ];
    let added = world.client(Persona::OtherTherapist).post_form("/households", &form).await;
    assert_eq!(added.status(), 303, "someone who already signs in needs no invitation");
    assert!(added.headers()["location"].to_str().unwrap().starts_with("/children/"));
    let home = world.client(Persona::Guardian).get("/home").await.text().await.unwrap();
    assert!(home.contains("Mia") && home.contains("Theo"), "{home}");
}

on_both_databases!(a_caregiver_in_two_households_sees_both_children_with_one_login);
