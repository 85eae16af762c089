//! Hardening that applies to every response: security headers, a default of
//! `Cache-Control: no-store`, cross-site request refusal and a time limit.

use std::time::Duration;

use axum::{
    extract::Request,
    http::{HeaderMap, HeaderValue, Method, header},
    middleware::Next,
    response::{IntoResponse, Response},
};

use crate::error::AppError;

const CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
    font-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

pub async fn security_headers(request: Request, next: Next) -> Response {
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    let set = |headers: &mut HeaderMap, name, value: &'static str| {
        headers.insert(name, HeaderValue::from_static(value));
    };
    set(headers, header::CONTENT_SECURITY_POLICY, CSP);
    set(headers, header::X_CONTENT_TYPE_OPTIONS, "nosniff");
    set(headers, header::X_FRAME_OPTIONS, "DENY");
    set(headers, header::REFERRER_POLICY, "no-referrer");
    set(headers, header::STRICT_TRANSPORT_SECURITY, "max-age=63072000; includeSubDomains");
    set(headers, header::HeaderName::from_static("cross-origin-opener-policy"), "same-origin");
    set(headers, header::HeaderName::from_static("cross-origin-resource-policy"), "same-origin");
    set(
        headers,
        header::HeaderName::from_static("permissions-policy"),
        "camera=(), microphone=(), geolocation=(), interest-cohort=()",
    );
    // Pages may show a child's information: nothing is cached unless a
    // handler (static files) says otherwise.
    if !headers.contains_key(header::CACHE_CONTROL) {
        set(headers, header::CACHE_CONTROL, "no-store");
    }
    response
}

/// Refuses state-changing requests that a browser marks as coming from
/// another site, as Go's CrossOriginProtection and tower-http's CSRF layer do:
/// `Sec-Fetch-Site` first, then `Origin` against `Host`. Requests with neither
/// header come from non-browser clients, which cookies cannot be forged for.
pub async fn refuse_cross_site(request: Request, next: Next) -> Response {
    if is_cross_site(request.method(), request.headers()) {
        // Anyone's browser can be made to send one: not a fault of ours.
        tracing::info!(
            route = crate::telemetry::route_of(&request),
            "refused a cross-site request"
        );
        return AppError::Forbidden.into_response();
    }
    next.run(request).await
}

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

pub async fn time_limit(request: Request, next: Next) -> Response {
    match tokio::time::timeout(REQUEST_TIME_LIMIT, next.run(request)).await {
        Ok(response) => response,
        Err(_) => {
            let mut response = axum::http::StatusCode::REQUEST_TIMEOUT.into_response();
            response.extensions_mut().insert(crate::error::ErrorReport::for_status(
                axum::http::StatusCode::REQUEST_TIMEOUT,
            ));
            response
        }
    }
}
