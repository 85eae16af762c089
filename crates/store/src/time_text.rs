//! Times are stored as fixed-width UTC text (`2026-11-28T09:30:00.000000Z`) so
//! that they sort, compare and read the same on both databases.

use time::{OffsetDateTime, UtcOffset, format_description::FormatItem, macros::format_description};

use crate::StoreError;

const FORMAT: &[FormatItem<'static>] =
    format_description!("[year]-[month]-[day]T[hour]:[minute]:[second].[subsecond digits:6]Z");

/// The stored text of an instant. Years outside 1–9999 have no fixed-width
/// text (they would sort wrongly), so they are an error, never a fallback.
pub fn to_text(at: OffsetDateTime) -> Result<String, StoreError> {
    let utc = at.to_offset(UtcOffset::UTC);
    if !(1..=9999).contains(&utc.year()) {
        return Err(StoreError::Invalid(format!("year {} cannot be stored", utc.year())));
    }
    utc.format(FORMAT).map_err(|e| StoreError::Invalid(format!("time {utc}: {e}")))
}

pub fn from_text(text: &str) -> Result<OffsetDateTime, StoreError> {
    time::PrimitiveDateTime::parse(text, FORMAT)
        .map(|t| t.assume_utc())
        .map_err(|_| StoreError::Corrupt(format!("time {text:?}")))
}

#[cfg(test)]
mod tests {
    use time::macros::datetime;

    use super::*;

    #[test]
    fn times_round_trip_as_fixed_width_utc_text() {
        let at = datetime!(2026-11-02 09:30:01.5 -6);
        let text = to_text(at).unwrap();
        assert_eq!(text, "2026-11-02T15:30:01.500000Z");
        assert_eq!(from_text(&text).unwrap(), at);
    }

    #[test]
    fn a_time_without_fixed_width_text_is_an_error_not_a_fallback() {
        let ancient = datetime!(0000-01-01 00:00 UTC);
        assert!(matches!(to_text(ancient), Err(StoreError::Invalid(_))));
    }
}
