//! Sign-in throttling. Failures are counted per account *and client
//! address*: a few free tries, then a wait that doubles with each further
//! failure. The account as a whole has a much higher ceiling, for guessing
//! spread over many addresses. So a stranger who keeps failing blocks only
//! themselves, and the person whose account it is still signs in from their
//! own address. Per client address: a cap on failures in a window, whatever
//! accounts they aim at.

use time::{Duration, OffsetDateTime};

/// Failures allowed from one address against one account before it must wait.
pub const FREE_FAILURES: i64 = 5;
/// Failures allowed against one account from all addresses together. One
/// address, waiting out its doubling waits, makes at most about a hundred
/// attempts a day, so it cannot reach this alone.
pub const ACCOUNT_CEILING: i64 = 200;
pub const LONGEST_WAIT: Duration = Duration::minutes(15);
pub const ADDRESS_WINDOW: Duration = Duration::minutes(15);
pub const ADDRESS_MAX_FAILURES: i64 = 30;
/// A failure streak older than this starts again from nothing.
pub const STREAK: Duration = Duration::days(1);

/// How long one address must wait after its `failures`-th failure in a row
/// against one account.
pub fn account_wait(failures: i64) -> Duration {
    doubling_wait(failures, FREE_FAILURES)
}

/// How long everyone must wait after the account's `failures`-th failure
/// from all addresses together.
pub fn account_ceiling_wait(failures: i64) -> Duration {
    doubling_wait(failures, ACCOUNT_CEILING)
}

fn doubling_wait(failures: i64, free: i64) -> Duration {
    if failures < free {
        return Duration::ZERO;
    }
    let doublings = (failures - free).min(10) as u32;
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

    #[test]
    fn the_whole_account_waits_only_past_a_far_higher_ceiling() {
        assert_eq!(account_ceiling_wait(199), Duration::ZERO);
        assert_eq!(account_ceiling_wait(200), Duration::seconds(30));
    }

    #[test]
    fn one_address_alone_cannot_reach_the_accounts_ceiling_in_a_day() {
        let (mut failures, mut elapsed) = (0, Duration::ZERO);
        while elapsed < STREAK {
            failures += 1;
            elapsed += account_wait(failures).max(Duration::seconds(1));
        }
        assert!(failures < ACCOUNT_CEILING, "{failures} failures in a day");
    }
}
