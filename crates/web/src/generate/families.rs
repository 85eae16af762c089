//! One clinic: its staff, then each household in its own transaction —
//! caregivers, a child, the care team, goals with COPM and GAS, an agreed
//! plan and (`logs`) the practice the family logged since.

use carryover_domain::{
    copm::{CopmProblem, CopmRating, CopmScores},
    gas::GasLevel,
    goal::{CopmRespondent, GasRater, GasScale, GoalStatus},
    library::{StrategySnapshot, StrategySource},
    people::{Access, Relationship, Role},
    plan::{AgreedWhere, TimesPerWeek},
    routine::{RoutineRef, StandardRoutine, UsualTime},
    strategies::{Area, starter_library},
};
use carryover_store::{
    Db, NewClinic, WriteTx,
    assignments::{self, AssignmentFields, NewAssignment},
    clinic,
    goals::{self, GoalFields},
    grant::FullGrant,
    measures, people,
    people::{NewChild, NewMember, NewPerson},
    plans, routines,
};
use rand::{Rng, rngs::StdRng};
use time::{Duration, OffsetDateTime};
use uuid::Uuid;

use super::{Made, Progress, Shape, logs, names};

const ROUTINES: [StandardRoutine; 7] = [
    StandardRoutine::WakingUp,
    StandardRoutine::Dressing,
    StandardRoutine::Meals,
    StandardRoutine::Bath,
    StandardRoutine::Toothbrushing,
    StandardRoutine::Bedtime,
    StandardRoutine::Play,
];

const GOALS: [(&str, Area); 6] = [
    ("Put on her shoes by herself before school", Area::Dressing),
    ("Eat three new foods at dinner", Area::Feeding),
    ("Fall asleep in his own bed", Area::Sleep),
    ("Brush teeth with help only for the back teeth", Area::Toileting),
    ("Play a turn-taking game for five minutes", Area::Play),
    ("Move from play to the car without a meltdown", Area::TransitionsBehaviour),
];

/// A person made here and the id they got.
struct Made1 {
    id: Uuid,
    email: String,
}

#[allow(clippy::too_many_arguments)]
pub async fn clinic(
    db: &Db,
    shape: &Shape,
    n: usize,
    password_hash: &str,
    now: OffsetDateTime,
    rng: &mut StdRng,
    progress: &Progress,
    made: &mut Made,
) -> anyhow::Result<()> {
    let start = now - Duration::weeks(shape.weeks);
    let mut tx = db.begin_write().await?;
    let new = NewClinic { name: format!("Generated clinic {}", n + 1), is_demo: false };
    let clinic_id = clinic::insert_clinic(&mut tx, &new, start).await?.clinic_id;
    // Benchmarks sign staff in with a password alone, as in the demo clinic.
    clinic::set_second_factor_required(&mut tx, clinic_id, false).await?;
    person(
        &mut tx,
        clinic_id,
        "Admin",
        Role::Admin,
        format!("admin.c{n}@example.org"),
        password_hash,
        start,
    )
    .await?;
    let mut therapists = Vec::new();
    for t in 0..shape.therapists_per_clinic {
        let name = format!("{} {}", names::adult(rng), names::surname(rng));
        let email = format!("therapist{t}.c{n}@example.org");
        let id =
            person(&mut tx, clinic_id, &name, Role::Therapist, email.clone(), password_hash, start)
                .await?;
        therapists.push(Made1 { id, email });
    }
    tx.commit().await?;
    progress.advance(0, 1 + therapists.len() as u64);
    if n == 0 {
        made.therapist = therapists[0].email.clone();
        made.therapists = therapists.iter().take(8).map(|t| t.email.clone()).collect();
    }

    // Households are committed in batches: one `fsync` per household would
    // make the saas scale take most of an hour.
    let mut tx = db.begin_write().await?;
    let mut pending = 0;
    for h in 0..shape.households_per_clinic {
        // The measured therapist's caseload first, then round-robin over the others.
        let therapist = if n == 0 && h < shape.measured_caseload {
            &therapists[0]
        } else if n == 0 && therapists.len() > 1 {
            &therapists[1 + h % (therapists.len() - 1)]
        } else {
            &therapists[h % therapists.len()]
        };
        let rows = household(
            &mut tx,
            clinic_id,
            therapist.id,
            (n, h),
            shape,
            password_hash,
            now,
            rng,
            made,
        )
        .await?;
        made.households += 1;
        made.rows += rows;
        pending += rows;
        if pending >= BATCH_ROWS {
            tx.commit().await?;
            tx = db.begin_write().await?;
            pending = 0;
        }
        progress.advance(1, rows);
    }
    tx.commit().await?;
    Ok(())
}

