//! A family's practice logs from the day its plan was agreed until today,
//! with the patterns a clinic sees: most families steady, some practising
//! less and less, a few who rarely log; the child responding better and the
//! caregiver growing more confident as the weeks pass.

use carryover_domain::{
    generalization::ChildResponse,
    practice::SaidWhen,
    routine::{RoutineRef, UsualTime},
};
use carryover_store::{
    WriteTx,
    grant::WritableGrant,
    practice_logs::{self, LogContent, NewLog},
};
use rand::{Rng, rngs::StdRng};
use time::{Duration, OffsetDateTime, Time};
use uuid::{Timestamp, Uuid};

/// An assignment of the agreed plan, as the logs need it.
pub struct Practised {
    pub assignment_id: Uuid,
    pub routine: RoutineRef,
    pub times_per_week: u32,
}

/// How a family practises over the weeks.
#[derive(Clone, Copy)]
enum Pattern {
    /// Logs most of the target every week.
    Steady,
    /// Logs about half.
    Patchy,
    /// Steady, then fading over the last two months.
    Fading,
    /// Rarely logs.
    Rare,
}

impl Pattern {
    fn pick(rng: &mut StdRng) -> Pattern {
        match rng.random_range(0..20) {
            0..8 => Pattern::Steady,
            8..14 => Pattern::Patchy,
            14..17 => Pattern::Fading,
            _ => Pattern::Rare,
        }
    }

    /// The chance of each target practice being logged, `weeks_left` before today.
    fn chance(self, weeks_left: i64) -> f64 {
        match self {
            Pattern::Steady => 0.9,
            Pattern::Patchy => 0.55,
            Pattern::Fading if weeks_left < 8 => 0.1 + 0.1 * weeks_left as f64,
            Pattern::Fading => 0.85,
            Pattern::Rare => 0.2,
        }
    }
}

/// One log as made, before it is stored.
struct Made {
    log_id: Uuid,
    content: LogContent,
    at: OffsetDateTime,
}

fn new(m: &Made) -> (NewLog<'_>, OffsetDateTime) {
    let time = UsualTime::parse(&format!("{:02}:{:02}", m.at.hour(), m.at.minute()));
    let log = NewLog {
        log_id: m.log_id,
        content: &m.content,
        practised_on: m.at.date(),
        practised_time: time,
    };
    (log, m.at)
}

/// Logs every week from `from` to `now`; returns how many. `bulk`: many
/// rows per statement (see [`practice_logs::insert_logs`]).
pub async fn practise(
    tx: &mut WriteTx,
    guardian: &WritableGrant,
    caregivers: &[Uuid],
    plan: &[Practised],
    (from, now): (OffsetDateTime, OffsetDateTime),
    bulk: bool,
    rng: &mut StdRng,
) -> anyhow::Result<u64> {
    let made = make(caregivers, plan, (from, now), rng)?;
    if bulk {
        let logs: Vec<_> = made.iter().map(new).collect();
        practice_logs::insert_logs(tx, guardian, &logs).await?;
    } else {
        for m in &made {
            let (log, at) = new(m);
            practice_logs::insert_log(tx, guardian, &log, at).await?;
        }
    }
    Ok(made.len() as u64)
}

fn make(
    caregivers: &[Uuid],
    plan: &[Practised],
    (from, now): (OffsetDateTime, OffsetDateTime),
    rng: &mut StdRng,
) -> anyhow::Result<Vec<Made>> {
    let pattern = Pattern::pick(rng);
    let weeks = (now - from).whole_weeks().max(1);
    let mut made = Vec::new();
    for week in 0..weeks {
        let monday = from + Duration::weeks(week);
        let progress = week as f64 / weeks as f64;
        for item in plan {
            for day in days(item.times_per_week, rng) {
                if !rng.random_bool(pattern.chance(weeks - week)) {
                    continue;
                }
                let at = (monday + Duration::days(day)).replace_time(Time::from_hms(
                    rng.random_range(7..21),
                    rng.random_range(0..60),
                    0,
                )?);
                if at >= now {
                    continue;
                }
                let content = LogContent {
                    assignment_id: item.assignment_id,
                    routine: item.routine,
                    practised_by: caregivers[rng.random_range(0..caregivers.len())],
                    said_when: SaidWhen::Now,
                    response: response(progress, rng),
                    confidence: rng
                        .random_bool(0.3)
                        .then(|| (3.0 + 6.0 * progress + rng.random_range(-1.0..1.0)).round() as u8)
                        .map(|c| c.min(10)),
                    note: String::new(),
                };
                let seconds = at.unix_timestamp().max(0) as u64;
                let log_id = Uuid::new_v7(Timestamp::from_unix(
                    uuid::NoContext,
                    seconds,
                    rng.random_range(0..1_000_000_000),
                ));
                made.push(Made { log_id, content, at });
            }
        }
    }
    Ok(made)
}

/// `times` different days of a week (0 = Monday), at random.
fn days(times: u32, rng: &mut StdRng) -> Vec<i64> {
    let mut all: Vec<i64> = (0..7).collect();
    for i in 0..all.len() {
        let j = rng.random_range(i..all.len());
        all.swap(i, j);
    }
    all.truncate(times.min(7) as usize);
    all
}

/// Better as the weeks pass: hard early on, going well later.
fn response(progress: f64, rng: &mut StdRng) -> ChildResponse {
    let roll: f64 = rng.random();
    let well = 0.25 + 0.5 * progress;
    if roll < well {
        ChildResponse::WentWell
    } else if roll < well + 0.45 {
        ChildResponse::Mixed
    } else {
        ChildResponse::Hard
    }
}
