//! Caseload triage (issue 14): which of a therapist's children needs them
//! first, and the filters of the list. Pure figures and order; the caller
//! counts the logs and targets (household adherence, PRODUCT.md §3).
//!
//! The 4-week figure is the four *full* weeks before this one, not "the last
//! 28 days": this week is not over, and a Monday would otherwise read as a
//! bad week for everyone. This week is shown on its own.

use std::cmp::Ordering;

use crate::code_enum;

/// Weeks the 4-week figure and its small chart cover.
pub const WEEKS: u32 = 4;
/// "No practice for 7 days or more": the silent filter.
pub const SILENT_DAYS: u32 = 7;

code_enum! {
    /// Which children the triage shows (`?show=`).
    pub enum TriageFilter {
        All = "all",
        /// At least one open flag.
        Flags = "flags",
        /// No practice for [`SILENT_DAYS`] days or more, or never.
        Silent = "silent",
        /// Below 50% over the 4 weeks (children with no target there are not).
        Low = "low",
        /// At least one message or reflection awaiting an answer.
        Awaiting = "awaiting",
    }
}

/// Practice counted against a target: Σ min(logs, target) and Σ target.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct Counted {
    pub counted: u32,
    pub target: u32,
}

impl Counted {
    /// counted ÷ target, 0–1; `None` when there is no target (never NaN).
    pub fn ratio(&self) -> Option<f64> {
        (self.target > 0).then(|| f64::from(self.counted) / f64::from(self.target))
    }

    /// The ratio as a whole percent, rounded half up; `None` with no target.
    pub fn percent(&self) -> Option<u32> {
        let target = u64::from(self.target);
        (target > 0).then(|| {
            let hundredths = (u64::from(self.counted) * 200 + target) / (2 * target);
            u32::try_from(hundredths).unwrap_or(u32::MAX)
        })
    }

    /// Below one half, counted in whole numbers (50% exactly is not below).
    pub fn below_half(&self) -> bool {
        self.target > 0 && u64::from(self.counted) * 2 < u64::from(self.target)
    }

    /// Lower adherence first; a figure before no figure.
    fn cmp_adherence(&self, other: &Counted) -> Ordering {
        match (self.target, other.target) {
            (0, 0) => Ordering::Equal,
            (0, _) => Ordering::Greater,
            (_, 0) => Ordering::Less,
            (a, b) => {
                let left = u64::from(self.counted) * u64::from(b);
                let right = u64::from(other.counted) * u64::from(a);
                left.cmp(&right)
            }
        }
    }
}

/// What the order and the filters look at, for one child.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Need<'a> {
    pub open_flags: u32,
    pub awaiting: u32,
    /// Days since the last practice; `None`: never.
    pub days_since: Option<u32>,
    pub four_weeks: Counted,
    pub name: &'a str,
}

impl Need<'_> {
    /// Whether the child is in the list a filter shows.
    pub fn shown_by(&self, filter: TriageFilter) -> bool {
        match filter {
            TriageFilter::All => true,
            TriageFilter::Flags => self.open_flags > 0,
            TriageFilter::Silent => self.days_since.is_none_or(|d| d >= SILENT_DAYS),
            TriageFilter::Low => self.four_weeks.below_half(),
            TriageFilter::Awaiting => self.awaiting > 0,
        }
    }

    /// Days of silence, never logged counting as the longest.
    fn silence(&self) -> u64 {
        self.days_since.map_or(u64::MAX, u64::from)
    }
}

/// The order by need: more open flags first; then the longest silence
/// (never logged is the longest); then the lowest 4-week adherence (no
/// target after every figure); then the name. The caller breaks a last tie
/// by id, so the order never depends on how rows came from storage.
pub fn by_need(a: &Need<'_>, b: &Need<'_>) -> Ordering {
    b.open_flags
        .cmp(&a.open_flags)
        .then_with(|| b.silence().cmp(&a.silence()))
        .then_with(|| a.four_weeks.cmp_adherence(&b.four_weeks))
        .then_with(|| a.name.cmp(b.name))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn need(flags: u32, days: Option<u32>, counted: u32, target: u32, name: &str) -> Need<'_> {
        Need {
            open_flags: flags,
            awaiting: 0,
            days_since: days,
            four_weeks: Counted { counted, target },
            name,
        }
    }

    #[test]
    fn flags_come_first_then_silence_then_low_adherence_then_name() {
        let mut list = [
            need(0, Some(5), 20, 20, "Ben"),
            need(0, Some(5), 6, 12, "Cleo"),
            need(0, None, 0, 0, "Dev"),
            need(0, Some(14), 9, 16, "Eve"),
            need(1, Some(1), 8, 20, "Mia"),
            need(2, Some(0), 20, 20, "Zoe"),
            need(0, Some(5), 0, 0, "Abe"),
            need(0, Some(5), 6, 12, "Ace"),
        ];
        list.sort_by(by_need);
        let names: Vec<_> = list.iter().map(|n| n.name).collect();
        // Zoe 2 flags, Mia 1; Dev never; Eve 14 days; then the 5-day ties:
        // Ace and Cleo 6/12 = 50% (by name), Ben 100%, Abe no target last.
        assert_eq!(names, ["Zoe", "Mia", "Dev", "Eve", "Ace", "Cleo", "Ben", "Abe"]);
    }

    #[test]
    fn figures_never_divide_by_zero() {
        let none = Counted { counted: 0, target: 0 };
        assert_eq!((none.ratio(), none.percent(), none.below_half()), (None, None, false));
        // 9 of 16 = 56.25% → 56; 1 of 8 = 12.5% → 13 (half up); 6 of 12 is not below half.
        assert_eq!(Counted { counted: 9, target: 16 }.percent(), Some(56));
        assert_eq!(Counted { counted: 1, target: 8 }.percent(), Some(13));
        assert!(!Counted { counted: 6, target: 12 }.below_half());
        assert!(Counted { counted: 8, target: 20 }.below_half());
    }

    #[test]
    fn filters_pick_flags_silence_low_adherence_and_waiting_answers() {
        let mia = Need { awaiting: 2, ..need(1, Some(1), 8, 20, "Mia") };
        let dev = need(0, None, 0, 0, "Dev");
        let eve = need(0, Some(7), 9, 16, "Eve");
        let ben = need(0, Some(6), 20, 20, "Ben");
        let shown = |f| {
            [mia, dev, eve, ben]
                .iter()
                .filter(|n| n.shown_by(f))
                .map(|n| n.name)
                .collect::<Vec<_>>()
        };
        assert_eq!(shown(TriageFilter::All), ["Mia", "Dev", "Eve", "Ben"]);
        assert_eq!(shown(TriageFilter::Flags), ["Mia"]);
        assert_eq!(shown(TriageFilter::Silent), ["Dev", "Eve"]);
        assert_eq!(shown(TriageFilter::Low), ["Mia"]);
        assert_eq!(shown(TriageFilter::Awaiting), ["Mia"]);
    }
}
