//! No child seen at the clinic is ever left without an active therapist,
//! whatever the admin does, in whatever order: a long seeded sequence of
//! team changes, caseload moves, deactivations, discharges, re-admissions
//! and new families, checked after every step.

use std::sync::Arc;

use carryover::passwords::{PasswordCost, PasswordHasher};
use carryover_ops::{
    Ops, RequestMeta, Who, access, care_team, caseload, discharge, households, secrets, staff,
};
use carryover_store::{Backend, people};
use uuid::Uuid;

use crate::helpers::{TestApp, on_both_databases, spawn_app};
use crate::world::{Persona, World};

/// A small deterministic generator (xorshift): the sequence is the same on every run.
struct Dice(u64);

impl Dice {
    fn roll(&mut self, sides: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % sides as u64) as usize
    }

    fn pick<T: Copy>(&mut self, from: &[T]) -> T {
        from[self.roll(from.len())]
    }
}

async fn orphans(app: &TestApp) -> Vec<String> {
    sqlx::query_scalar(
        "SELECT c.preferred_name FROM child c WHERE c.discharged_on IS NULL AND NOT EXISTS ( \
           SELECT 1 FROM care_team_member t JOIN person p ON p.clinic_id = t.clinic_id \
           AND p.person_id = t.person_id WHERE t.clinic_id = c.clinic_id AND t.child_id = c.child_id \
           AND p.is_active = 1 AND p.role = 'therapist')",
    )
    .fetch_all(app.db.reader())
    .await
    .unwrap()
}

async fn ids(app: &TestApp, sql: &str) -> Vec<Uuid> {
    let rows: Vec<String> =
        sqlx::query_scalar(sqlx::AssertSqlSafe(sql)).fetch_all(app.db.reader()).await.unwrap();
    rows.iter().map(|r| Uuid::parse_str(r).unwrap()).collect()
}

async fn admin(app: &TestApp, world: &World) -> Who {
    let mut conn = app.db.read_conn().await.unwrap();
    let id = world.person(Persona::Admin).person_id;
    let account = people::account_in_clinic(&mut conn, world.clinic, id).await.unwrap().unwrap();
    Who { actor: account.actor().unwrap(), meta: RequestMeta::default() }
}

/// One random step; refusals are answers too, and must leave nothing half-done.
async fn step(ops: &Ops, who: &Who, app: &TestApp, dice: &mut Dice, n: usize) {
    let children = ids(app, "SELECT child_id FROM child").await;
    let mut therapists = ids(app, "SELECT person_id FROM person WHERE role = 'therapist'").await;
    therapists.push(Uuid::now_v7());
    let (child, t1, t2) = (dice.pick(&children), dice.pick(&therapists), dice.pick(&therapists));
    let grant = access::child_grant(ops, who, child).await.unwrap().unwrap();
    let _ = match dice.roll(7) {
        0 | 1 => {
            let change = dice.pick(&["add", "remove", "primary", "remove"]).to_owned();
            let input = care_team::TeamInput { change, therapist_id: t1.to_string() };
            care_team::change(ops, who, &grant, &input).await.map(drop)
        }
        2 => {
            let chosen =
                children.iter().filter(|_| dice.roll(2) == 0).map(Uuid::to_string).collect();
            let input = caseload::MoveInput { to: t2.to_string(), children: chosen };
            caseload::move_children(ops, who, t1, &input).await.map(drop)
        }
        3 => {
            let move_to = if dice.roll(3) == 0 { String::new() } else { t2.to_string() };
            staff::deactivate(ops, who, t1, &staff::DeactivateInput { move_to }).await.map(drop)
        }
        4 => {
            let input = discharge::DischargeInput {
                discharged_on: "2026-11-01".into(),
                reason: "moved".into(),
                note: String::new(),
            };
            discharge::discharge(ops, who, &grant, &input).await
        }
        5 => {
            let input = discharge::ReadmitInput { therapist_id: t1.to_string() };
            discharge::readmit(ops, who, &grant, &input).await
        }
        _ => {
            let input = households::NewHouseholdInput {
                child_name: format!("Kid {n}"),
                therapist_id: t1.to_string(),
                caregiver: carryover_ops::caregivers::CaregiverInput {
                    name: format!("Parent {n}"),
                    email: format!("parent{n}@example.org"),
                    relationship: "mother".into(),
                    access: "guardian".into(),
                },
            };
            let lang = carryover_domain::people::Language::En;
            households::create(ops, who, &input, lang).await.map(drop)
        }
    };
}

async fn no_active_child_is_ever_left_without_an_active_therapist(backend: Backend) {
    let app = spawn_app(backend).await;
    let world = World::build(&app).await;
    let ops = Ops {
        db: app.db.clone(),
        clock: Arc::new(app.clock.clone()),
        secrets: secrets::random(),
        passwords: PasswordHasher::new(PasswordCost::Fast).unwrap(),
    };
    let who = admin(&app, &world).await;
    let mut dice = Dice(0x5eed_1234_abcd_0042);
    assert_eq!(orphans(&app).await, Vec::<String>::new(), "the world starts sound");
    for n in 0..120 {
        step(&ops, &who, &app, &mut dice, n).await;
        assert_eq!(orphans(&app).await, Vec::<String>::new(), "after step {n}");
    }
    let active: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM person WHERE role = 'therapist' AND is_active = 1",
    )
    .fetch_one(app.db.reader())
    .await
    .unwrap();
    assert!(active >= 1, "some therapist is left to care for the children");
}

on_both_databases!(no_active_child_is_ever_left_without_an_active_therapist);
