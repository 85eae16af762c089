//! Two-step sign-in: enrolling from the account page, the code step after
//! the password, one use per code, recovery codes, throttling, the clinic's
//! requirement, and an admin's reset.

use std::sync::Arc;

use carryover_domain::second_factor::TotpSecret;
use carryover_store::Backend;
use reqwest::header;

use crate::helpers::{TestApp, TestClient, on_both_databases, spawn_app};
use crate::world::{PASSWORD, Persona, World};

fn between<'a>(html: &'a str, start: &str, end: &str) -> Vec<&'a str> {
    html.split(start).skip(1).filter_map(|rest| rest.split(end).next()).collect()
}

/// Enrols through the pages; returns the app's secret and the recovery codes.
async fn enrol(app: &TestApp, client: &TestClient) -> (TotpSecret, Vec<String>) {
    let page = client.post_form("/account/two-factor/start", &[]).await;
    assert_eq!(page.status(), 200);
    let html = page.text().await.unwrap();
    assert!(html.contains("<svg"), "a QR code is shown");
    let shown = between(&html, "data-testid=\"totp-secret\">", "</code>")[0].replace(' ', "");
    let secret = TotpSecret::parse(&shown).unwrap();
    let code = secret.code_at(app.clock_now().unix_timestamp() as u64);
    let confirmed = client.post_form("/account/two-factor/confirm", &[("code", &code)]).await;
    assert_eq!(confirmed.status(), 200);
    let html = confirmed.text().await.unwrap();
    let codes: Vec<String> =
        between(&html, "<li><code>", "</code>").into_iter().map(str::to_owned).collect();
    assert_eq!(codes.len(), 10, "{html}");
    (secret, codes)
}

fn code_now(app: &TestApp, secret: &TotpSecret) -> String {
    secret.code_at(app.clock_now().unix_timestamp() as u64)
}

/// The password step; returns where it sends the browser.
async fn password_step(client: &TestClient, email: &str) -> String {
    let response = client
        .post_form("/login", &[("email", email), ("password", PASSWORD), ("next", "/home")])
        .await;
    assert_eq!(response.status(), 303);
    response.headers()[header::LOCATION].to_str().unwrap().to_owned()
}

async fn code_step(client: &TestClient, code: &str) -> reqwest::Response {
    client.post_form("/login/code", &[("code", code), ("next", "/home")]).await
}

async fn a_therapist_enrols_and_then_signs_in_in_two_steps(backend: Backend) {
    let app = spawn_app(backend).await;
    let world = World::build(&app).await;
    let therapist = world.client(Persona::TeamTherapist);
    let other_device = app.new_client();
    let email = world.person(Persona::TeamTherapist).email.clone();
    crate::world::sign_in(&other_device, &email).await;
    let (secret, _) = enrol(&app, therapist).await;
    assert_eq!(therapist.get("/home").await.status(), 200, "the enrolling session goes on");
    assert_eq!(other_device.get("/home").await.status(), 303, "other sessions ended");
    let status = therapist.get("/account/two-factor").await.text().await.unwrap();
    assert!(status.contains("data-testid=\"two-factor-on\""), "{status}");

    let laptop = app.new_client();
    assert_eq!(password_step(&laptop, &email).await, "/login/code?next=/home");
    assert_eq!(laptop.get("/home").await.status(), 303, "the password step alone opens nothing");
    let child = format!("/children/{}", world.child);
    assert_eq!(laptop.get(&child).await.status(), 303);
    assert_eq!(laptop.get("/login/code").await.status(), 200);
    app.clock.advance(time::Duration::seconds(30));
    let passed = code_step(&laptop, &code_now(&app, &secret)).await;
    assert_eq!(passed.status(), 303);
    assert_eq!(passed.headers()[header::LOCATION], "/home");
    assert_eq!(laptop.get(&child).await.status(), 200);
    let id = world.person(Persona::TeamTherapist).person_id;
    let signed_in = format!("action = 'sign_in' AND actor_id = '{id}'");
    assert_eq!(
        app.audit_count(&signed_in).await,
        3,
        "the world's, the other device's and the laptop's"
    );
}

async fn a_code_is_accepted_once_and_wrong_codes_are_throttled(backend: Backend) {
    let app = spawn_app(backend).await;
    let world = World::build(&app).await;
    let email = world.person(Persona::TeamTherapist).email.clone();
    let (secret, _) = enrol(&app, world.client(Persona::TeamTherapist)).await;
    app.clock.advance(time::Duration::seconds(30));
    let code = code_now(&app, &secret);
    let first = app.new_client();
    password_step(&first, &email).await;
    assert_eq!(code_step(&first, &code).await.status(), 303);
    let replay = app.new_client();
    password_step(&replay, &email).await;
    assert_eq!(code_step(&replay, &code).await.status(), 422, "the same code again is refused");

    let guesser = app.new_client();
    password_step(&guesser, &email).await;
    let mut statuses = Vec::new();
    for guess in ["000000", "111111", "222222", "333333", "444444"] {
        statuses.push(code_step(&guesser, guess).await.status().as_u16());
    }
    // The replayed code was this address's first failure on the account.
    assert_eq!(statuses, [422, 422, 422, 429, 429]);
    let next_step = secret.code_at(app.clock_now().unix_timestamp() as u64 + 30);
    let right_but_waiting = code_step(&guesser, &next_step).await;
    assert_eq!(right_but_waiting.status(), 429, "wrong codes are throttled like passwords");
    let failed = app.audit_count("action = 'failed_sign_in' AND outcome = 'failure'").await;
    assert_eq!(failed, 5, "each wrong code is audited (the throttled ones as refused)");
}

