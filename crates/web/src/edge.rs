//! What every request passes through, in one layer: its id, span and log
//! line, the metrics, cross-site refusal, the time limit, error pages and the
//! security headers.
//!
//! One function rather than a stack of `from_fn` layers because each layer
//! clones and boxes the service under it on every request: issue 15 measured
//! six of them as most of the gap between `/healthz` and a bare handler.

use axum::{
    extract::{Request, State},
    middleware::Next,
    response::{IntoResponse, Response},
};
use tracing::Instrument;

use crate::{
    AppState,
    error::{self, AppError, ErrorReport},
    i18n, security,
    telemetry::{Trace, route_of},
};

pub async fn edge(State(state): State<AppState>, mut request: Request, next: Next) -> Response {
    let trace = Trace::begin(&state, &mut request);
    state.metrics.started();
    let is_api = request.uri().path().starts_with("/api/");
    let lang = i18n::negotiate_headers(request.headers());
    let response = if security::is_cross_site(request.method(), request.headers()) {
        // Anyone's browser can be made to send one: not a fault of ours.
        trace.span.in_scope(|| {
            tracing::info!(route = route_of(&request), "refused a cross-site request");
        });
        AppError::Forbidden.into_response()
    } else {
        let served = next.run(request).instrument(trace.span.clone());
        match tokio::time::timeout(security::REQUEST_TIME_LIMIT, served).await {
            Ok(response) => response,
            Err(_) => timed_out(),
        }
    };
    let mut response = error::render_error(&state, is_api, lang, response);
    security::set_headers(response.headers_mut());
    state.metrics.finished(response.status());
    trace.finish(&mut response);
    response
}

fn timed_out() -> Response {
    let status = axum::http::StatusCode::REQUEST_TIMEOUT;
    let mut response = status.into_response();
    response.extensions_mut().insert(ErrorReport::for_status(status));
    response
}
