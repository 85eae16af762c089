//! One error type for the web layer. A handler returns `AppError`; the
//! response carries an [`ErrorReport`], and [`render_error`] turns it into a
//! friendly page for people or a structured JSON body under `/api/`.
//! Details of a 5xx go to the log, never to the client.

use axum::{
    http::{HeaderValue, StatusCode, header},
    response::{Html, IntoResponse, Response},
};
use carryover_ops::{FieldError, OpError};

use crate::{AppState, i18n::Tr, pages::ErrorPage};

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// Also the answer for anything outside the caller's scope: never reveal that it exists.
    #[error("not found")]
    NotFound,
    #[error("bad request: {0}")]
    BadRequest(String),
    /// Input an operation refused, field by field.
    #[error("invalid input")]
    Invalid(Vec<FieldError>),
    #[error("sign-in needed")]
    Unauthorized,
    /// An email and password (or a code) that do not match.
    #[error("wrong credentials")]
    WrongCredentials,
    /// A cross-site request or a missing CSRF proof.
    #[error("forbidden")]
    Forbidden,
    /// Staff of a clinic that requires a second factor, who has none yet.
    #[error("second factor required")]
    SecondFactorRequired,
    #[error("too many requests")]
    TooManyRequests { retry_after_secs: u64 },
    #[error("conflict")]
    Conflict(Vec<FieldError>),
    /// A link that worked once and no longer does (used, expired, replaced).
    #[error("gone")]
    Gone,
    /// A change to a discharged child's record, which is read-only.
    #[error("read-only")]
    ReadOnly,
    /// The database cannot be reached right now (issue 16): 503 with Retry-After.
    #[error("service unavailable")]
    Unavailable,
    #[error("internal error")]
    Internal(#[from] anyhow::Error),
}

/// Seconds a client is asked to wait when the database is away.
const UNAVAILABLE_RETRY_SECS: u64 = 5;

impl From<OpError> for AppError {
    fn from(error: OpError) -> Self {
        match error {
            OpError::NotFound => AppError::NotFound,
            OpError::Invalid(fields) => AppError::Invalid(fields),
            OpError::Conflict { field, .. } => AppError::Conflict(field.into_iter().collect()),
            OpError::Unauthorized => AppError::WrongCredentials,
            OpError::ReadOnly => AppError::ReadOnly,
            OpError::Throttled { retry_after_secs } => {
                AppError::TooManyRequests { retry_after_secs }
            }
            OpError::Unavailable => AppError::Unavailable,
            OpError::Storage(e) => AppError::Internal(e),
        }
    }
}

/// What the renderer needs to know about a failed response.
#[derive(Clone, Debug)]
pub struct ErrorReport {
    pub code: &'static str,
    pub message_key: &'static str,
    pub detail: Option<String>,
    pub retry_after_secs: Option<u64>,
    pub fields: Vec<FieldError>,
}

