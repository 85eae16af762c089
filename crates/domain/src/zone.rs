//! A clinic's time zone. A practice logged at 23:30 in Chicago belongs to
//! that evening, not to the next day in UTC: every rule that counts by day or
//! by week (adherence, streaks, fidelity windows) works on the clinic's local
//! dates, and this is the one place that turns instants into them.
//!
//! jiff does the time-zone arithmetic (with its own bundled tzdb, so every
//! machine agrees); the rest of the codebase speaks `time`.

use jiff::Timestamp;
use jiff::tz::TimeZone;
use time::{Date, Duration, OffsetDateTime, UtcOffset};

/// An IANA time zone, known to exist.
#[derive(Clone, Debug)]
pub struct ClinicZone {
    name: String,
    tz: TimeZone,
}

impl PartialEq for ClinicZone {
    fn eq(&self, other: &ClinicZone) -> bool {
        self.name == other.name
    }
}

impl Eq for ClinicZone {}

impl ClinicZone {
    /// The zone named `iana_name` ("America/Chicago"), or `None` when the
    /// bundled tzdb does not know it. Case is forgiven ("america/chicago");
    /// [`ClinicZone::name`] then gives the database's spelling.
    pub fn parse(iana_name: &str) -> Option<ClinicZone> {
        let tz = TimeZone::get(iana_name).ok()?;
        // `Etc/Unknown` is a valid lookup but names no place: refuse it.
        let name = tz.iana_name()?.to_owned();
        Some(ClinicZone { name, tz })
    }

    /// The IANA name, as the tzdb spells it: store this.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The clinic's calendar date at the instant `at` (whatever offset `at`
    /// carries).
    pub fn local_date(&self, at: OffsetDateTime) -> Date {
        let offset = self.offset_at(at);
        // Only instants within a day of the calendar's ends cannot be
        // shifted; their UTC date is the best answer left.
        at.checked_to_offset(offset).unwrap_or(at).date()
    }

    /// The instant `at` as the clinic's clocks show it (its local offset).
    pub fn local(&self, at: OffsetDateTime) -> OffsetDateTime {
        at.checked_to_offset(self.offset_at(at)).unwrap_or(at)
    }

    /// UTC, for people and places with no clinic (signed-out pages, tests).
    pub fn utc() -> ClinicZone {
        ClinicZone { name: "UTC".to_owned(), tz: TimeZone::UTC }
    }

    /// The first instant of `date` in the clinic's zone, in UTC.
    ///
    /// Usually local midnight. Where a daylight-saving change skips midnight
    /// (Havana in March), the day starts at the change; where midnight
    /// happens twice, at the first one. A day the zone skipped entirely
    /// (Apia, 2011-12-30) starts when the next day does, so it has no length.
    /// The half-open range `start_of_local_day(d) .. start_of_local_day(d + 1)`
    /// is then exactly the instants whose [`ClinicZone::local_date`] is `d`.
    ///
    /// Dates in the first or last days of years −9999 and 9999, which the
    /// zone cannot place, fall back to UTC midnight.
    pub fn start_of_local_day(&self, date: Date) -> OffsetDateTime {
        self.zoned_start_of_day(date).unwrap_or_else(|| date.midnight().assume_utc())
    }

    /// The instant the clinic's clocks show `hour:minute` on `date`, in UTC
    /// (issue 13: a visit's time). A time skipped by a daylight-saving change
    /// is moved past the gap; a repeated one is the first. `None` when the
    /// zone cannot place it.
    pub fn at_local(&self, date: Date, hour: u8, minute: u8) -> Option<OffsetDateTime> {
        let civil = jiff::civil::DateTime::new(
            i16::try_from(date.year()).ok()?,
            i8::try_from(u8::from(date.month())).ok()?,
            i8::try_from(date.day()).ok()?,
            i8::try_from(hour).ok()?,
            i8::try_from(minute).ok()?,
            0,
            0,
        )
        .ok()?;
        let zoned = civil.to_zoned(self.tz.clone()).ok()?;
        OffsetDateTime::from_unix_timestamp_nanos(zoned.timestamp().as_nanosecond()).ok()
    }

