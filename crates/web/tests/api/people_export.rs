//! A family's copy of its data: the zip of a demo child opens, its JSON
//! parses, and it holds what the guardian sees on the pages — and nothing
//! the guardian cannot see.

use std::io::Read;

use carryover::{
    demo,
    passwords::{PasswordCost, PasswordHasher},
};
use carryover_store::Backend;
use secrecy::SecretString;
use serde_json::Value;

use crate::helpers::{TestApp, TestClient, on_both_databases, spawn_app};
use crate::world::{PASSWORD, sign_in};

async fn demo_guardian(app: &TestApp, email: &str) -> TestClient {
    let hasher = PasswordHasher::new(PasswordCost::Fast).unwrap();
    let password = SecretString::from(PASSWORD);
    demo::seed_if_empty(&app.db, app.clock_now(), Some(&password), &hasher).await.unwrap();
    let client = app.new_client();
    sign_in(&client, email).await;
    client
}

/// The child the guardian's home lists first, and that child's page.
async fn first_child(client: &TestClient) -> (String, String) {
    let home = client.get("/home").await.text().await.unwrap();
    let at = home.find("href=\"/children/").expect("a child on the home page");
    // The id alone: the first link may go deeper (the new-feedback block of issue 12).
    let id = home[at + 16..at + 52].to_owned();
    let page = client.get(&format!("/children/{id}")).await.text().await.unwrap();
    (id, page)
}

fn unzip(bytes: &[u8]) -> Vec<(String, String)> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    (0..archive.len())
        .map(|i| {
            let mut file = archive.by_index(i).unwrap();
            let mut text = String::new();
            file.read_to_string(&mut text).unwrap();
            (file.name().unwrap().to_string(), text)
        })
        .collect()
}

async fn the_zip_of_a_demo_child_holds_what_the_guardian_sees_and_nothing_else(backend: Backend) {
    let app = spawn_app(backend).await;
    let guardian = demo_guardian(&app, "ana.rivera@example.org").await;
    let (id, page) = first_child(&guardian).await;
    let response = guardian.get(&format!("/children/{id}/export.zip")).await;
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["content-type"], "application/zip");
    let files = unzip(&response.bytes().await.unwrap());
    let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
    for expected in
        ["child.json", "child.csv", "caregivers.csv", "care_team.csv", "record_access.csv"]
    {
        assert!(names.contains(&expected), "{expected} in {names:?}");
    }
    let json: Value = serde_json::from_str(&files[0].1).unwrap();
    let data = &json["data"];
    assert_eq!(data["child"]["preferred_name"], "Mia");
    assert!(page.contains("Mia"));
    assert_eq!(data["child"]["home_languages"], serde_json::json!(["en"]));
    assert_eq!(data["child"]["date_of_birth"], "2021-03-14");
    // Every caregiver and therapist the page names is in the copy.
    for (list, key) in [("caregivers", "name"), ("care_team", "name")] {
        let items = data[list].as_array().unwrap();
        assert!(!items.is_empty(), "{list}");
        for item in items {
            let name = item[key].as_str().unwrap();
            assert!(page.contains(name), "{list}: {name} is not on the page");
        }
    }
    assert!(page.contains("Ana Rivera") && page.contains("Priya Shah"));
    // Each field is described, in the reader's language.
    for field in carryover_ops::export::FIELDS {
        let text = json["fields"][field].as_str().unwrap_or_default();
        assert!(!text.is_empty() && !text.starts_with("export-field"), "{field}: {text:?}");
    }
    // Nothing the guardian cannot see: other families, the removed helper,
    // caregivers' own visits in the access log, email addresses.
    let everything: String = files.iter().map(|(_, text)| text.as_str()).collect();
    for hidden in
        ["Leo", "Sofía", "Omar", "Wei Chen", "Carlos Rivera", "@example.org", "caregiver\""]
    {
        assert!(!everything.contains(hidden), "the copy holds {hidden:?}");
    }
    for row in data["record_access"].as_array().unwrap() {
        assert!(["admin", "therapist"].contains(&row["role"].as_str().unwrap()), "{row}");
    }
    assert_eq!(app.audit_count(&format!("action = 'export' AND child_id = '{id}'")).await, 1);
}

async fn a_helper_and_the_care_team_get_no_download(backend: Backend) {
    let app = spawn_app(backend).await;
    let helper = demo_guardian(&app, "ruth.brown@example.org").await;
    let (id, _) = first_child(&helper).await;
    assert_eq!(helper.get(&format!("/children/{id}/export.zip")).await.status(), 404);
    let therapist = app.new_client();
    sign_in(&therapist, "therapist2@example.org").await;
    assert_eq!(therapist.get(&format!("/children/{id}/export.zip")).await.status(), 404);
}

/// The demo tells the people side's story: a discharged child, a family
/// whose helper was removed, a therapist whose caseload was moved.
async fn the_demo_has_a_discharged_child_a_removed_helper_and_a_moved_caseload(backend: Backend) {
    let app = spawn_app(backend).await;
    demo_guardian(&app, "ana.rivera@example.org").await;
    let db = app.db.clone();
    let one = |sql: &'static str| {
        let db = db.clone();
        async move {
            let n: i64 = sqlx::query_scalar(sql).fetch_one(db.reader()).await.unwrap();
            n
        }
    };
    assert_eq!(one("SELECT COUNT(*) FROM child WHERE discharged_on IS NOT NULL").await, 1);
    assert_eq!(
        one("SELECT COUNT(*) FROM person p WHERE p.email = 'carlos.rivera@example.org' AND p.is_active = 0 \
             AND NOT EXISTS (SELECT 1 FROM household_member m WHERE m.person_id = p.person_id)")
        .await,
        1,
        "the removed helper"
    );
    assert_eq!(
        one("SELECT COUNT(*) FROM care_team_member t JOIN person p ON p.person_id = t.person_id \
             WHERE p.email = 'therapist3@example.org'")
        .await,
        0,
        "the moved caseload"
    );
    let guardian = app.new_client();
    sign_in(&guardian, "amina.hassan@example.org").await;
    let home = guardian.get("/home").await.text().await.unwrap();
    let (children, earlier) = home.split_once("Earlier records").unwrap();
    assert!(!children.contains("Omar"), "a discharged child leaves the caregiver's children");
    assert!(earlier.contains("Omar"), "and stays readable for the read period: {earlier}");
}

on_both_databases!(
    the_demo_has_a_discharged_child_a_removed_helper_and_a_moved_caseload,
    the_zip_of_a_demo_child_holds_what_the_guardian_sees_and_nothing_else,
    a_helper_and_the_care_team_get_no_download,
);
