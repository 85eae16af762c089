//! Which days and times the caregiver's calendar feed puts each practice on
//! (issue 12). Pure: the caller passes "today" (the clinic's date) in.
//!
//! The rule, for an assignment practised `n` times a week in routines
//! `r₀ … rₖ₋₁`:
//!
//! - Weeks run Monday to Sunday, as everywhere in Carryover.
//! - The `n` practices of a week are spread evenly over its seven days:
//!   practice `i` (0-based) falls on day `⌊i·7/n⌋` after Monday. So 1 → Monday;
//!   2 → Monday, Thursday; 3 → Monday, Wednesday, Friday; 7 → every day; and
//!   above 7 (targets go up to 14) some days get two, spread the same way
//!   (8 → two on Monday; 14 → two every day).
//! - Practice `i` takes routine `r[i mod k]`, so a plan with two routines
//!   alternates between them.
//! - It is at the routine's usual time where the household gave one, else at
//!   a default for the standard routines that happen at a fairly fixed hour
//!   (see [`default_time`]); with no time at all it is an all-day event.
//! - The feed covers [`FEED_DAYS`] days from today; practices earlier in the
//!   current week are in the past and left out.

use time::{Date, Duration};
use uuid::Uuid;

use crate::routine::{RoutineRef, StandardRoutine, UsualTime};

/// The feed shows the coming four weeks, today included.
pub const FEED_DAYS: i64 = 28;

/// How long a timed practice event lasts, in minutes.
pub const PRACTICE_MINUTES: i64 = 15;

/// A routine of an assignment and the time it usually happens, if known.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RoutineSlot {
    pub routine: RoutineRef,
    /// The household's usual time, if it gave one.
    pub usual_time: Option<UsualTime>,
}

/// One practice on the calendar.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Practice {
    pub assignment_id: Uuid,
    pub date: Date,
    /// Which practice of its week it is (0-based): part of a stable UID.
    pub nth_in_week: u8,
    pub routine: RoutineRef,
    /// `None`: an all-day event.
    pub time: Option<UsualTime>,
}

/// A usual hour for the standard routines that have one; `None` for those
/// that happen at any time of day (toileting, car rides, errands).
pub fn default_time(routine: StandardRoutine) -> Option<UsualTime> {
    let at = match routine {
        StandardRoutine::WakingUp => "07:00",
        StandardRoutine::Dressing => "07:30",
        StandardRoutine::DaycareDropOff => "08:30",
        StandardRoutine::Play => "16:00",
        StandardRoutine::Meals => "18:00",
        StandardRoutine::Bath => "19:00",
        StandardRoutine::Toothbrushing => "19:45",
        StandardRoutine::Bedtime => "20:00",
        StandardRoutine::Toileting | StandardRoutine::CarRides | StandardRoutine::Errands => {
            return None;
        }
    };
    UsualTime::parse(at)
}

/// The time a practice in `slot` is put at: the household's, else the default.
pub fn practice_time(slot: RoutineSlot) -> Option<UsualTime> {
    slot.usual_time.or(match slot.routine {
        RoutineRef::Standard(standard) => default_time(standard),
        RoutineRef::Own(_) => None,
    })
}

/// The day of the week (0 = Monday) of practice `i` of `times_per_week`.
pub fn weekday_of(i: u8, times_per_week: u8) -> u8 {
    let n = u16::from(times_per_week.max(1));
    u8::try_from(u16::from(i) * 7 / n).unwrap_or(6)
}

/// The practices of one assignment from `today` for [`FEED_DAYS`] days.
pub fn practices(
    assignment_id: Uuid,
    times_per_week: u8,
    routines: &[RoutineSlot],
    today: Date,
) -> Vec<Practice> {
    let mut found = Vec::new();
    if routines.is_empty() || times_per_week == 0 {
        return found;
    }
    let last = today.checked_add(Duration::days(FEED_DAYS - 1)).unwrap_or(today);
    let mut monday = crate::zone::week_start(today);
    while monday <= last {
        for i in 0..times_per_week {
            let offset = i64::from(weekday_of(i, times_per_week));
            let Some(date) = monday.checked_add(Duration::days(offset)) else { continue };
            if date < today || date > last {
                continue;
            }
            let slot = routines[usize::from(i) % routines.len()];
            found.push(Practice {
                assignment_id,
                date,
                nth_in_week: i,
                routine: slot.routine,
                time: practice_time(slot),
            });
        }
        let Some(next) = monday.checked_add(Duration::days(7)) else { break };
        monday = next;
    }
    found
}

