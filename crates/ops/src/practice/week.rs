//! The caregiver's "This week" and the measures from the logs: adherence per
//! assignment and per household, streaks, days since the last log, and the
//! generalization matrix. Weeks run Monday–Sunday on the clinic's calendar,
//! and "today" comes from the injected clock.

use carryover_domain::{
    access::ChildTie,
    audit::{AuditAction, AuditResource},
    generalization::{CarryoverMatrix, LoggedPractice, ResponseCounts},
    library::StrategySnapshot,
    people::Access,
    routine::RoutineRef,
};
use carryover_store::{
    AnyConnection, audit, children, grant, plans,
    practice_logs::{self, HouseholdCaregiver, LogFilter, PracticeLog},
    routines,
};
use serde::Serialize;
use time::{Date, OffsetDateTime};
use uuid::Uuid;

use super::{
    logs::filter_for,
    schedule::{Line, household_week, lines, streak, weeks_ending},
};
use crate::{
    ChildGrant, OpError, Ops, Who,
    children::HomeLists,
    plan::{assignment_view, routine_line},
    routines::RoutineLine,
    scope::{clinic_day, full},
};

/// How many weeks the measures show.
pub const WEEKS_SHOWN: u32 = 8;

/// Issue 14: how many weeks the caregiver's encouragement shows, this one included.
pub const RECENT_WEEKS: u32 = 4;

/// A caregiver of the household, as the log form offers them.
#[derive(Clone, Debug, Serialize)]
pub struct CaregiverLine {
    pub person_id: Uuid,
    pub name: String,
    pub is_helper: bool,
}

pub(crate) fn caregiver_lines(found: &[HouseholdCaregiver]) -> Vec<CaregiverLine> {
    found
        .iter()
        .map(|c| CaregiverLine {
            person_id: c.person_id,
            name: c.display_name.clone(),
            is_helper: c.access == Access::Helper,
        })
        .collect()
}

mod date_text {
    pub fn serialize<S: serde::Serializer>(d: &time::Date, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&carryover_domain::text::date_text(*d))
    }
}

/// One week's practice against its target.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct WeekLine {
    /// The Monday, YYYY-MM-DD.
    #[serde(with = "date_text")]
    pub week_start: Date,
    /// Logs that week (for a household: Σ min(logs, target)).
    pub logs: u32,
    pub target: u32,
    /// logs ÷ target; `None` when the target is 0.
    pub adherence: Option<f64>,
}

impl WeekLine {
    pub(crate) fn new(week_start: Date, logs: u32, target: u32) -> WeekLine {
        let adherence = (target > 0).then(|| f64::from(logs) / f64::from(target));
        WeekLine { week_start, logs, target, adherence }
    }
}

/// One card of "This week".
#[derive(Clone, Debug, Serialize)]
pub struct WeekCard {
    pub assignment_id: Uuid,
    pub strategy: StrategySnapshot,
    pub routines: Vec<RoutineLine>,
    pub times_per_week: u8,
    /// This week's target, pro-rated when the plan changed this week.
    pub target: u32,
    /// Practices logged this week (a helper: their own).
    pub done: u32,
    pub practised_by_name: Option<String>,
    /// The family's changes to the steps.
    pub changes: String,
    /// A fresh id for the card's own log form.
    pub log_id: Uuid,
}

#[derive(Clone, Debug, Serialize)]
pub struct WeekView {
    pub child_id: Uuid,
    pub child_name: String,
    #[serde(with = "date_text")]
    pub week_start: Date,
    #[serde(with = "date_text")]
    pub today: Date,
    /// An agreed plan exists.
    pub has_plan: bool,
    pub cards: Vec<WeekCard>,
    /// The household's week; `None` for helpers, who see only their own logs.
    pub household: Option<WeekLine>,
    /// Issue 14: the household's last weeks, oldest first, this week last
    /// (Σ min(logs, target) ÷ Σ target over every line of the plan, as the
    /// measures count them); empty for helpers.
    pub recent_weeks: Vec<WeekLine>,
    /// The counts are the caller's own logs (a helper).
    pub only_own: bool,
    /// The caller logs practice here (a caregiver of an active child).
    pub can_log: bool,
    pub me: Uuid,
}

/// Everything a child's measures are computed from.
pub(super) struct Loaded {
    pub(super) lines: Vec<Line>,
    pub(super) logs: Vec<PracticeLog>,
    pub(super) today: Date,
}

