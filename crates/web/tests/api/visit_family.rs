//! Where visits meet the family's side (issues 12 and 13): what the family
//! flagged is on the next visit's agenda and handled when the visit ends,
//! and a planned visit shows in the guardians' calendar feed only.

use carryover_store::Backend;

use crate::calendar_feed::make_link;
use crate::goal_measures::page;
use crate::helpers::{on_both_databases, spawn_app};
use crate::reflection_feedback::{agreed_plan, post_ok};
use crate::world::{Persona, World};

on_both_databases!(
    a_flag_is_on_the_next_visits_agenda_and_ending_the_visit_handles_it,
    a_planned_visit_shows_in_the_guardians_feed_and_not_the_helpers,
);

async fn a_flag_is_on_the_next_visits_agenda_and_ending_the_visit_handles_it(backend: Backend) {
    let app = spawn_app(backend).await;
    let world = World::build(&app).await;
    let team = world.client(Persona::TeamTherapist);
    let guardian_id = world.person(Persona::Guardian).person_id;
    let assignments = agreed_plan(&app, &world, world.child, team, guardian_id).await;
    let assignment = assignments[0].to_string();
    let form = [
        ("assignment", assignment.as_str()),
        ("responded", "no"),
        ("difficulty", "5"),
        ("need", "change_strategy"),
        ("words", "Mornings are too rushed for this"),
    ];
    let reflections = format!("/children/{}/reflections", world.child);
    post_ok(world.client(Persona::Guardian), &reflections, &form).await;

    let record = post_ok(team, &format!("/children/{}/sessions", world.child), &[]).await;
    let html = page(team, &record).await;
    assert!(html.contains("Mornings are too rushed for this"), "the agenda starts from it: {html}");

    let revision: i64 =
        sqlx::query_scalar("SELECT revision FROM coaching_session WHERE coaching_session_id = $1")
            .bind(record.rsplit('/').next().unwrap())
            .fetch_one(app.db.reader())
            .await
            .unwrap();
    let revision = revision.to_string();
    post_ok(team, &format!("{record}/end"), &[("guardian_id", ""), ("revision", &revision)]).await;
    let open: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM reflection WHERE child_id = $1 AND flagged = 1 AND handled_at IS NULL",
    )
    .bind(world.child.to_string())
    .fetch_one(app.db.reader())
    .await
    .unwrap();
    assert_eq!(open, 0, "talked over in the visit: no longer waiting in the inbox");
}

async fn a_planned_visit_shows_in_the_guardians_feed_and_not_the_helpers(backend: Backend) {
    let app = spawn_app(backend).await;
    let world = World::build(&app).await;
    let team = world.client(Persona::TeamTherapist);
    let visits = format!("/children/{}/visits", world.child);
    // Monday 2 November 2026: a visit a week later, and one past the four weeks.
    for date in ["2026-11-09", "2026-12-21"] {
        let form = [("date", date), ("time", "10:30"), ("setting", "home"), ("duration", "45")];
        post_ok(team, &visits, &form).await;
    }
    let guardian = make_link(world.client(Persona::Guardian)).await;
    let ics = app.new_client().get(&guardian).await.text().await.unwrap();
    assert_eq!(ics.matches("SUMMARY:Visit with your therapist").count(), 1, "{ics}");
    assert!(ics.contains("DTSTART:20261109T103000Z"), "{ics}");
    assert!(ics.contains("DTEND:20261109T111500Z"), "{ics}");

    let helper = make_link(world.client(Persona::Helper)).await;
    let ics = app.new_client().get(&helper).await.text().await.unwrap();
    assert!(!ics.contains("Visit with your therapist"), "{ics}");
}
