//! A child's record, and who at the clinic opened it.

use axum::{extract::State, response::Response};
use carryover_domain::{access::ChildTie, audit::AuditAction};
use carryover_store::{audit, children};

use super::Routes;
use crate::{
    AppState,
    auth::{AuditCtx, Caller, ChildAccess},
    error::AppError,
    i18n::Tr,
    pages::{self, ChildPage, Chrome},
};

pub fn routes() -> Routes {
    Routes::new().get("/children/{child_id}", show_child)
}

async fn show_child(
    State(state): State<AppState>,
    t: Tr,
    caller: Caller,
    access: ChildAccess,
    ctx: AuditCtx,
) -> Result<Response, AppError> {
    let now = state.clock.now();
    let mut tx = state.db.begin_write().await?;
    let record = children::child_record(&mut tx, &caller.scope(), access.child_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let event = ctx.event(
        AuditAction::View,
        "child",
        Some(access.child_id.to_string()),
        Some(access.child_id),
    );
    audit::append(&mut tx, &event, now).await?;
    carryover_store::commit(tx).await?;
    let caregivers = record
        .caregivers
        .iter()
        .map(|c| {
            (
                c.display_name.clone(),
                t.get(&format!("relationship-{}", c.relationship)),
                t.get(&format!("access-{}", c.access)),
            )
        })
        .collect();
    let care_team =
        record.care_team.iter().map(|m| (m.display_name.clone(), m.is_primary)).collect();
    let page = ChildPage {
        c: Chrome::new(Some(&caller), format!("/children/{}", access.child_id)),
        full_record: access.tie != ChildTie::Helper,
        is_guardian: access.tie == ChildTie::Guardian,
        is_admin: access.tie == ChildTie::ClinicAdmin,
        can_invite: matches!(access.tie, ChildTie::CareTeam | ChildTie::ClinicAdmin),
        child: record,
        caregivers,
        care_team,
        t,
    };
    pages::render(&page)
}
