//! A small, hand-written iCalendar (RFC 5545) writer for the caregiver's
//! calendar feed (issue 12). Pure: the caller passes every time in.
//!
//! Why by hand: the feed needs only VEVENTs with a summary and a description,
//! and the details phones trip over are exactly the ones a generic crate
//! leaves to its user — CRLF line ends, folding at 75 octets without
//! splitting a UTF-8 character, TEXT escaping, an explicit DTSTAMP, all-day
//! events ending the next day. Every time is written in UTC (`…Z`), so no
//! VTIMEZONE is needed.

use std::fmt::Write as _;

use time::{Date, Duration, OffsetDateTime, UtcOffset};

/// The longest a content line may be, in octets, before the line break (§3.1).
const LINE_OCTETS: usize = 75;

/// A whole calendar: one feed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Calendar {
    /// `-//Carryover//Calendar feed//EN`.
    pub prodid: String,
    /// Shown as the calendar's name by most apps (`X-WR-CALNAME`).
    pub name: String,
    pub events: Vec<Event>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Event {
    /// Stable across fetches, so a phone updates an event rather than adding it twice.
    pub uid: String,
    /// When this copy of the event was made.
    pub stamp: OffsetDateTime,
    pub when: When,
    pub summary: String,
    pub description: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum When {
    /// A day with no time: `DTEND` is the next day (§3.6.1, the end is exclusive).
    AllDay(Date),
    /// A stretch of time, written in UTC.
    Timed { start: OffsetDateTime, end: OffsetDateTime },
}

impl Calendar {
    /// The calendar as RFC 5545 text: CRLF line ends, folded lines.
    pub fn write(&self) -> String {
        let mut out = String::new();
        let mut line = |text: &str| push_folded(&mut out, text);
        line("BEGIN:VCALENDAR");
        line("VERSION:2.0");
        line(&format!("PRODID:{}", escape_text(&self.prodid)));
        line("CALSCALE:GREGORIAN");
        line("METHOD:PUBLISH");
        line(&format!("X-WR-CALNAME:{}", escape_text(&self.name)));
        for event in &self.events {
            line("BEGIN:VEVENT");
            line(&format!("UID:{}", escape_text(&event.uid)));
            line(&format!("DTSTAMP:{}", utc_stamp(event.stamp)));
            match event.when {
                When::AllDay(day) => {
                    line(&format!("DTSTART;VALUE=DATE:{}", date_value(day)));
                    let next = day.checked_add(Duration::days(1)).unwrap_or(day);
                    line(&format!("DTEND;VALUE=DATE:{}", date_value(next)));
                }
                When::Timed { start, end } => {
                    line(&format!("DTSTART:{}", utc_stamp(start)));
                    line(&format!("DTEND:{}", utc_stamp(end)));
                }
            }
            line(&format!("SUMMARY:{}", escape_text(&event.summary)));
            if let Some(description) = &event.description {
                line(&format!("DESCRIPTION:{}", escape_text(description)));
            }
            line("TRANSP:TRANSPARENT");
            line("END:VEVENT");
        }
        line("END:VCALENDAR");
        out
    }
}

/// `20261130T073000Z`.
pub fn utc_stamp(at: OffsetDateTime) -> String {
    let at = at.to_offset(UtcOffset::UTC);
    format!("{}T{:02}{:02}{:02}Z", date_value(at.date()), at.hour(), at.minute(), at.second())
}

/// `20261130`.
pub fn date_value(day: Date) -> String {
    format!("{:04}{:02}{:02}", day.year(), u8::from(day.month()), day.day())
}

/// TEXT escaping (§3.3.11): backslash, semicolon and comma get a backslash,
/// a line break becomes `\n`. A carriage return never reaches the output
/// (CRLF and a lone CR both become `\n`), nor does any other control
/// character but the tab, which TEXT does not allow.
pub fn escape_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push_str("\\n");
            }
            '\t' => out.push('\t'),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Appends one content line, folded (§3.1): no line longer than 75 octets
/// before its CRLF, continuation lines starting with one space, and never a
/// break inside a UTF-8 character.
fn push_folded(out: &mut String, line: &str) {
    let mut used = 0;
    for c in line.chars() {
        let width = c.len_utf8();
        if used + width > LINE_OCTETS {
            out.push_str("\r\n ");
            // The space that starts a continuation line counts too.
            used = 1;
        }
        out.push(c);
        used += width;
    }
    out.push_str("\r\n");
}

/// Reverses [`push_folded`] and [`escape_text`] for one property value: what
/// a calendar app shows. For tests, here and in the web crate.
pub fn unfold(text: &str) -> String {
    text.replace("\r\n ", "")
}

/// The value of the first property `name` of each event, unescaped.
pub fn property_values(text: &str, name: &str) -> Vec<String> {
    let unfolded = unfold(text);
    let prefix = format!("{name}:");
    unfolded.split("\r\n").filter_map(|l| l.strip_prefix(&prefix)).map(unescape_text).collect()
}

fn unescape_text(text: &str) -> String {
    let mut out = String::new();
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n' | 'N') => out.push('\n'),
            Some(other) => out.push(other),
            None => {}
        }
    }
    out
}

/// Writes `uid` parts with `-`: for callers building stable UIDs.
pub fn uid(parts: &[&str], domain: &str) -> String {
    let mut out = String::new();
    for (i, part) in parts.iter().enumerate() {
        if i > 0 {
            out.push('-');
        }
        let _ = write!(out, "{part}");
    }
    format!("{out}@{domain}")
}

#[cfg(test)]
mod tests;
