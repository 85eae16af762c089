//! The admin's clinic page (issue 14): the clinic's figures over a period.
//!
//! - **Active households**: households with a child not discharged on the
//!   period's last day whose plan was agreed by then (an agreed plan stays in
//!   force until a newer one replaces it, so it was in force in the period).
//! - **Adherence**: each active household's Σ min(logs, target) ÷ Σ target
//!   over the Monday–Sunday weeks that overlap the period, each week counted
//!   whole (as the caregiver's measures count this week), over its active
//!   children's lines of practice; bucketed, with the median.
//! - **Fidelity**: per therapist, the visits held in the period, the mean
//!   share of the five steps present, and how many had all five.
//! - **COPM**: goals re-rated in the period (their latest rating up to the
//!   period's end is in it, and is not their first); a change is important
//!   when performance or satisfaction rose by at least the clinic's threshold.
//! - **GAS**: per child, the T-score at the therapist's latest ratings in the
//!   period minus the T-score at baseline, both over the goals rated in the
//!   period (so the two scores are over the same goals); averaged over the
//!   children that have both.
//!
//! One audit row for the whole page, naming no child: no child's figures are
//! shown on their own.

use std::collections::{BTreeMap, BTreeSet};

use carryover_domain::{
    audit::{AuditAction, AuditResource},
    clinic_metrics::{Adherence, AdherenceBucket, FidelityTally, copm_important, distribution},
    copm::{CopmScores, CopmThreshold},
    goal::{GasRater, GasScale},
    people::Role,
    zone::{ClinicZone, week_start},
};
use carryover_store::{
    AnyConnection, audit,
    clinic_metrics::{self as store, CopmGoalRating, MetricsChild, Practice},
    coaching,
    grant::Actor,
    measures::GasRating,
    practice_logs::AgreedAssignment,
};
use serde::{Deserialize, Serialize};
use time::{Date, Duration};
use uuid::Uuid;

use crate::{
    OpError, Ops, Problem, Who,
    error::Fields,
    practice::schedule::{Line, household_week, lines},
    scope::{clinic_day, rating_day},
    scores::{t_score_view, two_decimals},
};

/// The period shown when none is asked for: 12 weeks up to today.
pub const DEFAULT_DAYS: i64 = 84;

/// The period as a query sends it: dates `YYYY-MM-DD`; empty `to`: the
/// clinic's today; empty `from`: 12 weeks back from `to`.
#[derive(Clone, Debug, Default, Deserialize, Serialize, utoipa::ToSchema, utoipa::IntoParams)]
#[schema(example = json!({"from": "2026-09-08", "to": "2026-11-30"}))]
#[into_params(parameter_in = Query)]
pub struct MetricsInput {
    #[serde(default)]
    pub from: Option<String>,
    #[serde(default)]
    pub to: Option<String>,
}

