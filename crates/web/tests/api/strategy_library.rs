//! The strategy library: searched by words in either language, by area and
//! by the child's age; a clinic's own strategies are that clinic's alone.

use carryover_store::Backend;

use crate::goal_measures::page;
use crate::helpers::{on_both_databases, spawn_app};
use crate::world::{Persona, World};

const CHAINING: &str = "Backward chaining: your child does the last step";
const WIND_DOWN: &str = "Wind down before bed";

async fn the_library_finds_words_in_either_language_and_filters_by_area_and_age(backend: Backend) {
    let app = spawn_app(backend).await;
    let world = World::build(&app).await;
    let team = world.client(Persona::TeamTherapist);
    let spanish = page(team, "/strategies?q=ultimo+paso").await;
    assert!(spanish.contains(CHAINING), "Spanish words, typed without accents: {spanish}");
    let sleep = page(team, "/strategies?area=sleep").await;
    assert!(sleep.contains(WIND_DOWN) && !sleep.contains(CHAINING), "{sleep}");
    // Backward chaining is for 24 to 96 months: not for a one-year-old.
    let one = page(team, "/strategies?age=1").await;
    assert!(!one.contains(CHAINING), "{one}");
    assert!(page(team, "/strategies?age=4").await.contains(CHAINING));
    assert_eq!(world.client(Persona::Guardian).get("/strategies").await.status(), 404);
}

async fn the_plan_editor_fits_strategies_to_the_childs_age_or_says_it_cannot(backend: Backend) {
    let app = spawn_app(backend).await;
    let world = World::build(&app).await;
    let team = world.client(Persona::TeamTherapist);
    let started = team.post_form(&format!("/children/{}/plan/drafts", world.child), &[]).await;
    let editor = started.headers()["location"].to_str().unwrap().to_owned();
    // Born March 14, 2021; today is November 2, 2026.
    let html = page(team, &editor).await;
    assert!(html.contains("Strategies that fit age 5 years 7 months."), "{html}");
    let sleep = page(team, &format!("{editor}?area=sleep")).await;
    assert!(sleep.contains(WIND_DOWN) && !sleep.contains(CHAINING), "{sleep}");

    // A child added without a date of birth: no age filter.
    let form = [
        ("child_name", "Nina"),
        ("caregiver_name", "Nadia New"),
        ("caregiver_email", "nadia@example.org"),
        ("relationship", "mother"),
        ("access", "guardian"),
    ];
    assert_eq!(team.post_form("/households", &form).await.status(), 200);
    let nina: String =
        sqlx::query_scalar("SELECT child_id FROM child WHERE preferred_name = 'Nina'")
            .fetch_one(app.db.reader())
            .await
            .unwrap();
    let started = team.post_form(&format!("/children/{nina}/plan/drafts"), &[]).await;
    let editor = started.headers()["location"].to_str().unwrap().to_owned();
    assert!(page(team, &editor).await.contains("No date of birth: strategies for all ages."));
}

async fn a_clinics_own_strategy_is_found_by_no_other_clinic(backend: Backend) {
    let app = spawn_app(backend).await;
    let world = World::build(&app).await;
    let team = world.client(Persona::TeamTherapist);
    let copied = team.post_form("/strategies/starter/wait-time/copy", &[]).await;
    assert_eq!(copied.status(), 303);
    let edit = copied.headers()["location"].to_str().unwrap().to_owned();
    let strategy = edit.trim_end_matches("/edit").to_owned();
    assert!(page(team, &strategy).await.contains("Copied from the starter library"));

    let foreign = world.client(Persona::ForeignTherapist);
    for path in [&strategy, &edit] {
        assert_eq!(foreign.get(path).await.status(), 404, "{path}");
    }
    let form = [
        ("areas", "play"),
        ("age_min_months", "12"),
        ("age_max_months", "60"),
        ("title_en", "Taken over"),
        ("why_en", "No."),
        ("steps_en", "No."),
    ];
    assert_eq!(foreign.post_form(&strategy, &form).await.status(), 404);
    assert!(!page(team, &strategy).await.contains("Taken over"));
    assert!(!page(foreign, "/strategies?q=taken").await.contains("Taken over"));
}

async fn a_clinic_strategy_needs_a_title_why_and_a_step_in_some_language(backend: Backend) {
    let app = spawn_app(backend).await;
    let world = World::build(&app).await;
    let team = world.client(Persona::TeamTherapist);
    let blank = [("areas", "play"), ("age_min_months", "24"), ("age_max_months", "12")];
    let refused = team.post_form("/strategies", &blank).await;
    assert_eq!(refused.status(), 422);
    let html = refused.text().await.unwrap();
    assert!(
        html.contains("id=\"title_en-error\">Please write the strategy in English or in Spanish.<"),
        "{html}"
    );
    assert!(html.contains("id=\"age_max_months-error\""), "{html}");
    let spanish_only = [
        ("areas", "play"),
        ("age_min_months", "24"),
        ("age_max_months", "72"),
        ("title_es", "Carreras de calcetines"),
        ("why_es", "Jalar los calcetines da fuerza a las manos."),
        ("steps_es", "Siéntese en el piso.\nJale el calcetín."),
    ];
    let saved = team.post_form("/strategies", &spanish_only).await;
    assert_eq!(saved.status(), 303);
    let path = saved.headers()["location"].to_str().unwrap().to_owned();
    let html = page(team, &path).await;
    assert!(
        html.contains("lang=\"es\">Carreras de calcetines<"),
        "marked as Spanish on an English page: {html}"
    );
}

on_both_databases!(
    the_library_finds_words_in_either_language_and_filters_by_area_and_age,
    the_plan_editor_fits_strategies_to_the_childs_age_or_says_it_cannot,
    a_clinics_own_strategy_is_found_by_no_other_clinic,
    a_clinic_strategy_needs_a_title_why_and_a_step_in_some_language,
);
