//! A clinic's own settings: its name, its time zone, its COPM threshold.

use carryover_store::Backend;

use crate::{
    helpers::{on_both_databases, spawn_app},
    world::{Persona, World},
};

async fn an_admin_changes_the_clinics_name_time_zone_and_copm_threshold(backend: Backend) {
    let app = spawn_app(backend).await;
    let world = World::build(&app).await;
    let admin = world.client(Persona::Admin);
    let page = admin.get("/admin/settings").await.text().await.unwrap();
    assert!(page.contains("value=\"Clinic A\"") && page.contains("value=\"UTC\""), "{page}");
    let saved = admin
        .post_form(
            "/admin/settings",
            &[
                ("name", "Bright Steps"),
                ("time_zone", "america/chicago"),
                ("copm_threshold", "3"),
                ("guardian_read_days", "30"),
                ("retention_years", "10"),
            ],
        )
        .await;
    assert_eq!(saved.status(), 303);
    let page = admin.get("/admin/settings?done=1").await.text().await.unwrap();
    assert!(page.contains("value=\"Bright Steps\""));
    assert!(page.contains("value=\"America/Chicago\""), "stored as the zone database spells it");
    assert!(page.contains("value=\"3\""));
    assert!(page.contains("value=\"30\"") && page.contains("value=\"10\""), "{page}");
    assert_eq!(app.audit_count("action = 'update' AND resource_type = 'clinic'").await, 1);
}

async fn wrong_settings_are_explained_at_each_field_and_nothing_is_saved(backend: Backend) {
    let app = spawn_app(backend).await;
    let world = World::build(&app).await;
    let admin = world.client(Persona::Admin);
    let refused = admin
        .post_form(
            "/admin/settings",
            &[("name", "New name"), ("time_zone", "Mars/Olympus"), ("copm_threshold", "11")],
        )
        .await;
    assert_eq!(refused.status(), 422);
    let html = refused.text().await.unwrap();
    assert!(
        html.contains("id=\"time_zone-error\"") && html.contains("We do not know this time zone")
    );
    assert!(html.contains("id=\"copm_threshold-error\""));
    let page = admin.get("/admin/settings").await.text().await.unwrap();
    assert!(page.contains("value=\"Clinic A\""), "the name was not saved either");
    assert_eq!(app.audit_count("resource_type = 'clinic'").await, 0);
}

async fn only_an_admin_sees_the_settings(backend: Backend) {
    let app = spawn_app(backend).await;
    let world = World::build(&app).await;
    for persona in [Persona::TeamTherapist, Persona::Guardian] {
        assert_eq!(world.client(persona).get("/admin/settings").await.status(), 404);
        let form = [("name", "X"), ("time_zone", "UTC"), ("copm_threshold", "2")];
        assert_eq!(world.client(persona).post_form("/admin/settings", &form).await.status(), 404);
    }
}

on_both_databases!(
    an_admin_changes_the_clinics_name_time_zone_and_copm_threshold,
    wrong_settings_are_explained_at_each_field_and_nothing_is_saved,
    only_an_admin_sees_the_settings,
);
