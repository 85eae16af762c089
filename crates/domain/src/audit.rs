//! The audit trail: one row per read or write of a child's information, each
//! hashed together with the row before it, so that a changed or removed row
//! breaks the chain. IDs only: never note text.

use serde::Serialize;

use crate::code_enum;
use sha2::{Digest, Sha256};

code_enum! {
    pub enum AuditAction {
        View = "view",
        List = "list",
        Create = "create",
        Update = "update",
        Delete = "delete",
        Export = "export",
        SignIn = "sign_in",
        FailedSignIn = "failed_sign_in",
        SignOut = "sign_out",
        Denied = "denied",
        // Issue 10: a new chain is recorded in the 'system' chain, so that a
        // whole chain removed later is missed by name.
        OpenChain = "open_chain",
        ResetSecondFactor = "reset_second_factor",
    }
}

code_enum! {
    /// What kind of thing an audit row is about.
    pub enum AuditResource {
        Child = "child",
        Household = "household",
        Person = "person",
        Session = "session",
        Invitation = "invitation",
        AuditLog = "audit_log",
        Clinic = "clinic",
        /// A child's therapists (issue 9).
        CareTeam = "care_team",
        ApiToken = "api_token",
        // Issue 11, the joint plan.
        Routine = "routine",
        Goal = "goal",
        /// A COPM rating occasion, a GAS scale or a GAS rating.
        Measure = "measure",
        Plan = "plan",
        Assignment = "assignment",
        Strategy = "strategy",
        // Issue 12 part A: practice logs.
        PracticeLog = "practice_log",
        /// Issue 12 part C: a caregiver's calendar feed link.
        CalendarFeed = "calendar_feed",
        // Issue 12 part B: reflections and feedback threads.
        Reflection = "reflection",
        /// A feedback thread: its messages and read markers.
        Feedback = "feedback",
        // Issue 13, coaching sessions.
        /// A planned visit.
        Visit = "visit",
        /// A visit record, its note and addenda.
        CoachingSession = "coaching_session",
        // Issue 14: a child's progress figures, and the progress report.
        Progress = "progress",
        Report = "report",
        /// The admin's clinic figures over a period: many children, none shown alone.
        ClinicMetrics = "clinic_metrics",
    }
}

/// The fields of an audit row that its hash covers, as stored text.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct AuditFields {
    pub audit_event_id: String,
    pub chain: String,
    pub seq: i64,
    pub occurred_at: String,
    pub clinic_id: Option<String>,
    pub actor_id: Option<String>,
    pub actor_role: Option<String>,
    pub action: String,
    pub resource_type: String,
    pub resource_id: Option<String>,
    pub child_id: Option<String>,
    pub outcome: String,
    pub request_id: Option<String>,
    pub client_addr: Option<String>,
    /// The children a list view showed, sorted; empty for every other row.
    pub children: Vec<String>,
}

/// The hash every chain starts from.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// SHA-256 over the previous row's hash and this row's fields, each field
/// length-prefixed so that no two different rows can encode alike.
pub fn chain_hash(previous: &str, row: &AuditFields) -> String {
    let mut hasher = Sha256::new();
    let mut put = |field: Option<&str>| match field {
        None => hasher.update(b"-;"),
        Some(text) => {
            hasher.update(text.len().to_string().as_bytes());
            hasher.update(b":");
            hasher.update(text.as_bytes());
            hasher.update(b";");
        }
    };
    put(Some(previous));
    put(Some(&row.audit_event_id));
    put(Some(&row.chain));
    put(Some(&row.seq.to_string()));
    put(Some(&row.occurred_at));
    put(row.clinic_id.as_deref());
    put(row.actor_id.as_deref());
    put(row.actor_role.as_deref());
    put(Some(&row.action));
    put(Some(&row.resource_type));
    put(row.resource_id.as_deref());
    put(row.child_id.as_deref());
    put(Some(&row.outcome));
    put(row.request_id.as_deref());
    put(row.client_addr.as_deref());
    // Rows written before list views named their children hash exactly as
    // they did then: the list is hashed only when there is one.
    if !row.children.is_empty() {
        put(Some("children"));
        for child in &row.children {
            put(Some(child));
        }
    }
    hex::encode(hasher.finalize())
}

