//! Getting in and staying safe: sign-in, throttling, sessions, invitations.

use carryover_store::Backend;
use time::Duration;

use crate::{
    helpers::{TestClient, on_both_databases, spawn_app},
    world::{PASSWORD, Persona, World, sign_in},
};

const COOKIE: &str = "__Host-carryover";

async fn body(response: reqwest::Response) -> String {
    response.text().await.unwrap()
}

fn alert(html: &str) -> String {
    let start = html.find("role=\"alert\"").expect("an alert on the page");
    let text = &html[start..];
    text[text.find('>').unwrap() + 1..text.find("</p>").unwrap()].to_owned()
}

async fn an_unknown_email_and_a_wrong_password_get_the_same_answer(backend: Backend) {
    let app = spawn_app(backend).await;
    let world = World::build(&app).await;
    let guardian = world.person(Persona::Guardian).email.clone();
    let client = app.new_client();
    let wrong =
        client.post_form("/login", &[("email", &guardian), ("password", "not the password")]).await;
    let unknown = client
        .post_form("/login", &[("email", "nobody@example.org"), ("password", "not the password")])
        .await;
    assert_eq!(wrong.status(), unknown.status());
    assert_eq!(wrong.status(), 401);
    assert_eq!(alert(&body(wrong).await), alert(&body(unknown).await));
    assert!(client.cookie(COOKIE).is_none());
}

async fn a_session_cookie_is_host_only_secure_and_http_only(backend: Backend) {
    let app = spawn_app(backend).await;
    let world = World::build(&app).await;
    let response = sign_in(&app.new_client(), &world.person(Persona::Guardian).email).await;
    let cookie = response
        .headers()
        .get_all("set-cookie")
        .iter()
        .map(|v| v.to_str().unwrap().to_owned())
        .find(|c| c.starts_with(COOKIE))
        .unwrap();
    for part in ["Path=/", "Secure", "HttpOnly", "SameSite=Lax"] {
        assert!(cookie.contains(part), "{cookie} has {part}");
    }
    assert!(!cookie.contains("Domain="));
}

async fn throttling_makes_an_account_wait_after_five_failures_even_with_the_right_password(
    backend: Backend,
) {
    let app = spawn_app(backend).await;
    let world = World::build(&app).await;
    let email = world.person(Persona::Guardian).email.clone();
    let client = app.new_client();
    for attempt in 1..=5 {
        let response =
            client.post_form("/login", &[("email", &email), ("password", "wrong guess")]).await;
        let expected = if attempt < 5 { 401 } else { 429 };
        assert_eq!(response.status(), expected, "attempt {attempt}");
    }
    let refused = client.post_form("/login", &[("email", &email), ("password", PASSWORD)]).await;
    assert_eq!(refused.status(), 429);
    assert!(refused.headers()["retry-after"].to_str().unwrap().parse::<u64>().unwrap() >= 1);
    assert!(alert(&body(refused).await).contains("wait"));
    assert!(client.cookie(COOKIE).is_none(), "no session while throttled");

    app.clock.advance(Duration::seconds(31));
    assert_eq!(
        client.post_form("/login", &[("email", &email), ("password", PASSWORD)]).await.status(),
        303
    );
    // A successful sign-in resets the count: one more failure is free again.
    let again = app
        .new_client()
        .post_form("/login", &[("email", &email), ("password", "wrong guess")])
        .await;
    assert_eq!(again.status(), 401);
}

async fn one_address_failing_on_many_accounts_gets_429_with_retry_after(backend: Backend) {
    let app = spawn_app(backend).await;
    let client = app.new_client();
    let mut last = None;
    for i in 0..30 {
        let email = format!("guess{i}@example.org");
        last = Some(
            client.post_form("/login", &[("email", &email), ("password", "wrong guess")]).await,
        );
    }
    let last = last.unwrap();
    assert_eq!(last.status(), 429);
    let retry: u64 = last.headers()["retry-after"].to_str().unwrap().parse().unwrap();
    assert!(retry > 60 && retry <= 15 * 60, "{retry}");
}