async fn person(
    tx: &mut WriteTx,
    clinic_id: Uuid,
    name: &str,
    role: Role,
    email: String,
    password_hash: &str,
    at: OffsetDateTime,
) -> anyhow::Result<Uuid> {
    let lang = "en".to_owned();
    let new = NewPerson { clinic_id, email, display_name: name.to_owned(), role, lang };
    let stored = people::insert_person(tx, &new, at).await?;
    people::set_password(tx, clinic_id, stored.person_id, password_hash).await?;
    if !people::claim_sign_in_email(tx, &stored).await? {
        anyhow::bail!("the generated address {} is taken", stored.email);
    }
    Ok(stored.person_id)
}

/// Rows written between two commits.
const BATCH_ROWS: u64 = 20_000;

/// One household; returns the rows written.
#[allow(clippy::too_many_arguments)]
async fn household(
    tx: &mut WriteTx,
    clinic_id: Uuid,
    therapist_id: Uuid,
    (n, h): (usize, usize),
    shape: &Shape,
    password_hash: &str,
    now: OffsetDateTime,
    rng: &mut StdRng,
    made: &mut Made,
) -> anyhow::Result<u64> {
    // Families join through the first half of the period.
    let joined = now - Duration::weeks(shape.weeks)
        + Duration::days(rng.random_range(0..7 * shape.weeks / 2));
    let surname = names::surname(rng);
    let mut rows = 0;
    let first = names::adult(rng);
    let household_id =
        people::insert_household(tx, clinic_id, &format!("{first} {surname}"), joined).await?;
    let mut caregivers = Vec::new();
    // Most households have one guardian; a third add a helper (a grandparent, a nanny).
    let helpers = usize::from(rng.random_ratio(1, 3));
    for p in 0..=helpers {
        let given = if p == 0 { first } else { names::adult(rng) };
        let email = names::email(given, n, h, p);
        let id = person(
            tx,
            clinic_id,
            &format!("{given} {surname}"),
            Role::Caregiver,
            email.clone(),
            password_hash,
            joined,
        )
        .await?;
        let (relationship, access) = if p == 0 {
            (Relationship::Mother, Access::Guardian)
        } else {
            (Relationship::Grandparent, Access::Helper)
        };
        let member = NewMember { clinic_id, household_id, person_id: id, relationship, access };
        people::insert_member(tx, &member, joined).await?;
        caregivers.push(id);
        if n == 0 && p == 0 && made.caregivers.len() < 64 {
            made.caregivers.push(email.clone());
        }
        rows += 4;
    }
    if made.caregiver.is_empty() {
        made.caregiver = made.caregivers[0].clone();
    }
    let birth_year = 2016 + rng.random_range(0..7);
    let child = NewChild {
        clinic_id,
        household_id,
        preferred_name: names::child(rng).to_owned(),
        date_of_birth: Some(format!(
            "{birth_year}-0{}-1{}",
            rng.random_range(1..10),
            rng.random_range(0..10)
        )),
        home_languages: "en".into(),
        notes: String::new(),
    };
    let child_id = people::insert_child(tx, &child, joined).await?;
    people::insert_care_team_member(tx, clinic_id, child_id, therapist_id, true, joined).await?;
    rows += 3;

    // The same lookup as the demo's: a person's grant, read as the app reads it.
    let team = crate::demo_plan::grant_for(tx, clinic_id, therapist_id, child_id, joined)
        .await?
        .full()
        .ok_or_else(|| anyhow::anyhow!("generated care team grant"))?;
    let (plan_rows, practised) = plan(tx, &team, caregivers[0], joined, now, rng).await?;
    rows += plan_rows;
    let guardian = crate::demo_plan::grant_for(tx, clinic_id, caregivers[0], child_id, joined)
        .await?
        .writable()
        .ok_or_else(|| anyhow::anyhow!("generated guardian's grant"))?;
    let agreed = joined + Duration::hours(1);
    let logged =
        logs::practise(tx, &guardian, &caregivers, &practised, (agreed, now), shape.bulk_logs, rng)
            .await?;
    made.logs += logged;
    Ok(rows + logged)
}

