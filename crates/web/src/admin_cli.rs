//! What the `admin` and `audit` commands do, apart from parsing their flags.

use std::sync::Arc;

use carryover_domain::audit::verify_chain;
use carryover_ops::{
    Db, OpError, Ops, clinics,
    clock::SystemClock,
    passwords::{PasswordCost, PasswordHasher},
    secrets,
};
use carryover_store::audit::SYSTEM_CLINIC;

use crate::links;

/// Creates a clinic with its first admin and returns the text to print,
/// holding the admin's single-use invitation link.
pub async fn create_clinic(
    db: &Db,
    name: &str,
    admin_email: &str,
    admin_name: Option<&str>,
    base_url: &str,
) -> anyhow::Result<String> {
    let ops = Ops {
        db: db.clone(),
        clock: Arc::new(SystemClock),
        secrets: secrets::random(),
        // No password is hashed here: the admin sets theirs through the link.
        passwords: PasswordHasher::new(PasswordCost::Fast)?,
    };
    let created = match clinics::create_with_admin(&ops, name, admin_email, admin_name).await {
        Ok(created) => created,
        Err(OpError::Invalid(fields)) => {
            let problems: Vec<String> =
                fields.iter().map(|f| format!("{}: {}", f.field, f.code)).collect();
            anyhow::bail!("cannot create the clinic ({})", problems.join(", "))
        }
        Err(other) => return Err(other.into()),
    };
    let link = links::invitation_link(base_url.trim_end_matches('/'), &created.invitation.token);
    Ok(format!(
        "Created the clinic {:?}.\nSend this link to {}; it works once, for 7 days:\n{link}",
        created.clinic_name, created.admin_email
    ))
}

pub struct AuditReport {
    pub intact: bool,
    pub text: String,
}

/// Walks every chain; the report names the first broken row of each broken chain.
pub async fn verify_audit(db: &Db) -> anyhow::Result<AuditReport> {
    let mut lines = Vec::new();
    let mut intact = true;
    for clinic in db.audit_chains().await? {
        let name = if clinic == SYSTEM_CLINIC { "system".to_owned() } else { clinic.to_string() };
        let rows = db.audit_chain(clinic).await?;
        match verify_chain(&rows) {
            Ok(count) => lines.push(format!("chain {name}: {count} rows, intact")),
            Err(broken) => {
                intact = false;
                lines.push(format!(
                    "chain {name}: BROKEN at row {} (audit_event_id {}): {}",
                    broken.seq, broken.audit_event_id, broken.reason
                ));
            }
        }
    }
    if lines.is_empty() {
        lines.push("no audit rows yet".into());
    }
    Ok(AuditReport { intact, text: lines.join("\n") })
}
