//! The demo clinic's joint plans (issue 11): every child has goals in the
//! family's words with COPM ratings (two occasions for some) and GAS scales
//! with ratings, and an agreed plan of two or three assignments; Sam's
//! family has a new version shared with them and waiting for a guardian.

use carryover_domain::{
    copm::{CopmProblem, CopmRating, CopmScores},
    gas::{GasDifficulty, GasImportance, GasLevel},
    goal::{CopmRespondent, GasRater, GasScale, GoalStatus},
    library::{StrategySnapshot, StrategySource},
    plan::{AgreedWhere, TimesPerWeek},
    routine::{RoutineRef, StandardRoutine, UsualTime},
    strategies::{Area, find_starter},
};
use carryover_store::{
    WriteTx,
    assignments::{self, AssignmentFields, NewAssignment},
    goals::{self, GoalFields},
    grant::{self, ChildGrant, FullGrant},
    measures, people, plans, routines,
};
use time::{Duration, OffsetDateTime};
use uuid::Uuid;

use StandardRoutine::*;

struct Goal {
    words: &'static str,
    area: Area,
    /// +2, +1, 0, −1, −2.
    levels: [&'static str; 5],
    baseline: i8,
    /// (importance, difficulty).
    weight: Option<(i64, i64)>,
    /// The therapist's levels, four weeks apart, oldest first.
    therapist: &'static [i8],
    guardian: Option<i8>,
    /// Importance, then (performance, satisfaction) at the first rating and at a re-rating.
    copm: (i64, (i64, i64), Option<(i64, i64)>),
}

struct Assignment {
    slug: &'static str,
    routines: &'static [StandardRoutine],
    /// One of the household's own routines, by name.
    own_routine: Option<&'static str>,
    times: i64,
    goal: usize,
    /// The email of the caregiver who practises; `None`: any caregiver.
    by: Option<&'static str>,
    changes: &'static str,
}

struct Child {
    name: &'static str,
    therapist: &'static str,
    guardian: &'static str,
    priorities: &'static str,
    goals: &'static [Goal],
    plan: &'static [Assignment],
    place: AgreedWhere,
    /// A second version, shared and waiting for the guardian.
    waiting: Option<(&'static str, &'static [Assignment])>,
    usual_times: &'static [(StandardRoutine, &'static str)],
    own_routines: &'static [(&'static str, &'static str)],
}

const fn a(
    slug: &'static str,
    routines: &'static [StandardRoutine],
    times: i64,
    goal: usize,
) -> Assignment {
    Assignment { slug, routines, own_routine: None, times, goal, by: None, changes: "" }
}

mod data;

fn day(now: OffsetDateTime, weeks_ago: i64) -> OffsetDateTime {
    now - Duration::weeks(weeks_ago)
}

/// A person's grant to a child, read as the app reads it (the demo and `generate`).
pub(crate) async fn grant_for(
    tx: &mut WriteTx,
    clinic_id: Uuid,
    person_id: Uuid,
    child_id: Uuid,
    now: OffsetDateTime,
) -> anyhow::Result<ChildGrant> {
    let account = people::account_in_clinic(tx, clinic_id, person_id)
        .await?
        .ok_or_else(|| anyhow::anyhow!("demo person {person_id}"))?;
    let actor = account.actor().ok_or_else(|| anyhow::anyhow!("demo person inactive"))?;
    grant::child_grant(tx, &actor, child_id, now)
        .await?
        .ok_or_else(|| anyhow::anyhow!("demo grant"))
}

fn full(grant: &ChildGrant) -> anyhow::Result<FullGrant> {
    grant.full().ok_or_else(|| anyhow::anyhow!("demo grant is a helper's"))
}

