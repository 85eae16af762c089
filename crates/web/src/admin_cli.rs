//! What the `admin` and `audit` commands do, apart from parsing their flags.

use std::sync::Arc;

use carryover_ops::{
    Db, OpError, Ops, clinics,
    clock::SystemClock,
    passwords::{PasswordCost, PasswordHasher},
    secrets,
};

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
    create_clinic_with(db, name, admin_email, admin_name, base_url, true).await
}

/// [`create_clinic`], choosing whether staff must use two-step sign-in
/// from the start (issue 10: they must, unless told otherwise).
pub async fn create_clinic_with(
    db: &Db,
    name: &str,
    admin_email: &str,
    admin_name: Option<&str>,
    base_url: &str,
    require_second_factor: bool,
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
    if !require_second_factor {
        clinics::make_second_factor_optional(&ops, created.clinic_id).await?;
    }
    let link = links::invitation_link(base_url.trim_end_matches('/'), &created.invitation.token);
    Ok(format!(
        "Created the clinic {:?}.\nSend this link to {}; it works once, for 7 days:\n{link}",
        created.clinic_name, created.admin_email
    ))
}

// Issue 10: the audit checks live in `audit_check`, beside the seal key.
pub use crate::audit_check::{AuditReport, seal_unsigned_heads, verify_audit};
