//! The progress page's timeline: visits, practice logs, reflections and
//! feedback messages, newest first, eight weeks at a time ("show older"
//! asks for the eight weeks before, with `?before=`). Whole weeks of days
//! rather than a count of entries, so that a page boundary never splits a
//! day and the link needs no cursor.
//!
//! Everyone who reaches it has the full grant (helpers get 404): the care
//! team, admins and the child's guardians, who read every log, reflection
//! and thread of the child elsewhere too. A visit shows no note text here:
//! its summary is the family's only once shared, on the visit's own page.

use std::collections::BTreeMap;

use carryover_domain::{
    generalization::ChildResponse, library::StrategySnapshot, reflection::ThreadSubject,
    visit::VisitStatus, zone::ClinicZone,
};
use carryover_store::{AnyConnection, feedback, practice_logs::PracticeLog, reflections};
use serde::{Deserialize, Serialize};
use time::{Date, Duration, OffsetDateTime};
use uuid::Uuid;

use super::visits::VisitRow;
use crate::{FullGrant, OpError, error::Fields, scope::rating_day};

/// How many days one page of the timeline covers.
pub const TIMELINE_DAYS: i64 = 56;

/// The timeline's page as a query sends it: `before` (YYYY-MM-DD), the
/// first day not shown; empty: up to today.
#[derive(Clone, Debug, Default, Deserialize, Serialize, utoipa::ToSchema, utoipa::IntoParams)]
#[schema(example = json!({"before": "2026-11-10"}))]
#[into_params(parameter_in = Query)]
pub struct TimelineInput {
    #[serde(default)]
    pub before: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum TimelineItem {
    Visit {
        visit_id: Uuid,
        status: VisitStatus,
        /// Held visits: how many of the five coaching steps it had.
        steps: Option<u8>,
    },
    PracticeLog {
        log_id: Uuid,
        strategy: Option<StrategySnapshot>,
        practised_by_name: String,
        response: ChildResponse,
        confidence: Option<u8>,
        note: String,
    },
    Reflection {
        reflection_id: Uuid,
        strategy: Option<StrategySnapshot>,
        author_name: String,
        words: String,
        flagged: bool,
        /// Flagged and not handled yet.
        flag_open: bool,
    },
    Feedback {
        message_id: Uuid,
        subject: ThreadSubject,
        author_name: String,
        from_team: bool,
        body: String,
    },
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TimelineEntry {
    /// The clinic's date it happened on.
    pub on: Date,
    #[serde(skip)]
    at: OffsetDateTime,
    #[serde(flatten)]
    pub item: TimelineItem,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Timeline {
    /// The first and last day shown.
    pub from: Date,
    pub to: Date,
    /// Newest first.
    pub entries: Vec<TimelineEntry>,
    /// `before` for the next page; `None` when nothing older exists.
    pub older: Option<Date>,
}

/// The last day the page shows: the day before `before`, or today.
pub(crate) fn last_day(input: &TimelineInput, today: Date) -> Result<Date, OpError> {
    let text = input.before.as_deref().map(str::trim).filter(|t| !t.is_empty());
    let Some(text) = text else { return Ok(today) };
    let mut fields = Fields::default();
    // `before` may be tomorrow (everything up to today).
    let day = fields.check("before", rating_day(text, today.saturating_add(Duration::DAY)));
    let day = fields.finish(day)?;
    Ok(day.saturating_sub(Duration::DAY))
}

fn log_entry(log: &PracticeLog, strategies: &BTreeMap<Uuid, StrategySnapshot>) -> TimelineEntry {
    TimelineEntry {
        on: log.practised_on,
        at: log.created_at,
        item: TimelineItem::PracticeLog {
            log_id: log.log_id,
            strategy: strategies.get(&log.content.assignment_id).cloned(),
            practised_by_name: log.practised_by_name.clone(),
            response: log.content.response,
            confidence: log.content.confidence,
            note: log.content.note.clone(),
        },
    }
}

fn visit_entry(v: &VisitRow) -> TimelineEntry {
    TimelineEntry {
        on: v.on,
        at: v.at,
        item: TimelineItem::Visit { visit_id: v.visit_id, status: v.status, steps: v.steps },
    }
}

/// The timeline's days `to − 55 ..= to`, read in the caller's transaction.
pub(crate) async fn timeline(
    conn: &mut AnyConnection,
    full: &FullGrant,
    zone: &ClinicZone,
    to: Date,
    logs: &[PracticeLog],
    strategies: &BTreeMap<Uuid, StrategySnapshot>,
    visits: &[VisitRow],
) -> Result<Timeline, OpError> {
    let from = to.saturating_sub(Duration::days(TIMELINE_DAYS - 1));
    let shown = |day: Date| day >= from && day <= to;
    let mut entries: Vec<TimelineEntry> = Vec::new();
    entries.extend(logs.iter().filter(|l| shown(l.practised_on)).map(|l| log_entry(l, strategies)));
    entries.extend(visits.iter().filter(|v| shown(v.on)).map(visit_entry));
    let found = reflections::reflections(conn, full).await?;
    for r in found.iter().filter(|r| shown(zone.local_date(r.created_at))) {
        entries.push(TimelineEntry {
            on: zone.local_date(r.created_at),
            at: r.created_at,
            item: TimelineItem::Reflection {
                reflection_id: r.reflection_id,
                strategy: r.strategy.clone(),
                author_name: r.author_name.clone(),
                words: r.words.clone(),
                flagged: r.flagged,
                flag_open: r.flag_open(),
            },
        });
    }
    let start = zone.start_of_local_day(from);
    let end = zone.start_of_local_day(to.saturating_add(Duration::DAY));
    for m in feedback::child_messages(conn, full, start, end).await? {
        entries.push(TimelineEntry {
            on: zone.local_date(m.message.created_at),
            at: m.message.created_at,
            item: TimelineItem::Feedback {
                message_id: m.message.message_id,
                subject: m.subject,
                author_name: m.message.author_name,
                from_team: m.message.from_team,
                body: m.message.body,
            },
        });
    }
    entries.sort_by_key(|e| std::cmp::Reverse((e.on, e.at)));
    let older = logs.iter().any(|l| l.practised_on < from)
        || visits.iter().any(|v| v.on < from)
        || found.iter().any(|r| zone.local_date(r.created_at) < from)
        || feedback::has_message_before(conn, full, start).await?;
    Ok(Timeline { from, to, entries, older: older.then_some(from) })
}
