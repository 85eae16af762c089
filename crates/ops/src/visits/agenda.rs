//! The seam to the family's side (issue 12, feedback): what was flagged
//! since the last visit and the caregiver's latest reflection pre-fill
//! today's agenda, and ending a visit marks the flags raised in it handled.
//!
//! Until the feedback branch is merged there are no flags or reflections:
//! these return nothing and mark nothing. At merge, `prefill` reads
//! `crate::reflections::open_flags(grant)` and `latest_reflection(grant)`,
//! and `mark_handled` marks those flags handled in the caller's transaction.

use carryover_store::{AnyConnection, WriteTx};
use serde::Serialize;
use uuid::Uuid;

use crate::{ChildGrant, OpError};

/// One item flagged by the family since the last visit.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FlaggedItem {
    pub flag_id: Uuid,
    /// The line the agenda starts with, in the family's words.
    pub text: String,
}

/// What pre-fills today's agenda.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct AgendaPrefill {
    pub flagged: Vec<FlaggedItem>,
    pub latest_reflection: Option<String>,
}

impl AgendaPrefill {
    /// The agenda's first text: one line per flagged item, then the reflection.
    pub fn text(&self) -> String {
        let mut lines: Vec<String> = self.flagged.iter().map(|f| format!("- {}", f.text)).collect();
        if let Some(reflection) = &self.latest_reflection {
            lines.push(format!("- {reflection}"));
        }
        lines.join("\n")
    }
}

/// The flagged items and latest reflection of the child (empty until the
/// feedback branch is merged).
pub async fn prefill(
    _conn: &mut AnyConnection,
    _grant: &ChildGrant,
) -> Result<AgendaPrefill, OpError> {
    Ok(AgendaPrefill::default())
}

/// Marks the flags raised in a visit handled, in the caller's transaction
/// (nothing to mark until the feedback branch is merged).
pub async fn mark_handled(
    _tx: &mut WriteTx,
    _grant: &ChildGrant,
    _flags: &[Uuid],
) -> Result<(), OpError> {
    Ok(())
}