async fn a_recovery_code_signs_in_once(backend: Backend) {
    let app = spawn_app(backend).await;
    let world = World::build(&app).await;
    let email = world.person(Persona::Admin).email.clone();
    let (_, codes) = enrol(&app, world.client(Persona::Admin)).await;
    let lost_phone = app.new_client();
    password_step(&lost_phone, &email).await;
    let typed = codes[3].to_uppercase().replace('-', " ");
    assert_eq!(code_step(&lost_phone, &typed).await.status(), 303);
    assert_eq!(lost_phone.get("/admin/people").await.status(), 200);
    let again = app.new_client();
    password_step(&again, &email).await;
    assert_eq!(code_step(&again, &codes[3]).await.status(), 422, "a recovery code works once");
    let status = lost_phone.get("/account/two-factor").await.text().await.unwrap();
    assert!(status.contains("9 recovery codes left"), "{status}");
}

async fn with_the_requirement_on_staff_enrol_before_seeing_any_child(backend: Backend) {
    let app = spawn_app(backend).await;
    let world = World::build(&app).await;
    world.join_care_team(&app, Persona::Unenrolled).await;
    world.require_second_factor(&app).await;
    let unenrolled = world.client(Persona::Unenrolled);
    let child = format!("/children/{}", world.child);
    for path in [child.as_str(), "/home"] {
        let sent = unenrolled.get(path).await;
        assert_eq!(sent.status(), 303, "{path}");
        assert_eq!(sent.headers()[header::LOCATION], "/account/two-factor?required=1");
    }
    let page = unenrolled.get("/account/two-factor?required=1").await.text().await.unwrap();
    assert!(page.contains("Your clinic asks every staff member"), "{page}");
    enrol(&app, unenrolled).await;
    let record = unenrolled.get(&child).await;
    assert_eq!(record.status(), 200);
    assert!(record.text().await.unwrap().contains("Mia"));
    // Caregivers may enrol, but are never required to.
    assert_eq!(world.client(Persona::Guardian).get(&child).await.status(), 200);
}

async fn an_admin_resets_a_therapists_second_factor_and_their_sessions_end(backend: Backend) {
    let app = spawn_app(backend).await;
    let world = World::build(&app).await;
    let therapist = world.client(Persona::TeamTherapist);
    enrol(&app, therapist).await;
    let id = world.person(Persona::TeamTherapist).person_id;
    let admin = world.client(Persona::Admin);
    let reset = admin.post_form(&format!("/admin/people/{id}/two-factor/reset"), &[]).await;
    assert_eq!(reset.status(), 303);
    assert_eq!(reset.headers()[header::LOCATION], "/admin/people?done=two-factor-reset");
    assert_eq!(therapist.get("/home").await.status(), 303, "their sessions ended");
    let audited = format!("action = 'reset_second_factor' AND resource_id = '{id}'");
    assert_eq!(app.audit_count(&audited).await, 1);
    let email = world.person(Persona::TeamTherapist).email.clone();
    assert_eq!(password_step(&app.new_client(), &email).await, "/home", "no code asked any more");
    let own = world.person(Persona::Admin).person_id;
    let herself = admin.post_form(&format!("/admin/people/{own}/two-factor/reset"), &[]).await;
    assert_eq!(herself.status(), 422, "an admin does not reset her own");
    let caregiver = world.person(Persona::Guardian).person_id;
    let family = admin.post_form(&format!("/admin/people/{caregiver}/two-factor/reset"), &[]).await;
    assert_eq!(family.status(), 404, "only staff are reset by an admin");
}

async fn a_reset_link_does_not_get_around_the_second_factor(backend: Backend) {
    let app = spawn_app(backend).await;
    let world = World::build(&app).await;
    enrol(&app, world.client(Persona::TeamTherapist)).await;
    let id = world.person(Persona::TeamTherapist).person_id;
    let page =
        world.client(Persona::Admin).post_form(&format!("/admin/people/{id}/reset"), &[]).await;
    let html = page.text().await.unwrap();
    let start = html.find("/invite/").unwrap();
    let link: String = html[start..].chars().take_while(|c| *c != '"' && *c != '<').collect();
    let someone = app.new_client();
    let set = [
        ("password", "fresh long passphrase"),
        ("password_confirm", "fresh long passphrase"),
        ("lang", "en"),
    ];
    let accepted = someone.post_form(&link, &set).await;
    assert_eq!(accepted.status(), 303);
    assert!(accepted.headers()[header::LOCATION].to_str().unwrap().starts_with("/login/code"));
    assert_eq!(someone.get(&format!("/children/{}", world.child)).await.status(), 303);
}

