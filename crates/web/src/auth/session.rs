//! The session cookie and its row in the database.

use axum::http::{HeaderMap, HeaderValue, header};
use carryover_domain::session::{SessionPolicy, TOUCH_EVERY};
use carryover_store::{AnyConnection, people::Person, session};
use time::OffsetDateTime;

use super::token::{hash_token, looks_like_token, new_token};
use crate::{AppState, error::AppError};

/// `__Host-` makes browsers insist on Secure, Path=/ and no Domain: the cookie
/// cannot be set by a sibling subdomain or sent over plain HTTP (except to
/// localhost, which browsers treat as secure).
pub const COOKIE: &str = "__Host-carryover";

pub fn token_from(headers: &HeaderMap) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .find_map(|c| c.trim().strip_prefix(COOKIE)?.strip_prefix('=').map(str::to_owned))
        .filter(|t| looks_like_token(t))
}

pub fn set_cookie(token: &str, person: &Person) -> HeaderValue {
    let max_age = SessionPolicy::for_role(person.role).absolute.whole_seconds();
    let value =
        format!("{COOKIE}={token}; Path=/; Secure; HttpOnly; SameSite=Lax; Max-Age={max_age}");
    HeaderValue::from_str(&value).unwrap_or_else(|_| clear_cookie())
}

pub fn clear_cookie() -> HeaderValue {
    HeaderValue::from_static("__Host-carryover=; Path=/; Secure; HttpOnly; SameSite=Lax; Max-Age=0")
}

/// Starts a session with a new id (never one the browser brought along),
/// inside the caller's transaction. Returns the cookie value.
pub async fn start(
    conn: &mut AnyConnection,
    person: &Person,
    now: OffsetDateTime,
) -> Result<String, AppError> {
    let token = new_token();
    session::insert_session(conn, &hash_token(&token), person, now).await?;
    Ok(token)
}

/// The signed-in person behind a request, if their session is still live.
/// Ends a session that has expired, and moves `last_seen_at` at most once a minute.
pub async fn resolve(
    state: &AppState,
    headers: &HeaderMap,
) -> Result<Option<(Person, String)>, AppError> {
    let Some(token) = token_from(headers) else {
        return Ok(None);
    };
    let token_hash = hash_token(&token);
    let found = session::live_session(&mut *state.db.read_conn().await?, &token_hash).await?;
    let Some(found) = found else { return Ok(None) };
    let now = state.clock.now();
    let policy = SessionPolicy::for_role(found.person.role);
    if !policy.is_live(found.created_at, found.last_seen_at, now) {
        let mut tx = state.db.begin_write().await?;
        session::end_session(&mut tx, &token_hash, now).await?;
        carryover_store::commit(tx).await?;
        return Ok(None);
    }
    if now - found.last_seen_at >= TOUCH_EVERY {
        let mut tx = state.db.begin_write().await?;
        session::touch_session(&mut tx, &token_hash, now).await?;
        carryover_store::commit(tx).await?;
    }
    Ok(Some((found.person, token_hash)))
}
