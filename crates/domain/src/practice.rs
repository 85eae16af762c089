//! Practice logs (issue 12 part A): when a caregiver says they practised,
//! the short note they may add, and how long they may still change a log.

use time::{Date, Duration, OffsetDateTime};

use crate::{code_enum, routine::UsualTime};

/// A short note is a line or two said at bath time, not a diary.
pub const NOTE_MAX_CHARS: usize = 500;

/// How long the caregiver who logged a practice may correct or delete it.
pub const CORRECTION_WINDOW: Duration = Duration::hours(24);

code_enum! {
    /// When the practice happened, as the log form offers it.
    pub enum SaidWhen {
        Now = "now",
        EarlierToday = "earlier_today",
        Yesterday = "yesterday",
    }
}

impl SaidWhen {
    /// The clinic's date of the practice, from the clinic's `today`.
    pub fn day(self, today: Date) -> Date {
        match self {
            SaidWhen::Now | SaidWhen::EarlierToday => today,
            SaidWhen::Yesterday => today.previous_day().unwrap_or(today),
        }
    }

    /// The time of day kept with the log: the clock's for "now", the one the
    /// caregiver gave otherwise (none when they gave none).
    pub fn time(self, now_local: UsualTime, given: Option<UsualTime>) -> Option<UsualTime> {
        match self {
            SaidWhen::Now => Some(now_local),
            SaidWhen::EarlierToday | SaidWhen::Yesterday => given,
        }
    }
}

/// Whether a log made at `created_at` may still be changed at `now` by the
/// person who made it: for [`CORRECTION_WINDOW`], then it is part of the record.
pub fn may_correct(created_at: OffsetDateTime, now: OffsetDateTime) -> bool {
    now - created_at < CORRECTION_WINDOW
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::{date, datetime};

    #[test]
    fn yesterday_is_the_day_before_the_clinics_today() {
        assert_eq!(SaidWhen::Yesterday.day(date!(2026 - 03 - 01)), date!(2026 - 02 - 28));
        assert_eq!(SaidWhen::EarlierToday.day(date!(2026 - 03 - 01)), date!(2026 - 03 - 01));
    }

    #[test]
    fn now_keeps_the_clocks_time_and_the_others_the_one_given() {
        let clock = UsualTime::parse("19:05").unwrap();
        let given = UsualTime::parse("07:30");
        assert_eq!(SaidWhen::Now.time(clock, given), Some(clock));
        assert_eq!(SaidWhen::Yesterday.time(clock, given), given);
        assert_eq!(SaidWhen::EarlierToday.time(clock, None), None);
    }

    #[test]
    fn a_log_can_be_corrected_for_24_hours_and_not_after() {
        let made = datetime!(2026-11-02 19:00 UTC);
        assert!(may_correct(made, made + Duration::hours(23) + Duration::minutes(59)));
        assert!(!may_correct(made, made + Duration::hours(24)));
    }
}