async fn the_requirement_is_a_clinic_setting_on_for_new_clinics(backend: Backend) {
    let app = spawn_app(backend).await;
    let world = World::build(&app).await;
    let ops = carryover_ops::Ops {
        db: app.db.clone(),
        clock: Arc::new(app.clock.clone()),
        secrets: carryover_ops::secrets::random(),
        passwords: carryover::passwords::PasswordHasher::new(
            carryover::passwords::PasswordCost::Fast,
        )
        .unwrap(),
    };
    let therapist = carryover_store::people::account_in_clinic(
        &mut app.db.read_conn().await.unwrap(),
        world.clinic,
        world.person(Persona::Unenrolled).person_id,
    )
    .await
    .unwrap()
    .unwrap()
    .actor()
    .unwrap();
    let satisfied = |ops| carryover_ops::two_factor::requirement_satisfied(ops, &therapist);
    assert!(satisfied(&ops).await.unwrap(), "clinic A starts without the requirement");
    let admin = world.client(Persona::Admin);
    enrol(&app, admin).await;
    let form = [
        ("name", "Clinic A"),
        ("time_zone", "UTC"),
        ("copm_threshold", "2"),
        ("guardian_read_days", "90"),
        ("retention_years", "7"),
        ("require_second_factor", "on"),
    ];
    assert_eq!(admin.post_form("/admin/settings", &form).await.status(), 303);
    assert!(!satisfied(&ops).await.unwrap(), "an unenrolled therapist may not act now");
    let page = admin.get("/admin/settings").await.text().await.unwrap();
    assert!(page.contains("type=\"checkbox\" value=\"on\" checked"), "{page}");

    let now = app.clock_now();
    let mut tx = app.db.begin_write().await.unwrap();
    let new = |is_demo| carryover_store::NewClinic { name: "New".into(), is_demo };
    let real = carryover_store::clinic::insert_clinic(&mut tx, &new(false), now).await.unwrap();
    let demo = carryover_store::clinic::insert_clinic(&mut tx, &new(true), now).await.unwrap();
    carryover_store::commit(tx).await.unwrap();
    assert!(real.require_second_factor, "on by default for a new clinic");
    assert!(!demo.require_second_factor, "off for the demo clinic");
}

on_both_databases!(
    a_therapist_enrols_and_then_signs_in_in_two_steps,
    a_code_is_accepted_once_and_wrong_codes_are_throttled,
    a_recovery_code_signs_in_once,
    with_the_requirement_on_staff_enrol_before_seeing_any_child,
    an_admin_resets_a_therapists_second_factor_and_their_sessions_end,
    a_reset_link_does_not_get_around_the_second_factor,
    the_requirement_is_a_clinic_setting_on_for_new_clinics,
);

async fn make_token(client: &TestClient) -> String {
    let page =
        client.post_form("/account/tokens", &[("name", "report script"), ("days", "30")]).await;
    assert_eq!(page.status(), 200);
    let html = page.text().await.unwrap();
    let start = html.find("data-testid=\"new-token\">").expect("the new token is shown") + 24;
    html[start..start + html[start..].find('<').unwrap()].to_owned()
}

async fn with_bearer(app: &TestApp, token: &str, path: &str) -> reqwest::Response {
    let client = app.new_client();
    client.send(client.request(reqwest::Method::GET, path).bearer_auth(token)).await
}

/// The API: staff without the required second factor get nothing from a
/// token, cannot make one, and lose theirs when an admin resets theirs.
async fn tokens_follow_the_second_factor_requirement(backend: Backend) {
    let app = spawn_app(backend).await;
    let world = World::build(&app).await;
    let unenrolled = world.client(Persona::Unenrolled);
    let token = make_token(unenrolled).await;
    assert_eq!(with_bearer(&app, &token, "/api/v1/me").await.status(), 200);
    let therapist_token = make_token(world.client(Persona::TeamTherapist)).await;

    world.require_second_factor(&app).await;
    let refused = with_bearer(&app, &token, "/api/v1/children").await;
    assert_eq!(refused.status(), 403);
    assert!(refused.text().await.unwrap().contains("second_factor_required"));
    let page =
        unenrolled.post_form("/account/tokens", &[("name", "another"), ("days", "30")]).await;
    assert_eq!(page.status(), 303, "sent to enrol before making a token");
    assert_eq!(with_bearer(&app, &therapist_token, "/api/v1/me").await.status(), 200);

    let id = world.person(Persona::TeamTherapist).person_id;
    let admin = world.client(Persona::Admin);
    admin.post_form(&format!("/admin/people/{id}/two-factor/reset"), &[]).await;
    let ended = with_bearer(&app, &therapist_token, "/api/v1/me").await;
    assert_eq!(ended.status(), 401, "a reset ends the person's tokens");
}

on_both_databases!(tokens_follow_the_second_factor_requirement);
