//! A family's copy of its data (PRODUCT.md §3): everything a guardian can
//! see about their child, as one serializable bundle. The web layer writes
//! it as JSON and CSV files in a zip; the API returns it as it is. Later
//! features (goals, plans, practice logs, messages) add their sections here.

use carryover_domain::{
    access::ChildTie,
    audit::AuditAction,
    people::{Access, Relationship},
    record::{DischargeReason, HomeLanguage, iso_date},
};
use carryover_store::{AnyConnection, audit, children, grant::FullGrant};
use time::OffsetDateTime;
use uuid::Uuid;

use crate::{ChildGrant, OpError, Ops, Who};

/// The child's record, as the guardian sees it on the child's page.
#[derive(Clone, Debug, serde::Serialize)]
pub struct ChildSection {
    pub child_id: Uuid,
    pub preferred_name: String,
    pub household_name: String,
    /// `YYYY-MM-DD`, or null when not known.
    pub date_of_birth: Option<String>,
    pub home_languages: Vec<HomeLanguage>,
    pub notes: String,
    /// `YYYY-MM-DD` of the discharge, or null while the child is seen.
    pub discharged_on: Option<String>,
    pub discharge_reason: Option<DischargeReason>,
    pub discharge_note: Option<String>,
}

#[derive(Clone, Debug, serde::Serialize)]
pub struct CaregiverSection {
    pub name: String,
    pub relationship: Relationship,
    pub access: Access,
}

#[derive(Clone, Debug, serde::Serialize)]
pub struct TeamSection {
    pub name: String,
    pub is_primary: bool,
}

/// One time clinic staff opened the record (what the guardian's access page lists).
#[derive(Clone, Debug, serde::Serialize)]
pub struct AccessSection {
    #[serde(with = "time::serde::rfc3339")]
    pub occurred_at: OffsetDateTime,
    pub who: Option<String>,
    pub role: Option<String>,
    pub action: String,
    pub what: String,
}

/// Everything about one child that the guardian can see.
#[derive(Clone, Debug, serde::Serialize)]
pub struct ChildBundle {
    #[serde(with = "time::serde::rfc3339")]
    pub exported_at: OffsetDateTime,
    pub child: ChildSection,
    pub caregivers: Vec<CaregiverSection>,
    pub care_team: Vec<TeamSection>,
    pub record_access: Vec<AccessSection>,
}

/// Every field of the bundle, as `section.field`: each gets a short
/// description in the download (the web layer's translations).
pub const FIELDS: &[&str] = &[
    "exported_at",
    "child.child_id",
    "child.preferred_name",
    "child.household_name",
    "child.date_of_birth",
    "child.home_languages",
    "child.notes",
    "child.discharged_on",
    "child.discharge_reason",
    "child.discharge_note",
    "caregivers.name",
    "caregivers.relationship",
    "caregivers.access",
    "care_team.name",
    "care_team.is_primary",
    "record_access.occurred_at",
    "record_access.who",
    "record_access.role",
    "record_access.action",
    "record_access.what",
];

/// The guardian's download, audited as an export.
pub async fn for_guardian(
    ops: &Ops,
    who: &Who,
    grant: &ChildGrant,
) -> Result<ChildBundle, OpError> {
    if grant.tie() != ChildTie::Guardian {
        return Err(OpError::NotFound);
    }
    let full = grant.full().ok_or(OpError::NotFound)?;
    let now = ops.now();
    let mut tx = ops.db.begin_write().await?;
    let bundle = child_bundle(&mut tx, &full, now).await?;
    audit::append(&mut tx, &who.child_event(AuditAction::Export, grant.child_id()), now).await?;
    tx.commit().await?;
    Ok(bundle)
}

/// Composes the bundle from what the grant may read.
pub async fn child_bundle(
    conn: &mut AnyConnection,
    full: &FullGrant,
    now: OffsetDateTime,
) -> Result<ChildBundle, OpError> {
    let basics = children::child_basics(conn, full.child()).await?;
    let details = children::child_details(conn, full).await?;
    // The whole log, unpaged: the copy holds everything the access page can show.
    let all = audit::Window::default();
    let entries = audit::for_child(conn, full.clinic_id(), full.child_id(), true, all).await?;
    let discharge = details.discharge.as_ref();
    Ok(ChildBundle {
        exported_at: now,
        child: ChildSection {
            child_id: basics.child_id,
            preferred_name: basics.preferred_name,
            household_name: basics.household_name,
            date_of_birth: details.date_of_birth.map(iso_date),
            home_languages: details.home_languages,
            notes: details.notes,
            discharged_on: discharge.map(|d| iso_date(d.on)),
            discharge_reason: discharge.map(|d| d.reason),
            discharge_note: discharge.map(|d| d.note.clone()),
        },
        caregivers: details
            .caregivers
            .into_iter()
            .map(|c| CaregiverSection {
                name: c.display_name,
                relationship: c.relationship,
                access: c.access,
            })
            .collect(),
        care_team: basics
            .care_team
            .into_iter()
            .map(|m| TeamSection { name: m.display_name, is_primary: m.is_primary })
            .collect(),
        record_access: entries
            .into_iter()
            .map(|e| AccessSection {
                occurred_at: e.occurred_at.0,
                who: e.actor_name,
                role: e.actor_role,
                action: e.action,
                what: e.resource_type,
            })
            .collect(),
    })
}