/// Seeds every demo child's goals, ratings and plan. `children` are (name, id).
pub async fn seed(
    tx: &mut WriteTx,
    clinic_id: Uuid,
    children: &[(&'static str, Uuid)],
    person_by_email: &dyn Fn(&str) -> Option<Uuid>,
    now: OffsetDateTime,
) -> anyhow::Result<()> {
    for child in data::CHILDREN {
        let Some((_, child_id)) = children.iter().find(|(name, _)| *name == child.name) else {
            continue;
        };
        let person = |email: &str| {
            person_by_email(email).ok_or_else(|| anyhow::anyhow!("demo person {email}"))
        };
        let team = grant_for(tx, clinic_id, person(child.therapist)?, *child_id, now).await?;
        let guardian = grant_for(tx, clinic_id, person(child.guardian)?, *child_id, now).await?;
        let goal_ids = seed_goals(tx, &team, &guardian, child, now).await?;
        let own = seed_routines(tx, &guardian, child, now).await?;
        let plan = Plan { goal_ids: &goal_ids, own: &own, person_by_email };
        let agreed =
            plan.version(tx, &team, None, child.priorities, child.plan, day(now, 10)).await?;
        // Ten weeks ago, so that the practice logs (issue 12) have ten weeks to fill.
        let at = day(now, 10) + Duration::hours(1);
        let (confirming, guardian_id) = match child.place {
            AgreedWhere::InSession => (&team, guardian.actor().person_id()),
            AgreedWhere::OwnDevice => {
                plans::share(tx, &full(&team)?, &agreed, at).await?;
                (&guardian, guardian.actor().person_id())
            }
        };
        plans::agree(
            tx,
            &full(confirming)?,
            &agreed,
            guardian_id,
            child.place,
            at + Duration::days(1),
        )
        .await?;
        if let Some((priorities, next)) = child.waiting {
            let shared_at = now - Duration::days(3);
            let agreed = plans::version(tx, &full(&team)?, agreed.version_id)
                .await?
                .ok_or_else(|| anyhow::anyhow!("agreed"))?;
            let draft = plan
                .version(tx, &team, Some(&agreed), priorities, next, shared_at - Duration::hours(2))
                .await?;
            plans::share(tx, &full(&team)?, &draft, shared_at).await?;
        }
    }
    Ok(())
}

async fn seed_goals(
    tx: &mut WriteTx,
    team: &ChildGrant,
    guardian: &ChildGrant,
    child: &Child,
    now: OffsetDateTime,
) -> anyhow::Result<Vec<Uuid>> {
    let team_full = full(team)?;
    let (mut ids, mut first, mut again) = (Vec::new(), Vec::new(), Vec::new());
    for goal in child.goals {
        let fields =
            GoalFields { words: goal.words.into(), area: goal.area, status: GoalStatus::Active };
        let id = goals::insert_goal(tx, &team_full, &fields, day(now, 11)).await?;
        seed_gas(tx, &team_full, &full(guardian)?, id, goal, now).await?;
        let (importance, first_scores, later) = goal.copm;
        first.push(copm_problem(id, importance, first_scores)?);
        if let Some(scores) = later {
            again.push(copm_problem(id, importance, scores)?);
        }
        ids.push(id);
    }
    let caregiver = CopmRespondent::Caregiver;
    let (eight, one) = (day(now, 8), day(now, 1));
    measures::insert_copm_occasion(tx, &team_full, eight.date(), caregiver, &first, eight).await?;
    if !again.is_empty() {
        measures::insert_copm_occasion(tx, &team_full, one.date(), caregiver, &again, one).await?;
    }
    Ok(ids)
}

fn copm_problem(
    id: Uuid,
    importance: i64,
    (p, s): (i64, i64),
) -> anyhow::Result<CopmProblem<Uuid>> {
    let scores = CopmScores { performance: CopmRating::new(p)?, satisfaction: CopmRating::new(s)? };
    Ok(CopmProblem { id, importance: CopmRating::new(importance)?, scores: Some(scores) })
}

/// The goal's scale, the therapist's ratings four weeks apart (the last one
/// a week ago), and the guardian's, if any, a week ago.
async fn seed_gas(
    tx: &mut WriteTx,
    team: &FullGrant,
    guardian: &FullGrant,
    id: Uuid,
    goal: &Goal,
    now: OffsetDateTime,
) -> anyhow::Result<()> {
    let scale = GasScale {
        six_level: false,
        descriptions: goal.levels.iter().map(|l| (*l).to_owned()).collect(),
        baseline: GasLevel::parse(goal.baseline.into(), false)?,
        importance: goal.weight.map(|w| GasImportance::new(w.0)).transpose()?,
        difficulty: goal.weight.map(|w| GasDifficulty::new(w.1)).transpose()?,
    };
    measures::save_gas_scale(tx, team, id, &scale, day(now, 8)).await?;
    let weeks = goal.therapist.len() as i64;
    for (n, level) in (0_i64..).zip(goal.therapist) {
        let at = day(now, 4 * (weeks - 1 - n) + 1);
        let level = GasLevel::parse((*level).into(), false)?;
        measures::insert_gas_rating(tx, team, id, at.date(), level, GasRater::Therapist, at)
            .await?;
    }
    if let Some(level) = goal.guardian {
        let at = day(now, 1);
        let level = GasLevel::parse(level.into(), false)?;
        measures::insert_gas_rating(tx, guardian, id, at.date(), level, GasRater::Guardian, at)
            .await?;
    }
    Ok(())
}

async fn seed_routines(
    tx: &mut WriteTx,
    guardian: &ChildGrant,
    child: &Child,
    now: OffsetDateTime,
) -> anyhow::Result<Vec<(&'static str, Uuid)>> {
    let full = full(guardian)?;
    for (routine, time) in child.usual_times {
        routines::set_usual_time(
            tx,
            &full,
            RoutineRef::Standard(*routine),
            UsualTime::parse(time),
            now,
        )
        .await?;
    }
    let mut own = Vec::new();
    for (name, time) in child.own_routines {
        own.push((
            *name,
            routines::insert_own(tx, &full, name, UsualTime::parse(time), now).await?,
        ));
    }
    Ok(own)
}

struct Plan<'a> {
    goal_ids: &'a [Uuid],
    own: &'a [(&'static str, Uuid)],
    person_by_email: &'a dyn Fn(&str) -> Option<Uuid>,
}

