//! The audit trail. Rows are appended inside the write transaction of the
//! read or write they record, chained by hash per clinic; the database
//! refuses to change or remove them (triggers in the migrations).

use carryover_domain::{
    audit::{AuditAction, AuditFields, AuditResource, GENESIS, StoredAuditRow, chain_hash},
    audit_seal::ChainHead,
};
use sqlx::{AnyConnection, FromRow};
use time::OffsetDateTime;
use uuid::Uuid;

use crate::{
    Db, StoreError, WriteTx,
    codec::{At, Id},
    time_text,
};

/// The clinic id the 'system' chain is filed under (sign-ins of unknown addresses).
pub const SYSTEM_CLINIC: Uuid = Uuid::nil();

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
    /// `None` files the row in the 'system' chain.
    pub clinic_id: Option<Uuid>,
    pub actor_id: Option<Uuid>,
    pub actor_role: Option<&'static str>,
    pub action: AuditAction,
    pub resource_type: AuditResource,
    pub resource_id: Option<String>,
    pub child_id: Option<Uuid>,
    pub outcome: Outcome,
    pub request_id: Option<Uuid>,
    pub client_addr: Option<String>,
}

/// Appends one row inside the caller's write transaction, so the row commits
/// or rolls back with what it records.
pub async fn append(
    tx: &mut WriteTx,
    event: &NewAuditEvent,
    now: OffsetDateTime,
) -> Result<(), StoreError> {
    append_listing(tx, event, &[], now).await
}

/// Appends one row for a view that showed several children, and the ids of
/// those children beside it (one chained row, not one per child).
pub async fn append_listing(
    tx: &mut WriteTx,
    event: &NewAuditEvent,
    children: &[Uuid],
    now: OffsetDateTime,
) -> Result<(), StoreError> {
    let clinic = event.clinic_id.unwrap_or(SYSTEM_CLINIC);
    let chain = event.clinic_id.map_or_else(|| "system".to_owned(), |id| id.to_string());
    let (last_seq, prev_hash) = match take_turn(tx, clinic).await? {
        Some(head) => head,
        None => {
            open_chain(tx, clinic, &chain, event, now).await?;
            take_turn(tx, clinic).await?.ok_or(StoreError::NotFound)?
        }
    };
    let seq = last_seq + 1;
    let mut listed: Vec<String> = children.iter().map(Uuid::to_string).collect();
    listed.sort();
    listed.dedup();
    let fields = AuditFields {
        audit_event_id: Uuid::now_v7().to_string(),
        chain,
        seq,
        occurred_at: time_text::to_text(now)?,
        clinic_id: event.clinic_id.map(|id| id.to_string()),
        actor_id: event.actor_id.map(|id| id.to_string()),
        actor_role: event.actor_role.map(str::to_owned),
        action: event.action.as_str().to_owned(),
        resource_type: event.resource_type.as_str().to_owned(),
        resource_id: event.resource_id.clone(),
        child_id: event.child_id.map(|id| id.to_string()),
        outcome: event.outcome.as_str().to_owned(),
        request_id: event.request_id.map(|id| id.to_string()),
        client_addr: event.client_addr.clone(),
        children: listed,
    };
    let row_hash = chain_hash(&prev_hash, &fields);
    insert_row(tx, clinic, &fields, &prev_hash, &row_hash).await?;
    move_head(tx, clinic, seq, &row_hash).await
}

/// Takes this chain's turn: the no-op UPDATE locks the head row, so that
/// concurrent writers on PostgreSQL append one after another. `None` for a
/// chain that has no head yet.
async fn take_turn(tx: &mut WriteTx, clinic: Uuid) -> Result<Option<(i64, String)>, StoreError> {
    Ok(sqlx::query_as(
        "UPDATE audit_chain_head SET last_seq = last_seq WHERE clinic_id = $1 \
         RETURNING last_seq, last_hash",
    )
    .bind(Id(clinic))
    .fetch_optional(&mut **tx)
    .await?)
}

