//! Clinics share nothing, people included: staff never learn whether an
//! address is used at another clinic, and a parent seen by two clinics has
//! an account at each, under different addresses.

use carryover_store::Backend;

use crate::{
    helpers::{TestClient, on_both_databases, spawn_app},
    world::{Persona, World},
};

/// The response with what differs by nature masked: ids, secrets, and the
/// QR code drawn from the secret.
fn masked(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find("<svg") {
        out.push_str(&rest[..start]);
        let end = rest[start..].find("</svg>").map_or(rest.len(), |e| start + e + "</svg>".len());
        out.push_str("<svg/>");
        rest = &rest[end..];
    }
    out.push_str(rest);
    mask_hex_runs(&out)
}

/// Replaces every run of hex digits and hyphens that is at least 32 long
/// (UUIDs, tokens) with a placeholder.
fn mask_hex_runs(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = String::new();
    let mut i = 0;
    while i < bytes.len() {
        let run = bytes[i..]
            .iter()
            .take_while(|b| b.is_ascii_hexdigit() || **b == b'-' || **b == b'.')
            .count();
        let hex = bytes[i..i + run].iter().filter(|b| b.is_ascii_hexdigit()).count();
        if hex >= 32 {
            out.push_str("<id>");
            i += run;
        } else {
            let ch = text[i..].chars().next().unwrap();
            out.push(ch);
            i += ch.len_utf8();
        }
    }
    out
}

async fn answer(client: &TestClient, path: &str, form: &[(&str, &str)]) -> (u16, String) {
    let response = client.post_form(path, form).await;
    (response.status().as_u16(), masked(&response.text().await.unwrap()))
}

fn family(email: &str) -> Vec<(&'static str, String)> {
    vec![
        ("child_name", "Valentina".into()),
        ("caregiver_name", "Rosa Diaz".into()),
        ("caregiver_email", email.into()),
        ("relationship", "mother".into()),
        ("access", "guardian".into()),
    ]
}

fn as_form<'a>(fields: &'a [(&'static str, String)]) -> Vec<(&'static str, &'a str)> {
    fields.iter().map(|(k, v)| (*k, v.as_str())).collect()
}

fn invitation_path(html: &str) -> String {
    let start = html.find("/invite/").expect("an invitation link on the page");
    let rest = &html[start..];
    rest[..rest.find(['"', '<']).unwrap()].to_owned()
}

async fn staff_get_the_same_answer_for_a_new_address_and_one_used_at_another_clinic(
    backend: Backend,
) {
    let app = spawn_app(backend).await;
    let world = World::build(&app).await;
    let elsewhere = world.person(Persona::ForeignTherapist).email.clone();
    let therapist = world.client(Persona::TeamTherapist);
    let fresh = answer(therapist, "/households", &as_form(&family("fresh@example.org"))).await;
    let used = answer(therapist, "/households", &as_form(&family(&elsewhere))).await;
    assert_eq!(fresh.0, 200);
    assert_eq!(fresh, used, "adding a family must not reveal an address used at another clinic");

    let admin = world.client(Persona::Admin);
    let staff = |email: String| {
        vec![("name", "Sam Staff".to_owned()), ("email", email), ("role", "therapist".into())]
    };
    let fresh =
        answer(admin, "/admin/people", &as_form(&staff("new.staff@example.org".into()))).await;
    // Another address of clinic B: the one above now belongs to a caregiver of this clinic too.
    let elsewhere = world.person(Persona::ForeignAdmin).email.clone();
    let used = answer(admin, "/admin/people", &as_form(&staff(elsewhere))).await;
    assert_eq!(fresh.0, 200);
    assert_eq!(fresh, used, "inviting staff must not reveal an address used at another clinic");
}

async fn an_invitee_whose_address_is_used_elsewhere_joins_under_another_address(backend: Backend) {
    let app = spawn_app(backend).await;
    let world = World::build(&app).await;
    let elsewhere = world.person(Persona::ForeignTherapist).email.clone();
    let response = world
        .client(Persona::TeamTherapist)
        .post_form("/households", &as_form(&family(&elsewhere)))
        .await;
    let link = invitation_path(&response.text().await.unwrap());

    let phone = app.new_client();
    let form = phone.get(&link).await.text().await.unwrap();
    assert!(form.contains("already used with Carryover"), "{form}");
    assert!(form.contains("name=\"new_email\""));
    assert!(!form.contains(&elsewhere), "the other clinic's address is not shown back");
    let password = "sunny kitchen table";
    let without = [("password", password), ("password_confirm", password), ("lang", "en")];
    let refused = phone.post_form(&link, &without).await;
    assert_eq!(refused.status(), 422, "another address is required");
    let taken = [
        ("new_email", elsewhere.as_str()),
        ("password", password),
        ("password_confirm", password),
        ("lang", "en"),
    ];
    assert_eq!(phone.post_form(&link, &taken).await.status(), 422, "the used address is refused");

    let chosen = [
        ("new_email", "rosa.home@example.org"),
        ("password", password),
        ("password_confirm", password),
        ("lang", "en"),
    ];
    let joined = phone.post_form(&link, &chosen).await;
    assert_eq!(joined.status(), 303);
    assert!(phone.get("/home").await.text().await.unwrap().contains("Valentina"));

    // Both accounts sign in, each to its own clinic.
    let again = app.new_client();
    let signed_in = again
        .post_form("/login", &[("email", "rosa.home@example.org"), ("password", password)])
        .await;
    assert_eq!(signed_in.status(), 303);
    assert!(again.get("/home").await.text().await.unwrap().contains("Valentina"));
    let foreign = world.client(Persona::ForeignTherapist).get("/home").await;
    assert_eq!(foreign.status(), 200, "the other clinic's person is untouched");
}

on_both_databases!(
    staff_get_the_same_answer_for_a_new_address_and_one_used_at_another_clinic,
    an_invitee_whose_address_is_used_elsewhere_joins_under_another_address,
);
