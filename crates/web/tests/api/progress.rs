//! Progress you can see (issue 14): the progress page, its API twin and the
//! progress report (page and PDF) on fixed data, with the numbers worked
//! out by hand; clear empty states; helpers kept out.

use std::process::Command;

use carryover_store::Backend;
use serde_json::Value;
use uuid::Uuid;

use crate::goal_measures::{copm, page, rate, scaled_goal};
use crate::helpers::{TestApp, on_both_databases, spawn_app};
use crate::plan_world::add_goal;
use crate::world::{Persona, World};

/// Three weighted goals rated by the therapist, COPM twice (the third goal
/// only the second time), and a fourth goal with no scale and no COPM.
async fn rated(app: &TestApp, world: &World) -> [Uuid; 4] {
    let g1 = scaled_goal(app, world, "Puts on shoes", Some(("1", "1"))).await;
    let g2 = scaled_goal(app, world, "Zips her coat", Some(("1", "2"))).await;
    let g3 = scaled_goal(app, world, "Brushes her teeth", Some(("1", "3"))).await;
    let team = world.client(Persona::TeamTherapist);
    let g4 = add_goal(app, team, world.child, "Sleeps in her bed").await;
    for (goal, level) in [(g1, "-1"), (g2, "0"), (g3, "+2")] {
        rate(world, goal, level).await;
    }
    copm(world, "2026-10-05", &[(g1, "8", "3", "2"), (g2, "6", "4", "4")]).await;
    copm(world, "2026-11-02", &[(g1, "8", "6", "4"), (g2, "6", "5", "5"), (g3, "5", "5", "3")])
        .await;
    [g1, g2, g3, g4]
}

async fn json(app: &TestApp, world: &World, persona: Persona, path: &str) -> (u16, Value) {
    let _ = app;
    let response = world.client(persona).get(path).await;
    let status = response.status().as_u16();
    (status, response.json().await.unwrap_or(Value::Null))
}

