//! Applies the sign-in throttling rules of the domain to the stored counters.

use carryover_domain::throttle::{ADDRESS_MAX_FAILURES, ADDRESS_WINDOW, account_wait, retry_after};
use carryover_store::{
    AnyConnection, StoreError,
    throttle::{Throttle, clear_throttle, save_throttle, throttle},
};
use time::{Duration, OffsetDateTime};

pub(crate) fn account_key(email: &str) -> String {
    format!("account:{email}")
}

pub(crate) fn address_key(addr: &str) -> String {
    format!("address:{addr}")
}

/// Seconds to wait before this key may try again, if it is blocked now.
pub(crate) async fn blocked(
    conn: &mut AnyConnection,
    key: &str,
    now: OffsetDateTime,
) -> Result<Option<u64>, StoreError> {
    Ok(throttle(conn, key).await?.and_then(|t| retry_after(t.blocked_until, now)))
}

/// Counts a failure against an account; returns the wait it now must sit out.
pub(crate) async fn account_failed(
    conn: &mut AnyConnection,
    key: &str,
    now: OffsetDateTime,
) -> Result<Option<u64>, StoreError> {
    // A failure streak older than a day starts again from nothing.
    let previous =
        throttle(conn, key).await?.filter(|t| now - t.window_started_at < Duration::days(1));
    let failures = previous.as_ref().map_or(0, |t| t.failures) + 1;
    let wait = account_wait(failures);
    let blocked_until = (wait > Duration::ZERO).then(|| now + wait);
    let window_started_at = previous.map_or(now, |t| t.window_started_at);
    save_throttle(conn, key, &Throttle { failures, window_started_at, blocked_until }).await?;
    Ok(retry_after(blocked_until, now))
}

/// Counts a failure from a client address within a fixed window.
pub(crate) async fn address_failed(
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

pub(crate) async fn succeeded(conn: &mut AnyConnection, key: &str) -> Result<(), StoreError> {
    clear_throttle(conn, key).await
}
