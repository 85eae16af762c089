//! Routines: the recurring moments of a family's day where practice can live
//! (PRODUCT.md §2). Every household has the standard ones; it can add its
//! own ("walk to the bus stop"), and give any of them a usual time of day.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::code_enum;

code_enum! {
    /// The routines every household has. The codes are stored, so they never change.
    pub enum StandardRoutine {
        WakingUp = "waking_up",
        Dressing = "dressing",
        Meals = "meals",
        Bath = "bath",
        Toothbrushing = "toothbrushing",
        Toileting = "toileting",
        Bedtime = "bedtime",
        Play = "play",
        CarRides = "car_rides",
        Errands = "errands",
        DaycareDropOff = "daycare_drop_off",
    }
}

/// A routine a plan or a practice can name: a standard one, by its code, or
/// one of the household's own, by its id.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum RoutineRef {
    Standard(StandardRoutine),
    Own(Uuid),
}

impl RoutineRef {
    /// Reads the key a form or an API body sends: a standard routine's code,
    /// or the id of one of the household's own. The two cannot be confused:
    /// no code is a UUID.
    pub fn parse(key: &str) -> Option<RoutineRef> {
        let key = key.trim();
        StandardRoutine::parse(key)
            .map(RoutineRef::Standard)
            .or_else(|| Uuid::parse_str(key).ok().map(RoutineRef::Own))
    }

    /// The key [`RoutineRef::parse`] reads back.
    pub fn key(self) -> String {
        match self {
            RoutineRef::Standard(routine) => routine.as_str().to_owned(),
            RoutineRef::Own(id) => id.to_string(),
        }
    }
}

impl Serialize for RoutineRef {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.key())
    }
}

impl<'de> Deserialize<'de> for RoutineRef {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<RoutineRef, D::Error> {
        let key = String::deserialize(deserializer)?;
        RoutineRef::parse(&key)
            .ok_or_else(|| serde::de::Error::custom(format!("not a routine: {key:?}")))
    }
}

/// A time of day on the family's clock, to the minute ("07:30").
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct UsualTime {
    hour: u8,
    minute: u8,
}

impl UsualTime {
    /// Reads "HH:MM" as a browser's time field sends it ("7:30" too).
    pub fn parse(text: &str) -> Option<UsualTime> {
        let (hour, minute) = text.trim().split_once(':')?;
        let digits =
            |s: &str| !s.is_empty() && s.len() <= 2 && s.bytes().all(|b| b.is_ascii_digit());
        if !digits(hour) || minute.len() != 2 || !digits(minute) {
            return None;
        }
        let (hour, minute) = (hour.parse::<u8>().ok()?, minute.parse::<u8>().ok()?);
        (hour < 24 && minute < 60).then_some(UsualTime { hour, minute })
    }

    pub fn hour(self) -> u8 {
        self.hour
    }

    pub fn minute(self) -> u8 {
        self.minute
    }
}

/// "07:30": what is stored, and what a time field shows.
impl std::fmt::Display for UsualTime {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:02}:{:02}", self.hour, self.minute)
    }
}

impl Serialize for UsualTime {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// The longest name a household may give its own routine.
pub const ROUTINE_NAME_MAX_CHARS: usize = 60;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_routine_key_is_a_standard_code_or_an_own_routines_id() {
        assert_eq!(RoutineRef::parse("bath"), Some(RoutineRef::Standard(StandardRoutine::Bath)));
        let id = Uuid::now_v7();
        assert_eq!(RoutineRef::parse(&id.to_string()), Some(RoutineRef::Own(id)));
        assert_eq!(RoutineRef::parse("Bath"), None);
        assert_eq!(RoutineRef::parse(""), None);
        for routine in StandardRoutine::ALL {
            let key = RoutineRef::Standard(routine).key();
            assert_eq!(RoutineRef::parse(&key), Some(RoutineRef::Standard(routine)));
        }
    }

    #[test]
    fn a_usual_time_is_a_clock_time_to_the_minute() {
        assert_eq!(UsualTime::parse("07:30").map(|t| t.to_string()), Some("07:30".into()));
        assert_eq!(UsualTime::parse("7:05").map(|t| t.to_string()), Some("07:05".into()));
        assert_eq!(UsualTime::parse("23:59").map(|t| (t.hour(), t.minute())), Some((23, 59)));
        for wrong in ["24:00", "12:60", "7", "7:5", "seven", "", "-1:30", "07:30:00"] {
            assert_eq!(UsualTime::parse(wrong), None, "{wrong:?}");
        }
    }
}
