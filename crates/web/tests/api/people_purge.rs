//! Retention: `carryover admin purge` lists discharged records past their
//! clinic's retention, asks, and removes them in one transaction — leaving
//! every audit row, and one more for the purge.

use std::sync::Arc;

use carryover::{
    admin_cli::verify_audit,
    purge_cli::{self, Mode},
};
use carryover_store::Backend;
use time::Duration;

use crate::helpers::{TestApp, on_both_databases, spawn_app};
use crate::world::{Persona, World};

async fn count(app: &TestApp, sql: &str) -> i64 {
    sqlx::query_scalar(sqlx::AssertSqlSafe(sql.to_owned()))
        .fetch_one(app.db.reader())
        .await
        .unwrap()
}

async fn purge(app: &TestApp, mode: Mode, answer: &str) -> anyhow::Result<String> {
    purge_cli::run(&app.db, Arc::new(app.clock.clone()), mode, answer.as_bytes()).await
}

async fn a_record_past_retention_is_listed_asked_about_and_removed_with_its_audit_rows_kept(
    backend: Backend,
) {
    let app = spawn_app(backend).await;
    let world = World::build(&app).await;
    let child = world.child.to_string();
    let discharged = world
        .client(Persona::TeamTherapist)
        .post_form(
            &format!("/children/{child}/discharge"),
            &[("discharged_on", "2026-11-02"), ("reason", "goals_met")],
        )
        .await;
    assert_eq!(discharged.status(), 303);
    let about_child = format!("SELECT COUNT(*) FROM audit_event WHERE child_id = '{child}'");
    let rows_about_child = count(&app, &about_child).await;
    assert!(rows_about_child > 0);

    app.clock.advance(Duration::days(365 * 7));
    let early = purge(&app, Mode::DryRun, "").await.unwrap();
    assert_eq!(early, "no record is past its clinic's retention", "a day short of seven years");

    app.clock.advance(Duration::days(2));
    let listed = purge(&app, Mode::DryRun, "").await.unwrap();
    assert!(listed.contains(&child) && listed.contains("dry run"), "{listed}");
    assert!(!listed.contains("Mia"), "ids only: {listed}");
    let refused = purge(&app, Mode::Ask, "no\n").await;
    assert!(refused.is_err(), "anything but yes removes nothing");
    assert_eq!(
        count(&app, &format!("SELECT COUNT(*) FROM child WHERE child_id = '{child}'")).await,
        1
    );

    let audit_before = count(&app, "SELECT COUNT(*) FROM audit_event").await;
    let done = purge(&app, Mode::Ask, "yes\n").await.unwrap();
    assert!(done.contains("removed 1 record(s)"), "{done}");
    assert_eq!(
        count(&app, &format!("SELECT COUNT(*) FROM child WHERE child_id = '{child}'")).await,
        0
    );
    assert_eq!(
        count(&app, &format!("SELECT COUNT(*) FROM care_team_member WHERE child_id = '{child}'"))
            .await,
        0
    );
    assert_eq!(
        count(&app, "SELECT COUNT(*) FROM household WHERE name = 'Guardian family'").await,
        0
    );
    assert_eq!(count(&app, &about_child).await, rows_about_child, "audit rows stay");
    assert_eq!(count(&app, "SELECT COUNT(*) FROM audit_event").await, audit_before + 1);
    let purge_row = "SELECT COUNT(*) FROM audit_event a JOIN audit_event_child x ON x.clinic_id = a.clinic_id \
         AND x.seq = a.seq WHERE a.action = 'delete' AND a.actor_id IS NULL";
    assert_eq!(count(&app, &format!("{purge_row} AND x.child_id = '{child}'")).await, 1);
    assert!(verify_audit(&app.db).await.unwrap().intact, "the chain still verifies");
    // The family's caregivers had no other family: they can no longer sign in.
    let guardian = world.person(Persona::Guardian).person_id;
    let active = format!("SELECT is_active FROM person WHERE person_id = '{guardian}'");
    assert_eq!(count(&app, &active).await, 0);
    // The other family is untouched.
    let other = format!("SELECT COUNT(*) FROM child WHERE child_id = '{}'", world.other_child);
    assert_eq!(count(&app, &other).await, 1);
    assert_eq!(
        purge(&app, Mode::Yes, "").await.unwrap(),
        "no record is past its clinic's retention"
    );
}

