//! The caregiver's calendar feed in words (issue 12 part C): the feed the
//! operation read, written as iCalendar in the owner's language with the
//! domain's RFC 5545 writer. Strategy titles and routines only: never a
//! child's name or a note.

use carryover_domain::{
    calendar::PRACTICE_MINUTES,
    ical::{Calendar, Event, When},
    routine::RoutineRef,
};
use carryover_ops::calendar::{Feed, FeedPractice};
use time::Duration;

use crate::i18n::Tr;

/// The feed's address for a token, as the account page and the API show it.
pub fn feed_url(base_url: &str, token: &str) -> String {
    format!("{base_url}/calendar/{token}.ics")
}

pub const PRODID: &str = "-//Carryover//Calendar feed//EN";

fn routine_name(t: &Tr, p: &FeedPractice) -> String {
    match (p.routine, &p.own_routine_name) {
        (RoutineRef::Standard(standard), _) => t.get(&format!("routine-{}", standard.as_str())),
        (RoutineRef::Own(_), Some(name)) => name.clone(),
        (RoutineRef::Own(_), None) => t.get("routine-removed"),
    }
}

fn practice_event(t: &Tr, feed: &Feed, p: &FeedPractice) -> Event {
    let when = match p.starts_at {
        Some(start) => When::Timed { start, end: start + Duration::minutes(PRACTICE_MINUTES) },
        None => When::AllDay(p.date),
    };
    Event {
        uid: p.uid.clone(),
        stamp: feed.now,
        when,
        summary: t.with(
            "calendar-event-summary",
            &[
                ("strategy", p.strategy_title.clone().into()),
                ("routine", routine_name(t, p).into()),
            ],
        ),
        description: Some(
            t.with("calendar-event-description", &[("count", i64::from(p.times_per_week).into())]),
        ),
    }
}

/// The whole feed as `text/calendar`.
pub fn write(t: &Tr, feed: &Feed) -> String {
    let mut events: Vec<Event> =
        feed.practices.iter().map(|p| practice_event(t, feed, p)).collect();
    events.extend(feed.visits.iter().map(|v| Event {
        uid: v.uid.clone(),
        stamp: feed.now,
        when: When::Timed { start: v.starts_at, end: v.ends_at },
        summary: t.get("calendar-visit-summary"),
        description: None,
    }));
    Calendar { prodid: PRODID.to_owned(), name: t.get("calendar-feed-name"), events }.write()
}
