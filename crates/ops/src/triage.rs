//! Caseload triage (issue 14): every child on the caller's care teams with
//! how practice is going and what waits for them, sorted by need
//! (`domain::triage`). One operation for the therapist's home and its API
//! twin; one audit row names every child shown.
//!
//! The figures, on the clinic's calendar, weeks Monday–Sunday:
//! - this week: the household's Σ min(logs, target) of Σ target so far;
//! - the 4 weeks: the four *full* weeks before this one, each alone (the
//!   small chart, oldest first) and together (Σ counted ÷ Σ target);
//! - days since the last practice on or before today (`None`: never).
//!
//! Storage reads a constant number of statements: the clinic, the children
//! with their counts, the agreed assignments that can be in force in the
//! window, and the logs of the last five weeks.

use std::collections::BTreeMap;

use carryover_domain::{
    audit::{AuditAction, AuditResource},
    triage::{self, Counted, Need, TriageFilter, WEEKS},
    visit::VisitSetting,
    zone::week_start,
};
use carryover_store::{audit, practice_logs::AgreedAssignment, triage as store};
use serde::Serialize;
use time::{Date, Duration, OffsetDateTime};
use uuid::Uuid;

use crate::{
    OpError, Ops, Problem, Who,
    error::Fields,
    practice::schedule::{household_week, lines, weeks_ending},
    scope::clinic_day,
};

mod date_text {
    pub fn serialize<S: serde::Serializer>(d: &time::Date, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&carryover_domain::text::date_text(*d))
    }
}

/// Practice against a target, with the ratio to two decimals (`None` when
/// there is no target: never NaN).
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Figure {
    pub counted: u32,
    pub target: u32,
    pub adherence: Option<f64>,
}

impl From<Counted> for Figure {
    fn from(c: Counted) -> Figure {
        let adherence = c.ratio().map(|r| (r * 100.0).round() / 100.0);
        Figure { counted: c.counted, target: c.target, adherence }
    }
}

impl Figure {
    pub fn counted(&self) -> Counted {
        Counted { counted: self.counted, target: self.target }
    }
}

/// One full week of the small chart.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct WeekFigure {
    /// The Monday.
    #[serde(with = "date_text")]
    pub week_start: Date,
    #[serde(flatten)]
    pub figure: Figure,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct NextVisit {
    #[serde(with = "time::serde::rfc3339")]
    pub starts_at: OffsetDateTime,
    /// The clinic's date and clock time.
    pub local_date: String,
    pub local_time: String,
    pub setting: VisitSetting,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TriageRow {
    pub child_id: Uuid,
    pub child_name: String,
    pub household_name: String,
    /// Days since the last practice; `None`: no practice logged yet.
    pub days_since_practice: Option<u32>,
    pub this_week: Figure,
    /// The four full weeks before this one, oldest first.
    pub weeks: Vec<WeekFigure>,
    /// Those four weeks together.
    pub four_weeks: Figure,
    pub open_flags: u32,
    pub awaiting_answer: u32,
    /// A version shared with the family, waiting for their agreement.
    pub plan_waiting: bool,
    pub next_visit: Option<NextVisit>,
}

/// How many children each filter shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct FilterCount {
    pub filter: TriageFilter,
    pub children: usize,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TriageView {
    #[serde(with = "date_text")]
    pub today: Date,
    pub filter: TriageFilter,
    /// The children the filter shows, by need.
    pub rows: Vec<TriageRow>,
    pub filters: Vec<FilterCount>,
    /// The next planned visits of the whole caseload, soonest first (five).
    pub upcoming: Vec<UpcomingLine>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct UpcomingLine {
    pub child_id: Uuid,
    pub child_name: String,
    #[serde(flatten)]
    pub visit: NextVisit,
}

/// The filter as a page's form or the API sends it (`?show=`).
#[derive(Clone, Debug, Default, serde::Deserialize, Serialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct TriageInput {
    /// all (the default), flags, silent, low or awaiting.
    #[serde(default)]
    pub show: Option<String>,
}

impl TriageInput {
    /// The filter; an unknown one is refused at the field, never guessed.
    pub fn filter(&self) -> Result<TriageFilter, OpError> {
        let mut fields = Fields::default();
        let filter = match self.show.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
            None => Some(TriageFilter::All),
            Some(code) => TriageFilter::parse(code).or_else(|| {
                fields.push("show", Problem::InvalidChoice);
                None
            }),
        };
        fields.finish(filter)
    }
}

/// The triage of the caller's caseload, filtered; audited as one listing of
/// every child the answer names.
pub async fn triage(ops: &Ops, who: &Who, input: &TriageInput) -> Result<TriageView, OpError> {
    let filter = input.filter()?;
    let now = ops.now();
    let mut tx = ops.db.begin_write().await?;
    let view = read(&mut tx, who, filter, now).await?;
    let ids: Vec<Uuid> = view
        .rows
        .iter()
        .map(|r| r.child_id)
        .chain(view.upcoming.iter().map(|u| u.child_id))
        .collect();
    let event = who.event(AuditAction::List, AuditResource::Child, None, None);
    audit::append_listing(&mut tx, &event, &ids, now).await?;
    tx.commit().await?;
    Ok(view)
}

