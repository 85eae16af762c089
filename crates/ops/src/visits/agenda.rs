//! The family's side of a visit (issue 12, feedback): what was flagged since
//! the last visit and the caregiver's latest reflection pre-fill today's
//! agenda, and ending a visit marks the flags open then handled — they were
//! on its agenda. The visit's one audit row covers them, as it covers the
//! plan version agreed in it.

use carryover_domain::{people::Language, reflection::FlagHandled};
use carryover_store::{AnyConnection, WriteTx, reflections};
use serde::Serialize;
use time::OffsetDateTime;
use uuid::Uuid;

use crate::{ChildGrant, OpError, reflections::ReflectionView};
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

/// The open flags and the latest reflection of the child, in the family's
/// words (a flagged reflection without words names its strategy).
pub async fn prefill(
    conn: &mut AnyConnection,
    grant: &ChildGrant,
) -> Result<AgendaPrefill, OpError> {
    let Some(full) = grant.full() else {
        return Ok(AgendaPrefill::default());
    };
    let flagged: Vec<FlaggedItem> = crate::reflections::open_flags(conn, &full)
        .await?
        .iter()
        .map(|r| FlaggedItem { flag_id: r.reflection_id, text: said(r) })
        .collect();
    let latest = crate::reflections::latest_reflection(conn, &full)
        .await?
        .filter(|r| !flagged.iter().any(|f| f.flag_id == r.reflection_id))
        .map(|r| said(&r))
        .filter(|text| !text.is_empty());
    Ok(AgendaPrefill { flagged, latest_reflection: latest })
}

fn said(reflection: &ReflectionView) -> String {
    let words = reflection.words.trim();
    if !words.is_empty() {
        return words.to_owned();
    }
    let strategy = reflection.strategy.as_ref().and_then(|s| s.text(Language::En));
    strategy.map(|(text, _)| text.title.clone()).unwrap_or_default()
}

/// Marks every flag still open when the visit ends handled, in the caller's
/// transaction; returns the reflections it handled.
pub async fn mark_handled(
    tx: &mut WriteTx,
    grant: &ChildGrant,
    now: OffsetDateTime,
) -> Result<Vec<Uuid>, OpError> {
    let Some(full) = grant.full() else {
        return Ok(Vec::new());
    };
    let mut handled = Vec::new();
    for flag in reflections::open_flags(tx, &full).await? {
        if reflections::handle_flag(tx, &full, flag.reflection_id, FlagHandled::Answered, now)
            .await?
        {
            handled.push(flag.reflection_id);
        }
    }
    Ok(handled)
}