/// Starts a chain. A clinic's new chain is recorded in the 'system' chain
/// first, so that `audit verify` misses it by name if it is ever removed whole.
async fn open_chain(
    tx: &mut WriteTx,
    clinic: Uuid,
    chain: &str,
    event: &NewAuditEvent,
    now: OffsetDateTime,
) -> Result<(), StoreError> {
    if clinic != SYSTEM_CLINIC {
        let opened = NewAuditEvent {
            clinic_id: None,
            actor_id: None,
            actor_role: None,
            action: AuditAction::OpenChain,
            resource_type: AuditResource::AuditLog,
            resource_id: Some(clinic.to_string()),
            child_id: None,
            outcome: Outcome::Success,
            request_id: event.request_id,
            client_addr: None,
        };
        Box::pin(append_listing(tx, &opened, &[], now)).await?;
    }
    sqlx::query(
        "INSERT INTO audit_chain_head (clinic_id, chain, last_seq, last_hash) VALUES ($1, $2, 0, $3) \
         ON CONFLICT (clinic_id) DO NOTHING",
    )
    .bind(Id(clinic))
    .bind(chain)
    .bind(GENESIS)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

async fn insert_row(
    tx: &mut WriteTx,
    clinic: Uuid,
    fields: &AuditFields,
    prev_hash: &str,
    row_hash: &str,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO audit_event (clinic_id, seq, audit_event_id, chain, occurred_at, actor_id, actor_role, \
         action, resource_type, resource_id, child_id, outcome, request_id, client_addr, prev_hash, row_hash) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)",
    )
    .bind(Id(clinic))
    .bind(fields.seq)
    .bind(fields.audit_event_id.as_str())
    .bind(fields.chain.as_str())
    .bind(fields.occurred_at.as_str())
    .bind(fields.actor_id.clone())
    .bind(fields.actor_role.clone())
    .bind(fields.action.as_str())
    .bind(fields.resource_type.as_str())
    .bind(fields.resource_id.clone())
    .bind(fields.child_id.clone())
    .bind(fields.outcome.as_str())
    .bind(fields.request_id.clone())
    .bind(fields.client_addr.clone())
    .bind(prev_hash)
    .bind(row_hash)
    .execute(&mut **tx)
    .await?;
    // A caseload lists dozens of children: a few statements of many rows,
    // not one statement per child.
    for chunk in fields.children.chunks(CHILDREN_PER_STATEMENT) {
        let mut sql =
            String::from("INSERT INTO audit_event_child (clinic_id, seq, child_id) VALUES ");
        for i in 0..chunk.len() {
            if i > 0 {
                sql.push_str(", ");
            }
            sql.push_str(&format!("($1, $2, ${})", i + 3));
        }
        let mut query = sqlx::query(sqlx::AssertSqlSafe(sql)).bind(Id(clinic)).bind(fields.seq);
        for child in chunk {
            query = query.bind(child.as_str());
        }
        query.execute(&mut **tx).await?;
    }
    Ok(())
}

/// Children of one listing per statement: far below both databases'
/// parameter limits, and few texts for the statement cache.
const CHILDREN_PER_STATEMENT: usize = 100;

/// Moves the head onto the row just written, sealed with the process's key.
async fn move_head(
    tx: &mut WriteTx,
    clinic: Uuid,
    seq: i64,
    row_hash: &str,
) -> Result<(), StoreError> {
    let head =
        ChainHead { clinic_id: clinic.to_string(), last_seq: seq, last_hash: row_hash.into() };
    let seal = tx.seal_key().map(|key| key.seal(&head));
    sqlx::query(
        "UPDATE audit_chain_head SET last_seq = $2, last_hash = $3, signature = $4 WHERE clinic_id = $1",
    )
    .bind(Id(clinic))
    .bind(seq)
    .bind(row_hash)
    .bind(seal)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// One line of an audit view, with the actor's name for people to read.
#[derive(Clone, Debug, PartialEq, Eq, FromRow)]
pub struct AuditEntry {
    pub seq: i64,
    pub occurred_at: At,
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
    /// How many children a list view showed (0 for any other row).
    pub listed: i64,
}

const ENTRY_COLUMNS: &str = "a.seq, a.occurred_at, a.actor_id, p.display_name AS actor_name, a.actor_role, \
     a.action, a.resource_type, a.resource_id, a.child_id, c.preferred_name AS child_name, a.outcome, \
     a.request_id, a.client_addr, \
     (SELECT COUNT(*) FROM audit_event_child n WHERE n.clinic_id = a.clinic_id AND n.seq = a.seq) AS listed";

const ENTRY_JOINS: &str = "LEFT JOIN person p ON p.clinic_id = a.clinic_id AND p.person_id = a.actor_id \
     LEFT JOIN child c ON c.clinic_id = a.clinic_id AND c.child_id = a.child_id";

/// Every access to one child recorded in this clinic, newest first: rows
/// about the child, and list views that showed it. `staff_only` keeps the
/// rows of clinic staff (what a guardian is shown).
pub async fn for_child(
    conn: &mut AnyConnection,
    clinic_id: Uuid,
    child_id: Uuid,
    staff_only: bool,
    window: Window,
) -> Result<Vec<AuditEntry>, StoreError> {
    let staff = if staff_only { " AND a.actor_role IN ('admin', 'therapist')" } else { "" };
    let sql = format!(
        "SELECT {ENTRY_COLUMNS} FROM audit_event a {ENTRY_JOINS} \
         WHERE a.clinic_id = $1 AND a.child_id = $2 AND a.seq < $3{staff} \
         UNION ALL \
         SELECT {ENTRY_COLUMNS} FROM audit_event_child x \
         JOIN audit_event a ON a.clinic_id = x.clinic_id AND a.seq = x.seq {ENTRY_JOINS} \
         WHERE x.clinic_id = $1 AND x.child_id = $2 AND x.seq < $3{staff} \
         ORDER BY seq DESC {}",
        crate::paging::limit_sql(window.fetch_limit())
    );
    Ok(sqlx::query_as::<_, AuditEntry>(sqlx::AssertSqlSafe(sql))
        .bind(Id(clinic_id))
        .bind(Id(child_id))
        .bind(window.before.unwrap_or(i64::MAX))
        .fetch_all(conn)
        .await?)
}

/// Which rows of an audit log to read: newest first, older than `before`
/// (a `seq`), at most `limit` (+1, to learn whether more exist).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Window {
    pub before: Option<i64>,
    pub limit: Option<u32>,
}

