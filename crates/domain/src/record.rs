//! A child's record over time: the details families and the care team keep
//! up to date, discharge, how long guardians may still read a discharged
//! child's record, and when the record is purged.

use time::{Date, Duration, Month};

use crate::code_enum;

code_enum! {
    /// A language spoken at a child's home: ISO 639-1 where one exists, else
    /// ISO 639-2/3 (Hmong, American Sign Language). Names live in the
    /// translations, so each reader sees them in their own language.
    pub enum HomeLanguage {
        En = "en",
        Es = "es",
        Zh = "zh",
        Vi = "vi",
        Ar = "ar",
        So = "so",
        Ht = "ht",
        Pt = "pt",
        Fr = "fr",
        Ru = "ru",
        Ko = "ko",
        Tl = "tl",
        Hi = "hi",
        Ur = "ur",
        Bn = "bn",
        Fa = "fa",
        Ps = "ps",
        Sw = "sw",
        Am = "am",
        Ne = "ne",
        My = "my",
        Uk = "uk",
        Pl = "pl",
        Ja = "ja",
        De = "de",
        Hmn = "hmn",
        Ase = "ase",
    }
}

/// The languages as stored: codes in the order of the list, comma-separated.
pub fn languages_to_stored(languages: &[HomeLanguage]) -> String {
    let mut sorted = languages.to_vec();
    sorted.sort();
    sorted.dedup();
    sorted.iter().map(|l| l.as_str()).collect::<Vec<_>>().join(",")
}

/// The stored codes read back; a code this build does not know is skipped.
pub fn languages_from_stored(text: &str) -> Vec<HomeLanguage> {
    text.split(',').filter_map(|code| HomeLanguage::parse(code.trim())).collect()
}

/// Chosen codes from a form or a JSON body; `None` if any is not on the list.
pub fn parse_languages(codes: &[String]) -> Option<Vec<HomeLanguage>> {
    let mut languages =
        codes.iter().map(|c| HomeLanguage::parse(c.trim())).collect::<Option<Vec<_>>>()?;
    languages.sort();
    languages.dedup();
    Some(languages)
}

/// Why a date of birth was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BirthDateProblem {
    /// Not a date (the form sends YYYY-MM-DD).
    NotADate,
    /// In the future, or more than 25 years ago: children only.
    OutOfRange,
}

/// The oldest a child in pediatric therapy can be, in years.
const OLDEST_CHILD_YEARS: i32 = 25;

/// A date of birth as a date field sends it (YYYY-MM-DD); empty means unknown.
pub fn check_birth_date(text: &str, today: Date) -> Result<Option<Date>, BirthDateProblem> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    let date = parse_iso_date(text).ok_or(BirthDateProblem::NotADate)?;
    let oldest = today.replace_year(today.year() - OLDEST_CHILD_YEARS).unwrap_or(Date::MIN);
    if date > today || date < oldest {
        return Err(BirthDateProblem::OutOfRange);
    }
    Ok(Some(date))
}

/// `YYYY-MM-DD`, the one format dates are stored and sent in (never shown).
pub fn parse_iso_date(text: &str) -> Option<Date> {
    let mut parts = text.splitn(3, '-');
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    if y.len() != 4 || m.len() != 2 || d.len() != 2 {
        return None;
    }
    let month = Month::try_from(m.parse::<u8>().ok()?).ok()?;
    Date::from_calendar_date(y.parse().ok()?, month, d.parse().ok()?).ok()
}

/// The stored text of a date: `YYYY-MM-DD`.
pub fn iso_date(date: Date) -> String {
    format!("{:04}-{:02}-{:02}", date.year(), u8::from(date.month()), date.day())
}

/// Longest free-text note, in characters.
pub const NOTE_MAX_CHARS: usize = 4000;

/// A free-text note, trimmed; `None` when it is too long.
pub fn check_note(text: &str) -> Option<String> {
    let note = text.trim();
    (note.chars().count() <= NOTE_MAX_CHARS).then(|| note.to_owned())
}

code_enum! {
    /// Why a child's care at the clinic ended.
    pub enum DischargeReason {
        GoalsMet = "goals_met",
        Moved = "moved",
        FamilyChoice = "family_choice",
        Transferred = "transferred",
        NoCoverage = "no_coverage",
        Other = "other",
    }
}

