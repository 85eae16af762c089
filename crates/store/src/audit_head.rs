//! Audit chain heads and their seals (issue 10): what `audit verify` checks
//! each chain's end against, and the record of every chain opened.

use carryover_domain::{
    audit::{AuditAction, AuditResource},
    audit_seal::ChainHead,
};
use sqlx::FromRow;
use time::OffsetDateTime;
use uuid::Uuid;

use crate::{
    Db, StoreError,
    audit::{NewAuditEvent, Outcome, SYSTEM_CLINIC, append},
    codec::Id,
};

/// A chain's head as stored, with its seal.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoredHead {
    pub head: ChainHead,
    pub chain: String,
    pub signature: Option<String>,
}

#[derive(FromRow)]
struct HeadRow {
    clinic_id: Id,
    chain: String,
    last_seq: i64,
    last_hash: String,
    signature: Option<String>,
}

impl Db {
    /// Every chain's head, by clinic id.
    pub async fn audit_heads(&self) -> Result<Vec<StoredHead>, StoreError> {
        let rows: Vec<HeadRow> = sqlx::query_as(
            "SELECT clinic_id, chain, last_seq, last_hash, signature FROM audit_chain_head ORDER BY clinic_id",
        )
        .fetch_all(self.reader())
        .await?;
        Ok(rows
            .into_iter()
            .map(|r| StoredHead {
                head: ChainHead {
                    clinic_id: r.clinic_id.0.to_string(),
                    last_seq: r.last_seq,
                    last_hash: r.last_hash,
                },
                chain: r.chain,
                signature: r.signature,
            })
            .collect())
    }

    /// Seals a head written before sealing began (the caller verified its
    /// chain first). The head itself does not move.
    pub async fn seal_head(&self, head: &ChainHead, seal: &str) -> Result<(), StoreError> {
        let clinic =
            Uuid::parse_str(&head.clinic_id).map_err(|e| StoreError::Invalid(e.to_string()))?;
        let mut tx = self.begin_write().await?;
        sqlx::query(
            "UPDATE audit_chain_head SET signature = $4 \
             WHERE clinic_id = $1 AND last_seq = $2 AND last_hash = $3 AND signature IS NULL",
        )
        .bind(Id(clinic))
        .bind(head.last_seq)
        .bind(head.last_hash.as_str())
        .bind(seal)
        .execute(&mut *tx)
        .await?;
        tx.commit().await
    }

    /// Records in the 'system' chain a chain opened before openings were
    /// recorded (a database upgraded to sealed heads).
    pub async fn record_opened_chain(
        &self,
        clinic_id: Uuid,
        now: OffsetDateTime,
    ) -> Result<(), StoreError> {
        let opened = NewAuditEvent {
            clinic_id: None,
            actor_id: None,
            actor_role: None,
            action: AuditAction::OpenChain,
            resource_type: AuditResource::AuditLog,
            resource_id: Some(clinic_id.to_string()),
            child_id: None,
            outcome: Outcome::Success,
            request_id: None,
            client_addr: None,
        };
        let mut tx = self.begin_write().await?;
        append(&mut tx, &opened, now).await?;
        tx.commit().await
    }

    /// The clinic ids the 'system' chain records as opened.
    pub async fn opened_chains(&self) -> Result<Vec<String>, StoreError> {
        Ok(sqlx::query_scalar(
            "SELECT resource_id FROM audit_event WHERE clinic_id = $1 AND action = 'open_chain' \
             AND resource_id IS NOT NULL ORDER BY seq",
        )
        .bind(Id(SYSTEM_CLINIC))
        .fetch_all(self.reader())
        .await?)
    }
}
