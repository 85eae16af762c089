//! A clinic's own settings: the rules that differ from clinic to clinic.

use crate::{
    people::{NameProblem, check_name},
    zone::ClinicZone,
};

/// The COPM change that counts as clinically important unless a clinic says otherwise.
pub const DEFAULT_COPM_THRESHOLD: u8 = 2;

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
}

/// What is wrong with one field of a settings form.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SettingsProblem {
    Name(NameProblem),
    UnknownTimeZone,
    ThresholdOutOfRange,
}

/// Checks each field; returns every problem, not only the first.
pub fn check_settings(
    name: &str,
    time_zone: &str,
    copm_threshold: &str,
    require_second_factor: bool,
) -> Result<ClinicSettings, Vec<SettingsProblem>> {
    let mut problems = Vec::new();
    let name = check_name(name).map_err(|p| problems.push(SettingsProblem::Name(p))).ok();
    let zone = ClinicZone::parse(time_zone.trim());
    if zone.is_none() {
        problems.push(SettingsProblem::UnknownTimeZone);
    }
    let threshold = copm_threshold.trim().parse::<u8>().ok().filter(|t| (1..=9).contains(t));
    if threshold.is_none() {
        problems.push(SettingsProblem::ThresholdOutOfRange);
    }
    match (name, zone, threshold) {
        (Some(name), Some(zone), Some(copm_threshold)) if problems.is_empty() => {
            Ok(ClinicSettings {
                name,
                time_zone: zone.name().to_owned(),
                copm_threshold,
                require_second_factor,
            })
        }
        _ => Err(problems),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn good_settings_are_accepted_as_typed() {
        let settings = check_settings(" Bright Steps ", "America/Chicago", "3", true).unwrap();
        assert_eq!(settings.name, "Bright Steps");
        assert_eq!(settings.time_zone, "America/Chicago");
        assert_eq!(settings.copm_threshold, 3);
    }

    #[test]
    fn every_wrong_field_is_reported_at_once() {
        let problems = check_settings("", "Mars/Olympus", "0", true).unwrap_err();
        assert_eq!(
            problems,
            vec![
                SettingsProblem::Name(NameProblem::Empty),
                SettingsProblem::UnknownTimeZone,
                SettingsProblem::ThresholdOutOfRange
            ]
        );
        assert!(check_settings("A", "UTC", "10", true).is_err());
        assert!(check_settings("A", "UTC", "two", true).is_err());
    }
}
