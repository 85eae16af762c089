//! The audit trail. Rows are appended inside the transaction of the read or
//! write they record, chained by hash per clinic; the database refuses to
//! change or remove them (triggers in the migrations).

use carryover_domain::audit::{AuditAction, AuditFields, GENESIS, StoredAuditRow, chain_hash};
use sqlx::{AnyConnection, FromRow};
use time::OffsetDateTime;
use uuid::Uuid;

use crate::{Db, StoreError, time_text};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    Success,
    Denied,
    Failure,
}

impl Outcome {
    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Success => "success",
            Outcome::Denied => "denied",
            Outcome::Failure => "failure",
        }
    }
}

#[derive(Clone, Debug)]
pub struct NewAuditEvent {
    pub clinic_id: Option<Uuid>,
    pub actor_id: Option<Uuid>,
    pub actor_role: Option<&'static str>,
    pub action: AuditAction,
    pub resource_type: &'static str,
    pub resource_id: Option<String>,
    pub child_id: Option<Uuid>,
    pub outcome: Outcome,
    pub request_id: Option<Uuid>,
    pub client_addr: Option<String>,
}

/// Appends one row. Callers pass their write transaction, so the row commits
/// or rolls back with what it records.
pub async fn append(
    conn: &mut AnyConnection,
    event: &NewAuditEvent,
    now: OffsetDateTime,
) -> Result<(), StoreError> {
    let chain = event.clinic_id.map_or_else(|| "system".to_owned(), |id| id.to_string());
    sqlx::query(
        "INSERT INTO audit_chain_head (chain, last_seq, last_hash) VALUES ($1, 0, $2) \
         ON CONFLICT (chain) DO NOTHING",
    )
    .bind(chain.as_str())
    .bind(GENESIS)
    .execute(&mut *conn)
    .await?;
    // The UPDATE locks the head row, so concurrent writers on PostgreSQL take turns.
    let (seq, prev_hash): (i64, String) = sqlx::query_as(
        "UPDATE audit_chain_head SET last_seq = last_seq + 1 WHERE chain = $1 RETURNING last_seq, last_hash",
    )
    .bind(chain.as_str())
    .fetch_one(&mut *conn)
    .await?;
    let fields = AuditFields {
        audit_event_id: Uuid::now_v7().to_string(),
        chain: chain.clone(),
        seq,
        occurred_at: time_text::to_text(now),
        clinic_id: event.clinic_id.map(|id| id.to_string()),
        actor_id: event.actor_id.map(|id| id.to_string()),
        actor_role: event.actor_role.map(str::to_owned),
        action: event.action.as_str().to_owned(),
        resource_type: event.resource_type.to_owned(),
        resource_id: event.resource_id.clone(),
        child_id: event.child_id.map(|id| id.to_string()),
        outcome: event.outcome.as_str().to_owned(),
        request_id: event.request_id.map(|id| id.to_string()),
        client_addr: event.client_addr.clone(),
    };
    let row_hash = chain_hash(&prev_hash, &fields);
    sqlx::query(
        "INSERT INTO audit_event (audit_event_id, chain, seq, occurred_at, clinic_id, actor_id, actor_role, \
         action, resource_type, resource_id, child_id, outcome, request_id, client_addr, prev_hash, row_hash) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)",
    )
    .bind(fields.audit_event_id.as_str())
    .bind(fields.chain.as_str())
    .bind(fields.seq)
    .bind(fields.occurred_at.as_str())
    .bind(fields.clinic_id.clone())
    .bind(fields.actor_id.clone())
    .bind(fields.actor_role.clone())
    .bind(fields.action.as_str())
    .bind(fields.resource_type.as_str())
    .bind(fields.resource_id.clone())
    .bind(fields.child_id.clone())
    .bind(fields.outcome.as_str())
    .bind(fields.request_id.clone())
    .bind(fields.client_addr.clone())
    .bind(prev_hash.as_str())
    .bind(row_hash.as_str())
    .execute(&mut *conn)
    .await?;
    sqlx::query("UPDATE audit_chain_head SET last_hash = $1 WHERE chain = $2")
        .bind(row_hash.as_str())
        .bind(chain.as_str())
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// One line of an audit view, with the actor's name for people to read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AuditEntry {
    pub occurred_at: String,
    pub actor_id: Option<String>,
    pub actor_name: Option<String>,
    pub actor_role: Option<String>,
    pub action: String,
    pub resource_type: String,
    pub resource_id: Option<String>,
    pub child_id: Option<String>,
    pub child_name: Option<String>,
    pub outcome: String,
    pub request_id: Option<String>,
    pub client_addr: Option<String>,
}

#[derive(FromRow)]
struct EntryRow {
    occurred_at: String,
    actor_id: Option<String>,
    actor_name: Option<String>,
    actor_role: Option<String>,
    action: String,
    resource_type: String,
    resource_id: Option<String>,
    child_id: Option<String>,
    child_name: Option<String>,
    outcome: String,
    request_id: Option<String>,
    client_addr: Option<String>,
}