/// A stored row: its fields and the two hashes stored beside them.
#[derive(Clone, Debug)]
pub struct StoredAuditRow {
    pub fields: AuditFields,
    pub prev_hash: String,
    pub row_hash: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BrokenLink {
    pub chain: String,
    pub seq: i64,
    pub audit_event_id: String,
    pub reason: &'static str,
}

/// Walks one chain in `seq` order and reports the first row that does not
/// follow from the one before it.
pub fn verify_chain<'a>(
    rows: impl IntoIterator<Item = &'a StoredAuditRow>,
) -> Result<usize, BrokenLink> {
    let mut previous = GENESIS.to_owned();
    let mut count = 0;
    for (expected_seq, row) in (1..).zip(rows) {
        let broken = |reason| BrokenLink {
            chain: row.fields.chain.clone(),
            seq: row.fields.seq,
            audit_event_id: row.fields.audit_event_id.clone(),
            reason,
        };
        if row.fields.seq != expected_seq {
            return Err(broken("a row is missing before this one"));
        }
        if row.prev_hash != previous {
            return Err(broken("this row does not point to the row before it"));
        }
        if chain_hash(&previous, &row.fields) != row.row_hash {
            return Err(broken("this row was changed after it was written"));
        }
        previous = row.row_hash.clone();
        count += 1;
    }
    Ok(count)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chain(n: i64) -> Vec<StoredAuditRow> {
        let mut previous = GENESIS.to_owned();
        (1..=n)
            .map(|seq| {
                let fields = AuditFields {
                    audit_event_id: format!("event-{seq}"),
                    chain: "clinic-a".into(),
                    seq,
                    occurred_at: "2026-11-02T09:00:00.000000Z".into(),
                    action: "view".into(),
                    resource_type: "child".into(),
                    child_id: Some("child-1".into()),
                    outcome: "success".into(),
                    ..AuditFields::default()
                };
                let row_hash = chain_hash(&previous, &fields);
                let row = StoredAuditRow {
                    fields,
                    prev_hash: previous.clone(),
                    row_hash: row_hash.clone(),
                };
                previous = row_hash;
                row
            })
            .collect()
    }

    #[test]
    fn an_untouched_chain_verifies() {
        assert_eq!(verify_chain(&chain(5)), Ok(5));
    }

    #[test]
    fn a_changed_field_is_found_at_its_row() {
        let mut rows = chain(5);
        rows[2].fields.child_id = Some("child-2".into());
        let broken = verify_chain(&rows).unwrap_err();
        assert_eq!((broken.seq, broken.reason), (3, "this row was changed after it was written"));
    }

    #[test]
    fn a_removed_row_is_found() {
        let mut rows = chain(5);
        rows.remove(1);
        assert_eq!(verify_chain(&rows).unwrap_err().seq, 3);
    }

    #[test]
    fn the_children_of_a_list_view_are_part_of_its_hash() {
        let listed = AuditFields { children: vec!["child-1".into()], ..AuditFields::default() };
        let other = AuditFields { children: vec!["child-2".into()], ..AuditFields::default() };
        assert_ne!(chain_hash(GENESIS, &listed), chain_hash(GENESIS, &other));
        assert_ne!(chain_hash(GENESIS, &listed), chain_hash(GENESIS, &AuditFields::default()));
    }

    #[test]
    fn a_missing_field_and_an_empty_field_hash_differently() {
        let row = AuditFields { resource_id: None, ..AuditFields::default() };
        let empty = AuditFields { resource_id: Some(String::new()), ..AuditFields::default() };
        assert_ne!(chain_hash(GENESIS, &row), chain_hash(GENESIS, &empty));
    }
}
