//! Free text people type: a goal in the family's words, the family's
//! priorities, a strategy's steps. One set of checks, so that every such
//! field refuses the same things and says so with the same problems as names
//! do (empty, too long, unsafe characters).

use time::{Date, format_description::FormatItem, macros::format_description};

use crate::people::NameProblem;

const DATE: &[FormatItem<'static>] = format_description!("[year]-[month]-[day]");

/// A calendar date as a date field sends it and as it is stored ("2026-03-04").
/// Years outside 1900–9999 are refused: no rating or birth is dated there.
pub fn parse_date(text: &str) -> Option<Date> {
    let date = Date::parse(text.trim(), DATE).ok()?;
    (1900..=9999).contains(&date.year()).then_some(date)
}

/// The text [`parse_date`] reads back; for storage and date fields, never
/// for people to read.
pub fn date_text(date: Date) -> String {
    date.format(DATE).unwrap_or_default()
}

/// Bidirectional overrides and isolates, which make text display as
/// something it is not (see `people::check_name`).
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{200E}' | '\u{200F}' | '\u{061C}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Line breaks as `\n`, whatever the browser sent (`\r\n` from a textarea).
fn normalize_breaks(text: &str) -> String {
    text.replace("\r\n", "\n").replace('\r', "\n")
}

fn check(text: &str, max_chars: usize, allow_breaks: bool) -> Result<String, NameProblem> {
    let text = normalize_breaks(text);
    let trimmed = text.trim();
    if trimmed.chars().count() > max_chars {
        return Err(NameProblem::TooLong);
    }
    let unsafe_char = |c: char| {
        let allowed_break = allow_breaks && (c == '\n' || c == '\t');
        (c.is_control() && !allowed_break) || is_bidi_control(c)
    };
    if trimmed.chars().any(unsafe_char) {
        return Err(NameProblem::Unsafe);
    }
    Ok(trimmed.to_owned())
}

/// One line of text, trimmed: 1 to `max_chars` characters.
pub fn check_line(text: &str, max_chars: usize) -> Result<String, NameProblem> {
    let line = check(text, max_chars, false)?;
    if line.is_empty() { Err(NameProblem::Empty) } else { Ok(line) }
}

/// Text that may span lines (a textarea), trimmed; empty is allowed.
pub fn check_optional_paragraph(text: &str, max_chars: usize) -> Result<String, NameProblem> {
    check(text, max_chars, true)
}

/// Why a list typed one item per line was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ListProblem {
    TooFew,
    TooMany,
    Item(NameProblem),
}

/// A list typed one item per line: blank lines are dropped, each item is
/// checked as a line, and the count must be within `min..=max`.
pub fn check_list(
    text: &str,
    min: usize,
    max: usize,
    max_chars: usize,
) -> Result<Vec<String>, ListProblem> {
    let items: Vec<String> = normalize_breaks(text)
        .lines()
        .filter(|line| !line.trim().is_empty())
        .map(|line| check_line(line, max_chars))
        .collect::<Result<_, _>>()
        .map_err(ListProblem::Item)?;
    if items.len() < min {
        return Err(ListProblem::TooFew);
    }
    if items.len() > max {
        return Err(ListProblem::TooMany);
    }
    Ok(items)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_date_is_read_as_a_date_field_sends_it() {
        let date = parse_date(" 2026-03-04 ").unwrap();
        assert_eq!(date_text(date), "2026-03-04");
        for wrong in ["2026-02-30", "04/03/2026", "2026-3-4", "", "1899-12-31", "today"] {
            assert_eq!(parse_date(wrong), None, "{wrong:?}");
        }
    }

    #[test]
    fn a_line_is_trimmed_and_must_say_something() {
        assert_eq!(check_line("  Mia puts on her shoes ", 50), Ok("Mia puts on her shoes".into()));
        assert_eq!(check_line(" \n ", 50), Err(NameProblem::Empty));
        assert_eq!(check_line(&"a".repeat(51), 50), Err(NameProblem::TooLong));
        assert_eq!(check_line("two\nlines", 50), Err(NameProblem::Unsafe));
        assert_eq!(check_line("Mia\u{202E}", 50), Err(NameProblem::Unsafe));
    }

    #[test]
    fn a_paragraph_keeps_its_line_breaks_as_newlines() {
        assert_eq!(check_optional_paragraph("One.\r\nTwo.\r\n", 50), Ok("One.\nTwo.".into()));
        assert_eq!(check_optional_paragraph("   ", 50), Ok(String::new()));
        assert_eq!(check_optional_paragraph("bell\u{7}", 50), Err(NameProblem::Unsafe));
    }

    #[test]
    fn a_list_drops_blank_lines_and_counts_its_items() {
        assert_eq!(
            check_list("One.\n\n  Two.  \n", 1, 3, 20),
            Ok(vec!["One.".into(), "Two.".into()])
        );
        assert_eq!(check_list("\n\n", 1, 3, 20), Err(ListProblem::TooFew));
        assert_eq!(check_list("", 0, 3, 20), Ok(Vec::new()));
        assert_eq!(check_list("a\nb\nc\nd", 1, 3, 20), Err(ListProblem::TooMany));
        assert_eq!(
            check_list("ok\nthis one is far too long", 1, 3, 10),
            Err(ListProblem::Item(NameProblem::TooLong))
        );
    }
}
