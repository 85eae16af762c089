//! The joint plan's things in the test world (issue 11), made through the
//! real pages by each child's therapist and guardian: a goal with a GAS
//! scale, a household's own routine, a plan version with three assignments
//! shared with the guardians, and a clinic strategy in each clinic.

use uuid::Uuid;

use crate::helpers::{TestApp, TestClient};
use crate::world::{Persona, World};

/// One child's joint-plan things.
#[derive(Clone, Debug)]
pub struct ChildPlan {
    pub child: Uuid,
    pub goal: Uuid,
    /// One of the household's own routines.
    pub routine: Uuid,
    pub version: Uuid,
    /// The first stays; the other two are for removing.
    pub assignments: [Uuid; 5],
    /// A guardian of the child.
    pub guardian: Uuid,
    /// Issue 12 part B: a guardian's reflection on the week, flagged (hard to fit in).
    pub reflection: Uuid,
}

#[derive(Clone, Debug)]
pub struct PlanWorld {
    /// The world's child (Mia).
    pub own: ChildPlan,
    /// The other household's child (Leo).
    pub other: ChildPlan,
    /// A clinic strategy of the world's clinic, and one of the other clinic.
    pub strategy_a: Uuid,
    pub strategy_b: Uuid,
}

impl PlanWorld {
    pub fn of(&self, child: Uuid) -> &ChildPlan {
        if child == self.own.child { &self.own } else { &self.other }
    }

    /// The clinic strategy a persona's `{strategy_id}` names: one of their own clinic.
    pub fn strategy_for(&self, world: &World, persona: Persona) -> Uuid {
        match persona {
            Persona::ForeignTherapist | Persona::ForeignAdmin => self.strategy_b,
            _ => {
                let _ = world;
                self.strategy_a
            }
        }
    }

    pub async fn build(app: &TestApp, world: &World) -> PlanWorld {
        let own =
            child_plan(app, world, world.child, Persona::TeamTherapist, Persona::Guardian).await;
        let other = child_plan(
            app,
            world,
            world.other_child,
            Persona::OtherTherapist,
            Persona::OtherGuardian,
        )
        .await;
        let strategy_a = copy_strategy(app, world.client(Persona::TeamTherapist)).await;
        let strategy_b = copy_strategy(app, world.client(Persona::ForeignTherapist)).await;
        PlanWorld { own, other, strategy_a, strategy_b }
    }
}

async fn newest(app: &TestApp, sql: &str, child: Uuid) -> Uuid {
    let id: String = sqlx::query_scalar(sqlx::AssertSqlSafe(sql.to_owned()))
        .bind(child.to_string())
        .fetch_one(app.db.reader())
        .await
        .unwrap_or_else(|e| panic!("{sql}: {e}"));
    Uuid::parse_str(&id).unwrap()
}

async fn posted(client: &TestClient, path: &str, form: &[(&str, &str)]) {
    let response = client.post_form(path, form).await;
    let status = response.status();
    assert_eq!(status, 303, "POST {path}: {}", response.text().await.unwrap());
}

/// A goal of the child, as its therapist sets it.
pub async fn add_goal(app: &TestApp, therapist: &TestClient, child: Uuid, words: &str) -> Uuid {
    let path = format!("/children/{child}/goals");
    posted(therapist, &path, &[("words", words), ("area", "dressing")]).await;
    newest(
        app,
        "SELECT goal_id FROM goal WHERE child_id = $1 ORDER BY created_at DESC, goal_id DESC LIMIT 1",
        child,
    )
    .await
}

/// A five-level scale with baseline −1 and no weight.
pub fn scale_form() -> Vec<(&'static str, &'static str)> {
    vec![
        ("level_plus_2", "Shoes and jacket on alone, every morning"),
        ("level_plus_1", "Shoes and jacket on with one reminder"),
        ("level_0", "Shoes on alone, help with the zip"),
        ("level_minus_1", "Hand-over-hand help with shoes"),
        ("level_minus_2", "An adult dresses her"),
        ("baseline", "-1"),
    ]
}

/// Five assignments: backward chaining, a first–then board, a timer, and
/// two that the access walk removes (through a page and through the API).
pub const STRATEGIES: [&str; 5] = [
    "starter:backward-chaining-dressing",
    "starter:first-then-board",
    "starter:timers-and-warnings",
    "starter:picture-steps-for-dressing",
    "starter:sit-down-to-dress",
];