async fn the_progress_page_and_its_api_show_the_changes_and_t_scores_worked_out_by_hand(
    backend: Backend,
) {
    let app = spawn_app(backend).await;
    let world = World::build(&app).await;
    let [g1, g2, g3, g4] = rated(&app, &world).await;

    let therapist = world.client(Persona::TeamTherapist);
    let html = page(therapist, &format!("/children/{}/progress", world.child)).await;
    // Therapist's levels −1, 0, +2 with weights 1, 2, 3: Σwx = 5, Σw = 6, Σw² = 14;
    // T = 50 + 10·5 / √(0.7·14 + 0.3·36) = 50 + 50 / √20.6 = 61.016… → 61.02.
    assert!(html.contains(">61.02<"), "{html}");
    // The baselines, all −1: T = 50 − 60 / √20.6 = 36.780… → 36.78.
    assert!(html.contains(">36.78<"), "{html}");
    // Puts on shoes: performance 3 → 6 (+3 ≥ 2), satisfaction 2 → 4 (+2 ≥ 2): both important.
    assert!(
        html.contains(
            "performance 3 → 6 (+3) · clinically important; satisfaction 2 → 4 (+2) · clinically important."
        ),
        "{html}"
    );
    // Zips her coat: 4 → 5 and 4 → 5, +1 each: not important.
    assert!(html.contains("performance 4 → 5 (+1); satisfaction 4 → 5 (+1)."), "{html}");
    // Brushes her teeth was rated once; Sleeps in her bed never, and has no scale.
    assert!(html.contains("Rated once, on November 2, 2026. No re-rating yet"), "{html}");
    assert!(html.contains("Not rated with COPM yet."), "{html}");
    assert!(html.contains("This goal has no GAS scale yet."), "{html}");
    assert!(html.contains("No practice logs yet"), "{html}");
    assert!(html.contains("This is not a validated instrument"), "{html}");
    // Charts: a title, a summary, the drawing and the numbers as a table.
    assert!(html.contains(r#"aria-labelledby="copm-0-title copm-0-summary""#), "{html}");
    assert!(html.contains(r#"<th scope="row">October 5, 2026</th><td>3</td><td>2</td>"#), "{html}");
    assert!(!html.contains("NaN") && !html.contains("inf"), "{html}");

    // The API twin carries the same numbers.
    let path = format!("/api/v1/children/{}/progress", world.child);
    let (status, body) = json(&app, &world, Persona::TeamTherapist, &path).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["t_scores"][1]["score"]["value"], 61.02);
    assert_eq!(body["t_scores"][0]["score"]["value"], 36.78);
    let goal = |id: Uuid| {
        body["goals"]
            .as_array()
            .unwrap()
            .iter()
            .find(|g| g["goal"]["goal_id"] == id.to_string())
            .unwrap()
            .clone()
    };
    let shoes = goal(g1)["copm_change"].clone();
    assert_eq!(shoes["performance"]["change"], 3);
    assert_eq!(shoes["performance"]["clinically_important"], true);
    assert_eq!(shoes["satisfaction"]["change"], 2);
    assert_eq!(goal(g2)["copm_change"]["performance"]["clinically_important"], false);
    assert_eq!(goal(g3)["copm_change"], Value::Null, "no re-rating yet");
    assert_eq!(goal(g3)["copm"].as_array().unwrap().len(), 1);
    assert_eq!(goal(g4)["gas"], Value::Null);
    assert_eq!(goal(g1)["gas"]["therapist_level"], -1);
    assert_eq!(body["confidence"].as_array().unwrap().len(), 12, "twelve weeks, none rated");

    // A guardian sees the same page.
    let guardian =
        page(world.client(Persona::Guardian), &format!("/children/{}/progress", world.child)).await;
    assert!(guardian.contains(">61.02<"));
}

async fn a_child_with_no_ratings_yet_has_clear_empty_states_and_no_nan(backend: Backend) {
    let app = spawn_app(backend).await;
    let world = World::build(&app).await;
    let team = world.client(Persona::TeamTherapist);
    add_goal(&app, team, world.child, "Puts on shoes").await;
    let html = page(team, &format!("/children/{}/progress", world.child)).await;
    assert!(html.contains("Not rated with COPM yet."), "{html}");
    assert!(html.contains("This goal has no GAS scale yet."), "{html}");
    assert!(!html.contains("NaN") && !html.contains("<svg"), "nothing to draw: {html}");
    let path = format!("/api/v1/children/{}/progress", world.child);
    let (status, body) = json(&app, &world, Persona::TeamTherapist, &path).await;
    assert_eq!(status, 200);
    assert_eq!(body["t_scores"][1]["no_score"], "no_goals", "{body}");
}

async fn helpers_get_404_from_the_progress_page_the_report_and_their_twins(backend: Backend) {
    let app = spawn_app(backend).await;
    let world = World::build(&app).await;
    let helper = world.client(Persona::Helper);
    let child = world.child;
    for path in [
        format!("/children/{child}/progress"),
        format!("/children/{child}/report"),
        format!("/children/{child}/report.pdf"),
        format!("/api/v1/children/{child}/progress"),
        format!("/api/v1/children/{child}/report"),
        format!("/api/v1/children/{child}/report.pdf"),
    ] {
        assert_eq!(helper.get(&path).await.status(), 404, "{path}");
    }
    // Guardians read the report but do not write its summary.
    let guardian = world.client(Persona::Guardian);
    let refused =
        guardian.post_form(&format!("/children/{child}/report/summary"), &[("summary", "x")]).await;
    assert_eq!(refused.status(), 404);
}

async fn the_report_covers_its_period_and_refuses_one_that_ends_before_it_starts(backend: Backend) {
    let app = spawn_app(backend).await;
    let world = World::build(&app).await;
    rated(&app, &world).await;
    let team = world.client(Persona::TeamTherapist);
    let child = world.child;
    let whole = page(team, &format!("/children/{child}/report")).await;
    assert!(whole.contains("Performance 3, satisfaction 2 (October 5, 2026)"), "{whole}");
    assert!(whole.contains("Performance 6, satisfaction 4 (November 2, 2026)"), "{whole}");
    // From November: the October occasion is outside, so no goal has a re-rating.
    let november =
        page(team, &format!("/children/{child}/report?from=2026-11-01&to=2026-11-02")).await;
    assert!(!november.contains("October 5, 2026"), "{november}");
    assert!(november.contains("No re-rating yet"), "{november}");
    assert!(november.contains(">61.02<"), "the ratings of November 2 count: {november}");

    let backwards =
        team.get(&format!("/children/{child}/report?from=2026-11-02&to=2026-10-01")).await;
    assert_eq!(backwards.status(), 422);
    let html = backwards.text().await.unwrap();
    assert!(html.contains(r#"id="from-error""#), "{html}");
    let api = team.get(&format!("/api/v1/children/{child}/report?from=nonsense")).await;
    assert_eq!(api.status(), 422);

    // The summary, written in the app, is part of the report.
    let saved = team
        .post_form(
            &format!("/children/{child}/report/summary"),
            &[("summary", "Mia puts on her shoes most days.")],
        )
        .await;
    assert_eq!(saved.status(), 303);
    let after = page(team, &format!("/children/{child}/report")).await;
    assert!(after.contains("Mia puts on her shoes most days."), "{after}");
}

/// The text of a PDF, read back with `pdftotext`; `None` (and a note)
/// where poppler-utils is not installed and CI is not set.
pub(crate) fn pdf_text(bytes: &[u8]) -> Option<String> {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("report.pdf");
    std::fs::write(&file, bytes).unwrap();
    match Command::new("pdftotext").arg("-enc").arg("UTF-8").arg(&file).arg("-").output() {
        Ok(out) if out.status.success() => Some(String::from_utf8_lossy(&out.stdout).into_owned()),
        Ok(out) => panic!("pdftotext failed: {}", String::from_utf8_lossy(&out.stderr)),
        Err(_) if std::env::var_os("CI").is_none() => {
            eprintln!("SKIPPED the PDF's text: pdftotext (poppler-utils) is not installed");
            None
        }
        Err(e) => panic!("pdftotext is needed in CI (apt-get install poppler-utils): {e}"),
    }
}

async fn the_report_pdf_names_the_child_each_goal_and_the_t_score_the_page_shows(backend: Backend) {
    let app = spawn_app(backend).await;
    let world = World::build(&app).await;
    rated(&app, &world).await;
    let team = world.client(Persona::TeamTherapist);
    let child = world.child;
    let shown = page(team, &format!("/children/{child}/progress")).await;
    assert!(shown.contains(">61.02<"));
    team.post_form(&format!("/children/{child}/report/summary"), &[("summary", "Shoes: done.")])
        .await;

    let before = app.audit_count("action = 'export'").await;
    let response = team.get(&format!("/children/{child}/report.pdf")).await;
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["content-type"], "application/pdf");
    let bytes = response.bytes().await.unwrap();
    assert!(bytes.starts_with(b"%PDF-"));
    assert_eq!(app.audit_count("action = 'export'").await, before + 1, "the download is audited");

    // The API twin, in the caller's language.
    let api = team.get(&format!("/api/v1/children/{child}/report.pdf")).await;
    assert_eq!(api.status(), 200);
    assert_eq!(api.headers()["content-type"], "application/pdf");

    let Some(text) = pdf_text(&bytes) else { return };
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    for words in [
        "Mia",
        "Puts on shoes",
        "Zips her coat",
        "Brushes her teeth",
        "Sleeps in her bed",
        "61.02",
        "36.78",
        "Shoes: done.",
        "not a validated instrument",
    ] {
        assert!(flat.contains(words), "{words} in the PDF: {flat}");
    }
}

on_both_databases!(
    the_progress_page_and_its_api_show_the_changes_and_t_scores_worked_out_by_hand,
    a_child_with_no_ratings_yet_has_clear_empty_states_and_no_nan,
    helpers_get_404_from_the_progress_page_the_report_and_their_twins,
    the_report_covers_its_period_and_refuses_one_that_ends_before_it_starts,
    the_report_pdf_names_the_child_each_goal_and_the_t_score_the_page_shows,
);
