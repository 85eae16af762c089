//! Applies the throttling rules of the domain to the stored counters. A
//! secret someone types (a password, a current password, a second-factor
//! code) is counted three ways: per account *and* client address, per
//! account as a whole (a far higher ceiling), and per address whatever the
//! account. A stranger who keeps failing therefore blocks only themselves.

use carryover_domain::throttle::{
    ADDRESS_MAX_FAILURES, ADDRESS_WINDOW, STREAK, account_ceiling_wait, account_wait, retry_after,
};
use carryover_store::{
    AnyConnection, StoreError,
    throttle::{Throttle, clear_throttle, save_throttle, throttle},
};
use time::{Duration, OffsetDateTime};

/// The three counters one kind of secret is throttled by. `subject` names
/// what is guessed ("account:<email>", "code:<person id>"), `addr` who guesses.
#[derive(Clone, Debug)]
pub(crate) struct Keys {
    pub(crate) pair: String,
    pub(crate) whole: String,
    pub(crate) address: String,
}

impl Keys {
    pub(crate) fn new(subject: &str, addr: Option<&str>) -> Keys {
        let addr = addr.unwrap_or("unknown");
        Keys {
            pair: format!("{subject}|address:{addr}"),
            whole: subject.to_owned(),
            address: format!("address:{addr}"),
        }
    }

    /// Seconds to wait before this address may try this subject again.
    pub(crate) async fn blocked(
        &self,
        conn: &mut AnyConnection,
        now: OffsetDateTime,
    ) -> Result<Option<u64>, StoreError> {
        let mut wait = None;
        for key in [&self.address, &self.pair, &self.whole] {
            wait = wait.max(blocked(conn, key, now).await?);
        }
        Ok(wait)
    }

    /// Counts one failure three ways; returns the wait now in force.
    pub(crate) async fn failed(
        &self,
        conn: &mut AnyConnection,
        now: OffsetDateTime,
    ) -> Result<Option<u64>, StoreError> {
        let pair = streak_failed(conn, &self.pair, now, account_wait).await?;
        let whole = streak_failed(conn, &self.whole, now, account_ceiling_wait).await?;
        let address = address_failed(conn, &self.address, now).await?;
        Ok(pair.max(whole).max(address))
    }

    /// The right secret: this address and the subject start afresh.
    pub(crate) async fn succeeded(&self, conn: &mut AnyConnection) -> Result<(), StoreError> {
        clear_throttle(&mut *conn, &self.pair).await?;
        clear_throttle(conn, &self.whole).await
    }
}

/// Seconds to wait before this key may try again, if it is blocked now.
async fn blocked(
    conn: &mut AnyConnection,
    key: &str,
    now: OffsetDateTime,
) -> Result<Option<u64>, StoreError> {
    Ok(throttle(conn, key).await?.and_then(|t| retry_after(t.blocked_until, now)))
}

/// Counts a failure in a streak; returns the wait it now must sit out.
async fn streak_failed(
    conn: &mut AnyConnection,
    key: &str,
    now: OffsetDateTime,
    wait_after: fn(i64) -> Duration,
) -> Result<Option<u64>, StoreError> {
    let previous = throttle(conn, key).await?.filter(|t| now - t.window_started_at < STREAK);
    let failures = previous.as_ref().map_or(0, |t| t.failures) + 1;
    let wait = wait_after(failures);
    let blocked_until = (wait > Duration::ZERO).then(|| now + wait);
    let window_started_at = previous.map_or(now, |t| t.window_started_at);
    save_throttle(conn, key, &Throttle { failures, window_started_at, blocked_until }).await?;
    Ok(retry_after(blocked_until, now))
}

/// Counts a failure from a client address within a fixed window.
async fn address_failed(
    conn: &mut AnyConnection,
    key: &str,
    now: OffsetDateTime,
) -> Result<Option<u64>, StoreError> {
    let previous =
        throttle(conn, key).await?.filter(|t| now - t.window_started_at < ADDRESS_WINDOW);
    let failures = previous.as_ref().map_or(0, |t| t.failures) + 1;
    let window_started_at = previous.map_or(now, |t| t.window_started_at);
    let blocked_until =
        (failures >= ADDRESS_MAX_FAILURES).then(|| window_started_at + ADDRESS_WINDOW);
    save_throttle(conn, key, &Throttle { failures, window_started_at, blocked_until }).await?;
    Ok(retry_after(blocked_until, now))
}