mod date_text {
    pub fn serialize<S: serde::Serializer>(d: &time::Date, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&carryover_domain::text::date_text(*d))
    }
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct BucketCount {
    pub bucket: AdherenceBucket,
    pub households: u32,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct AdherenceFigures {
    /// The Mondays of the weeks counted.
    pub weeks: u32,
    /// In the order 0–24%, 25–49%, 50–74%, 75–100%, no target.
    pub buckets: Vec<BucketCount>,
    /// Whole percent, over the households with a target; `None` without one.
    pub median_percent: Option<u64>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TherapistVisits {
    pub therapist_id: Uuid,
    pub name: String,
    pub visits: u32,
    /// The mean share of the five steps present, whole percent.
    pub average_steps_percent: Option<u64>,
    pub all_five: u32,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CopmFigures {
    /// The clinic's threshold, in points.
    pub threshold: u8,
    pub goals_rerated: u32,
    pub important: u32,
    /// important ÷ goals_rerated, whole percent; `None` without re-rated goals.
    pub percent: Option<u64>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct GasFigures {
    /// Children with a baseline and a therapist's rating in the period.
    pub children: u32,
    /// Mean T-score change, two decimals; `None` without such a child.
    pub average_change: Option<f64>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ClinicMetricsView {
    #[serde(with = "date_text")]
    pub from: Date,
    #[serde(with = "date_text")]
    pub to: Date,
    pub active_households: u32,
    pub adherence: AdherenceFigures,
    /// By therapist name; only therapists with a visit in the period.
    pub fidelity: Vec<TherapistVisits>,
    pub copm: CopmFigures,
    pub gas: GasFigures,
}

fn typed(text: &Option<String>) -> Option<&str> {
    text.as_deref().map(str::trim).filter(|t| !t.is_empty())
}

fn period(input: &MetricsInput, today: Date) -> Result<(Date, Date), OpError> {
    let mut fields = Fields::default();
    let to = match typed(&input.to) {
        None => Some(today),
        Some(t) => fields.check("to", rating_day(t, today)),
    };
    let from = match typed(&input.from) {
        None => to.map(|to| to.saturating_sub(Duration::days(DEFAULT_DAYS - 1))),
        Some(t) => fields.check("from", rating_day(t, today)),
    };
    if let (Some(from), Some(to)) = (from, to)
        && from > to
    {
        fields.push("from", Problem::OutOfRange);
    }
    let to = fields.finish(to)?;
    Ok((from.unwrap_or(to), to))
}

/// The clinic page's figures; admins only.
pub async fn metrics(
    ops: &Ops,
    who: &Who,
    input: &MetricsInput,
) -> Result<ClinicMetricsView, OpError> {
    if who.actor.role() != Role::Admin {
        return Err(OpError::NotFound);
    }
    let now = ops.now();
    let mut tx = ops.db.begin_write().await?;
    let day = clinic_day(&mut tx, who.actor.clinic_id(), now).await?;
    let (from, to) = period(input, day.today)?;
    let view = figures(&mut tx, &who.actor, &day.zone, day.copm_threshold, from, to).await?;
    let event = who.event(AuditAction::View, AuditResource::ClinicMetrics, None, None);
    audit::append(&mut tx, &event, now).await?;
    tx.commit().await?;
    Ok(view)
}

async fn figures(
    conn: &mut AnyConnection,
    actor: &Actor,
    zone: &ClinicZone,
    threshold: CopmThreshold,
    from: Date,
    to: Date,
) -> Result<ClinicMetricsView, OpError> {
    let end = zone.start_of_local_day(to.next_day().unwrap_or(to));
    let planned: BTreeSet<Uuid> =
        store::children_with_agreed_plan(conn, actor, end).await?.into_iter().collect();
    let active: Vec<MetricsChild> = store::children(conn, actor)
        .await?
        .into_iter()
        .filter(|c| c.discharged_on.is_none_or(|d| d > to) && planned.contains(&c.child_id))
        .collect();
    let mondays = mondays(from, to);
    let first = mondays.first().copied().unwrap_or(from);
    let last = mondays.last().map_or(to, |m| m.saturating_add(Duration::days(6)));
    let agreed = store::agreed_assignments(conn, actor, end).await?;
    let practices = store::practices(conn, actor, first, last).await?;
    let adherence = adherence(&active, &agreed, &practices, &mondays, zone);
    let households: BTreeSet<Uuid> = active.iter().map(|c| c.household_id).collect();
    let visits = coaching::fidelity_rows(conn, actor, None, zone.start_of_local_day(from)).await?;
    let fidelity = fidelity(visits.into_iter().filter(|v| v.held_at < end).collect());
    let copm = copm(&store::copm_ratings(conn, actor, to).await?, threshold, from);
    let scales = store::gas_scales(conn, actor).await?;
    let ratings = store::gas_ratings(conn, actor, GasRater::Therapist, from, to).await?;
    Ok(ClinicMetricsView {
        from,
        to,
        active_households: u32::try_from(households.len()).unwrap_or(u32::MAX),
        adherence,
        fidelity,
        copm,
        gas: gas(&scales, &ratings),
    })
}

/// The Monday of every week that overlaps `from..=to`.
fn mondays(from: Date, to: Date) -> Vec<Date> {
    let mut out = Vec::new();
    let mut monday = week_start(from);
    while monday <= to {
        out.push(monday);
        match monday.checked_add(Duration::WEEK) {
            Some(next) => monday = next,
            None => break,
        }
    }
    out
}

fn adherence(
    active: &[MetricsChild],
    agreed: &[(Uuid, AgreedAssignment)],
    practices: &[Practice],
    mondays: &[Date],
    zone: &ClinicZone,
) -> AdherenceFigures {
    // Grouped by child first: the clinic's rows are read once, not once per child.
    let mut plans: BTreeMap<Uuid, Vec<AgreedAssignment>> = BTreeMap::new();
    for (child, assignment) in agreed {
        plans.entry(*child).or_default().push(assignment.clone());
    }
    let mut logs: BTreeMap<Uuid, Vec<&Practice>> = BTreeMap::new();
    for practice in practices {
        logs.entry(practice.child_id).or_default().push(practice);
    }
    let mut by_household: BTreeMap<Uuid, Adherence> = BTreeMap::new();
    for child in active {
        let child_lines = lines(plans.get(&child.child_id).map_or(&[][..], Vec::as_slice), zone);
        let mine = logs.get(&child.child_id).map_or(&[][..], Vec::as_slice);
        let with_dates: Vec<(&Line, Vec<Date>)> = child_lines
            .iter()
            .map(|line| {
                let dates = mine
                    .iter()
                    .filter(|p| line.ids.contains(&p.assignment_id))
                    .map(|p| p.practised_on)
                    .collect();
                (line, dates)
            })
            .collect();
        let entry = by_household.entry(child.household_id).or_default();
        for monday in mondays {
            let (counted, target) = household_week(&with_dates, *monday);
            entry.counted += u64::from(counted);
            entry.target += u64::from(target);
        }
    }
    let households: Vec<Adherence> = by_household.into_values().collect();
    let spread = distribution(&households);
    AdherenceFigures {
        weeks: u32::try_from(mondays.len()).unwrap_or(u32::MAX),
        buckets: AdherenceBucket::ALL
            .iter()
            .zip(spread.counts)
            .map(|(bucket, households)| BucketCount { bucket: *bucket, households })
            .collect(),
        median_percent: spread.median.map(|m| (m * 100.0).round() as u64),
    }
}

fn fidelity(visits: Vec<coaching::FidelityRow>) -> Vec<TherapistVisits> {
    let mut by_therapist: BTreeMap<Uuid, (String, FidelityTally)> = BTreeMap::new();
    for row in visits {
        let steps = crate::visits::steps(
            &row.since_last,
            &row.agenda,
            usize::try_from(row.goals_addressed).unwrap_or(0),
            [&row.feedback[0], &row.feedback[1], &row.feedback[2]],
            &row.entries,
        );
        let entry = by_therapist
            .entry(row.therapist_id)
            .or_insert_with(|| (row.therapist_name.clone(), FidelityTally::default()));
        entry.1.add(steps);
    }
    let mut out: Vec<TherapistVisits> = by_therapist
        .into_iter()
        .map(|(therapist_id, (name, tally))| TherapistVisits {
            therapist_id,
            name,
            visits: tally.visits,
            average_steps_percent: tally.average_steps_percent(),
            all_five: tally.all_five,
        })
        .collect();
    out.sort_by(|a, b| a.name.cmp(&b.name).then(a.therapist_id.cmp(&b.therapist_id)));
    out
}

fn copm(ratings: &[CopmGoalRating], threshold: CopmThreshold, from: Date) -> CopmFigures {
    // Oldest first: the first and the last of each goal's ratings.
    let mut by_goal: BTreeMap<Uuid, (CopmScores, Date, CopmScores, u32)> = BTreeMap::new();
    for r in ratings {
        by_goal
            .entry(r.goal_id)
            .and_modify(|(_, on, latest, n)| {
                (*on, *latest, *n) = (r.rated_on, r.scores, *n + 1);
            })
            .or_insert((r.scores, r.rated_on, r.scores, 1));
    }
    let rerated: Vec<bool> = by_goal
        .values()
        .filter(|(_, latest_on, _, n)| *n >= 2 && *latest_on >= from)
        .map(|(first, _, latest, _)| copm_important(*first, *latest, threshold))
        .collect();
    let goals_rerated = u32::try_from(rerated.len()).unwrap_or(u32::MAX);
    let important = u32::try_from(rerated.iter().filter(|i| **i).count()).unwrap_or(u32::MAX);
    CopmFigures {
        threshold: threshold.get(),
        goals_rerated,
        important,
        percent: carryover_domain::clinic_metrics::percent(
            u64::from(important),
            u64::from(goals_rerated),
        ),
    }
}

/// One child's scaled goals and the therapist's ratings in the period.
type ChildGas<'a> = (Vec<(Uuid, &'a GasScale)>, Vec<GasRating>);

fn gas(scales: &[(Uuid, Uuid, GasScale)], ratings: &[(Uuid, GasRating)]) -> GasFigures {
    let mut by_child: BTreeMap<Uuid, ChildGas<'_>> = BTreeMap::new();
    for (child, goal, scale) in scales {
        by_child.entry(*child).or_default().0.push((*goal, scale));
    }
    for (child, rating) in ratings {
        if let Some((_, mine)) = by_child.get_mut(child) {
            mine.push(rating.clone());
        }
    }
    let changes: Vec<f64> = by_child
        .into_values()
        .filter_map(|(scales, mine)| {
            // Only the goals rated in the period, so both scores are over the same goals.
            let set: Vec<(Uuid, &GasScale)> = scales
                .into_iter()
                .filter(|(goal, _)| mine.iter().any(|r| r.goal_id == *goal))
                .collect();
            if set.is_empty() {
                return None;
            }
            let baseline = t_score_view(&set, &[], None).score?;
            let latest = t_score_view(&set, &mine, Some(GasRater::Therapist)).score?;
            Some(latest.value - baseline.value)
        })
        .collect();
    GasFigures {
        children: u32::try_from(changes.len()).unwrap_or(u32::MAX),
        average_change: carryover_domain::clinic_metrics::mean(&changes).map(two_decimals),
    }
}