    fn zoned_start_of_day(&self, date: Date) -> Option<OffsetDateTime> {
        let civil = jiff::civil::Date::new(
            i16::try_from(date.year()).ok()?,
            i8::try_from(u8::from(date.month())).ok()?,
            i8::try_from(date.day()).ok()?,
        )
        .ok()?;
        // jiff resolves a midnight in a gap to the end of the gap and a
        // repeated midnight to its earlier occurrence: the first instant of
        // the day either way.
        let first = civil.to_zoned(self.tz.clone()).ok()?;
        OffsetDateTime::from_unix_timestamp_nanos(first.timestamp().as_nanosecond()).ok()
    }

    fn offset_at(&self, at: OffsetDateTime) -> UtcOffset {
        let nanos = at.unix_timestamp_nanos();
        let instant = Timestamp::from_nanosecond(nanos).unwrap_or(if nanos < 0 {
            Timestamp::MIN
        } else {
            Timestamp::MAX
        });
        let seconds = self.tz.to_offset(instant).seconds();
        // Both libraries cap offsets at ±25:59:59, so this always converts.
        UtcOffset::from_whole_seconds(seconds).unwrap_or(UtcOffset::UTC)
    }
}

/// The Monday of the week that holds `date`. Weeks run Monday to Sunday.
pub fn week_start(date: Date) -> Date {
    let back = i64::from(date.weekday().number_days_from_monday());
    date.checked_sub(Duration::days(back)).unwrap_or(Date::MIN)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use time::macros::{date, datetime};

    fn chicago() -> ClinicZone {
        ClinicZone::parse("America/Chicago").unwrap()
    }

    #[test]
    fn a_known_zone_is_accepted_and_spelled_as_the_tzdb_spells_it() {
        assert_eq!(chicago().name(), "America/Chicago");
        assert_eq!(ClinicZone::parse("america/CHICAGO").unwrap().name(), "America/Chicago");
        assert_eq!(ClinicZone::parse("UTC").unwrap().name(), "UTC");
    }

    #[test]
    fn an_unknown_zone_is_refused() {
        for name in ["Mars/Olympus_Mons", "", "Central Time", "America/Chicago ", "Etc/Unknown"] {
            assert_eq!(ClinicZone::parse(name), None, "{name:?}");
        }
    }

    #[test]
    fn a_log_at_half_past_eleven_at_night_belongs_to_that_local_day() {
        let zone = chicago();
        // 23:30 CST (−6) is 05:30 UTC the next morning.
        assert_eq!(zone.local_date(datetime!(2026-01-16 05:30 UTC)), date!(2026 - 01 - 15));
        // The evening of the spring change: 23:30 CDT (−5) is 04:30 UTC.
        assert_eq!(zone.local_date(datetime!(2026-03-09 04:30 UTC)), date!(2026 - 03 - 08));
        // The evening of the autumn change: 23:30 CST (−6) is 05:30 UTC.
        assert_eq!(zone.local_date(datetime!(2026-11-02 05:30 UTC)), date!(2026 - 11 - 01));
    }

    #[test]
    fn the_offset_the_instant_arrives_with_does_not_matter() {
        let in_tokyo = datetime!(2026-01-16 14:30 +09:00);
        assert_eq!(chicago().local_date(in_tokyo), date!(2026 - 01 - 15));
    }

    #[test]
    fn the_spring_change_day_is_twenty_three_hours_long() {
        let zone = chicago();
        let start = zone.start_of_local_day(date!(2026 - 03 - 08));
        let next = zone.start_of_local_day(date!(2026 - 03 - 09));
        assert_eq!(start, datetime!(2026-03-08 06:00 UTC));
        assert_eq!(next, datetime!(2026-03-09 05:00 UTC));
        assert_eq!(next - start, Duration::hours(23));
    }

    #[test]
    fn the_autumn_change_day_is_twenty_five_hours_long() {
        let zone = chicago();
        let start = zone.start_of_local_day(date!(2026 - 11 - 01));
        let next = zone.start_of_local_day(date!(2026 - 11 - 02));
        assert_eq!(start, datetime!(2026-11-01 05:00 UTC));
        assert_eq!(next, datetime!(2026-11-02 06:00 UTC));
        assert_eq!(next - start, Duration::hours(25));
    }

    #[test]
    fn a_day_whose_midnight_is_skipped_starts_when_the_clocks_jump() {
        // Havana springs from 00:00 CST (−5) straight to 01:00 CDT (−4).
        let havana = ClinicZone::parse("America/Havana").unwrap();
        let start = havana.start_of_local_day(date!(2026 - 03 - 08));
        assert_eq!(start, datetime!(2026-03-08 05:00 UTC));
        assert_eq!(havana.local_date(start), date!(2026 - 03 - 08));
        assert_eq!(havana.local_date(start - Duration::NANOSECOND), date!(2026 - 03 - 07));
    }

    #[test]
    fn a_day_whose_midnight_happens_twice_starts_at_the_first() {
        // Havana falls back from 01:00 CDT (−4) to 00:00 CST (−5).
        let havana = ClinicZone::parse("America/Havana").unwrap();
        assert_eq!(
            havana.start_of_local_day(date!(2026 - 11 - 01)),
            datetime!(2026-11-01 04:00 UTC)
        );
    }

    #[test]
    fn a_day_the_zone_skipped_entirely_has_no_length() {
        // Samoa moved across the date line: 2011-12-30 never happened in Apia.
        let apia = ClinicZone::parse("Pacific/Apia").unwrap();
        let skipped = apia.start_of_local_day(date!(2011 - 12 - 30));
        assert_eq!(skipped, apia.start_of_local_day(date!(2011 - 12 - 31)));
        assert_eq!(skipped, datetime!(2011-12-30 10:00 UTC));
    }

    #[test]
    fn the_ends_of_the_calendar_do_not_panic() {
        let zone = ClinicZone::parse("Asia/Tokyo").unwrap();
        assert_eq!(
            zone.local_date(OffsetDateTime::new_utc(Date::MAX, time::Time::MIDNIGHT)).year(),
            9999
        );
        let _ = zone.start_of_local_day(Date::MIN);
        let _ = zone.start_of_local_day(Date::MAX);
        assert!(week_start(Date::MIN) <= Date::MIN);
    }

    #[test]
    fn weeks_start_on_monday() {
        assert_eq!(week_start(date!(2026 - 03 - 02)), date!(2026 - 03 - 02)); // Monday
        assert_eq!(week_start(date!(2026 - 03 - 05)), date!(2026 - 03 - 02)); // Thursday
        assert_eq!(week_start(date!(2026 - 03 - 08)), date!(2026 - 03 - 02)); // Sunday
        assert_eq!(week_start(date!(2026 - 03 - 09)), date!(2026 - 03 - 09)); // Monday
        assert_eq!(week_start(date!(2026 - 01 - 01)), date!(2025 - 12 - 29)); // across a year
    }

    const ZONES: [&str; 5] =
        ["America/Chicago", "America/Havana", "Pacific/Apia", "Asia/Kolkata", "UTC"];

    proptest! {
        #[test]
        fn every_instant_lies_within_its_own_local_day(
            zone in 0..ZONES.len(),
            seconds in 0_i64..4_102_444_800, // 1970 to 2100
        ) {
            let zone = ClinicZone::parse(ZONES[zone]).unwrap();
            let at = OffsetDateTime::from_unix_timestamp(seconds).unwrap();
            let day = zone.local_date(at);
            prop_assert!(zone.start_of_local_day(day) <= at);
            prop_assert!(at < zone.start_of_local_day(day.next_day().unwrap()));
        }

        #[test]
        fn a_week_starts_on_the_monday_at_most_six_days_before(days in -700_000_i32..700_000) {
            let day = date!(2000 - 01 - 01) + Duration::days(i64::from(days));
            let monday = week_start(day);
            prop_assert_eq!(monday.weekday(), time::Weekday::Monday);
            prop_assert!((0..7).contains(&(day - monday).whole_days()));
        }
    }
}