async fn signing_in_always_issues_a_new_session_id(backend: Backend) {
    let app = spawn_app(backend).await;
    let world = World::build(&app).await;
    let client = app.new_client();
    let planted = "a".repeat(64);
    client.set_cookie(COOKIE, &planted);
    sign_in(&client, &world.person(Persona::Guardian).email).await;
    let first = client.cookie(COOKIE).unwrap();
    assert_ne!(first, planted, "a session id brought by the browser is never adopted");
    sign_in(&client, &world.person(Persona::Guardian).email).await;
    assert_ne!(client.cookie(COOKIE).unwrap(), first);
}

/// A client that replays a cookie after it should be dead.
fn replay(app_address: &str, token: &str) -> TestClient {
    let client = TestClient::new(app_address);
    client.set_cookie(COOKIE, token);
    client
}

async fn assert_refused(client: &TestClient) {
    let response = client.get("/home").await;
    assert_eq!(response.status(), 303);
    assert!(response.headers()["location"].to_str().unwrap().starts_with("/login"));
}

async fn an_old_session_id_is_refused_after_sign_out(backend: Backend) {
    let app = spawn_app(backend).await;
    let world = World::build(&app).await;
    let client = world.client(Persona::Guardian);
    let token = client.cookie(COOKIE).unwrap();
    assert_eq!(client.get("/home").await.status(), 200);
    let out = client.post_form("/logout", &[]).await;
    assert_eq!(out.status(), 303);
    assert!(client.cookie(COOKIE).is_none(), "the cookie is cleared");
    assert_refused(&replay(&app.address, &token)).await;
}

async fn a_password_change_ends_every_other_session(backend: Backend) {
    let app = spawn_app(backend).await;
    let world = World::build(&app).await;
    let email = world.person(Persona::Guardian).email.clone();
    let phone = world.client(Persona::Guardian);
    let laptop = app.new_client();
    sign_in(&laptop, &email).await;
    let old_phone = phone.cookie(COOKIE).unwrap();
    let changed = laptop
        .post_form(
            "/account/password",
            &[
                ("current", PASSWORD),
                ("password", "a brand new passphrase"),
                ("password_confirm", "a brand new passphrase"),
            ],
        )
        .await;
    assert_eq!(changed.status(), 303);
    assert_refused(&replay(&app.address, &old_phone)).await;
    assert_eq!(laptop.get("/home").await.status(), 200, "the changer gets a fresh session");
    let fresh = app.new_client();
    let signed = fresh
        .post_form("/login", &[("email", &email), ("password", "a brand new passphrase")])
        .await;
    assert_eq!(signed.status(), 303);
}

async fn a_common_new_password_is_refused_with_a_message_and_nothing_changes(backend: Backend) {
    let app = spawn_app(backend).await;
    let world = World::build(&app).await;
    let client = world.client(Persona::Guardian);
    let refused = client
        .post_form(
            "/account/password",
            &[
                ("current", PASSWORD),
                ("password", "password123"),
                ("password_confirm", "password123"),
            ],
        )
        .await;
    assert_eq!(refused.status(), 422);
    assert!(body(refused).await.contains("too easy to guess"));
    assert_eq!(client.get("/home").await.status(), 200, "the session still works");
    sign_in(&app.new_client(), &world.person(Persona::Guardian).email).await;
}

async fn deactivation_ends_every_session_of_that_person(backend: Backend) {
    let app = spawn_app(backend).await;
    let world = World::build(&app).await;
    let therapist = world.client(Persona::TeamTherapist);
    let token = therapist.cookie(COOKIE).unwrap();
    let id = world.person(Persona::TeamTherapist).person_id;
    // The only active therapist of the world's child: the child goes to another one.
    let other = world.person(Persona::OtherTherapist).person_id.to_string();
    let done = world
        .client(Persona::Admin)
        .post_form(&format!("/admin/people/{id}/deactivate"), &[("move_to", &other)])
        .await;
    assert_eq!(done.status(), 303);
    assert_refused(&replay(&app.address, &token)).await;
    let again = app.new_client();
    let email = world.person(Persona::TeamTherapist).email.clone();
    assert_eq!(
        again.post_form("/login", &[("email", &email), ("password", PASSWORD)]).await.status(),
        401
    );
}

