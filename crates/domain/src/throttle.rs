//! Sign-in throttling. Per account: a few free tries, then a wait that doubles
//! with each further failure. Per client address: a cap on failures in a
//! window, whatever accounts they aim at.

use time::{Duration, OffsetDateTime};

/// Failures allowed before an account must wait.
pub const FREE_FAILURES: i64 = 5;
pub const LONGEST_WAIT: Duration = Duration::minutes(15);
pub const ADDRESS_WINDOW: Duration = Duration::minutes(15);
pub const ADDRESS_MAX_FAILURES: i64 = 30;

/// How long an account must wait after its `failures`-th failure in a row.
pub fn account_wait(failures: i64) -> Duration {
    if failures < FREE_FAILURES {
        return Duration::ZERO;
    }
    let doublings = (failures - FREE_FAILURES).min(10) as u32;
    (Duration::seconds(30) * 2_i32.pow(doublings)).min(LONGEST_WAIT)
}

/// Seconds left before a blocked key may try again; `None` when not blocked.
pub fn retry_after(blocked_until: Option<OffsetDateTime>, now: OffsetDateTime) -> Option<u64> {
    let left = blocked_until? - now;
    (left > Duration::ZERO).then(|| left.whole_seconds().max(1) as u64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_tries_are_free_then_the_wait_doubles_up_to_fifteen_minutes() {
        assert_eq!(account_wait(4), Duration::ZERO);
        assert_eq!(account_wait(5), Duration::seconds(30));
        assert_eq!(account_wait(6), Duration::minutes(1));
        assert_eq!(account_wait(7), Duration::minutes(2));
        assert_eq!(account_wait(40), LONGEST_WAIT);
    }
}
