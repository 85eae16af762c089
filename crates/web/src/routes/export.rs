//! A guardian downloads a copy of everything Carryover holds about their child.

use axum::{
    extract::State,
    http::header,
    response::{IntoResponse, Response},
};
use carryover_ops::export;

use carryover_ops::Operation;

use super::Routes;
use crate::{
    AppState,
    auth::{Caller, Grant},
    error::AppError,
    export_zip,
    pages::Page,
};

pub fn routes() -> Routes {
    Routes::new()
        .get("/children/{child_id}/export.zip", download_copy)
        .calls(Operation::ExportChild)
}

async fn download_copy(
    State(state): State<AppState>,
    page: Page,
    caller: Caller,
    grant: Grant,
) -> Result<Response, AppError> {
    let bundle = export::for_guardian(&state.ops, &caller.who, &grant.0).await?;
    let bytes = export_zip::write(&page.t, &bundle)?;
    let disposition = format!("attachment; filename=\"carryover-{}.zip\"", grant.child_id());
    let headers = [
        (header::CONTENT_TYPE, "application/zip".to_owned()),
        (header::CONTENT_DISPOSITION, disposition),
    ];
    Ok((headers, bytes).into_response())
}