impl ErrorReport {
    pub fn for_status(status: StatusCode) -> ErrorReport {
        let (code, message_key) = match status {
            StatusCode::NOT_FOUND => ("not_found", "error-not-found"),
            StatusCode::BAD_REQUEST => ("bad_request", "error-bad-request"),
            StatusCode::UNPROCESSABLE_ENTITY => ("invalid", "error-bad-request"),
            StatusCode::UNSUPPORTED_MEDIA_TYPE => ("unsupported_media_type", "error-bad-request"),
            StatusCode::METHOD_NOT_ALLOWED => ("method_not_allowed", "error-not-found"),
            StatusCode::UNAUTHORIZED => ("unauthorized", "error-unauthorized"),
            StatusCode::FORBIDDEN => ("forbidden", "error-forbidden"),
            StatusCode::TOO_MANY_REQUESTS => ("too_many_requests", "error-too-many"),
            StatusCode::CONFLICT => ("conflict", "error-conflict"),
            StatusCode::GONE => ("gone", "invite-invalid"),
            StatusCode::PAYLOAD_TOO_LARGE => ("payload_too_large", "error-payload-too-large"),
            StatusCode::REQUEST_TIMEOUT => ("timeout", "error-timeout"),
            StatusCode::SERVICE_UNAVAILABLE => ("unavailable", "error-unavailable"),
            _ => ("internal", "error-internal"),
        };
        ErrorReport { code, message_key, detail: None, retry_after_secs: None, fields: Vec::new() }
    }
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        let status = match &self {
            AppError::NotFound => StatusCode::NOT_FOUND,
            AppError::BadRequest(_) => StatusCode::BAD_REQUEST,
            AppError::Invalid(_) => StatusCode::UNPROCESSABLE_ENTITY,
            AppError::Unauthorized | AppError::WrongCredentials => StatusCode::UNAUTHORIZED,
            AppError::Forbidden | AppError::SecondFactorRequired => StatusCode::FORBIDDEN,
            AppError::TooManyRequests { .. } => StatusCode::TOO_MANY_REQUESTS,
            AppError::Conflict(_) | AppError::ReadOnly => StatusCode::CONFLICT,
            AppError::Gone => StatusCode::GONE,
            AppError::Unavailable => {
                tracing::warn!("the database is unavailable");
                StatusCode::SERVICE_UNAVAILABLE
            }
            AppError::Internal(error) => {
                tracing::error!(error = format!("{error:#}"), "request failed");
                StatusCode::INTERNAL_SERVER_ERROR
            }
        };
        let mut report = ErrorReport::for_status(status);
        match &self {
            AppError::WrongCredentials => {
                report.code = "wrong_credentials";
                report.message_key = "login-failed";
            }
            AppError::SecondFactorRequired => {
                report.code = "second_factor_required";
                report.message_key = "error-second-factor-required";
            }
            AppError::BadRequest(detail) => report.detail = Some(detail.clone()),
            AppError::Invalid(fields) | AppError::Conflict(fields) => {
                report.fields.clone_from(fields)
            }
            AppError::ReadOnly => {
                report.code = "read_only";
                report.message_key = "error-read-only";
            }
            _ => {}
        }
        let mut response = status.into_response();
        let retry = match self {
            AppError::TooManyRequests { retry_after_secs } => Some(retry_after_secs),
            AppError::Unavailable => Some(UNAVAILABLE_RETRY_SECS),
            _ => None,
        };
        if let Some(retry_after_secs) = retry {
            report.retry_after_secs = Some(retry_after_secs);
            if let Ok(value) = HeaderValue::from_str(&retry_after_secs.to_string()) {
                response.headers_mut().insert(header::RETRY_AFTER, value);
            }
        }
        response.extensions_mut().insert(report);
        response
    }
}

/// Renders every error response, including those made by axum itself
/// (bad JSON, body too large) and the 404 fallback, in one consistent shape.
/// Issue 13: marks an API answer whose problem body a handler wrote itself
/// (a stale save carries both texts), which the renderer keeps.
#[derive(Clone, Copy, Debug)]
pub struct KeepBody;

/// `is_api`: the request was under `/api/`; `browser_lang`: the language its
/// cookie or `Accept-Language` asked for, used when no one is signed in.
pub fn render_error(
    state: &AppState,
    is_api: bool,
    browser_lang: crate::i18n::Lang,
    response: Response,
) -> Response {
    let status = response.status();
    // A handler that rendered its own page (a form with its errors, the
    // sign-in page with a wait message) keeps it.
    let is_page = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    let kept = response.extensions().get::<KeepBody>().is_some();
    if !(status.is_client_error() || status.is_server_error()) || is_page || kept {
        return response;
    }
    let caller = response.extensions().get::<crate::auth::Caller>().cloned();
    let person_lang = caller.as_ref().and_then(|c| crate::i18n::Lang::parse(&c.person.lang));
    let tr = Tr::new(person_lang.unwrap_or(browser_lang), state.catalog.clone());
    let report = response
        .extensions()
        .get::<ErrorReport>()
        .cloned()
        .unwrap_or_else(|| ErrorReport::for_status(status));
    let minutes = report.retry_after_secs.map(|s| s.div_ceil(60).max(1)).unwrap_or(1);
    let mut message = tr.with(report.message_key, &[("minutes", minutes.into())]);
    let (mut parts, _) = response.into_parts();
    parts.headers.remove(header::CONTENT_TYPE);
    parts.headers.remove(header::CONTENT_LENGTH);
    let body = if is_api {
        crate::api::problem::Problem {
            kind: format!("urn:carryover:problem:{}", report.code),
            title: message,
            status: status.as_u16(),
            code: report.code.to_owned(),
            retry_after: report.retry_after_secs,
            errors: report
                .fields
                .iter()
                .map(|f| crate::api::problem::FieldProblem {
                    field: f.field.to_string(),
                    code: f.code.as_str().to_owned(),
                    message: crate::pages::problem_message(&tr, f),
                })
                .collect(),
        }
        .into_response()
    } else {
        for field in &report.fields {
            message.push(' ');
            message.push_str(&crate::pages::problem_message(&tr, field));
        }
        let page = ErrorPage {
            t: tr,
            c: crate::pages::Chrome::new(caller.as_ref(), "/"),
            status: status.as_u16(),
            message,
        };
        Html(page.render_or_plain()).into_response()
    };
    let (body_parts, body) = body.into_parts();
    parts.headers.extend(body_parts.headers);
    Response::from_parts(parts, body)
}
