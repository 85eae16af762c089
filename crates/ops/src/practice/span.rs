//! The practice figures of the progress page and report (issue 14): the
//! household's weekly adherence, how the child responded and how confident
//! the caregivers felt each week, and the generalization matrix over a
//! period. Counted by the same rules as the measures (`week`), from the
//! same logs, so the practice page and the progress page agree.

use carryover_domain::generalization::ChildResponse;
use carryover_store::{
    AnyConnection,
    practice_logs::{self, PracticeLog},
    routines,
};
use std::collections::BTreeMap;

use carryover_domain::library::StrategySnapshot;
use serde::Serialize;
use time::{Date, Duration, OffsetDateTime};
use uuid::Uuid;

use super::{
    schedule::{Line, household_week},
    week::{GridView, Loaded, WeekLine, load, matrix},
};
use crate::{ChildGrant, OpError};

mod date_text {
    pub fn serialize<S: serde::Serializer>(d: &time::Date, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&carryover_domain::text::date_text(*d))
    }
}

/// How the child responded in the practices of one week.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ResponseWeek {
    /// The Monday, YYYY-MM-DD.
    #[serde(with = "date_text")]
    pub week_start: Date,
    pub went_well: u32,
    pub mixed: u32,
    pub hard: u32,
}

/// The caregivers' confidence in one week's logs (0–10; not a validated
/// instrument).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ConfidenceWeek {
    /// The Monday, YYYY-MM-DD.
    #[serde(with = "date_text")]
    pub week_start: Date,
    /// Logs that week that said how confident the caregiver felt.
    pub ratings: u32,
    /// Their mean, two decimals; `None` when no log said.
    pub average: Option<f64>,
}

/// A child's practice over a period.
pub(crate) struct PracticeSpan {
    pub weeks: Vec<WeekLine>,
    pub responses: Vec<ResponseWeek>,
    pub confidence: Vec<ConfidenceWeek>,
    /// Over the logs practised in the period only.
    pub matrix: Vec<GridView>,
    /// Every live log of the child, oldest first (the timeline's).
    pub logs: Vec<PracticeLog>,
    /// The strategy of each assignment ever agreed (its line's newest words).
    pub strategies: BTreeMap<Uuid, StrategySnapshot>,
}

/// The mean of whole ratings in hundredths, rounded half up, so that the
/// figure is exact in JSON (no 7.666666…) and a hand count agrees.
pub(crate) fn average(ratings: &[u8]) -> Option<f64> {
    let n = u64::try_from(ratings.len()).ok().filter(|n| *n > 0)?;
    let sum: u64 = ratings.iter().map(|r| u64::from(*r)).sum();
    let hundredths = (sum * 200 + n) / (2 * n);
    Some(hundredths as f64 / 100.0)
}

fn in_week(log: &PracticeLog, monday: Date) -> bool {
    log.practised_on >= monday && log.practised_on < monday.saturating_add(Duration::WEEK)
}

fn responses(logs: &[PracticeLog], monday: Date) -> ResponseWeek {
    let mut week = ResponseWeek { week_start: monday, went_well: 0, mixed: 0, hard: 0 };
    for log in logs.iter().filter(|l| in_week(l, monday)) {
        match log.content.response {
            ChildResponse::WentWell => week.went_well += 1,
            ChildResponse::Mixed => week.mixed += 1,
            ChildResponse::Hard => week.hard += 1,
        }
    }
    week
}

fn confidence(logs: &[PracticeLog], monday: Date) -> ConfidenceWeek {
    let said: Vec<u8> =
        logs.iter().filter(|l| in_week(l, monday)).filter_map(|l| l.content.confidence).collect();
    ConfidenceWeek {
        week_start: monday,
        ratings: u32::try_from(said.len()).unwrap_or(u32::MAX),
        average: average(&said),
    }
}

/// The weeks of `mondays` (whole weeks, as the measures count them) and the
/// matrix of the logs practised `from..=to`. Every log is read: a child's
/// logs are a few a day at most, and the matrix needs them all anyway.
pub(crate) async fn practice_span(
    conn: &mut AnyConnection,
    grant: &ChildGrant,
    mondays: &[Date],
    from: Option<Date>,
    to: Date,
    now: OffsetDateTime,
) -> Result<PracticeSpan, OpError> {
    let loaded = load(conn, grant, now).await?;
    let household = routines::routines(conn, grant).await?;
    let caregivers = practice_logs::household_caregivers(conn, grant).await?;
    let with_dates: Vec<(&Line, Vec<Date>)> =
        loaded.lines.iter().map(|l| (l, loaded.dates(l))).collect();
    let weeks = mondays
        .iter()
        .map(|&monday| {
            let (counted, target) = household_week(&with_dates, monday);
            WeekLine::new(monday, counted, target)
        })
        .collect();
    let in_period = Loaded {
        lines: loaded.lines.clone(),
        logs: loaded
            .logs
            .iter()
            .filter(|l| from.is_none_or(|f| l.practised_on >= f) && l.practised_on <= to)
            .cloned()
            .collect(),
        today: loaded.today,
    };
    Ok(PracticeSpan {
        weeks,
        responses: mondays.iter().map(|&m| responses(&loaded.logs, m)).collect(),
        confidence: mondays.iter().map(|&m| confidence(&loaded.logs, m)).collect(),
        matrix: matrix(&in_period, &household, &caregivers),
        strategies: loaded
            .lines
            .iter()
            .flat_map(|l| l.ids.iter().map(|id| (*id, l.snapshot.clone())))
            .collect(),
        logs: loaded.logs,
    })
}

#[cfg(test)]
mod tests {
    use super::average;

    #[test]
    fn an_average_is_exact_in_hundredths_and_none_without_ratings() {
        // (7 + 8 + 8) / 3 = 7.666… → 7.67
        assert_eq!(average(&[7, 8, 8]), Some(7.67));
        // (6 + 7) / 2 = 6.5
        assert_eq!(average(&[6, 7]), Some(6.5));
        assert_eq!(average(&[]), None);
    }
}
