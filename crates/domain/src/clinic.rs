//! A clinic's own settings: the rules that differ from clinic to clinic.

use crate::{
    people::{NameProblem, check_name},
    zone::ClinicZone,
};

/// The COPM change that counts as clinically important unless a clinic says otherwise.
pub const DEFAULT_COPM_THRESHOLD: u8 = 2;

/// Days guardians may still read a discharged child's record, unless a clinic says otherwise.
pub const DEFAULT_GUARDIAN_READ_DAYS: u16 = 90;

/// Years a discharged child's record is kept before it is purged, unless a clinic says otherwise.
pub const DEFAULT_RETENTION_YEARS: u8 = 7;

/// A clinic's settings, each already checked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClinicSettings {
    pub name: String,
    /// An IANA zone name ("America/Chicago"): "today", weeks and reminders
    /// are computed there.
    pub time_zone: String,
    /// A COPM change of at least this many points is clinically important (1–9).
    pub copm_threshold: u8,
    /// Therapists and admins must enrol a second factor before they see any
    /// child's information (on for new clinics, off for the demo).
    pub require_second_factor: bool,
    /// Days after discharge that guardians may still read the record (0–3650).
    pub guardian_read_days: u16,
    /// Years after discharge that the record is kept, then purged (1–100).
    pub retention_years: u8,
}

/// A settings form as typed: every field is text until checked.
#[derive(Clone, Copy, Debug, Default)]
pub struct SettingsText<'a> {
    pub name: &'a str,
    pub time_zone: &'a str,
    pub copm_threshold: &'a str,
    pub guardian_read_days: &'a str,
    pub retention_years: &'a str,
    /// A checkbox: ticked or not.
    pub require_second_factor: bool,
}

/// What is wrong with one field of a settings form.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SettingsProblem {
    Name(NameProblem),
    UnknownTimeZone,
    ThresholdOutOfRange,
    GuardianDaysOutOfRange,
    RetentionOutOfRange,
}

/// Checks each field; returns every problem, not only the first.
pub fn check_settings(text: SettingsText<'_>) -> Result<ClinicSettings, Vec<SettingsProblem>> {
    let mut problems = Vec::new();
    let name = check_name(text.name).map_err(|p| problems.push(SettingsProblem::Name(p))).ok();
    let zone = ClinicZone::parse(text.time_zone.trim());
    if zone.is_none() {
        problems.push(SettingsProblem::UnknownTimeZone);
    }
    let threshold = text.copm_threshold.trim().parse::<u8>().ok().filter(|t| (1..=9).contains(t));
    if threshold.is_none() {
        problems.push(SettingsProblem::ThresholdOutOfRange);
    }
    let days = text.guardian_read_days.trim().parse::<u16>().ok().filter(|d| *d <= 3650);
    if days.is_none() {
        problems.push(SettingsProblem::GuardianDaysOutOfRange);
    }
    let years = text.retention_years.trim().parse::<u8>().ok().filter(|y| (1..=100).contains(y));
    if years.is_none() {
        problems.push(SettingsProblem::RetentionOutOfRange);
    }
    match (name, zone, threshold, days, years) {
        (Some(name), Some(zone), Some(copm_threshold), Some(days), Some(years))
            if problems.is_empty() =>
        {
            Ok(ClinicSettings {
                name,
                time_zone: zone.name().to_owned(),
                copm_threshold,
                guardian_read_days: days,
                retention_years: years,
                require_second_factor: text.require_second_factor,
            })
        }
        _ => Err(problems),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text<'a>(name: &'a str, zone: &'a str, copm: &'a str) -> SettingsText<'a> {
        SettingsText {
            name,
            time_zone: zone,
            copm_threshold: copm,
            guardian_read_days: "90",
            retention_years: "7",
            require_second_factor: true,
        }
    }

    #[test]
    fn good_settings_are_accepted_as_typed() {
        let settings = check_settings(text(" Bright Steps ", "America/Chicago", "3")).unwrap();
        assert_eq!(settings.name, "Bright Steps");
        assert_eq!(settings.time_zone, "America/Chicago");
        assert_eq!(settings.copm_threshold, 3);
        assert_eq!((settings.guardian_read_days, settings.retention_years), (90, 7));
    }

    #[test]
    fn every_wrong_field_is_reported_at_once() {
        let wrong = SettingsText {
            guardian_read_days: "-1",
            retention_years: "0",
            ..text("", "Mars/Olympus", "0")
        };
        let problems = check_settings(wrong).unwrap_err();
        assert_eq!(
            problems,
            vec![
                SettingsProblem::Name(NameProblem::Empty),
                SettingsProblem::UnknownTimeZone,
                SettingsProblem::ThresholdOutOfRange,
                SettingsProblem::GuardianDaysOutOfRange,
                SettingsProblem::RetentionOutOfRange,
            ]
        );
        assert!(check_settings(text("A", "UTC", "10")).is_err());
        assert!(check_settings(text("A", "UTC", "two")).is_err());
        let long = SettingsText { guardian_read_days: "3651", ..text("A", "UTC", "2") };
        assert!(check_settings(long).is_err());
        let zero = SettingsText { guardian_read_days: "0", ..text("A", "UTC", "2") };
        assert_eq!(check_settings(zero).unwrap().guardian_read_days, 0);
    }
}