#[cfg(test)]
mod tests {
    use time::macros::{date, datetime};

    use super::*;
    use crate::zone::ClinicZone;

    #[test]
    fn a_usual_time_is_the_clinics_clock_time_across_a_daylight_saving_change() {
        // Chicago leaves daylight time on Sunday 1 November 2026.
        let chicago = ClinicZone::parse("America/Chicago").unwrap();
        let before = chicago.instant_at(date!(2026 - 10 - 31), 19, 0);
        let after = chicago.instant_at(date!(2026 - 11 - 02), 19, 0);
        assert_eq!(before, Some(datetime!(2026-11-01 00:00 UTC)));
        assert_eq!(after, Some(datetime!(2026-11-03 01:00 UTC)));
    }

    fn slot(routine: StandardRoutine, usual: Option<&str>) -> RoutineSlot {
        RoutineSlot {
            routine: RoutineRef::Standard(routine),
            usual_time: usual.and_then(UsualTime::parse),
        }
    }

    #[test]
    fn practices_spread_evenly_over_the_week() {
        let days = |n| (0..n).map(|i| weekday_of(i, n)).collect::<Vec<_>>();
        assert_eq!(days(1), [0]);
        assert_eq!(days(2), [0, 3]);
        assert_eq!(days(3), [0, 2, 4]);
        assert_eq!(days(5), [0, 1, 2, 4, 5]);
        assert_eq!(days(7), [0, 1, 2, 3, 4, 5, 6]);
        assert_eq!(days(8), [0, 0, 1, 2, 3, 4, 5, 6]);
        assert_eq!(days(14), [0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6]);
    }

    #[test]
    fn four_weeks_from_a_wednesday_leave_out_the_past_days_of_this_week() {
        // Wednesday 2 December 2026; three a week → Mon, Wed, Fri.
        let today = date!(2026 - 12 - 02);
        let found = practices(Uuid::nil(), 3, &[slot(StandardRoutine::Bath, None)], today);
        let dates: Vec<Date> = found.iter().map(|p| p.date).collect();
        assert_eq!(
            dates,
            [
                date!(2026 - 12 - 02),
                date!(2026 - 12 - 04),
                date!(2026 - 12 - 07),
                date!(2026 - 12 - 09),
                date!(2026 - 12 - 11),
                date!(2026 - 12 - 14),
                date!(2026 - 12 - 16),
                date!(2026 - 12 - 18),
                date!(2026 - 12 - 21),
                date!(2026 - 12 - 23),
                date!(2026 - 12 - 25),
                date!(2026 - 12 - 28),
            ]
        );
        // The last day shown is today + 27: Tuesday 29 December.
        assert!(dates.iter().all(|d| *d <= date!(2026 - 12 - 29)));
        assert_eq!(found[0].nth_in_week, 1, "Wednesday is the week's second practice");
        assert_eq!(found[0].time, UsualTime::parse("19:00"), "bath's default time");
    }

    #[test]
    fn routines_alternate_and_the_households_time_wins_over_the_default() {
        let routines =
            [slot(StandardRoutine::Meals, Some("12:15")), slot(StandardRoutine::Errands, None)];
        let found = practices(Uuid::nil(), 2, &routines, date!(2026 - 11 - 30));
        assert_eq!(found.len(), 8);
        assert_eq!(found[0].routine, RoutineRef::Standard(StandardRoutine::Meals));
        assert_eq!(found[0].time, UsualTime::parse("12:15"));
        assert_eq!(found[1].routine, RoutineRef::Standard(StandardRoutine::Errands));
        assert_eq!(found[1].time, None, "errands have no usual hour: all day");
    }

    #[test]
    fn an_own_routine_without_a_time_is_all_day_and_no_routine_means_no_practice() {
        let own = RoutineSlot { routine: RoutineRef::Own(Uuid::nil()), usual_time: None };
        let found = practices(Uuid::nil(), 1, &[own], date!(2026 - 11 - 30));
        assert_eq!(found.len(), 4);
        assert!(found.iter().all(|p| p.time.is_none()));
        assert!(practices(Uuid::nil(), 3, &[], date!(2026 - 11 - 30)).is_empty());
    }
}