async fn a_clinic_that_keeps_records_longer_purges_later(backend: Backend) {
    let app = spawn_app(backend).await;
    let world = World::build(&app).await;
    let admin = world.client(Persona::Admin);
    let settings = [
        ("name", "Clinic A"),
        ("time_zone", "UTC"),
        ("copm_threshold", "2"),
        ("guardian_read_days", "90"),
        ("retention_years", "10"),
    ];
    assert_eq!(admin.post_form("/admin/settings", &settings).await.status(), 303);
    world
        .client(Persona::TeamTherapist)
        .post_form(
            &format!("/children/{}/discharge", world.child),
            &[("discharged_on", "2026-11-02"), ("reason", "moved")],
        )
        .await;
    app.clock.advance(Duration::days(365 * 8));
    assert_eq!(
        purge(&app, Mode::Yes, "").await.unwrap(),
        "no record is past its clinic's retention"
    );
    app.clock.advance(Duration::days(365 * 2 + 3));
    assert!(purge(&app, Mode::Yes, "").await.unwrap().contains("removed 1 record(s)"));
}

on_both_databases!(
    a_record_past_retention_is_listed_asked_about_and_removed_with_its_audit_rows_kept,
    a_clinic_that_keeps_records_longer_purges_later,
);

/// Every table that keeps rows about one child, leaves first.
const CHILD_TABLES: &[&str] = &[
    "feedback_message",
    "feedback_thread",
    "reflection",
    "coaching_entry",
    "coaching_session",
    "scheduled_visit",
    "practice_log",
    "assignment",
    "plan_version",
    "gas_rating",
    "copm_occasion",
    "goal",
    "care_team_member",
    "child",
];

async fn a_record_with_a_plan_logs_feedback_and_visits_is_purged_whole(backend: Backend) {
    let app = spawn_app(backend).await;
    let world = World::build(&app).await;
    let child = world.child;
    let (team, guardian) = (world.client(Persona::TeamTherapist), world.client(Persona::Guardian));
    let guardian_id = world.person(Persona::Guardian).person_id;
    let assignments =
        crate::reflection_feedback::agreed_plan(&app, &world, child, team, guardian_id).await;
    let assignment = assignments[0].to_string();
    let log_id = uuid::Uuid::now_v7().to_string();
    let logged = guardian
        .post_form(
            &format!("/children/{child}/logs"),
            &[("log_id", &log_id), ("assignment_id", &assignment), ("response", "hard")],
        )
        .await;
    assert_eq!(logged.status(), 303, "{}", logged.text().await.unwrap());
    let reflection = [
        ("assignment", assignment.as_str()),
        ("responded", "no"),
        ("difficulty", "5"),
        ("need", "change_strategy"),
        ("words", "Too hard in the morning"),
    ];
    let reflected =
        guardian.post_form(&format!("/children/{child}/reflections"), &reflection).await;
    assert_eq!(reflected.status(), 303);
    let visit =
        [("date", "2026-11-09"), ("time", "10:30"), ("setting", "home"), ("duration", "45")];
    assert_eq!(team.post_form(&format!("/children/{child}/visits"), &visit).await.status(), 303);
    assert_eq!(team.post_form(&format!("/children/{child}/sessions"), &[]).await.status(), 303);
    let rows = |table: &str| format!("SELECT COUNT(*) FROM {table} WHERE child_id = '{child}'");
    for table in ["practice_log", "reflection", "scheduled_visit", "coaching_session", "assignment"]
    {
        assert!(count(&app, &rows(table)).await > 0, "{table} holds the child's rows");
    }

    let discharged = team
        .post_form(
            &format!("/children/{child}/discharge"),
            &[("discharged_on", "2026-11-02"), ("reason", "goals_met")],
        )
        .await;
    assert_eq!(discharged.status(), 303);
    app.clock.advance(Duration::days(365 * 7 + 2));
    let done = purge(&app, Mode::Yes, "").await.unwrap();
    assert!(done.contains("removed 1 record(s)"), "{done}");
    for table in CHILD_TABLES {
        assert_eq!(count(&app, &rows(table)).await, 0, "{table} keeps nothing of the child");
    }
    assert!(verify_audit(&app.db).await.unwrap().intact, "the chain still verifies");
}

on_both_databases!(a_record_with_a_plan_logs_feedback_and_visits_is_purged_whole);
