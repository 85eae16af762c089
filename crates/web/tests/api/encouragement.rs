//! The caregiver's encouragement on the home screen (issue 14): this week
//! against the plan and the last weeks, in plain words (English and
//! Spanish) and a small chart; a kind word without a target; none for helpers.
//!
//! Mia's plan (one strategy, 5 a week) is agreed on Monday, November 2,
//! 2026 (UTC); today is Wednesday, November 25.

use carryover_store::Backend;
use time::macros::datetime;

use crate::clinic_metrics::{agreed_plan, practised};
use crate::goal_measures::page;
use crate::helpers::{on_both_databases, spawn_app};
use crate::plan_world::add_goal;
use crate::world::{Persona, World, sign_in_again};

async fn a_caregiver_sees_this_week_against_the_plan_and_the_weeks_before_in_plain_words(
    backend: Backend,
) {
    let app = spawn_app(backend).await;
    let world = World::build(&app).await;
    let (mia, guardian) = (world.child, Persona::Guardian);
    let goal = add_goal(&app, world.client(Persona::TeamTherapist), mia, "Puts on socks").await;
    let a = agreed_plan(&app, &world, mia, Persona::TeamTherapist, guardian, goal).await;
    // Weeks of November 2, 9 and 16 done (the 16th's 6 count as 5); 3 so far this week.
    for (day, n) in [("2026-11-03", 5), ("2026-11-10", 5), ("2026-11-17", 6), ("2026-11-24", 3)] {
        practised(&app, &world, mia, a, guardian, day, n).await;
    }
    app.clock.set(datetime!(2026-11-25 12:00 UTC));
    for persona in [guardian, Persona::Helper, Persona::OtherGuardian] {
        sign_in_again(&app, world.client(persona), &world.person(persona).email).await;
    }
    let home = page(world.client(guardian), "/home").await;
    for words in [
        // 5 − 3 = 2 to go; the three weeks before all met.
        "You practised 3 times this week. The plan asks for 5. 2 more to go!",
        "You did it every week for 3 weeks.",
        r#"<th scope="row">This week</th><td>3</td><td>5</td>"#,
        r#"<th scope="row">Last week</th><td>5</td><td>5</td>"#,
        r#"<th scope="row">3 weeks ago</th><td>5</td><td>5</td>"#,
        r#"aria-labelledby="encourage-weeks-title encourage-weeks-summary""#,
    ] {
        assert!(home.contains(words), "{words}: {home}");
    }
    assert!(!home.contains("NaN"));

    // Two more today: this week is met too, and the run is four weeks.
    practised(&app, &world, mia, a, guardian, "2026-11-25", 2).await;
    let home = page(world.client(guardian), "/home").await;
    assert!(
        home.contains("You practised 5 times this week. The plan asks for 5. You did it!"),
        "{home}"
    );
    assert!(home.contains("You did it every week for 4 weeks."), "{home}");
    let week = world.client(guardian).get(&format!("/api/v1/children/{mia}/week")).await;
    let week: serde_json::Value = week.json().await.unwrap();
    let recent = week["recent_weeks"].as_array().unwrap();
    assert_eq!(recent.len(), 4, "{week}");
    assert_eq!((recent[3]["logs"].clone(), recent[3]["target"].clone()), (5.into(), 5.into()));
    assert_eq!(recent[0]["week_start"], "2026-11-02");

    // The same in Spanish.
    let switched =
        world.client(guardian).post_form("/lang", &[("lang", "es"), ("next", "/home")]).await;
    assert_eq!(switched.status(), 303);
    let es = page(world.client(guardian), "/home").await;
    assert!(es.contains("Usted practicó 5 veces esta semana. El plan pide 5. ¡Lo logró!"), "{es}");
    assert!(es.contains("Lo logró cada semana durante 4 semanas."), "{es}");

    // A helper sees only their own logs: no household picture.
    let helper = page(world.client(Persona::Helper), "/home").await;
    assert!(!helper.contains(r#"data-testid="encouragement""#), "{helper}");
    // Leo's family has no plan yet: a kind word, no chart.
    let other = page(world.client(Persona::OtherGuardian), "/home").await;
    assert!(other.contains("Your plan has no practice to count yet."), "{other}");
    assert!(!other.contains("encourage-weeks-title"), "{other}");
}

on_both_databases!(a_caregiver_sees_this_week_against_the_plan_and_the_weeks_before_in_plain_words,);
