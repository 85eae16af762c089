//! What the walk sends to the practice logs' routes (issue 12 part A), and
//! the logs it finds there: three per child, made before the walk by a
//! caregiver who may change them (the helper for Mia, the other guardian for
//! Leo), one to read and correct, one to delete by page, one through the API.

use uuid::Uuid;

use crate::helpers::TestApp;
use crate::plan_world::ChildPlan;
use crate::world::{Persona, World};

/// The seeded log a route's `{log_id}` names: deletions each take their own.
pub(super) fn log_for(method: &str, template: &str, child: Uuid) -> Uuid {
    let n = if method == "DELETE" {
        0xb2
    } else if template.ends_with("/delete") {
        0xc3
    } else {
        0xa1
    };
    Uuid::from_u128(child.as_u128() ^ n)
}

/// Routes naming a log: walked once more with the other child's log.
pub(super) fn names_log(template: &str) -> bool {
    template.contains("{log_id}")
}

/// The log form carries an assignment id: walked once more with the other child's.
pub(super) fn carries_log_ids(method: &str, template: &str) -> bool {
    method == "POST" && template == "/children/{child_id}/logs"
}

/// A log of the plan's first assignment, under a fresh id each time.
pub(super) fn practice_form(path: &str, body: &ChildPlan) -> Vec<(String, String)> {
    if path != "/children/{child_id}/logs" {
        return Vec::new();
    }
    vec![
        ("log_id".into(), Uuid::now_v7().to_string()),
        ("assignment_id".into(), body.assignments[0].to_string()),
        ("response".into(), "went_well".into()),
    ]
}

/// Stores the three logs of each child, as their caregivers would have.
pub(super) async fn seed_logs(app: &TestApp, world: &World, own: &ChildPlan, other: &ChildPlan) {
    let now = carryover_store::time_text::to_text(app.clock_now()).unwrap();
    let day = &now[..10];
    let mut tx = app.db.begin_write().await.unwrap();
    for (plan, persona) in [(own, Persona::Helper), (other, Persona::OtherGuardian)] {
        let by = world.person(persona).person_id.to_string();
        for n in [0xa1_u128, 0xb2, 0xc3] {
            let id = Uuid::from_u128(plan.child.as_u128() ^ n);
            sqlx::query(
                "INSERT INTO practice_log (clinic_id, child_id, practice_log_id, assignment_id, household_id, \
                 standard_routine, practised_by, practised_on, said_when, response, logged_by, created_at, updated_at) \
                 SELECT c.clinic_id, c.child_id, $2, $3, c.household_id, 'dressing', $4, $5, 'now', 'went_well', \
                 $4, $6, $6 FROM child c WHERE c.child_id = $1",
            )
            .bind(plan.child.to_string())
            .bind(id.to_string())
            .bind(plan.assignments[0].to_string())
            .bind(&by)
            .bind(day)
            .bind(&now)
            .execute(&mut *tx)
            .await
            .unwrap();
        }
    }
    carryover_store::commit(tx).await.unwrap();
}
