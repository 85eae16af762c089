//! The session cookie. Its value is a clinic-scoped secret made by
//! `carryover_ops::secrets`; only its hash is stored.

use axum::http::{HeaderMap, HeaderValue, header};
use carryover_domain::{people::Role, session::SessionPolicy};

/// `__Host-` makes browsers insist on Secure, Path=/ and no Domain: the cookie
/// cannot be set by a sibling subdomain or sent over plain HTTP (except to
/// localhost, which browsers treat as secure).
pub const COOKIE: &str = "__Host-carryover";

pub fn session_from(headers: &HeaderMap) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .find_map(|c| c.trim().strip_prefix(COOKIE)?.strip_prefix('=').map(str::to_owned))
        .filter(|v| !v.is_empty())
}

pub fn set_session(value: &str, role: Role) -> HeaderValue {
    let max_age = SessionPolicy::for_role(role).absolute.whole_seconds();
    let cookie =
        format!("{COOKIE}={value}; Path=/; Secure; HttpOnly; SameSite=Lax; Max-Age={max_age}");
    HeaderValue::from_str(&cookie).unwrap_or_else(|_| clear_session())
}

pub fn clear_session() -> HeaderValue {
    HeaderValue::from_static("__Host-carryover=; Path=/; Secure; HttpOnly; SameSite=Lax; Max-Age=0")
}