impl Window {
    fn fetch_limit(&self) -> i64 {
        self.limit.map_or(i64::MAX, |l| i64::from(l) + 1)
    }

    /// Cuts the extra row and names the cursor of the next (older) page.
    pub fn page(&self, mut rows: Vec<AuditEntry>) -> (Vec<AuditEntry>, Option<i64>) {
        let limit = self.limit.map_or(usize::MAX, |l| l as usize);
        if rows.len() > limit {
            rows.truncate(limit);
            let next = rows.last().map(|r| r.seq);
            (rows, next)
        } else {
            (rows, None)
        }
    }
}

/// Everything one person did in this clinic, newest first.
pub async fn by_actor(
    conn: &mut AnyConnection,
    clinic_id: Uuid,
    person_id: Uuid,
    window: Window,
) -> Result<Vec<AuditEntry>, StoreError> {
    let sql = format!(
        "SELECT {ENTRY_COLUMNS} FROM audit_event a {ENTRY_JOINS} \
         WHERE a.clinic_id = $1 AND a.actor_id = $2 AND a.seq < $3 ORDER BY a.seq DESC {}",
        crate::paging::limit_sql(window.fetch_limit())
    );
    Ok(sqlx::query_as::<_, AuditEntry>(sqlx::AssertSqlSafe(sql))
        .bind(Id(clinic_id))
        .bind(Id(person_id))
        .bind(window.before.unwrap_or(i64::MAX))
        .fetch_all(conn)
        .await?)
}

#[derive(FromRow)]
struct StoredRow {
    clinic_id: Id,
    audit_event_id: String,
    chain: String,
    seq: i64,
    occurred_at: String,
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
    /// The clinic id of every audit chain (the nil id is the 'system' chain).
    pub async fn audit_chains(&self) -> Result<Vec<Uuid>, StoreError> {
        let ids: Vec<Id> = sqlx::query_scalar(
            "SELECT clinic_id FROM audit_chain_head UNION SELECT clinic_id FROM audit_event ORDER BY 1",
        )
        .fetch_all(self.reader())
        .await?;
        Ok(ids.into_iter().map(|id| id.0).collect())
    }

    /// One chain's rows in order, as stored.
    pub async fn audit_chain(&self, clinic_id: Uuid) -> Result<Vec<StoredAuditRow>, StoreError> {
        let mut conn = self.read_conn().await?;
        let rows: Vec<StoredRow> = sqlx::query_as(
            "SELECT clinic_id, audit_event_id, chain, seq, occurred_at, actor_id, actor_role, action, \
             resource_type, resource_id, child_id, outcome, request_id, client_addr, prev_hash, row_hash \
             FROM audit_event WHERE clinic_id = $1 ORDER BY seq",
        )
        .bind(Id(clinic_id))
        .fetch_all(&mut *conn)
        .await?;
        let listed: Vec<(i64, String)> = sqlx::query_as(
            "SELECT seq, child_id FROM audit_event_child WHERE clinic_id = $1 ORDER BY seq, child_id",
        )
        .bind(Id(clinic_id))
        .fetch_all(&mut *conn)
        .await?;
        let mut listed = listed.into_iter().peekable();
        Ok(rows
            .into_iter()
            .map(|r| {
                let mut children = Vec::new();
                while let Some((_, child)) = listed.next_if(|(seq, _)| *seq <= r.seq) {
                    children.push(child);
                }
                StoredAuditRow {
                    fields: AuditFields {
                        audit_event_id: r.audit_event_id,
                        chain: r.chain,
                        seq: r.seq,
                        occurred_at: r.occurred_at,
                        clinic_id: (r.clinic_id.0 != SYSTEM_CLINIC)
                            .then(|| r.clinic_id.0.to_string()),
                        actor_id: r.actor_id,
                        actor_role: r.actor_role,
                        action: r.action,
                        resource_type: r.resource_type,
                        resource_id: r.resource_id,
                        child_id: r.child_id,
                        outcome: r.outcome,
                        request_id: r.request_id,
                        client_addr: r.client_addr,
                        children,
                    },
                    prev_hash: r.prev_hash,
                    row_hash: r.row_hash,
                }
            })
            .collect())
    }
}