async fn a_staff_session_ends_after_thirty_idle_minutes(backend: Backend) {
    let app = spawn_app(backend).await;
    let world = World::build(&app).await;
    let therapist = world.client(Persona::TeamTherapist);
    app.clock.advance(Duration::minutes(29));
    assert_eq!(therapist.get("/home").await.status(), 200, "activity keeps it alive");
    app.clock.advance(Duration::minutes(29));
    assert_eq!(therapist.get("/home").await.status(), 200);
    app.clock.advance(Duration::minutes(30));
    assert_refused(therapist).await;
}

async fn a_caregiver_session_lasts_two_idle_weeks_and_ninety_days_at_most(backend: Backend) {
    let app = spawn_app(backend).await;
    let world = World::build(&app).await;
    let guardian = world.client(Persona::Guardian);
    let helper = world.client(Persona::Helper);
    app.clock.advance(Duration::days(13));
    assert_eq!(guardian.get("/home").await.status(), 200);
    app.clock.advance(Duration::days(1) + Duration::minutes(1));
    assert_refused(helper).await;
    for _ in 0..6 {
        app.clock.advance(Duration::days(12));
        assert_eq!(guardian.get("/home").await.status(), 200);
    }
    app.clock.advance(Duration::days(5));
    assert_refused(guardian).await;
}

async fn a_cross_site_post_is_refused_and_the_session_stays(backend: Backend) {
    let app = spawn_app(backend).await;
    let world = World::build(&app).await;
    let therapist = world.client(Persona::TeamTherapist);
    let forged = therapist
        .request(reqwest::Method::POST, "/households")
        .header("sec-fetch-site", "cross-site")
        .form(&[
            ("child_name", "Forged"),
            ("caregiver_name", "X Y"),
            ("caregiver_email", "x@example.org"),
            ("relationship", "mother"),
            ("access", "guardian"),
        ]);
    assert_eq!(therapist.send(forged).await.status(), 403);
    let logout = therapist
        .request(reqwest::Method::POST, "/logout")
        .header("origin", "https://evil.example");
    assert_eq!(therapist.send(logout).await.status(), 403);
    assert_eq!(therapist.get("/home").await.status(), 200, "the session was not ended");
    assert_eq!(app.audit_count("action = 'create'").await, 0, "no household was made");
}

async fn pages_with_a_childs_information_are_never_cached(backend: Backend) {
    let app = spawn_app(backend).await;
    let world = World::build(&app).await;
    let page = world.client(Persona::Guardian).get(&format!("/children/{}", world.child)).await;
    assert_eq!(page.status(), 200);
    assert_eq!(page.headers()["cache-control"], "no-store");
    assert!(
        page.headers()["content-security-policy"].to_str().unwrap().contains("script-src 'self'")
    );
}

on_both_databases!(
    an_unknown_email_and_a_wrong_password_get_the_same_answer,
    a_session_cookie_is_host_only_secure_and_http_only,
    throttling_makes_an_account_wait_after_five_failures_even_with_the_right_password,
    one_address_failing_on_many_accounts_gets_429_with_retry_after,
    signing_in_always_issues_a_new_session_id,
    an_old_session_id_is_refused_after_sign_out,
    a_password_change_ends_every_other_session,
    a_common_new_password_is_refused_with_a_message_and_nothing_changes,
    deactivation_ends_every_session_of_that_person,
    a_staff_session_ends_after_thirty_idle_minutes,
    a_caregiver_session_lasts_two_idle_weeks_and_ninety_days_at_most,
    a_cross_site_post_is_refused_and_the_session_stays,
    pages_with_a_childs_information_are_never_cached,
);
