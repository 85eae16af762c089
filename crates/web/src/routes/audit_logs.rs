//! The audit views: who opened a child's record (for the clinic admin, and
//! the clinic's part of it for the child's guardians) and what one person
//! opened. Looking at an audit log is itself a read, and leaves its own row.

use askama::Template;
use axum::{
    extract::{Path, Query, State},
    http::header,
    response::{IntoResponse, Response},
};
use carryover_ops::audit_logs::{self, AuditEntry, AuditLog, Reading, Window};
use serde::Deserialize;
use uuid::Uuid;

use carryover_ops::Operation;

use super::Routes;
use crate::{
    AppState, audit_view,
    audit_view::AuditRow,
    auth::{Caller, Grant},
    error::AppError,
    i18n::Tr,
    pages::{self, Chrome, Page},
};

pub fn routes() -> Routes {
    Routes::new()
        .get("/children/{child_id}/access", show_child_access)
        .calls(Operation::AccessLog)
        .get("/admin/children/{child_id}/audit", show_child_audit)
        .calls(Operation::ChildAuditLog)
        .get("/admin/children/{child_id}/audit.csv", export_child_audit)
        .calls(Operation::ChildAuditLog)
        .get("/admin/people/{person_id}/audit", show_person_audit)
        .calls(Operation::PersonAuditLog)
        .get("/admin/people/{person_id}/audit.csv", export_person_audit)
        .calls(Operation::PersonAuditLog)
}

#[derive(Template)]
#[template(path = "audit/log.html")]
struct AuditPage {
    t: Tr,
    c: Chrome,
    title: String,
    lead: String,
    csv_href: Option<String>,
    show_child: bool,
    rows: Vec<AuditRow>,
    /// The link to the next, older rows, when there are more.
    older_href: Option<String>,
}

/// A page shows this many rows; older ones are a link away (the CSV has all).
const ROWS_PER_PAGE: u32 = 200;

#[derive(Deserialize)]
struct Older {
    before: Option<i64>,
}

impl Older {
    fn window(&self) -> Window {
        Window { before: self.before, limit: Some(ROWS_PER_PAGE) }
    }
}

struct View<'a> {
    title_key: &'a str,
    lead_key: &'a str,
    path: String,
    csv: bool,
    show_child: bool,
}

fn render(page: Page, view: View<'_>, log: &AuditLog) -> Result<Response, AppError> {
    let Page { t, c } = page;
    let page = AuditPage {
        title: t.with_name(view.title_key, &log.subject_name),
        lead: t.get(view.lead_key),
        csv_href: view.csv.then(|| format!("{}.csv", view.path)),
        show_child: view.show_child,
        rows: audit_view::describe(&t, &log.entries),
        older_href: log.older.map(|seq| format!("{}?before={seq}", view.path)),
        c,
        t,
    };
    pages::render(&page)
}

fn csv_download(file_name: &str, entries: &[AuditEntry]) -> Response {
    let disposition = format!("attachment; filename=\"{file_name}\"");
    let content_type = "text/csv; charset=utf-8".to_owned();
    (
        [(header::CONTENT_TYPE, content_type), (header::CONTENT_DISPOSITION, disposition)],
        audit_view::to_csv(entries),
    )
        .into_response()
}

/// What a guardian sees: every time clinic staff opened their child's record.
async fn show_child_access(
    State(state): State<AppState>,
    page: Page,
    caller: Caller,
    grant: Grant,
    Query(older): Query<Older>,
) -> Result<Response, AppError> {
    let log = audit_logs::access_log(&state.ops, &caller.who, &grant.0, older.window()).await?;
    let view = View {
        title_key: "access-title",
        lead_key: "access-lead",
        path: format!("/children/{}/access", grant.child_id()),
        csv: false,
        show_child: false,
    };
    render(page, view, &log)
}

async fn show_child_audit(
    State(state): State<AppState>,
    page: Page,
    caller: Caller,
    grant: Grant,
    Query(older): Query<Older>,
) -> Result<Response, AppError> {
    let window = older.window();
    let log =
        audit_logs::child_log(&state.ops, &caller.who, &grant.0, Reading::View, window).await?;
    let view = View {
        title_key: "audit-child-title",
        lead_key: "audit-child-lead",
        path: format!("/admin/children/{}/audit", grant.child_id()),
        csv: true,
        show_child: false,
    };
    render(page, view, &log)
}

async fn export_child_audit(
    State(state): State<AppState>,
    caller: Caller,
    grant: Grant,
) -> Result<Response, AppError> {
    let all = Window::default();
    let log =
        audit_logs::child_log(&state.ops, &caller.who, &grant.0, Reading::Export, all).await?;
    Ok(csv_download(&format!("audit-child-{}.csv", grant.child_id()), &log.entries))
}

fn person_id(text: &str) -> Result<Uuid, AppError> {
    Uuid::parse_str(text).map_err(|_| AppError::NotFound)
}

async fn show_person_audit(
    State(state): State<AppState>,
    page: Page,
    caller: Caller,
    Path(id): Path<String>,
    Query(older): Query<Older>,
) -> Result<Response, AppError> {
    let id = person_id(&id)?;
    let window = older.window();
    let log = audit_logs::person_log(&state.ops, &caller.who, id, Reading::View, window).await?;
    let view = View {
        title_key: "audit-person-title",
        lead_key: "audit-person-lead",
        path: format!("/admin/people/{id}/audit"),
        csv: true,
        show_child: true,
    };
    render(page, view, &log)
}

async fn export_person_audit(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let id = person_id(&id)?;
    let all = Window::default();
    let log = audit_logs::person_log(&state.ops, &caller.who, id, Reading::Export, all).await?;
    Ok(csv_download(&format!("audit-person-{id}.csv"), &log.entries))
}
