//! The audit views: who opened a child's record, and what one person did.
//! Reading a log leaves its own audit row, as on the pages.

use axum::{
    Json,
    extract::{Path, Query, State},
};
use carryover_ops::{
    Operation,
    audit_logs::{self, AuditLog, Reading},
};
use uuid::Uuid;

use super::{
    models::AuditRow,
    paging::{PageQuery, Paged},
};
use crate::{
    AppState,
    auth::{Caller, Grant},
    error::AppError,
    routes::Routes,
};

pub fn routes() -> Routes {
    Routes::new()
        .get("/api/v1/children/{child_id}/access-log", access_log)
        .calls(Operation::AccessLog)
        .get("/api/v1/children/{child_id}/audit", child_audit)
        .calls(Operation::ChildAuditLog)
        .get("/api/v1/people/{person_id}/audit", person_audit)
        .calls(Operation::PersonAuditLog)
}

fn paged(log: AuditLog) -> Json<Paged<AuditRow>> {
    Json(Paged {
        items: log.entries.into_iter().map(AuditRow::from).collect(),
        next_cursor: log.older.map(|seq| seq.to_string()),
    })
}

/// For a guardian: every time clinic staff opened the child's record. Newest first.
#[utoipa::path(get, path = "/api/v1/children/{child_id}/access-log", tag = "audit",
    params(("child_id" = Uuid, Path), PageQuery), responses((status = 200, body = Paged<AuditRow>)))]
pub(super) async fn access_log(
    State(state): State<AppState>,
    caller: Caller,
    grant: Grant,
    Query(page): Query<PageQuery>,
) -> Result<Json<Paged<AuditRow>>, AppError> {
    Ok(paged(audit_logs::access_log(&state.ops, &caller.who, &grant.0, page.by_seq()?).await?))
}

/// For the clinic's admins: every read and change of the child's information. Newest first.
#[utoipa::path(get, path = "/api/v1/children/{child_id}/audit", tag = "audit",
    params(("child_id" = Uuid, Path), PageQuery), responses((status = 200, body = Paged<AuditRow>)))]
pub(super) async fn child_audit(
    State(state): State<AppState>,
    caller: Caller,
    grant: Grant,
    Query(page): Query<PageQuery>,
) -> Result<Json<Paged<AuditRow>>, AppError> {
    let window = page.by_seq()?;
    Ok(paged(
        audit_logs::child_log(&state.ops, &caller.who, &grant.0, Reading::View, window).await?,
    ))
}

/// For the clinic's admins: everything one person read or changed. Newest first.
#[utoipa::path(get, path = "/api/v1/people/{person_id}/audit", tag = "audit",
    params(("person_id" = Uuid, Path), PageQuery), responses((status = 200, body = Paged<AuditRow>)))]
pub(super) async fn person_audit(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
    Query(page): Query<PageQuery>,
) -> Result<Json<Paged<AuditRow>>, AppError> {
    let id = Uuid::parse_str(&id).map_err(|_| AppError::NotFound)?;
    let window = page.by_seq()?;
    Ok(paged(audit_logs::person_log(&state.ops, &caller.who, id, Reading::View, window).await?))
}
