use std::{
    io::IsTerminal,
    net::{IpAddr, SocketAddr},
};

use axum::{
    extract::{ConnectInfo, Request},
    http::HeaderValue,
    response::Response,
};
use tracing_subscriber::{EnvFilter, fmt, prelude::*};
use uuid::Uuid;

use crate::{AppState, client_addr::client_addr, config::LogFormat};

/// Structured logs on stderr; `RUST_LOG` picks the levels.
pub fn init(format: LogFormat) {
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info"));
    let registry = tracing_subscriber::registry().with(filter);
    let result = match format {
        LogFormat::Json => {
            registry.with(fmt::layer().json().with_writer(std::io::stderr)).try_init()
        }
        LogFormat::Text => {
            // Colours only for a person at a terminal: a log file or the
            // journal gets plain text, without escape codes around every
            // field name that cost each request's line time (issue 15).
            let colour = std::io::stderr().is_terminal();
            registry.with(fmt::layer().with_ansi(colour).with_writer(std::io::stderr)).try_init()
        }
    };
    // A second init (tests start many apps in one process) keeps the first.
    let _ = result;
}

/// The id that ties a request's log lines and audit rows together.
#[derive(Clone, Copy, Debug)]
pub struct RequestId(pub Uuid);

/// The route template (`/invite/{token}`), never the path itself: paths can
/// hold invitation tokens, and an unmatched path is whatever a client typed.
pub fn route_of(request: &Request) -> String {
    request
        .extensions()
        .get::<axum::extract::MatchedPath>()
        .map_or_else(|| "(unmatched)".to_owned(), |p| p.as_str().to_owned())
}

/// The client's address as the configured proxies let it be known (see
/// `client_addr`): what throttling, audit rows and the log line use.
#[derive(Clone, Copy, Debug)]
pub struct ClientAddr(pub IpAddr);

/// One request's id, span and start: what its log line needs at the end.
pub struct Trace {
    id: Uuid,
    pub span: tracing::Span,
    started: std::time::Instant,
}

impl Trace {
    /// Gives the request an id and a client address, and opens its span.
    /// Logs the path template, the client's address and the status only:
    /// never bodies, query strings or cookies.
    pub fn begin(state: &AppState, request: &mut Request) -> Trace {
        let id = Uuid::now_v7();
        request.extensions_mut().insert(RequestId(id));
        let peer = request.extensions().get::<ConnectInfo<SocketAddr>>().map(|c| c.0.ip());
        let client = peer.map(|peer| client_addr(peer, request.headers(), &state.settings.trust));
        if let Some(client) = client {
            request.extensions_mut().insert(ClientAddr(client));
        }
        let method = request.method();
        let route = request.extensions().get::<axum::extract::MatchedPath>();
        // Fields are formatted only when a log line is written.
        let route = tracing::field::display(route.map_or("(unmatched)", |p| p.as_str()));
        let client = tracing::field::display(Unknown(client));
        let span = tracing::info_span!("request", request_id = %id, %method, route, client);
        Trace { id, span, started: std::time::Instant::now() }
    }

    /// Writes the request's one log line and gives the response its id.
    pub fn finish(self, response: &mut Response) {
        let status = response.status().as_u16();
        self.span.in_scope(|| {
            tracing::info!(
                status,
                elapsed_ms = self.started.elapsed().as_millis() as u64,
                "served"
            );
        });
        let mut text = [0u8; uuid::fmt::Hyphenated::LENGTH];
        let text = self.id.hyphenated().encode_lower(&mut text);
        if let Ok(value) = HeaderValue::from_str(text) {
            response.headers_mut().insert(REQUEST_ID, value);
        }
    }
}

const REQUEST_ID: axum::http::HeaderName = axum::http::HeaderName::from_static("x-request-id");

/// A client address, or "unknown" when the connection did not say.
struct Unknown(Option<IpAddr>);

impl std::fmt::Display for Unknown {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.0 {
            Some(addr) => addr.fmt(f),
            None => f.write_str("unknown"),
        }
    }
}