impl Loaded {
    pub(super) fn dates(&self, line: &Line) -> Vec<Date> {
        dates_of(line, self.logs.iter().map(|l| (l.content.assignment_id, l.practised_on)))
    }
}

/// The days of `line`'s assignments among (assignment, day) pairs.
fn dates_of(line: &Line, days: impl Iterator<Item = (Uuid, Date)>) -> Vec<Date> {
    days.filter(|(a, _)| line.ids.contains(a)).map(|(_, d)| d).collect()
}

/// The lines of the child's agreed plans, and today on the clinic's calendar.
async fn plan_lines(
    conn: &mut AnyConnection,
    grant: &ChildGrant,
    now: OffsetDateTime,
) -> Result<(Vec<Line>, Date), OpError> {
    let day = clinic_day(conn, grant.clinic_id(), now).await?;
    let agreed = practice_logs::agreed_assignments(conn, grant).await?;
    Ok((lines(&agreed, &day.zone), day.today))
}

/// Every log of the child, with the lines of its agreed plans.
pub(super) async fn load(
    conn: &mut AnyConnection,
    grant: &ChildGrant,
    now: OffsetDateTime,
) -> Result<Loaded, OpError> {
    let (lines, today) = plan_lines(conn, grant, now).await?;
    let logs = practice_logs::logs_since(conn, grant, LogFilter::All, Date::MIN).await?;
    Ok(Loaded { lines, logs, today })
}

/// What "This week" counts: the days of the last few weeks only, so a family
/// with years of logs costs the home no more than a new one.
struct Recent {
    lines: Vec<Line>,
    /// (assignment, day practised), oldest first.
    days: Vec<(Uuid, Date)>,
    today: Date,
}

impl Recent {
    async fn load(
        conn: &mut AnyConnection,
        grant: &ChildGrant,
        now: OffsetDateTime,
    ) -> Result<Recent, OpError> {
        let (lines, today) = plan_lines(conn, grant, now).await?;
        let since = weeks_ending(today, RECENT_WEEKS)
            .first()
            .copied()
            .unwrap_or_else(|| carryover_domain::zone::week_start(today));
        let days = practice_logs::days_since(conn, grant, filter_for(grant), since).await?;
        Ok(Recent { lines, days, today })
    }

    fn dates(&self, line: &Line) -> Vec<Date> {
        dates_of(line, self.days.iter().copied())
    }
}

async fn week_view(
    conn: &mut AnyConnection,
    grant: &ChildGrant,
    now: OffsetDateTime,
) -> Result<WeekView, OpError> {
    let basics = children::child_basics(conn, grant).await?;
    let loaded = Recent::load(conn, grant, now).await?;
    let household = routines::routines(conn, grant).await?;
    let current = plans::current_agreed(conn, grant).await?;
    let assignments = match &current {
        Some(version) => carryover_store::assignments::assignments(conn, grant, version).await?,
        None => Vec::new(),
    };
    let today = loaded.today;
    let mut shown = Vec::new();
    let cards = assignments
        .iter()
        .map(|a| {
            let view = assignment_view(a, &[], &household);
            let line = loaded.lines.iter().find(|l| l.assignment_id == a.assignment_id);
            let dates = line.map(|l| loaded.dates(l)).unwrap_or_default();
            let week = line.map(|l| l.week(&dates, today));
            if let Some(line) = line {
                shown.push((line, dates));
            }
            WeekCard {
                assignment_id: a.assignment_id,
                strategy: view.text,
                routines: view.routines,
                times_per_week: view.times_per_week,
                target: week.map_or(0, |w| w.target),
                done: week.map_or(0, |w| w.logs),
                practised_by_name: view.practised_by_name,
                changes: view.changes,
                log_id: Uuid::now_v7(),
            }
        })
        .collect();
    let helper = grant.tie() == ChildTie::Helper;
    let (counted, target) = household_week(&shown, today);
    let caregiver = matches!(grant.tie(), ChildTie::Guardian | ChildTie::Helper);
    let recent_weeks = if helper { Vec::new() } else { recent_weeks(&loaded) };
    Ok(WeekView {
        child_id: grant.child_id(),
        child_name: basics.preferred_name,
        week_start: carryover_domain::zone::week_start(today),
        today,
        has_plan: current.is_some(),
        cards,
        household: (!helper)
            .then(|| WeekLine::new(carryover_domain::zone::week_start(today), counted, target)),
        recent_weeks,
        only_own: helper,
        can_log: caregiver && grant.writable().is_some(),
        me: grant.actor().person_id(),
    })
}