async fn child_plan(
    app: &TestApp,
    world: &World,
    child: Uuid,
    therapist: Persona,
    guardian: Persona,
) -> ChildPlan {
    let team = world.client(therapist);
    let goal = add_goal(app, team, child, "Puts on shoes by herself").await;
    posted(team, &format!("/children/{child}/goals/{goal}/gas"), &scale_form()).await;
    let routines = format!("/children/{child}/routines");
    posted(
        world.client(guardian),
        &routines,
        &[("name", "Walk to the bus"), ("usual_time", "07:40")],
    )
    .await;
    let routine = newest(
        app,
        "SELECT r.household_routine_id FROM household_routine r JOIN child c \
         ON c.clinic_id = r.clinic_id AND c.household_id = r.household_id \
         WHERE c.child_id = $1 AND r.name IS NOT NULL ORDER BY r.created_at DESC LIMIT 1",
        child,
    )
    .await;
    let drafts = format!("/children/{child}/plan/drafts");
    posted(team, &drafts, &[]).await;
    let version = newest(
        app,
        "SELECT plan_version_id FROM plan_version WHERE child_id = $1 AND agreed_at IS NULL",
        child,
    )
    .await;
    let (goal_text, routine_text) = (goal.to_string(), routine.to_string());
    let path = format!("/children/{child}/plan/{version}/assignments");
    for strategy in STRATEGIES {
        let form = [
            ("strategy", strategy),
            ("routines", "dressing"),
            ("routines", routine_text.as_str()),
            ("times_per_week", "5"),
            ("goals", goal_text.as_str()),
        ];
        posted(team, &path, &form).await;
    }
    // Shared, so that the guardian can read it and confirm it.
    posted(team, &format!("/children/{child}/plan/{version}/share"), &[]).await;
    let ids: Vec<String> = sqlx::query_scalar(
        "SELECT assignment_id FROM assignment WHERE child_id = $1 AND plan_version_id = $2 ORDER BY position",
    )
    .bind(child.to_string())
    .bind(version.to_string())
    .fetch_all(app.db.reader())
    .await
    .unwrap();
    let ids: Vec<Uuid> = ids.iter().map(|id| Uuid::parse_str(id).unwrap()).collect();
    let reflection = [("responded", "no"), ("difficulty", "5"), ("need", "keep_going")];
    posted(world.client(guardian), &format!("/children/{child}/reflections"), &reflection).await;
    let reflection = newest(
        app,
        "SELECT reflection_id FROM reflection WHERE child_id = $1 ORDER BY reflection_id DESC LIMIT 1",
        child,
    )
    .await;
    ChildPlan {
        child,
        goal,
        routine,
        version,
        assignments: [ids[0], ids[1], ids[2], ids[3], ids[4]],
        guardian: world.person(guardian).person_id,
        reflection,
    }
}

async fn copy_strategy(app: &TestApp, therapist: &TestClient) -> Uuid {
    let response = therapist.post_form("/strategies/starter/first-then-board/copy", &[]).await;
    assert_eq!(response.status(), 303);
    let location = response.headers()["location"].to_str().unwrap().to_owned();
    let _ = app;
    let id = location.trim_start_matches("/strategies/clinic/").trim_end_matches("/edit");
    Uuid::parse_str(id).unwrap()
}

/// Issue 12 part B: a practice log of `child`'s `assignment`, made by `by`,
/// written straight to the table (no page of the logs' part is needed for it).
pub async fn practice_log_by(
    app: &TestApp,
    world: &World,
    child: Uuid,
    assignment: Uuid,
    by: Persona,
) -> Uuid {
    let by = world.person(by);
    let household: String =
        sqlx::query_scalar("SELECT household_id FROM child WHERE child_id = $1")
            .bind(child.to_string())
            .fetch_one(app.db.reader())
            .await
            .unwrap();
    let id = Uuid::now_v7();
    let at = "2026-11-02T09:00:00.000000Z";
    let mut tx = app.db.begin_write().await.unwrap();
    sqlx::query(
        "INSERT INTO practice_log (clinic_id, child_id, practice_log_id, assignment_id, household_id, \
         standard_routine, practised_by, practised_on, said_when, response, note, logged_by, created_at, \
         updated_at) VALUES ($1, $2, $3, $4, $5, 'dressing', $6, '2026-11-02', 'now', 'hard', \
         'She cried at the second sock', $6, $7, $7)",
    )
    .bind(by.clinic_id.to_string())
    .bind(child.to_string())
    .bind(id.to_string())
    .bind(assignment.to_string())
    .bind(household)
    .bind(by.person_id.to_string())
    .bind(at)
    .execute(&mut *tx)
    .await
    .unwrap();
    carryover_store::commit(tx).await.unwrap();
    id
}
