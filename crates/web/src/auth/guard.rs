//! The guard in front of every route: finds the route's rule, the caller,
//! and (for routes about one child) the caller's grant to that child, and
//! lets the request through only as the rule says. A route without a rule
//! is refused. Handlers then receive the grant itself: storage made it, and
//! every child-data operation takes it.

use axum::{
    RequestPartsExt,
    extract::{FromRequestParts, MatchedPath, RawPathParams, Request, State},
    http::{Method, StatusCode, request::Parts},
    middleware::Next,
    response::{IntoResponse, Redirect, Response},
};
use carryover_domain::{
    access::{ENROL_PATH, Verdict, needs_no_caller, open_before_second_factor, rule_for},
    zone::ClinicZone,
};
use carryover_ops::{
    ChildGrant, Person, RequestMeta, Who, access,
    auth::{self, SessionKey},
    children::ChildPermissions,
    tokens, two_factor,
};
use uuid::Uuid;

use super::cookies;
use crate::{
    AppState,
    error::AppError,
    telemetry::{ClientAddr, RequestId},
};

/// The signed-in person making a request.
#[derive(Clone, Debug)]
pub struct Caller {
    pub person: Person,
    pub who: Who,
    /// How the request proved who it is: a session cookie or an API token.
    pub credential: Credential,
    /// The clinic's time zone, for every date shown to this person.
    pub zone: ClinicZone,
}

#[derive(Clone, Debug)]
pub enum Credential {
    /// The session cookie, to end it at sign-out.
    Session(SessionKey),
    /// A personal access token (`Authorization: Bearer`), on `/api/` only.
    Token(Uuid),
}

impl Caller {
    /// True for a browser session: some things (making tokens) a token may not do.
    pub fn signed_in_with_session(&self) -> bool {
        matches!(self.credential, Credential::Session(_))
    }
}

/// The caller's grant to the child in the path, as the guard found it.
#[derive(Clone, Copy, Debug)]
pub struct Grant(pub ChildGrant);

impl Grant {
    pub fn child_id(&self) -> Uuid {
        self.0.child_id()
    }

    pub fn can(&self) -> ChildPermissions {
        ChildPermissions::for_grant(&self.0)
    }
}

/// Where the request came from, for routes open to everyone.
#[derive(Clone, Debug)]
pub struct Meta(pub RequestMeta);

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
        // An OPTIONS or PUT to a known path: anyone can send one, so it is no
        // error of ours (a route without a rule fails the access-walk test).
        tracing::debug!(method = %request.method(), path, "no access rule for this method; refused");
        return Err(AppError::NotFound);
    };
    if needs_no_caller(rule) {
        return Ok(None);
    }
    let client_addr =
        request.extensions().get::<ClientAddr>().map(|ClientAddr(addr)| addr.to_string());
    let request_id = request.extensions().get::<RequestId>().map(|r| r.0);
    let meta = RequestMeta { request_id, client_addr };
    request.extensions_mut().insert(Meta(meta.clone()));
    let is_api = request.uri().path().starts_with("/api/");
    let bearer = bearer_token(request).filter(|_| is_api);
    let cookie = cookies::session_from(request.headers());
    let (caller, must_enrol) = identify(state, bearer, cookie, &meta).await?;
    if let Some(caller) = &caller {
        request.extensions_mut().insert(caller.clone());
    }

    // Staff who must enrol a second factor see nothing of any child first.
    if must_enrol && !open_before_second_factor(rule) {
        return Ok(Some(send_to_enrol(request)));
    }

    let mut child = None;
    if rule.who.needs_child_tie() {
        let child_id = child_id_in_path(request).await.ok_or(AppError::NotFound)?;
        let grant = match &caller {
            Some(caller) => access::child_grant(&state.ops, &caller.who, child_id).await?,
            None => None,
        };
        child = Some((child_id, grant));
    }
    let tie = child.and_then(|(_, grant)| grant.map(|g| g.tie()));
    match rule.who.judge(caller.as_ref().map(|c| c.who.actor.role()), tie) {
        Verdict::Allow => {}
        Verdict::SignIn => return Ok(Some(send_to_sign_in(request))),
        Verdict::Hide => {
            if let (Some((child_id, _)), Some(caller)) = (child, &caller) {
                access::record_refusal(&state.ops, &caller.who, child_id).await?;
            }
            return Err(AppError::NotFound);
        }
    }
    if let Some((_, Some(grant))) = child {
        request.extensions_mut().insert(Grant(grant));
    }
    Ok(None)
}

/// The signed-in person behind the request: a bearer token on `/api/`
/// paths (a wrong one is refused outright, never ignored), else the session
/// cookie; and whether they must enrol a second factor before anything else.
async fn identify(
    state: &AppState,
    bearer: Option<String>,
    cookie: Option<String>,
    meta: &RequestMeta,
) -> Result<(Option<Caller>, bool), AppError> {
    if let Some(bearer) = bearer {
        let found = tokens::resolve(&state.ops, &bearer).await?.ok_or(AppError::Unauthorized)?;
        // A token outlives a change of the clinic's mind: checked each time.
        let enrolled = two_factor::requirement_satisfied(&state.ops, &found.actor).await?;
        let caller = Caller {
            person: found.person,
            who: Who { actor: found.actor, meta: meta.clone() },
            credential: Credential::Token(found.token_id),
            zone: found.zone,
        };
        return Ok((Some(caller), !enrolled));
    }
    let session = match cookie {
        Some(cookie) => auth::resolve_session(&state.ops, &cookie).await?,
        None => None,
    };
    let must_enrol = session.as_ref().is_some_and(|s| s.must_enrol_second_factor);
    let caller = session.map(|s| Caller {
        person: s.person,
        who: Who { actor: s.actor, meta: meta.clone() },
        credential: Credential::Session(s.key),
        zone: s.zone,
    });
    Ok((caller, must_enrol))
}

fn bearer_token(request: &Request) -> Option<String> {
    let value = request.headers().get(axum::http::header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, token) = value.trim().split_once(' ')?;
    scheme.eq_ignore_ascii_case("bearer").then(|| token.trim().to_owned())
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
    if request.method() == Method::GET {
        let next = request.uri().path_and_query().map(|p| p.as_str()).unwrap_or("/");
        let target = format!("/login?next={}", encode_query_value(next));
        return Redirect::to(&target).into_response();
    }
    (StatusCode::SEE_OTHER, [(axum::http::header::LOCATION, "/login")]).into_response()
}

fn send_to_enrol(request: &Request) -> Response {
    if request.uri().path().starts_with("/api/") {
        return AppError::SecondFactorRequired.into_response();
    }
    let target = format!("{ENROL_PATH}?required=1");
    (StatusCode::SEE_OTHER, [(axum::http::header::LOCATION, target)]).into_response()
}

pub fn encode_query_value(text: &str) -> String {
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

impl FromRequestParts<AppState> for Grant {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, _: &AppState) -> Result<Self, Self::Rejection> {
        parts.extensions.get::<Grant>().copied().ok_or(AppError::NotFound)
    }
}

impl FromRequestParts<AppState> for Meta {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &AppState) -> Result<Self, Self::Rejection> {
        Ok(parts.extensions.get::<Meta>().cloned().unwrap_or(Meta(RequestMeta::default())))
    }
}