fn recent_weeks(loaded: &Recent) -> Vec<WeekLine> {
    let with_dates: Vec<(&Line, Vec<Date>)> =
        loaded.lines.iter().map(|l| (l, loaded.dates(l))).collect();
    weeks_ending(loaded.today, RECENT_WEEKS)
        .into_iter()
        .map(|monday| {
            let (counted, target) = household_week(&with_dates, monday);
            WeekLine::new(monday, counted, target)
        })
        .collect()
}

/// One child's "This week" (the API twin of the caregiver's home).
pub async fn week(ops: &Ops, who: &Who, grant: &ChildGrant) -> Result<WeekView, OpError> {
    let now = ops.now();
    let mut tx = ops.db.begin_write().await?;
    let view = week_view(&mut tx, grant, now).await?;
    let event =
        who.event(AuditAction::View, AuditResource::PracticeLog, None, Some(grant.child_id()));
    audit::append(&mut tx, &event, now).await?;
    tx.commit().await?;
    Ok(view)
}

/// A caregiver's home: their children (as `children::home`) and "This
/// week" of the child they chose (the first one when they chose none, or
/// one that is not theirs), read with the one audit row of the home.
#[derive(Clone, Debug, Serialize)]
pub struct HomeWeek {
    pub lists: HomeLists,
    pub week: Option<WeekView>,
    /// Issue 12 part B: threads with feedback the caregiver has not read.
    pub new_feedback: Vec<crate::feedback::NewFeedback>,
}

pub async fn home(ops: &Ops, who: &Who, chosen: Option<Uuid>) -> Result<HomeWeek, OpError> {
    let now = ops.now();
    let mut tx = ops.db.begin_write().await?;
    let lists = crate::children::home_lists(&mut tx, who, now).await?;
    let child = chosen
        .filter(|id| lists.current.iter().any(|c| c.child_id == *id))
        .or_else(|| lists.current.first().map(|c| c.child_id));
    let mut week = None;
    if let Some(child) = child
        && let Some(grant) = grant::child_grant(&mut tx, &who.actor, child, now).await?
    {
        week = Some(week_view(&mut tx, &grant, now).await?);
    }
    let new_feedback = crate::feedback::new_feedback(&mut tx, who).await?;
    crate::children::audit_home(&mut tx, who, &lists, now).await?;
    tx.commit().await?;
    Ok(HomeWeek { lists, week, new_feedback })
}

/// One assignment's measures, with the history it was carried from.
#[derive(Clone, Debug, Serialize)]
pub struct AssignmentMeasure {
    pub assignment_id: Uuid,
    pub strategy: StrategySnapshot,
    pub this_week: WeekLine,
    /// The last weeks, oldest first.
    pub weeks: Vec<WeekLine>,
    /// Weeks in a row at or above target.
    pub streak: u32,
    /// Days since the last log of it; `None`: never logged.
    pub days_since_last_log: Option<u32>,
}

/// How the child responded in one routine with one caregiver.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct CellView {
    pub went_well: u32,
    pub mixed: u32,
    pub hard: u32,
    pub total: u32,
}

impl From<ResponseCounts> for CellView {
    fn from(c: ResponseCounts) -> CellView {
        CellView { went_well: c.went_well, mixed: c.mixed, hard: c.hard, total: c.total() }
    }
}

/// One strategy's generalization grid: routines × caregivers.
#[derive(Clone, Debug, Serialize)]
pub struct GridView {
    pub assignment_id: Uuid,
    pub strategy: StrategySnapshot,
    pub routines: Vec<RoutineLine>,
    pub caregivers: Vec<CaregiverLine>,
    /// One row per routine, one cell per caregiver, in those orders.
    pub cells: Vec<Vec<CellView>>,
}

#[derive(Clone, Debug, Serialize)]
pub struct MeasuresView {
    pub child_name: String,
    #[serde(with = "date_text")]
    pub today: Date,
    /// The household's last weeks, oldest first: Σ min(logs, target) ÷ Σ target.
    pub household_weeks: Vec<WeekLine>,
    pub household_streak: u32,
    pub days_since_last_log: Option<u32>,
    /// The assignments of the agreed plan.
    pub assignments: Vec<AssignmentMeasure>,
    pub matrix: Vec<GridView>,
}

