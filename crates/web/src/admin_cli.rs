//! What the `admin` and `audit` commands do, apart from parsing their flags.

use carryover_domain::{
    audit::verify_chain,
    email::Email,
    people::{Role, parse_name},
};
use carryover_store::{
    Db, NewClinic,
    invitation::Purpose,
    people::{self, NewPerson},
};
use time::OffsetDateTime;
use uuid::Uuid;

use crate::invitations;

/// Creates a clinic with its first admin and returns the text to print,
/// holding the admin's single-use invitation link.
pub async fn create_clinic(
    db: &Db,
    name: &str,
    admin_email: &str,
    admin_name: Option<&str>,
    base_url: &str,
) -> anyhow::Result<String> {
    let clinic_name = parse_name(name)
        .ok_or_else(|| anyhow::anyhow!("the clinic needs a name of 1 to 100 characters"))?;
    let email = Email::parse(admin_email)
        .ok_or_else(|| anyhow::anyhow!("{admin_email:?} is not an email address"))?;
    let display_name = admin_name
        .and_then(parse_name)
        .unwrap_or_else(|| email.as_str().split('@').next().unwrap_or("admin").to_owned());
    let now = OffsetDateTime::now_utc();
    let mut tx = db.begin_write().await?;
    let clinic = Db::insert_clinic(
        &mut tx,
        &NewClinic { name: clinic_name.clone(), is_demo: false },
        Uuid::now_v7(),
        now,
    )
    .await?;
    let new = NewPerson {
        clinic_id: clinic.clinic_id,
        email: email.as_str().to_owned(),
        display_name,
        role: Role::Admin,
        lang: "en".into(),
    };
    let admin = match people::insert_person(&mut tx, &new, now).await {
        Ok(admin) => admin,
        Err(carryover_store::StoreError::Conflict { .. }) => {
            anyhow::bail!("{email} already has an account")
        }
        Err(e) => return Err(e.into()),
    };
    let token = invitations::issue(&mut tx, &admin, Purpose::Join, None, now)
        .await
        .map_err(|e| anyhow::anyhow!("creating the invitation: {e}"))?;
    carryover_store::commit(tx).await?;
    let link = invitations::link(base_url.trim_end_matches('/'), &token);
    Ok(format!(
        "Created the clinic {clinic_name:?}.\nSend this link to {email}; it works once, for 7 days:\n{link}"
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
    for chain in db.audit_chains().await? {
        let rows = db.audit_chain(&chain).await?;
        match verify_chain(&rows) {
            Ok(count) => lines.push(format!("chain {chain}: {count} rows, intact")),
            Err(broken) => {
                intact = false;
                lines.push(format!(
                    "chain {chain}: BROKEN at row {} (audit_event_id {}): {}",
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
