//! Times are stored as fixed-width UTC text (`2026-11-28T09:30:00.000000Z`) so
//! that they sort, compare and read the same on both databases.

use time::{OffsetDateTime, UtcOffset, format_description::FormatItem, macros::format_description};

use crate::StoreError;

const FORMAT: &[FormatItem<'static>] =
    format_description!("[year]-[month]-[day]T[hour]:[minute]:[second].[subsecond digits:6]Z");

pub fn to_text(at: OffsetDateTime) -> String {
    let utc = at.to_offset(UtcOffset::UTC);
    utc.format(FORMAT).unwrap_or_else(|_| utc.unix_timestamp().to_string())
}

pub fn from_text(text: &str) -> Result<OffsetDateTime, StoreError> {
    time::PrimitiveDateTime::parse(text, FORMAT)
        .map(|t| t.assume_utc())
        .map_err(|_| StoreError::Corrupt(format!("time {text:?}")))
}
