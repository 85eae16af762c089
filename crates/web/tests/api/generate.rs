//! `carryover generate`: benchmark data made through the store's own
//! functions, the same for the same seed, usable by the app at once.

use carryover::generate::{Progress, Shape, generate_shape};
use carryover::passwords::{PasswordCost, PasswordHasher};
use carryover_store::Backend;
use serde_json::{Value, json};

use crate::helpers::{on_both_databases, spawn_app};

const PASSWORD: &str = "generated-pass-phrase-15";

fn tiny() -> Shape {
    Shape {
        clinics: 2,
        therapists_per_clinic: 2,
        households_per_clinic: 4,
        weeks: 6,
        measured_caseload: 3,
        bulk_logs: false,
    }
}

/// Every log's day, time and answers, in one order: what two runs of one
/// seed must agree on (ids are made at generation time).
async fn logs_as_text(app: &crate::helpers::TestApp) -> Vec<String> {
    let sql = "SELECT practised_on, practised_time, response, confidence FROM practice_log \
               ORDER BY practised_on, practised_time, response, confidence";
    let rows: Vec<(String, Option<String>, String, Option<i64>)> =
        sqlx::query_as(sql).fetch_all(app.db.reader()).await.unwrap();
    rows.into_iter().map(|r| format!("{r:?}")).collect()
}

async fn count(app: &crate::helpers::TestApp, table: &str) -> i64 {
    let sql = format!("SELECT COUNT(*) FROM {table}");
    sqlx::query_scalar(sqlx::AssertSqlSafe(sql)).fetch_one(app.db.reader()).await.unwrap()
}

async fn generated_data_is_the_same_for_the_same_seed_and_serves_at_once(backend: Backend) {
    let hash = PasswordHasher::new(PasswordCost::Fast)
        .unwrap()
        .hash_blocking(PASSWORD.to_owned())
        .await
        .unwrap();
    let first = spawn_app(backend).await;
    let now = first.clock_now();
    let made = generate_shape(&first.db, tiny(), 7, &hash, now, &Progress::plain()).await.unwrap();
    assert_eq!(made.households, 8);
    assert!(made.logs > 0, "the families practised");
    assert_eq!(count(&first, "practice_log").await, made.logs as i64);
    assert_eq!(count(&first, "clinic").await, 2);

    // The same seed on another database makes the same amount of everything,
    // and the bulk path of the saas scale stores the very same logs.
    let second = spawn_app(backend).await;
    let bulk = Shape { bulk_logs: true, ..tiny() };
    let again = generate_shape(&second.db, bulk, 7, &hash, now, &Progress::plain()).await.unwrap();
    assert_eq!((again.households, again.logs, again.rows), (made.households, made.logs, made.rows));
    for table in ["person", "child", "goal", "assignment", "gas_rating", "practice_log"] {
        assert_eq!(count(&first, table).await, count(&second, table).await, "{table}");
    }
    assert_eq!(logs_as_text(&first).await, logs_as_text(&second).await);

    // A filled database is refused.
    let refused = generate_shape(&first.db, tiny(), 7, &hash, now, &Progress::plain()).await;
    assert!(refused.is_err());

    // The measured therapist has the caseload asked for; the caregiver sees their child's plan.
    let client = first.new_client();
    let signed_in = client
        .send_json(
            reqwest::Method::POST,
            "/api/v1/session",
            &json!({"email": made.therapist, "password": PASSWORD}),
        )
        .await;
    assert_eq!(signed_in.status(), 200);
    let children: Value = client.get("/api/v1/children").await.json().await.unwrap();
    assert_eq!(children["items"].as_array().map(Vec::len), Some(3), "{children}");

    let caregiver = first.new_client();
    let signed_in = caregiver
        .send_json(
            reqwest::Method::POST,
            "/api/v1/session",
            &json!({"email": made.caregiver, "password": PASSWORD}),
        )
        .await;
    assert_eq!(signed_in.status(), 200);
    assert_eq!(caregiver.get("/home").await.status(), 200);
}

on_both_databases!(generated_data_is_the_same_for_the_same_seed_and_serves_at_once);
