//! Hardening that applies to every response: security headers, a default of
//! `Cache-Control: no-store`, cross-site request refusal and a time limit.

use std::time::Duration;

use axum::http::{HeaderMap, HeaderName, HeaderValue, Method, header};

const CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
    font-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

/// Sets the security headers on every response, and `no-store` unless the
/// handler chose its own caching.
pub fn set_headers(headers: &mut HeaderMap) {
    // Checked once, at compile time: `from_static` validates every byte.
    const SET: [(HeaderName, HeaderValue); 8] = [
        (header::CONTENT_SECURITY_POLICY, HeaderValue::from_static(CSP)),
        (header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff")),
        (header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY")),
        (header::REFERRER_POLICY, HeaderValue::from_static("no-referrer")),
        (
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static("max-age=63072000; includeSubDomains"),
        ),
        (
            HeaderName::from_static("cross-origin-opener-policy"),
            HeaderValue::from_static("same-origin"),
        ),
        (
            HeaderName::from_static("cross-origin-resource-policy"),
            HeaderValue::from_static("same-origin"),
        ),
        (
            HeaderName::from_static("permissions-policy"),
            HeaderValue::from_static(
                "camera=(), microphone=(), geolocation=(), interest-cohort=()",
            ),
        ),
    ];
    const NO_STORE: HeaderValue = HeaderValue::from_static("no-store");
    headers.reserve(SET.len() + 1);
    for (name, value) in SET {
        headers.insert(name, value);
    }
    // Pages may show a child's information: nothing is cached unless a
    // handler (static files) says otherwise.
    if !headers.contains_key(header::CACHE_CONTROL) {
        headers.insert(header::CACHE_CONTROL, NO_STORE);
    }
}

/// Whether a state-changing request is one a browser marks as coming from
/// another site, as Go's CrossOriginProtection and tower-http's CSRF layer see
/// it: `Sec-Fetch-Site` first, then `Origin` against `Host`. Requests with
/// neither header come from non-browser clients, which cookies cannot be
/// forged for.
pub fn is_cross_site(method: &Method, headers: &HeaderMap) -> bool {
    if matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS) {
        return false;
    }
    if let Some(site) = headers.get("sec-fetch-site").and_then(|v| v.to_str().ok()) {
        return !matches!(site, "same-origin" | "none");
    }
    let Some(origin) = headers.get(header::ORIGIN).and_then(|v| v.to_str().ok()) else {
        return false;
    };
    let host = headers.get(header::HOST).and_then(|v| v.to_str().ok()).unwrap_or("");
    let origin_host = origin.split_once("://").map(|(_, rest)| rest).unwrap_or("null");
    origin_host != host
}

pub const REQUEST_TIME_LIMIT: Duration = Duration::from_secs(30);
pub const BODY_LIMIT_BYTES: usize = 256 * 1024;
