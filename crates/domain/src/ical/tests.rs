use proptest::prelude::*;
use time::macros::{date, datetime};

use super::*;

fn event(summary: &str, when: When) -> Event {
    Event {
        uid: "a-20261130-0@carryover".into(),
        stamp: datetime!(2026-11-29 21:00 UTC),
        when,
        summary: summary.into(),
        description: Some("Line one\nline two".into()),
    }
}

fn calendar(events: Vec<Event>) -> Calendar {
    Calendar { prodid: "-//Carryover//Calendar feed//EN".into(), name: "Practice".into(), events }
}

#[test]
fn text_escapes_backslash_semicolon_comma_and_line_breaks() {
    assert_eq!(escape_text(r"a\b;c,d"), r"a\\b\;c\,d");
    assert_eq!(escape_text("one\ntwo"), r"one\ntwo");
    assert_eq!(escape_text("one\r\ntwo\rthree"), r"one\ntwo\nthree");
    assert_eq!(escape_text("bell\u{7}tab\t"), "belltab\t");
    assert_eq!(escape_text("Baño: ¿listo?"), "Baño: ¿listo?");
}

#[test]
fn a_long_line_folds_at_75_octets_and_unfolds_to_itself() {
    let summary = "x".repeat(200);
    let text = calendar(vec![event(&summary, When::AllDay(date!(2026 - 11 - 30)))]).write();
    for line in text.split("\r\n") {
        assert!(line.len() <= 75, "{line:?} is {} octets", line.len());
    }
    assert_eq!(property_values(&text, "SUMMARY"), vec![summary]);
}

#[test]
fn folding_never_splits_a_character() {
    // 'ñ' is two octets and '😀' four: a split would leave invalid UTF-8,
    // which a `String` cannot hold, so check the break positions instead.
    let summary = "ñ😀".repeat(40);
    let text = calendar(vec![event(&summary, When::AllDay(date!(2026 - 11 - 30)))]).write();
    for line in text.split("\r\n") {
        assert!(line.len() <= 75);
    }
    assert_eq!(property_values(&text, "SUMMARY"), vec![summary]);
}

#[test]
fn an_all_day_event_ends_the_next_day_and_a_timed_one_is_in_utc() {
    let all_day = event("Bath", When::AllDay(date!(2026 - 12 - 31)));
    let timed = event(
        "Dressing",
        When::Timed { start: datetime!(2026-11-30 07:30 -6), end: datetime!(2026-11-30 07:45 -6) },
    );
    let text = calendar(vec![all_day, timed]).write();
    assert!(text.contains("DTSTART;VALUE=DATE:20261231\r\nDTEND;VALUE=DATE:20270101\r\n"));
    assert!(text.contains("DTSTART:20261130T133000Z\r\nDTEND:20261130T134500Z\r\n"));
    assert!(text.contains("DTSTAMP:20261129T210000Z\r\n"));
}

#[test]
fn a_calendar_names_its_version_producer_and_scale_and_ends_every_line_with_crlf() {
    let text = calendar(vec![event("Bath", When::AllDay(date!(2026 - 11 - 30)))]).write();
    assert!(text.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:"));
    assert!(text.contains("CALSCALE:GREGORIAN\r\n"));
    assert!(text.ends_with("END:VCALENDAR\r\n"));
    assert_eq!(text.matches('\r').count(), text.matches("\r\n").count(), "no bare CR");
    assert_eq!(text.matches('\n').count(), text.matches("\r\n").count(), "no bare LF");
    assert_eq!(property_values(&text, "DESCRIPTION"), vec!["Line one\nline two".to_owned()]);
}

proptest! {
    #[test]
    fn any_text_survives_escaping_and_folding(summary in "\\PC{0,300}", extra in "[\\\\;,\r\n\t a-zñ]{0,50}") {
        let summary = format!("{summary}{extra}");
        let text = calendar(vec![event(&summary, When::AllDay(date!(2026 - 11 - 30)))]).write();
        for line in text.split("\r\n") {
            prop_assert!(line.len() <= 75);
            prop_assert!(!line.contains('\r') && !line.contains('\n'));
        }
        // What an app shows: line breaks normalized, other controls dropped.
        let expected: String = summary
            .replace("\r\n", "\n")
            .replace('\r', "\n")
            .chars()
            .filter(|c| !c.is_control() || *c == '\n' || *c == '\t')
            .collect();
        prop_assert_eq!(property_values(&text, "SUMMARY"), vec![expected]);
    }
}
