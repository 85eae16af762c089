use axum::{
    extract::State,
    response::{IntoResponse, Redirect, Response},
};
use carryover_domain::{audit::AuditAction, people::Role};
use carryover_store::{audit, children};

use super::MaybeCaller;
use super::Routes;
use crate::{
    AppState,
    auth::{AuditCtx, Caller},
    error::AppError,
    i18n::Tr,
    pages::{self, Chrome, HomePage, LandingPage},
};

pub fn routes() -> Routes {
    Routes::new().get("/", show_landing).get("/home", show_home)
}

async fn show_landing(t: Tr, MaybeCaller(caller): MaybeCaller) -> Result<Response, AppError> {
    if caller.is_some() {
        return Ok(Redirect::to("/home").into_response());
    }
    pages::render(&LandingPage { t, c: Chrome::new(None, "/") })
}

/// Each person's start page: a caregiver's children, a therapist's caseload,
/// an admin's clinic. Listing children is a read of their information.
async fn show_home(
    State(state): State<AppState>,
    t: Tr,
    caller: Caller,
    ctx: AuditCtx,
) -> Result<Response, AppError> {
    let now = state.clock.now();
    let mut tx = state.db.begin_write().await?;
    let children = children::children_in_scope(&mut tx, &caller.scope()).await?;
    audit::append(&mut tx, &ctx.event(AuditAction::List, "child", None, None), now).await?;
    carryover_store::commit(tx).await?;
    let role = caller.person.role;
    let page = HomePage {
        c: Chrome::new(Some(&caller), "/home"),
        is_caregiver: role == Role::Caregiver,
        is_admin: role == Role::Admin,
        children,
        t,
    };
    pages::render(&page)
}