impl Plan<'_> {
    /// A new version with these assignments, each carried from the same
    /// strategy in `based_on` when it had one.
    async fn version(
        &self,
        tx: &mut WriteTx,
        team: &ChildGrant,
        based_on: Option<&plans::PlanVersion>,
        priorities: &str,
        list: &[Assignment],
        at: OffsetDateTime,
    ) -> anyhow::Result<plans::PlanVersion> {
        let team = full(team)?;
        let version = plans::insert_version(tx, &team, based_on, at).await?;
        let earlier = match based_on {
            Some(v) => assignments::assignments(tx, team.child(), v).await?,
            None => Vec::new(),
        };
        plans::set_priorities(tx, &team, &version, priorities, self.goal_ids).await?;
        for item in list {
            let starter = find_starter(item.slug)
                .ok_or_else(|| anyhow::anyhow!("demo strategy {}", item.slug))?;
            let source = StrategySource::Starter(item.slug.to_owned());
            let mut routines: Vec<RoutineRef> =
                item.routines.iter().map(|r| RoutineRef::Standard(*r)).collect();
            routines.extend(
                item.own_routine
                    .and_then(|name| self.own.iter().find(|(n, _)| *n == name))
                    .map(|(_, id)| RoutineRef::Own(*id)),
            );
            let fields = AssignmentFields {
                routines,
                times_per_week: TimesPerWeek::new(item.times)?,
                practised_by: item.by.and_then(|email| (self.person_by_email)(email)),
                goals: self.goal_ids.get(item.goal).copied().into_iter().collect(),
                changes: item.changes.to_owned(),
            };
            let carried_from = earlier.iter().find(|e| e.source == source).map(|e| e.assignment_id);
            let snapshot = StrategySnapshot::of_starter(starter);
            let new = NewAssignment {
                source: &source,
                snapshot: &snapshot,
                fields: &fields,
                carried_from,
            };
            assignments::insert_assignment(tx, &team, &version, new, at).await?;
        }
        Ok(version)
    }
}
