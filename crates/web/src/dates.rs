//! Dates and times as people read them: in their clinic's time zone and in
//! their own language's format ("March 3, 2026, 4:05 PM", "3 de marzo de
//! 2026, 4:05 p. m."), never as UTC or `YYYY-MM-DD`. Month names and the
//! order of the parts live in the Fluent files like every other text.

use time::{Date, OffsetDateTime};

use crate::i18n::Tr;

impl Tr {
    /// A calendar date: "March 3, 2026".
    pub fn date(&self, date: Date) -> String {
        let month = self.get(&format!("month-{}", u8::from(date.month())));
        self.with(
            "date-long",
            &[("month", month.into()), ("day", date.day().into()), ("year", date.year().into())],
        )
    }

    /// A clock time: "4:05 PM" / "4:05 p. m.".
    pub fn time_of_day(&self, hour: u8, minute: u8) -> String {
        let (hour12, key) = match hour {
            0 => (12, "time-am"),
            1..=11 => (hour, "time-am"),
            12 => (12, "time-pm"),
            _ => (hour - 12, "time-pm"),
        };
        let minute = format!("{minute:02}");
        self.with(key, &[("hour", hour12.into()), ("minute", minute.into())])
    }

    /// A number with two decimals as the reader writes it: "61.02", "61,02".
    pub fn decimal(&self, value: f64) -> String {
        let text = format!("{value:.2}");
        if self.lang == crate::i18n::Lang::Es { text.replace('.', ",") } else { text }
    }

    /// A change with its sign: "+2.00", "−0.50".
    pub fn signed_decimal(&self, value: f64) -> String {
        let text = self.decimal(value.abs());
        if value > 0.0 {
            format!("+{text}")
        } else if value < 0.0 {
            format!("\u{2212}{text}")
        } else {
            text
        }
    }

    /// A whole-number change or level with its sign: "+2", "0", "−1".
    pub fn signed(&self, value: i64) -> String {
        match value {
            v if v > 0 => format!("+{v}"),
            v if v < 0 => format!("\u{2212}{}", -v),
            _ => "0".to_owned(),
        }
    }

    /// An instant, on the clinic's clocks: "March 3, 2026, 4:05 PM".
    pub fn datetime(&self, at: OffsetDateTime) -> String {
        let local = self.zone().local(at);
        let date = self.date(local.date());
        let time = self.time_of_day(local.hour(), local.minute());
        self.with("datetime-long", &[("date", date.into()), ("time", time.into())])
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use carryover_domain::zone::ClinicZone;
    use time::macros::{date, datetime};

    use crate::i18n::{Catalog, Lang, Tr};

    fn tr(lang: Lang) -> Tr {
        Tr::new(lang, Arc::new(Catalog::load().unwrap()))
    }

    #[test]
    fn dates_read_as_each_language_writes_them() {
        assert_eq!(tr(Lang::En).date(date!(2026 - 03 - 03)), "March 3, 2026");
        assert_eq!(tr(Lang::Es).date(date!(2026 - 03 - 03)), "3 de marzo de 2026");
    }

    #[test]
    fn numbers_have_two_decimals_and_each_languages_decimal_mark() {
        assert_eq!(tr(Lang::En).decimal(61.0239), "61.02");
        assert_eq!(tr(Lang::Es).decimal(61.0239), "61,02");
        assert_eq!(tr(Lang::En).signed_decimal(1.6667), "+1.67");
        assert_eq!(tr(Lang::En).signed_decimal(-0.5), "\u{2212}0.50");
        assert_eq!(tr(Lang::En).signed(-2), "\u{2212}2");
        assert_eq!(tr(Lang::En).signed(0), "0");
    }

    #[test]
    fn times_are_shown_on_the_clinics_clocks_in_twelve_hour_form() {
        let chicago = ClinicZone::parse("America/Chicago").unwrap();
        let at = datetime!(2026-03-03 22:05 UTC);
        assert_eq!(tr(Lang::En).in_zone(chicago.clone()).datetime(at), "March 3, 2026, 4:05 PM");
        assert_eq!(tr(Lang::Es).in_zone(chicago).datetime(at), "3 de marzo de 2026, 4:05 p. m.");
        assert_eq!(tr(Lang::En).time_of_day(0, 7), "12:07 AM");
        assert_eq!(tr(Lang::En).time_of_day(12, 0), "12:00 PM");
    }
}
