//! The guard in front of every route: finds the route's rule, the caller,
//! and (for routes about one child) the caller's tie to that child, and lets
//! the request through only as the rule says. A route without a rule is refused.

use std::net::SocketAddr;

use axum::{
    RequestPartsExt,
    extract::{ConnectInfo, FromRequestParts, MatchedPath, RawPathParams, Request, State},
    http::{Method, StatusCode, request::Parts},
    middleware::Next,
    response::{IntoResponse, Redirect, Response},
};
use carryover_domain::{
    access::{ChildTie, Verdict, rule_for},
    audit::AuditAction,
};
use carryover_store::{
    audit::{self, NewAuditEvent, Outcome},
    people::{self, Person, Scope},
};
use uuid::Uuid;

use super::session;
use crate::{AppState, error::AppError, telemetry::RequestId};

/// The signed-in person making a request.
#[derive(Clone, Debug)]
pub struct Caller {
    pub person: Person,
    /// Hash of the session's cookie value, to end this session.
    pub session_hash: String,
}

impl Caller {
    pub fn scope(&self) -> Scope {
        self.person.scope()
    }
}

/// The child named in the path, and the caller's tie to it, as the guard found them.
#[derive(Clone, Copy, Debug)]
pub struct ChildAccess {
    pub child_id: Uuid,
    pub tie: ChildTie,
}

/// Who, from where, in which request: what every audit row needs.
#[derive(Clone, Debug)]
pub struct AuditCtx {
    pub actor: Option<Person>,
    pub request_id: Option<Uuid>,
    pub client_addr: Option<String>,
}

impl AuditCtx {
    pub fn event(
        &self,
        action: AuditAction,
        resource_type: &'static str,
        resource_id: Option<String>,
        child_id: Option<Uuid>,
    ) -> NewAuditEvent {
        NewAuditEvent {
            clinic_id: self.actor.as_ref().map(|p| p.clinic_id),
            actor_id: self.actor.as_ref().map(|p| p.person_id),
            actor_role: self.actor.as_ref().map(|p| p.role.as_str()),
            action,
            resource_type,
            resource_id,
            child_id,
            outcome: Outcome::Success,
            request_id: self.request_id,
            client_addr: self.client_addr.clone(),
        }
    }
}

pub async fn authorize(
    State(state): State<AppState>,
    mut request: Request,
    next: Next,
) -> Response {
    let outcome = guard(&state, &mut request).await;
    let caller = request.extensions().get::<Caller>().cloned();
    let mut response = match outcome {
        Ok(None) => next.run(request).await,
        Ok(Some(refusal)) => refusal,
        Err(error) => error.into_response(),
    };
    // An error page drawn further out still shows who is signed in, in their language.
    let failed = response.status().is_client_error() || response.status().is_server_error();
    if let Some(caller) = caller.filter(|_| failed) {
        response.extensions_mut().insert(caller);
    }
    response
}

/// Returns a response when the request must not reach its handler.
async fn guard(state: &AppState, request: &mut Request) -> Result<Option<Response>, AppError> {
    let path = request.extensions().get::<MatchedPath>().map(|p| p.as_str().to_owned());
    let Some(path) = path else { return Ok(None) };
    // HEAD is a GET without the body: it follows the GET rule.
    let method = if request.method() == Method::HEAD { "GET" } else { request.method().as_str() };
    let Some(rule) = rule_for(method, &path) else {
        tracing::error!(method = %request.method(), path, "route has no access rule; refused");
        return Err(AppError::NotFound);
    };
    let caller = session::resolve(state, request.headers()).await?;
    if let Some((person, session_hash)) = &caller {
        let signed_in = Caller { person: person.clone(), session_hash: session_hash.clone() };
        request.extensions_mut().insert(signed_in);
    }
    let client_addr = request
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|ConnectInfo(addr)| addr.ip().to_string());
    let request_id = request.extensions().get::<RequestId>().map(|r| r.0);
    let ctx = AuditCtx { actor: caller.as_ref().map(|c| c.0.clone()), request_id, client_addr };
    request.extensions_mut().insert(ctx.clone());

    let mut child = None;
    if rule.who.needs_child_tie() {
        let child_id = child_id_in_path(request).await.ok_or(AppError::NotFound)?;
        let tie = match &caller {
            Some((person, _)) => {
                people::child_tie(&mut *state.db.read_conn().await?, &person.scope(), child_id)
                    .await?
            }
            None => None,
        };
        child = Some((child_id, tie));
    }
    let tie = child.and_then(|(_, tie)| tie);
    match rule.who.judge(caller.as_ref().map(|c| c.0.role), tie) {
        Verdict::Allow => {}
        Verdict::SignIn => return Ok(Some(send_to_sign_in(request))),
        Verdict::Hide => {
            if let Some((child_id, _)) = child {
                let mut event = ctx.event(
                    AuditAction::Denied,
                    "child",
                    Some(child_id.to_string()),
                    Some(child_id),
                );
                event.outcome = Outcome::Denied;
                let mut tx = state.db.begin_write().await?;
                audit::append(&mut tx, &event, state.clock.now()).await?;
                carryover_store::commit(tx).await?;
            }
            return Err(AppError::NotFound);
        }
    }
    if let Some((child_id, Some(tie))) = child {
        request.extensions_mut().insert(ChildAccess { child_id, tie });
    }
    Ok(None)
}

async fn child_id_in_path(request: &mut Request) -> Option<Uuid> {
    let (mut parts, body) = std::mem::take(request).into_parts();
    let params = parts.extract::<RawPathParams>().await.ok();
    *request = Request::from_parts(parts, body);
    let params = params?;
    let (_, value) = params.iter().find(|(name, _)| *name == "child_id")?;
    Uuid::parse_str(value).ok()
}

fn send_to_sign_in(request: &Request) -> Response {
    if request.uri().path().starts_with("/api/") {
        return AppError::Unauthorized.into_response();
    }
    if request.method() == axum::http::Method::GET {
        let next = request.uri().path_and_query().map(|p| p.as_str()).unwrap_or("/");
        let target = format!("/login?next={}", encode_query_value(next));
        return Redirect::to(&target).into_response();
    }
    (StatusCode::SEE_OTHER, [(axum::http::header::LOCATION, "/login")]).into_response()
}

fn encode_query_value(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'/' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

impl FromRequestParts<AppState> for Caller {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, _: &AppState) -> Result<Self, Self::Rejection> {
        parts.extensions.get::<Caller>().cloned().ok_or(AppError::Unauthorized)
    }
}

impl FromRequestParts<AppState> for ChildAccess {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, _: &AppState) -> Result<Self, Self::Rejection> {
        parts.extensions.get::<ChildAccess>().copied().ok_or(AppError::NotFound)
    }
}

impl FromRequestParts<AppState> for AuditCtx {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, _: &AppState) -> Result<Self, Self::Rejection> {
        parts.extensions.get::<AuditCtx>().cloned().ok_or(AppError::Unauthorized)
    }
}
