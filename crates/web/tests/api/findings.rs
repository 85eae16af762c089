//! The outside security test's findings 1, 2, 4, 5 and 7, each reproduced
//! through HTTP as the tester did it. (Finding 3 is `audit_seal`, finding 6
//! `connections`.)

use carryover_store::Backend;
use reqwest::{Method, header};

use crate::helpers::{TestApp, TestClient, on_both_databases, spawn_app, spawn_app_with};
use crate::world::{PASSWORD, Persona, World};

fn invitation_path(html: &str) -> String {
    let start = html.find("/invite/").expect("an invitation link on the page");
    let rest = &html[start..];
    let end = rest.find(|c: char| c == '"' || c == '<' || c.is_whitespace()).unwrap_or(rest.len());
    rest[..end].to_owned()
}

async fn reset_link(world: &World, persona: Persona) -> String {
    let id = world.person(persona).person_id;
    let page =
        world.client(Persona::Admin).post_form(&format!("/admin/people/{id}/reset"), &[]).await;
    assert_eq!(page.status(), 200);
    invitation_path(&page.text().await.unwrap())
}

/// Finding 1: reset link A, then B; B is used; A still set a password and
/// signed the real person out.
async fn an_older_reset_link_stops_working_once_a_newer_one_is_made(backend: Backend) {
    let app = spawn_app(backend).await;
    let world = World::build(&app).await;
    let older = reset_link(&world, Persona::TeamTherapist).await;
    let newer = reset_link(&world, Persona::TeamTherapist).await;
    let owner = app.new_client();
    assert_eq!(owner.get(&older).await.status(), 410, "a newer link ended the older one");
    let set = [
        ("password", "bright morning walrus"),
        ("password_confirm", "bright morning walrus"),
        ("lang", "en"),
    ];
    assert_eq!(owner.post_form(&newer, &set).await.status(), 303);
    assert_eq!(owner.get("/home").await.status(), 200);

    let attacker = app.new_client();
    let takeover = [
        ("password", "attacker owns this now"),
        ("password_confirm", "attacker owns this now"),
        ("lang", "en"),
    ];
    assert_eq!(attacker.post_form(&older, &takeover).await.status(), 410);
    assert_eq!(owner.get("/home").await.status(), 200, "the real person stays signed in");
    let email = &world.person(Persona::TeamTherapist).email;
    let tried = app
        .new_client()
        .post_form("/login", &[("email", email), ("password", "attacker owns this now")])
        .await;
    assert_eq!(tried.status(), 401, "the older link set no password");
    let open: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM invitation WHERE person_id = $1 AND used_at IS NULL AND ended_at IS NULL",
    )
    .bind(world.person(Persona::TeamTherapist).person_id.to_string())
    .fetch_one(app.db.reader())
    .await
    .unwrap();
    assert_eq!(open, 0);
}

fn from(
    client: &TestClient,
    path: &str,
    forwarded_for: &str,
    form: &[(&str, &str)],
) -> reqwest::RequestBuilder {
    client
        .request(Method::POST, path)
        .header("sec-fetch-site", "same-origin")
        .header("x-forwarded-for", forwarded_for)
        .form(form)
}

/// Finding 2: behind the proxy every user shared the proxy's address, so
/// thirty failures from anywhere gave everyone a 429.
async fn behind_the_proxy_one_clients_failures_block_only_that_client(backend: Backend) {
    let app = spawn_app_with(backend, |c| c.behind_tls_proxy = true).await;
    let world = World::build(&app).await;
    let stranger = app.new_client();
    let mut last = 0;
    for n in 0..30 {
        let email = format!("nobody{n}@example.org");
        let form = [("email", email.as_str()), ("password", "wrong password here")];
        last =
            stranger.send(from(&stranger, "/login", "203.0.113.9", &form)).await.status().as_u16();
    }
    assert_eq!(last, 429, "the failing address is throttled");
    let parent = app.new_client();
    let email = world.person(Persona::Guardian).email.clone();
    let form = [("email", email.as_str()), ("password", PASSWORD)];
    let signed_in = parent.send(from(&parent, "/login", "198.51.100.7", &form)).await;
    assert_eq!(signed_in.status(), 303, "another client behind the same proxy signs in");
    assert_eq!(
        app.audit_count("action = 'sign_in' AND client_addr = '198.51.100.7'").await,
        1,
        "the audit row names the client, not the proxy"
    );
}

/// Finding 2: one wrong password every few minutes kept a known account locked.
async fn a_stranger_cannot_lock_a_parent_out(backend: Backend) {
    let app = spawn_app_with(backend, |c| c.behind_tls_proxy = true).await;
    let world = World::build(&app).await;
    let email = world.person(Persona::Guardian).email.clone();
    let stranger = app.new_client();
    let guess = [("email", email.as_str()), ("password", "is it this one")];
    let mut statuses = Vec::new();
    for _ in 0..8 {
        statuses.push(
            stranger.send(from(&stranger, "/login", "203.0.113.9", &guess)).await.status().as_u16(),
        );
    }
    assert_eq!(statuses, [401, 401, 401, 401, 429, 429, 429, 429]);
    let parent = app.new_client();
    let right = [("email", email.as_str()), ("password", PASSWORD)];
    assert_eq!(parent.send(from(&parent, "/login", "198.51.100.7", &right)).await.status(), 303);
    let again = stranger.send(from(&stranger, "/login", "203.0.113.9", &guess)).await;
    assert_eq!(again.status(), 429, "the stranger is still waiting");
}