/// Two goals rated with COPM and GAS (re-rated every twelve weeks), the
/// household's usual times, and an agreed plan of three assignments.
async fn plan(
    tx: &mut WriteTx,
    team: &FullGrant,
    guardian: Uuid,
    joined: OffsetDateTime,
    now: OffsetDateTime,
    rng: &mut StdRng,
) -> anyhow::Result<(u64, Vec<logs::Practised>)> {
    let mut rows = 0;
    let mut practised = Vec::new();
    let mut goal_ids = Vec::new();
    let mut first = Vec::new();
    for g in 0..2 {
        let (words, area) = GOALS[(rng.random_range(0..GOALS.len()) + g) % GOALS.len()];
        let fields = GoalFields { words: words.into(), area, status: GoalStatus::Active };
        let id = goals::insert_goal(tx, team, &fields, joined).await?;
        let scale = GasScale {
            six_level: false,
            descriptions: ["Much less", "Less", "Expected", "More", "Much more"]
                .iter()
                .map(|d| format!("{d} than expected: {words}"))
                .collect(),
            baseline: GasLevel::parse(-1, false)?,
            importance: None,
            difficulty: None,
        };
        measures::save_gas_scale(tx, team, id, &scale, joined).await?;
        let mut level: i64 = -1;
        let mut at = joined;
        while at < now {
            measures::insert_gas_rating(
                tx,
                team,
                id,
                at.date(),
                GasLevel::parse(level, false)?,
                GasRater::Therapist,
                at,
            )
            .await?;
            level = (level + rng.random_range(0..2)).min(2);
            at += Duration::weeks(12);
            rows += 1;
        }
        let p = rng.random_range(2..6);
        let scores =
            CopmScores { performance: CopmRating::new(p)?, satisfaction: CopmRating::new(p)? };
        first.push(CopmProblem {
            id,
            importance: CopmRating::new(rng.random_range(6..11))?,
            scores: Some(scores),
        });
        goal_ids.push(id);
        rows += 3;
    }
    measures::insert_copm_occasion(
        tx,
        team,
        joined.date(),
        CopmRespondent::Caregiver,
        &first,
        joined,
    )
    .await?;
    for routine in ROUTINES.iter().take(3) {
        routines::set_usual_time(
            tx,
            team,
            RoutineRef::Standard(*routine),
            UsualTime::parse("07:30"),
            joined,
        )
        .await?;
        rows += 1;
    }

    let version = plans::insert_version(tx, team, None, joined).await?;
    plans::set_priorities(tx, team, &version, "Mornings and bedtime", &goal_ids).await?;
    let library = starter_library();
    for a in 0..3 {
        let starter = &library[rng.random_range(0..library.len())];
        let source = StrategySource::Starter(starter.slug.clone());
        let routine =
            RoutineRef::Standard(ROUTINES[(a * 2 + rng.random_range(0..2)) % ROUTINES.len()]);
        let times_per_week = rng.random_range(3..6);
        let fields = AssignmentFields {
            routines: vec![routine],
            times_per_week: TimesPerWeek::new(times_per_week)?,
            practised_by: None,
            goals: vec![goal_ids[a % goal_ids.len()]],
            changes: String::new(),
        };
        let snapshot = StrategySnapshot::of_starter(starter);
        let new = NewAssignment {
            source: &source,
            snapshot: &snapshot,
            fields: &fields,
            carried_from: None,
        };
        let assignment_id = assignments::insert_assignment(tx, team, &version, new, joined).await?;
        practised.push(logs::Practised {
            assignment_id,
            routine,
            times_per_week: times_per_week as u32,
        });
        rows += 1;
    }
    plans::agree(tx, team, &version, guardian, AgreedWhere::InSession, joined + Duration::hours(1))
        .await?;
    rows += 2;
    Ok((rows, practised))
}