impl From<EntryRow> for AuditEntry {
    fn from(r: EntryRow) -> Self {
        AuditEntry {
            occurred_at: r.occurred_at,
            actor_id: r.actor_id,
            actor_name: r.actor_name,
            actor_role: r.actor_role,
            action: r.action,
            resource_type: r.resource_type,
            resource_id: r.resource_id,
            child_id: r.child_id,
            child_name: r.child_name,
            outcome: r.outcome,
            request_id: r.request_id,
            client_addr: r.client_addr,
        }
    }
}

const ENTRY_SELECT: &str = "SELECT a.occurred_at, a.actor_id, p.display_name AS actor_name, a.actor_role, \
     a.action, a.resource_type, a.resource_id, a.child_id, c.preferred_name AS child_name, a.outcome, \
     a.request_id, a.client_addr FROM audit_event a \
     LEFT JOIN person p ON p.person_id = a.actor_id \
     LEFT JOIN child c ON c.child_id = a.child_id AND c.clinic_id = a.clinic_id";

/// Every access to one child recorded in this clinic, newest first.
/// `staff_only` keeps the rows of clinic staff (what a guardian is shown).
pub async fn for_child(
    conn: &mut AnyConnection,
    clinic_id: Uuid,
    child_id: Uuid,
    staff_only: bool,
) -> Result<Vec<AuditEntry>, StoreError> {
    let staff = if staff_only { " AND a.actor_role IN ('admin', 'therapist')" } else { "" };
    let sql = format!(
        "{ENTRY_SELECT} WHERE a.clinic_id = $1 AND a.child_id = $2{staff} ORDER BY a.occurred_at DESC, a.seq DESC"
    );
    Ok(sqlx::query_as::<_, EntryRow>(sqlx::AssertSqlSafe(sql))
        .bind(clinic_id.to_string())
        .bind(child_id.to_string())
        .fetch_all(conn)
        .await?
        .into_iter()
        .map(AuditEntry::from)
        .collect())
}

/// Everything one person did in this clinic, newest first.
pub async fn by_actor(
    conn: &mut AnyConnection,
    clinic_id: Uuid,
    person_id: Uuid,
) -> Result<Vec<AuditEntry>, StoreError> {
    let sql = format!(
        "{ENTRY_SELECT} WHERE a.clinic_id = $1 AND a.actor_id = $2 ORDER BY a.occurred_at DESC, a.seq DESC"
    );
    Ok(sqlx::query_as::<_, EntryRow>(sqlx::AssertSqlSafe(sql))
        .bind(clinic_id.to_string())
        .bind(person_id.to_string())
        .fetch_all(conn)
        .await?
        .into_iter()
        .map(AuditEntry::from)
        .collect())
}

#[derive(FromRow)]
struct StoredRow {
    audit_event_id: String,
    chain: String,
    seq: i64,
    occurred_at: String,
    clinic_id: Option<String>,
    actor_id: Option<String>,
    actor_role: Option<String>,
    action: String,
    resource_type: String,
    resource_id: Option<String>,
    child_id: Option<String>,
    outcome: String,
    request_id: Option<String>,
    client_addr: Option<String>,
    prev_hash: String,
    row_hash: String,
}

impl Db {
    /// The names of every audit chain.
    pub async fn audit_chains(&self) -> Result<Vec<String>, StoreError> {
        Ok(sqlx::query_scalar("SELECT DISTINCT chain FROM audit_event ORDER BY chain")
            .fetch_all(self.reader())
            .await?)
    }

    /// One chain's rows in order, as stored.
    pub async fn audit_chain(&self, chain: &str) -> Result<Vec<StoredAuditRow>, StoreError> {
        let rows: Vec<StoredRow> = sqlx::query_as(
            "SELECT audit_event_id, chain, seq, occurred_at, clinic_id, actor_id, actor_role, action, \
             resource_type, resource_id, child_id, outcome, request_id, client_addr, prev_hash, row_hash \
             FROM audit_event WHERE chain = $1 ORDER BY seq",
        )
        .bind(chain)
        .fetch_all(self.reader())
        .await?;
        Ok(rows
            .into_iter()
            .map(|r| StoredAuditRow {
                fields: AuditFields {
                    audit_event_id: r.audit_event_id,
                    chain: r.chain,
                    seq: r.seq,
                    occurred_at: r.occurred_at,
                    clinic_id: r.clinic_id,
                    actor_id: r.actor_id,
                    actor_role: r.actor_role,
                    action: r.action,
                    resource_type: r.resource_type,
                    resource_id: r.resource_id,
                    child_id: r.child_id,
                    outcome: r.outcome,
                    request_id: r.request_id,
                    client_addr: r.client_addr,
                },
                prev_hash: r.prev_hash,
                row_hash: r.row_hash,
            })
            .collect())
    }
}