/// The measures of a child's practice, for everyone but helpers.
pub async fn measures(ops: &Ops, who: &Who, grant: &ChildGrant) -> Result<MeasuresView, OpError> {
    full(grant)?;
    let now = ops.now();
    let mut tx = ops.db.begin_write().await?;
    let view = measures_view(&mut tx, grant, now).await?;
    let event =
        who.event(AuditAction::View, AuditResource::PracticeLog, None, Some(grant.child_id()));
    audit::append(&mut tx, &event, now).await?;
    tx.commit().await?;
    Ok(view)
}

pub(crate) async fn measures_view(
    conn: &mut AnyConnection,
    grant: &ChildGrant,
    now: OffsetDateTime,
) -> Result<MeasuresView, OpError> {
    let basics = children::child_basics(conn, grant).await?;
    let loaded = load(conn, grant, now).await?;
    let household = routines::routines(conn, grant).await?;
    let caregivers = practice_logs::household_caregivers(conn, grant).await?;
    let today = loaded.today;
    let with_dates: Vec<(&Line, Vec<Date>)> =
        loaded.lines.iter().map(|l| (l, loaded.dates(l))).collect();
    let household_weeks = weeks_ending(today, WEEKS_SHOWN)
        .into_iter()
        .map(|monday| {
            let (counted, target) = household_week(&with_dates, monday);
            WeekLine::new(monday, counted, target)
        })
        .collect();
    let household_streak = streak(today, |monday| {
        let (counted, target) = household_week(&with_dates, monday);
        target > 0 && counted >= target
    });
    let all_dates: Vec<Date> = loaded.logs.iter().map(|l| l.practised_on).collect();
    let assignments = with_dates
        .iter()
        .filter(|(line, _)| line.current)
        .map(|(line, dates)| {
            let line_week = |monday| {
                let w = line.week(dates, monday);
                WeekLine::new(w.week_start, w.logs, w.target)
            };
            AssignmentMeasure {
                assignment_id: line.assignment_id,
                strategy: line.snapshot.clone(),
                this_week: line_week(today),
                weeks: weeks_ending(today, WEEKS_SHOWN).into_iter().map(line_week).collect(),
                streak: line.streak(dates, today),
                days_since_last_log: line.days_since(dates, today),
            }
        })
        .collect();
    let matrix = matrix(&loaded, &household, &caregivers);
    Ok(MeasuresView {
        child_name: basics.preferred_name,
        today,
        household_weeks,
        household_streak,
        days_since_last_log: carryover_domain::adherence::days_since_last_log(&all_dates, today),
        assignments,
        matrix,
    })
}

/// The generalization matrix, one grid per line of the plan (a strategy
/// carried through versions is one strategy).
pub(super) fn matrix(
    loaded: &Loaded,
    household: &carryover_store::routines::HouseholdRoutines,
    caregivers: &[HouseholdCaregiver],
) -> Vec<GridView> {
    let line_of = |assignment: Uuid| loaded.lines.iter().position(|l| l.ids.contains(&assignment));
    let practices = loaded.logs.iter().filter_map(|log| {
        Some(LoggedPractice {
            item: line_of(log.content.assignment_id)?,
            routine: log.content.routine,
            caregiver: log.content.practised_by,
            response: Some(log.content.response),
        })
    });
    let matrix: CarryoverMatrix<usize, RoutineRef, Uuid> = CarryoverMatrix::from_logs(practices);
    let name = |id: &Uuid| {
        let found = caregivers.iter().find(|c| c.person_id == *id);
        // A caregiver who has left the household still shows, by the name
        // their logs carry.
        let logged = loaded.logs.iter().find(|l| l.content.practised_by == *id);
        CaregiverLine {
            person_id: *id,
            name: found
                .map(|c| c.display_name.clone())
                .or_else(|| logged.map(|l| l.practised_by_name.clone()))
                .unwrap_or_default(),
            is_helper: found.is_some_and(|c| c.access == Access::Helper),
        }
    };
    matrix
        .grids()
        .map(|(index, grid)| {
            let line = &loaded.lines[*index];
            let routines = grid.routines();
            let people = grid.caregivers();
            GridView {
                assignment_id: line.assignment_id,
                strategy: line.snapshot.clone(),
                routines: routines.iter().map(|r| routine_line(household, **r)).collect(),
                caregivers: people.iter().map(|id| name(id)).collect(),
                cells: routines
                    .iter()
                    .map(|r| people.iter().map(|c| grid.cell(r, c).into()).collect())
                    .collect(),
            }
        })
        .collect()
}
