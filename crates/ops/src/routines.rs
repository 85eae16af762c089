//! A household's routines: the standard ones and its own, each with an
//! optional usual time. Guardians and the care team change them; everyone
//! tied to the child reads them (the plan names them).

use carryover_domain::{
    audit::{AuditAction, AuditResource},
    routine::{ROUTINE_NAME_MAX_CHARS, RoutineRef, StandardRoutine, UsualTime},
    text::check_line,
};
use carryover_store::{audit, children, routines};
use serde::{Deserialize, Serialize};

pub use carryover_store::routines::{HouseholdRoutines, OwnRoutine};

use crate::{ChildGrant, OpError, Ops, Problem, Who, error::Fields, scope::full};

/// One routine as a page lists it.
#[derive(Clone, Debug, Serialize)]
pub struct RoutineLine {
    /// What forms send: a standard code or an own routine's id.
    pub key: String,
    pub standard: Option<StandardRoutine>,
    /// The household's name for its own routine.
    pub name: Option<String>,
    pub usual_time: Option<UsualTime>,
}

#[derive(Clone, Debug, Serialize)]
pub struct RoutinesView {
    pub child_name: String,
    pub routines: Vec<RoutineLine>,
    /// Guardians and the care team; not helpers.
    pub can_change: bool,
}

/// Every routine of the household: the standard ones first, then its own.
pub fn lines(routines: &HouseholdRoutines) -> Vec<RoutineLine> {
    let standard = StandardRoutine::ALL.into_iter().map(|routine| RoutineLine {
        key: routine.as_str().to_owned(),
        standard: Some(routine),
        name: None,
        usual_time: routines.usual_time(RoutineRef::Standard(routine)),
    });
    let own = routines.own.iter().map(|r| RoutineLine {
        key: r.routine_id.to_string(),
        standard: None,
        name: Some(r.name.clone()),
        usual_time: r.usual_time,
    });
    standard.chain(own).collect()
}

pub async fn view(ops: &Ops, who: &Who, grant: &ChildGrant) -> Result<RoutinesView, OpError> {
    let mut tx = ops.db.begin_write().await?;
    let basics = children::child_basics(&mut tx, grant).await?;
    let found = routines::routines(&mut tx, grant).await?;
    let event = who.event(AuditAction::View, AuditResource::Routine, None, Some(grant.child_id()));
    audit::append(&mut tx, &event, ops.now()).await?;
    tx.commit().await?;
    Ok(RoutinesView {
        child_name: basics.preferred_name,
        routines: lines(&found),
        can_change: grant.full().is_some(),
    })
}

#[derive(Clone, Debug, Default, Deserialize, utoipa::ToSchema)]
#[schema(example = json!({"name": "Walk to the park", "usual_time": "16:30"}))]
pub struct NewRoutineInput {
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub usual_time: String,
}

/// An empty field clears the time; anything else must be a clock time.
fn optional_time(fields: &mut Fields, text: &str) -> Option<Option<UsualTime>> {
    if text.trim().is_empty() {
        return Some(None);
    }
    fields.some("usual_time", UsualTime::parse(text).map(Some), Problem::InvalidTime)
}

/// Adds one of the household's own routines.
pub async fn add(
    ops: &Ops,
    who: &Who,
    grant: &ChildGrant,
    input: &NewRoutineInput,
) -> Result<uuid::Uuid, OpError> {
    let full = full(grant)?;
    let mut fields = Fields::default();
    let name = fields.check("name", check_line(&input.name, ROUTINE_NAME_MAX_CHARS));
    let time = optional_time(&mut fields, &input.usual_time);
    let (name, time) = fields.finish(name.zip(time))?;
    let mut tx = ops.db.begin_write().await?;
    let id = routines::insert_own(&mut tx, &full, &name, time, ops.now()).await?;
    let event = who.event(
        AuditAction::Create,
        AuditResource::Routine,
        Some(id.to_string()),
        Some(grant.child_id()),
    );
    audit::append(&mut tx, &event, ops.now()).await?;
    tx.commit().await?;
    Ok(id)
}

#[derive(Clone, Debug, Default, Deserialize, utoipa::ToSchema)]
#[schema(example = json!({"usual_time": "07:15"}))]
pub struct UsualTimeInput {
    #[serde(default)]
    pub usual_time: String,
}

/// Sets or clears the usual time of a routine, named by its key. An own
/// routine of another household is not found.
pub async fn set_time(
    ops: &Ops,
    who: &Who,
    grant: &ChildGrant,
    routine_key: &str,
    input: &UsualTimeInput,
) -> Result<(), OpError> {
    let full = full(grant)?;
    let routine = RoutineRef::parse(routine_key).ok_or(OpError::NotFound)?;
    let mut fields = Fields::default();
    let time = optional_time(&mut fields, &input.usual_time);
    let time = fields.finish(time)?;
    let mut tx = ops.db.begin_write().await?;
    routines::set_usual_time(&mut tx, &full, routine, time, ops.now()).await?;
    let event = who.event(
        AuditAction::Update,
        AuditResource::Routine,
        Some(routine.key()),
        Some(grant.child_id()),
    );
    audit::append(&mut tx, &event, ops.now()).await?;
    tx.commit().await?;
    Ok(())
}
