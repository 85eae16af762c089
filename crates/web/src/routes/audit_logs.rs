//! The audit views: who opened a child's record (for the clinic admin, and
//! the clinic's part of it for the child's guardians) and what one person
//! opened. Looking at an audit log is itself a read, and leaves its own row.

use axum::{
    extract::{Path, State},
    http::header,
    response::{IntoResponse, Response},
};
use carryover_domain::audit::AuditAction;
use carryover_store::{
    audit::{self, AuditEntry},
    children,
};
use uuid::Uuid;

use super::{Routes, admin::person_of_clinic};
use crate::{
    AppState, audit_view,
    auth::{AuditCtx, Caller, ChildAccess},
    error::AppError,
    i18n::Tr,
    pages::{self, AuditPage, Chrome},
};

pub fn routes() -> Routes {
    Routes::new()
        .get("/children/{child_id}/access", show_child_access)
        .get("/admin/children/{child_id}/audit", show_child_audit)
        .get("/admin/children/{child_id}/audit.csv", export_child_audit)
        .get("/admin/people/{person_id}/audit", show_person_audit)
        .get("/admin/people/{person_id}/audit.csv", export_person_audit)
}

/// Whose rows to read, and the row that records this look at them.
enum Subject {
    /// A child's log; `staff_only` keeps the clinic staff's rows (the guardian's view).
    Child {
        access: ChildAccess,
        staff_only: bool,
    },
    Person(Uuid),
}

/// Reads a log and records the read in one transaction. Returns the
/// subject's name for the page title.
async fn read_log(
    state: &AppState,
    caller: &Caller,
    ctx: &AuditCtx,
    subject: Subject,
    action: AuditAction,
) -> Result<(String, Vec<AuditEntry>), AppError> {
    let scope = caller.scope();
    let mut tx = state.db.begin_write().await?;
    let (name, entries, event) = match subject {
        Subject::Child { access, staff_only } => {
            let id = access.child_id;
            let record =
                children::child_record(&mut tx, &scope, id).await?.ok_or(AppError::NotFound)?;
            let entries = audit::for_child(&mut tx, scope.clinic_id, id, staff_only).await?;
            let event = ctx.event(action, "audit_log", Some(id.to_string()), Some(id));
            (record.preferred_name, entries, event)
        }
        Subject::Person(id) => {
            let person = person_of_clinic(state, caller, &id.to_string()).await?;
            let entries = audit::by_actor(&mut tx, scope.clinic_id, id).await?;
            (
                person.display_name,
                entries,
                ctx.event(action, "audit_log", Some(id.to_string()), None),
            )
        }
    };
    audit::append(&mut tx, &event, state.clock.now()).await?;
    carryover_store::commit(tx).await?;
    Ok((name, entries))
}

struct View<'a> {
    title_key: &'a str,
    lead_key: &'a str,
    path: String,
    csv: bool,
    show_child: bool,
}

fn render(
    t: Tr,
    caller: &Caller,
    view: View<'_>,
    name: &str,
    entries: &[AuditEntry],
) -> Result<Response, AppError> {
    let page = AuditPage {
        title: t.with_name(view.title_key, name),
        lead: t.get(view.lead_key),
        csv_href: view.csv.then(|| format!("{}.csv", view.path)),
        show_child: view.show_child,
        rows: audit_view::describe(&t, entries),
        c: Chrome::new(Some(caller), view.path),
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
    t: Tr,
    caller: Caller,
    access: ChildAccess,
    ctx: AuditCtx,
) -> Result<Response, AppError> {
    let subject = Subject::Child { access, staff_only: true };
    let (name, entries) = read_log(&state, &caller, &ctx, subject, AuditAction::View).await?;
    let path = format!("/children/{}/access", access.child_id);
    let view = View {
        title_key: "access-title",
        lead_key: "access-lead",
        path,
        csv: false,
        show_child: false,
    };
    render(t, &caller, view, &name, &entries)
}

async fn show_child_audit(
    State(state): State<AppState>,
    t: Tr,
    caller: Caller,
    access: ChildAccess,
    ctx: AuditCtx,
) -> Result<Response, AppError> {
    let subject = Subject::Child { access, staff_only: false };
    let (name, entries) = read_log(&state, &caller, &ctx, subject, AuditAction::View).await?;
    let path = format!("/admin/children/{}/audit", access.child_id);
    let view = View {
        title_key: "audit-child-title",
        lead_key: "audit-child-lead",
        path,
        csv: true,
        show_child: false,
    };
    render(t, &caller, view, &name, &entries)
}

async fn export_child_audit(
    State(state): State<AppState>,
    caller: Caller,
    access: ChildAccess,
    ctx: AuditCtx,
) -> Result<Response, AppError> {
    let subject = Subject::Child { access, staff_only: false };
    let (_, entries) = read_log(&state, &caller, &ctx, subject, AuditAction::Export).await?;
    Ok(csv_download(&format!("audit-child-{}.csv", access.child_id), &entries))
}

fn person_id(text: &str) -> Result<Uuid, AppError> {
    Uuid::parse_str(text).map_err(|_| AppError::NotFound)
}

async fn show_person_audit(
    State(state): State<AppState>,
    t: Tr,
    caller: Caller,
    ctx: AuditCtx,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let id = person_id(&id)?;
    let (name, entries) =
        read_log(&state, &caller, &ctx, Subject::Person(id), AuditAction::View).await?;
    let path = format!("/admin/people/{id}/audit");
    let view = View {
        title_key: "audit-person-title",
        lead_key: "audit-person-lead",
        path,
        csv: true,
        show_child: true,
    };
    render(t, &caller, view, &name, &entries)
}

async fn export_person_audit(
    State(state): State<AppState>,
    caller: Caller,
    ctx: AuditCtx,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let id = person_id(&id)?;
    let (_, entries) =
        read_log(&state, &caller, &ctx, Subject::Person(id), AuditAction::Export).await?;
    Ok(csv_download(&format!("audit-person-{id}.csv"), &entries))
}