async fn read(
    tx: &mut carryover_store::WriteTx,
    who: &Who,
    filter: TriageFilter,
    now: OffsetDateTime,
) -> Result<TriageView, OpError> {
    let day = clinic_day(tx, who.actor.clinic_id(), now).await?;
    let today = day.today;
    let this_week = week_start(today);
    let last_week = this_week.checked_sub(Duration::WEEK).unwrap_or(this_week);
    let weeks = weeks_ending(last_week, WEEKS);
    let window = weeks.first().copied().unwrap_or(this_week);
    let children =
        store::caseload(tx, &who.actor, today, day.zone.start_of_local_day(today)).await?;
    let since = day.zone.start_of_local_day(window);
    let mut agreed: BTreeMap<Uuid, Vec<AgreedAssignment>> = BTreeMap::new();
    for (child, a) in store::agreed_assignments(tx, &who.actor, since).await? {
        agreed.entry(child).or_default().push(a);
    }
    let mut logs: BTreeMap<Uuid, Vec<(Uuid, Date)>> = BTreeMap::new();
    for (child, assignment, on) in store::log_dates(tx, &who.actor, window, today).await? {
        logs.entry(child).or_default().push((assignment, on));
    }
    let all: Vec<TriageRow> = children
        .into_iter()
        .map(|c| {
            let plan = agreed.get(&c.child_id).map(Vec::as_slice).unwrap_or_default();
            let dates = logs.get(&c.child_id).map(Vec::as_slice).unwrap_or_default();
            row(c, plan, dates, &day.zone, today, &weeks)
        })
        .collect();
    let filters = TriageFilter::ALL
        .iter()
        .map(|&f| FilterCount {
            filter: f,
            children: all.iter().filter(|r| need(r).shown_by(f)).count(),
        })
        .collect();
    let mut upcoming: Vec<UpcomingLine> = all
        .iter()
        .filter_map(|r| {
            let visit = r.next_visit.clone()?;
            Some(UpcomingLine { child_id: r.child_id, child_name: r.child_name.clone(), visit })
        })
        .collect();
    upcoming.sort_by_key(|u| (u.visit.starts_at, u.child_id));
    upcoming.truncate(5);
    let mut rows: Vec<TriageRow> = all.into_iter().filter(|r| need(r).shown_by(filter)).collect();
    rows.sort_by(|a, b| triage::by_need(&need(a), &need(b)).then(a.child_id.cmp(&b.child_id)));
    Ok(TriageView { today, filter, rows, filters, upcoming })
}

/// What the order and the filters look at.
fn need(r: &TriageRow) -> Need<'_> {
    Need {
        open_flags: r.open_flags,
        awaiting: r.awaiting_answer,
        days_since: r.days_since_practice,
        four_weeks: r.four_weeks.counted(),
        name: &r.child_name,
    }
}

fn row(
    child: store::TriageChild,
    plan: &[AgreedAssignment],
    logs: &[(Uuid, Date)],
    zone: &carryover_domain::zone::ClinicZone,
    today: Date,
    weeks: &[Date],
) -> TriageRow {
    let lines = lines(plan, zone);
    let with_dates: Vec<_> = lines
        .iter()
        .map(|line| {
            let dates: Vec<Date> =
                logs.iter().filter(|(a, _)| line.ids.contains(a)).map(|(_, d)| *d).collect();
            (line, dates)
        })
        .collect();
    let counted = |week: Date| {
        let (counted, target) = household_week(&with_dates, week);
        Counted { counted, target }
    };
    let week_figures: Vec<WeekFigure> =
        weeks.iter().map(|&w| WeekFigure { week_start: w, figure: counted(w).into() }).collect();
    let four_weeks = week_figures.iter().fold(Counted::default(), |sum, w| Counted {
        counted: sum.counted.saturating_add(w.figure.counted),
        target: sum.target.saturating_add(w.figure.target),
    });
    let days_since_practice = child
        .last_practised_on
        .map(|last| u32::try_from((today - last).whole_days().max(0)).unwrap_or(u32::MAX));
    TriageRow {
        child_id: child.child_id,
        child_name: child.preferred_name,
        household_name: child.household_name,
        days_since_practice,
        this_week: counted(today).into(),
        weeks: week_figures,
        four_weeks: four_weeks.into(),
        open_flags: child.open_flags,
        awaiting_answer: child.awaiting,
        plan_waiting: child.plan_waiting,
        next_visit: child.next_visit.map(|(starts_at, setting)| {
            let local = zone.local(starts_at);
            NextVisit {
                starts_at,
                local_date: carryover_domain::text::date_text(local.date()),
                local_time: format!("{:02}:{:02}", local.hour(), local.minute()),
                setting,
            }
        }),
    }
}