/// Without `--behind-tls-proxy`, forwarding headers are anyone's to send.
async fn forwarding_headers_are_ignored_without_a_proxy(backend: Backend) {
    let app = spawn_app(backend).await;
    let world = World::build(&app).await;
    let client = app.new_client();
    let email = world.person(Persona::Guardian).email.clone();
    let form = [("email", email.as_str()), ("password", PASSWORD)];
    assert_eq!(client.send(from(&client, "/login", "203.0.113.9", &form)).await.status(), 303);
    assert_eq!(app.audit_count("client_addr = '203.0.113.9'").await, 0);
}

/// Finding 4: `next=/%09/evil.example` redirected off-site, and a newline in
/// `next` gave a 500 after the session was made.
async fn a_tab_or_newline_in_next_goes_home(backend: Backend) {
    let app = spawn_app(backend).await;
    let world = World::build(&app).await;
    let page = app.new_client().get("/login?next=/%09/evil.example").await.text().await.unwrap();
    assert!(page.contains("name=\"next\" value=\"/\""), "{page}");
    let email = world.person(Persona::Guardian).email.clone();
    for next in ["/\t/evil.example", "/%09/evil.example", "/\n/x", "/home\r\nSet-Cookie: a=b"] {
        let client = app.new_client();
        let response = client
            .post_form("/login", &[("email", &email), ("password", PASSWORD), ("next", next)])
            .await;
        assert_eq!(response.status(), 303, "{next:?}");
        assert_eq!(response.headers()[header::LOCATION], "/home", "{next:?}");
        let lang = client.post_form("/lang", &[("lang", "es"), ("next", next)]).await;
        assert_eq!(lang.status(), 303, "{next:?}");
        assert_eq!(lang.headers()[header::LOCATION], "/", "{next:?}");
    }
}

/// Finding 5: guessing the current password on the change-password page
/// was not throttled.
async fn guessing_the_current_password_is_throttled(backend: Backend) {
    let app = spawn_app(backend).await;
    let world = World::build(&app).await;
    let therapist = world.client(Persona::TeamTherapist);
    let guess = |current: &'static str| {
        [
            ("current", current),
            ("password", "a new long password"),
            ("password_confirm", "a new long password"),
        ]
    };
    let mut statuses = Vec::new();
    for _ in 0..5 {
        statuses.push(
            therapist.post_form("/account/password", &guess("wrong guess")).await.status().as_u16(),
        );
    }
    assert_eq!(statuses, [422, 422, 422, 422, 429]);
    let right = therapist.post_form("/account/password", &guess(PASSWORD)).await;
    assert_eq!(right.status(), 429, "even the right password waits");
    app.clock.advance(time::Duration::minutes(1));
    let later = therapist.post_form("/account/password", &guess(PASSWORD)).await;
    assert_eq!(later.status(), 303, "after the wait the owner changes it");
}

/// Finding 7: names reversed by U+202E are refused where staff type them.
async fn a_name_that_reverses_its_display_is_refused(backend: Backend) {
    let app = spawn_app(backend).await;
    let world = World::build(&app).await;
    let form =
        [("name", "Ana \u{202E}txt.exe"), ("email", "ana@example.org"), ("role", "therapist")];
    let response = world.client(Persona::Admin).post_form("/admin/people", &form).await;
    assert_eq!(response.status(), 422);
    let made: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM person WHERE email = 'ana@example.org'")
            .fetch_one(app.db.reader())
            .await
            .unwrap();
    assert_eq!(made, 0);
}

/// Finding 7: an OPTIONS or PUT is answered 404 and is no error of ours.
async fn an_options_or_put_is_refused_quietly(backend: Backend) {
    let app: TestApp = spawn_app(backend).await;
    for method in [Method::OPTIONS, Method::PUT] {
        let response = app.client.send(app.client.request(method.clone(), "/login")).await;
        assert!(matches!(response.status().as_u16(), 404 | 405), "{method}");
    }
}

on_both_databases!(
    an_older_reset_link_stops_working_once_a_newer_one_is_made,
    behind_the_proxy_one_clients_failures_block_only_that_client,
    a_stranger_cannot_lock_a_parent_out,
    forwarding_headers_are_ignored_without_a_proxy,
    a_tab_or_newline_in_next_goes_home,
    guessing_the_current_password_is_throttled,
    a_name_that_reverses_its_display_is_refused,
    an_options_or_put_is_refused_quietly,
);