/// Whether a child is seen at the clinic now.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChildStatus {
    Active,
    Discharged { on: Date },
}

impl ChildStatus {
    pub fn from_discharge_date(on: Option<Date>) -> ChildStatus {
        on.map_or(ChildStatus::Active, |on| ChildStatus::Discharged { on })
    }

    pub fn is_active(self) -> bool {
        self == ChildStatus::Active
    }
}

/// A discharge date may be today or earlier, never later: it records what happened.
pub fn check_discharge_date(text: &str, today: Date) -> Option<Date> {
    parse_iso_date(text.trim()).filter(|d| *d <= today)
}

/// The last day guardians may read a child discharged `on`, with the
/// clinic's read period of `days`.
pub fn guardian_read_until(on: Date, days: u16) -> Date {
    on.checked_add(Duration::days(i64::from(days))).unwrap_or(Date::MAX)
}

/// Whether guardians may still read a record discharged `on`, `today`.
pub fn guardian_may_read(on: Date, days: u16, today: Date) -> bool {
    today <= guardian_read_until(on, days)
}

/// The first day a record discharged `on` may be purged, `years` later (a
/// discharge on February 29 is kept until March 1 in a year without one).
pub fn retention_ends(on: Date, years: u8) -> Date {
    let year = on.year() + i32::from(years);
    on.replace_year(year)
        .or_else(|_| Date::from_calendar_date(year, Month::March, 1))
        .unwrap_or(Date::MAX)
}

/// Whether a record discharged `on` is past the clinic's retention `today`.
pub fn past_retention(on: Date, years: u8, today: Date) -> bool {
    today >= retention_ends(on, years)
}

#[cfg(test)]
mod tests {
    use time::macros::date;

    use super::*;

    #[test]
    fn languages_are_stored_as_sorted_codes_and_read_back() {
        let chosen = parse_languages(&["es".into(), "en".into(), "es".into()]).unwrap();
        assert_eq!(languages_to_stored(&chosen), "en,es");
        assert_eq!(languages_from_stored("en,es"), vec![HomeLanguage::En, HomeLanguage::Es]);
        assert_eq!(languages_from_stored(""), vec![]);
        assert_eq!(parse_languages(&["klingon".into()]), None);
    }

    #[test]
    fn a_birth_date_is_a_childs_and_may_be_left_empty() {
        let today = date!(2026 - 11 - 02);
        assert_eq!(check_birth_date(" ", today), Ok(None));
        assert_eq!(check_birth_date("2021-03-14", today), Ok(Some(date!(2021 - 03 - 14))));
        assert_eq!(check_birth_date("2026-11-03", today), Err(BirthDateProblem::OutOfRange));
        assert_eq!(check_birth_date("1990-01-01", today), Err(BirthDateProblem::OutOfRange));
        assert_eq!(check_birth_date("14/03/2021", today), Err(BirthDateProblem::NotADate));
        assert_eq!(check_birth_date("2021-02-30", today), Err(BirthDateProblem::NotADate));
    }

    #[test]
    fn guardians_read_a_discharged_record_for_the_clinics_period_and_not_a_day_more() {
        let on = date!(2026 - 01 - 10);
        assert!(guardian_may_read(on, 90, date!(2026 - 04 - 10)));
        assert!(!guardian_may_read(on, 90, date!(2026 - 04 - 11)));
        assert!(guardian_may_read(on, 0, on));
        assert!(!guardian_may_read(on, 0, date!(2026 - 01 - 11)));
    }

    #[test]
    fn a_record_is_kept_for_the_retention_years_after_discharge() {
        let on = date!(2019 - 06 - 30);
        assert!(!past_retention(on, 7, date!(2026 - 06 - 29)));
        assert!(past_retention(on, 7, date!(2026 - 06 - 30)));
        assert_eq!(retention_ends(date!(2024 - 02 - 29), 1), date!(2025 - 03 - 01));
    }

    #[test]
    fn a_discharge_is_dated_today_or_earlier() {
        let today = date!(2026 - 11 - 02);
        assert_eq!(check_discharge_date("2026-11-02", today), Some(today));
        assert_eq!(check_discharge_date("2026-11-03", today), None);
        assert_eq!(check_discharge_date("", today), None);
    }
}
