//! Changing a child's details: the care team and the admin change all of
//! them; a guardian corrects the preferred name and the languages at home.
//! Every change is audited and remembered as the record's last change.

use carryover_domain::{
    access::ChildTie,
    audit::AuditAction,
    people::check_name,
    record::{self, BirthDateProblem, HomeLanguage},
};
use carryover_store::{
    audit, children,
    record::{DetailChanges, update_details},
};
use time::Date;

use crate::{
    ChildGrant, OpError, Ops, Problem, Who, access::writable, error::Fields, settings::clinic_today,
};

/// What the form shows and which fields the caller may change.
#[derive(Clone, Debug, serde::Serialize)]
pub struct DetailsForm {
    pub preferred_name: String,
    pub date_of_birth: Option<Date>,
    pub home_languages: Vec<HomeLanguage>,
    pub notes: String,
    /// False for a guardian: only the name and the languages are theirs to change.
    pub all_fields: bool,
}

/// The fields as typed; `home_languages` holds the chosen codes.
#[derive(Clone, Debug, Default, serde::Deserialize)]
pub struct DetailsInput {
    #[serde(default)]
    pub preferred_name: String,
    /// `YYYY-MM-DD`, or empty for unknown.
    #[serde(default)]
    pub date_of_birth: String,
    #[serde(default)]
    pub home_languages: Vec<String>,
    #[serde(default)]
    pub notes: String,
}

/// Whether the caller changes every field (true), only a guardian's (false), or none.
fn editor(grant: &ChildGrant) -> Result<bool, OpError> {
    match grant.tie() {
        ChildTie::CareTeam | ChildTie::ClinicAdmin => Ok(true),
        ChildTie::Guardian => Ok(false),
        ChildTie::Helper => Err(OpError::NotFound),
    }
}

/// The details as they are, for the form; reading them is audited.
pub async fn form(ops: &Ops, who: &Who, grant: &ChildGrant) -> Result<DetailsForm, OpError> {
    let all_fields = editor(grant)?;
    let write = writable(grant)?;
    let full = grant.full().ok_or(OpError::NotFound)?;
    let mut tx = ops.db.begin_write().await?;
    let basics = children::child_basics(&mut tx, grant).await?;
    let details = children::child_details(&mut tx, &full).await?;
    audit::append(&mut tx, &who.child_event(AuditAction::View, write.child_id()), ops.now())
        .await?;
    tx.commit().await?;
    Ok(DetailsForm {
        preferred_name: basics.preferred_name,
        date_of_birth: details.date_of_birth,
        home_languages: details.home_languages,
        notes: if all_fields { details.notes } else { String::new() },
        all_fields,
    })
}

/// Saves the details the caller may change; every field is checked first.
pub async fn update(
    ops: &Ops,
    who: &Who,
    grant: &ChildGrant,
    input: &DetailsInput,
) -> Result<(), OpError> {
    let all_fields = editor(grant)?;
    let write = writable(grant)?;
    let now = ops.now();
    let mut tx = ops.db.begin_write().await?;
    let today = clinic_today(&mut tx, grant.clinic_id(), now).await?;
    let mut fields = Fields::default();
    let name = fields.check("preferred_name", check_name(&input.preferred_name));
    let languages = fields.some(
        "home_languages",
        record::parse_languages(&input.home_languages),
        Problem::InvalidChoice,
    );
    let mut changes = DetailChanges::default();
    if all_fields {
        let birth = record::check_birth_date(&input.date_of_birth, today).map_err(|p| match p {
            BirthDateProblem::NotADate => Problem::InvalidDate,
            BirthDateProblem::OutOfRange => Problem::OutOfRange,
        });
        changes.date_of_birth = fields.check("date_of_birth", birth);
        changes.notes = fields.some("notes", record::check_note(&input.notes), Problem::TooLong);
    }
    let (name, languages) = fields.finish(name.zip(languages))?;
    changes.preferred_name = Some(name);
    changes.home_languages = Some(languages);
    update_details(&mut tx, &write, &changes, now).await?;
    audit::append(&mut tx, &who.child_event(AuditAction::Update, write.child_id()), now).await?;
    tx.commit().await?;
    Ok(())
}
