//! A new real clinic, made on the command line with its first admin.

use carryover_domain::{
    email::Email,
    people::{Role, check_name},
};
use carryover_store::{
    NewClinic, clinic,
    invitation::Purpose,
    people::{self, NewPerson},
};

use crate::{
    OpError, Ops, Problem,
    error::Fields,
    invitations::{self, IssuedLink},
};

#[derive(Debug)]
pub struct ClinicCreated {
    pub clinic_id: uuid::Uuid,
    pub clinic_name: String,
    pub admin_email: String,
    pub invitation: IssuedLink,
}

/// Creates a clinic and its first admin, who gets a single-use link to set
/// their own password. The admin's name defaults to the part of the address
/// before the @.
pub async fn create_with_admin(
    ops: &Ops,
    name: &str,
    admin_email: &str,
    admin_name: Option<&str>,
) -> Result<ClinicCreated, OpError> {
    let mut fields = Fields::default();
    let clinic_name = fields.check("name", check_name(name));
    let email = fields.some("admin_email", Email::parse(admin_email), Problem::InvalidEmail);
    let (clinic_name, email) = fields.finish(clinic_name.zip(email))?;
    let display_name = admin_name
        .and_then(|n| check_name(n).ok())
        .unwrap_or_else(|| email.as_str().split('@').next().unwrap_or("admin").to_owned());
    let now = ops.now();
    let mut tx = ops.db.begin_write().await?;
    let clinic = clinic::insert_clinic(
        &mut tx,
        &NewClinic { name: clinic_name.clone(), is_demo: false },
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
    let admin = people::insert_person(&mut tx, &new, now).await?;
    let invitation = invitations::issue(ops, &mut tx, &admin, Purpose::Join, None).await?;
    tx.commit().await?;
    Ok(ClinicCreated {
        clinic_id: clinic.clinic_id,
        clinic_name,
        admin_email: email.as_str().to_owned(),
        invitation,
    })
}

/// Lets a clinic made on the command line start without requiring its staff
/// to use two-step sign-in (its admins can turn it on in the settings).
pub async fn make_second_factor_optional(ops: &Ops, clinic_id: uuid::Uuid) -> Result<(), OpError> {
    let mut tx = ops.db.begin_write().await?;
    clinic::set_second_factor_required(&mut tx, clinic_id, false).await?;
    let event = crate::RequestMeta::default().event(
        None,
        carryover_domain::audit::AuditAction::Update,
        carryover_domain::audit::AuditResource::Clinic,
        Some(clinic_id.to_string()),
        None,
    );
    let event = carryover_store::audit::NewAuditEvent { clinic_id: Some(clinic_id), ..event };
    carryover_store::audit::append(&mut tx, &event, ops.now()).await?;
    tx.commit().await?;
    Ok(())
}
