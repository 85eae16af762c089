//! `carryover audit verify` and `audit export-head`: each chain is walked
//! row by row, and its end is compared with its head, whose seal (made with
//! a key outside the database) must match. Deleting a chain's last rows, a
//! whole chain, or rewriting a row and every later hash are all found, even
//! by someone who could write the database file freely. An exported head,
//! kept elsewhere, proves later that the chain still contains it.

use std::collections::{BTreeMap, BTreeSet};

use carryover_domain::{
    audit::{StoredAuditRow, verify_chain},
    audit_seal::{ChainHead, SealKey, SealPublicKey},
};
use carryover_ops::Db;
use carryover_store::{audit::SYSTEM_CLINIC, audit_head::StoredHead};

pub struct AuditReport {
    pub intact: bool,
    pub text: String,
}

fn chain_name(clinic_id: &str) -> String {
    if clinic_id == SYSTEM_CLINIC.to_string() { "system".to_owned() } else { clinic_id.to_owned() }
}

/// Walks every chain and checks its end against its sealed head; the report
/// names each broken chain and why.
pub async fn verify_audit(db: &Db) -> anyhow::Result<AuditReport> {
    let Some(key) = db.seal_key() else {
        anyhow::bail!("no audit key: the chain heads cannot be checked");
    };
    let public = key.public();
    let heads: BTreeMap<String, StoredHead> =
        db.audit_heads().await?.into_iter().map(|h| (h.head.clinic_id.clone(), h)).collect();
    let mut chains: BTreeSet<String> =
        db.audit_chains().await?.into_iter().map(|id| id.to_string()).collect();
    let opened: BTreeSet<String> = db.opened_chains().await?.into_iter().collect();
    chains.extend(opened.iter().cloned());
    let mut lines = Vec::new();
    let mut intact = true;
    // At multi-clinic scale this reads millions of rows: show the way.
    let progress = crate::cli::progress::Progress::for_stderr();
    progress.start(chains.len() as u64, "audit chains checked");
    for clinic in &chains {
        let id = uuid::Uuid::parse_str(clinic)?;
        let rows = db.audit_chain(id).await?;
        let registered = id == SYSTEM_CLINIC || opened.contains(clinic);
        let verdict = check_chain(&rows, heads.get(clinic), &public, registered);
        progress.advance(1, rows.len() as u64);
        let name = chain_name(clinic);
        match verdict {
            Ok(count) => lines.push(format!("chain {name}: {count} rows, intact")),
            Err(problem) => {
                intact = false;
                lines.push(format!("chain {name}: BROKEN {problem}"));
            }
        }
    }
    progress.finish();
    if lines.is_empty() {
        lines.push("no audit rows yet".into());
    }
    Ok(AuditReport { intact, text: lines.join("\n") })
}

/// One chain's verdict: its row count, or what is wrong, in words.
fn check_chain(
    rows: &[StoredAuditRow],
    head: Option<&StoredHead>,
    public: &SealPublicKey,
    registered: bool,
) -> Result<usize, String> {
    let count = verify_chain(rows).map_err(|broken| {
        format!(
            "at row {} (audit_event_id {}): {}",
            broken.seq, broken.audit_event_id, broken.reason
        )
    })?;
    let Some(head) = head else {
        return Err(if rows.is_empty() {
            "the whole chain is missing (its opening is recorded in the system chain)".into()
        } else {
            "the chain has no head".into()
        });
    };
    if !registered {
        return Err("its opening is missing from the system chain".into());
    }
    let (last_seq, last_hash) =
        rows.last().map_or((0, carryover_domain::audit::GENESIS), |r| (r.fields.seq, &r.row_hash));
    if head.head.last_seq != last_seq {
        return Err(format!(
            "at the end: the head is at row {} but the chain ends at row {last_seq} (rows were removed)",
            head.head.last_seq
        ));
    }
    if head.head.last_hash != last_hash {
        return Err(format!("at row {last_seq}: the head's hash differs from the last row's"));
    }
    match &head.signature {
        None => Err("at the end: the head is not sealed".into()),
        Some(seal) if !public.verify(&head.head, seal) => Err(format!(
            "at row {last_seq}: the head's seal does not match (rewritten or truncated without the key)"
        )),
        Some(_) => Ok(count),
    }
}

/// The sealed heads, one line per chain, for an admin to keep elsewhere.
pub async fn export_heads(db: &Db) -> anyhow::Result<String> {
    let Some(key) = db.seal_key() else { anyhow::bail!("no audit key") };
    let mut out =
        format!("# carryover audit heads, sealed by public key {}\n", key.public().to_hex());
    for head in db.audit_heads().await? {
        let seal = head.signature.as_deref().unwrap_or("unsealed");
        let h = &head.head;
        out.push_str(&format!("{} {} {} {seal}\n", h.clinic_id, h.last_seq, h.last_hash));
    }
    Ok(out)
}

/// Checks that every chain still contains the heads exported earlier.
pub async fn verify_against(db: &Db, exported: &str) -> anyhow::Result<AuditReport> {
    let Some(key) = db.seal_key() else { anyhow::bail!("no audit key") };
    let public = key.public();
    let mut lines = Vec::new();
    let mut intact = true;
    for line in exported.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')) {
        let parts: Vec<&str> = line.split_whitespace().collect();
        let [clinic, seq, hash, seal] = parts[..] else {
            anyhow::bail!("not an exported head: {line:?}");
        };
        let head =
            ChainHead { clinic_id: clinic.into(), last_seq: seq.parse()?, last_hash: hash.into() };
        let name = chain_name(clinic);
        if !public.verify(&head, seal) {
            intact = false;
            lines.push(format!(
                "chain {name}: BROKEN the exported head at row {seq} is not sealed by this key"
            ));
            continue;
        }
        let rows = db.audit_chain(uuid::Uuid::parse_str(clinic)?).await?;
        let kept = verify_chain(&rows).is_ok()
            && rows.iter().any(|r| r.fields.seq == head.last_seq && r.row_hash == head.last_hash);
        if kept || head.last_seq == 0 {
            lines.push(format!("chain {name}: still contains the exported head at row {seq}"));
        } else {
            intact = false;
            lines.push(format!(
                "chain {name}: BROKEN it no longer contains the exported head at row {seq}"
            ));
        }
    }
    Ok(AuditReport { intact, text: lines.join("\n") })
}

/// Seals heads written before sealing began (an upgraded database), after
/// checking their chains, and records chains opened before the system chain
/// recorded openings. Run once at start; a no-op afterwards.
pub async fn seal_unsigned_heads(
    db: &Db,
    key: &SealKey,
    now: time::OffsetDateTime,
) -> anyhow::Result<()> {
    let opened: BTreeSet<String> = db.opened_chains().await?.into_iter().collect();
    for head in db.audit_heads().await?.into_iter().filter(|h| h.signature.is_none()) {
        let id = uuid::Uuid::parse_str(&head.head.clinic_id)?;
        let rows = db.audit_chain(id).await?;
        let ends_here = rows.last().map_or(head.head.last_seq == 0, |r| {
            r.fields.seq == head.head.last_seq && r.row_hash == head.head.last_hash
        });
        if verify_chain(&rows).is_err() || !ends_here {
            tracing::warn!(chain = %chain_name(&head.head.clinic_id), "left unsealed: the chain is broken");
            continue;
        }
        if id != SYSTEM_CLINIC && !opened.contains(&head.head.clinic_id) {
            db.record_opened_chain(id, now).await?;
        }
        db.seal_head(&head.head, &key.seal(&head.head)).await?;
    }
    Ok(())
}
