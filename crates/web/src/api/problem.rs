//! Errors as `application/problem+json` (RFC 9457): a stable `code`, the
//! HTTP status, a sentence in the caller's language, and for refused input
//! one entry per field with the operation's code.

use axum::{
    http::{HeaderValue, header},
    response::{IntoResponse, Response},
};
use serde::Serialize;
use utoipa::ToSchema;

/// A failed request.
#[derive(Debug, Serialize, ToSchema)]
#[schema(example = json!({
    "type": "urn:carryover:problem:invalid",
    "title": "Something in the form was not right. Please check it and try again.",
    "status": 422,
    "code": "invalid",
    "errors": [{"field": "caregiver_email", "code": "invalid_email", "message": "Please enter an email address like name@example.org."}]
}))]
pub struct Problem {
    /// `urn:carryover:problem:<code>`.
    #[serde(rename = "type")]
    pub kind: String,
    /// What happened, in the caller's language.
    pub title: String,
    pub status: u16,
    /// A stable code: not_found, unauthorized, forbidden, invalid, conflict,
    /// too_many_requests, payload_too_large, timeout, unavailable, internal…
    pub code: String,
    /// Seconds to wait, for `too_many_requests`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub retry_after: Option<u64>,
    /// One entry per refused field.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<FieldProblem>,
}

#[derive(Debug, Serialize, ToSchema)]
#[schema(example = json!({"field": "caregiver_email", "code": "invalid_email", "message": "Please enter an email address like name@example.org."}))]
pub struct FieldProblem {
    /// The field's name in the JSON body.
    pub field: String,
    /// Why it was refused (the operation's problem code), e.g. `invalid_email`.
    pub code: String,
    /// The same, in the caller's language.
    pub message: String,
}

impl IntoResponse for Problem {
    fn into_response(self) -> Response {
        let mut response = axum::Json(&self).into_response();
        response
            .headers_mut()
            .insert(header::CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
        response
    }
}
