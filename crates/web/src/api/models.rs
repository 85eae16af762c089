//! What the API sends and receives. These are the API's own types, kept
//! apart from the operations' view models so that the contract stays
//! stable while the inside changes; each is filled from exactly what the
//! matching page shows to the same person.

use carryover_ops::{
    Person,
    audit_logs::AuditEntry,
    children::{ChildSummary, ChildView},
    invitations::{InvitationView, IssuedLink},
    tokens::TokenView,
};
use serde::{Deserialize, Serialize};
use time::{OffsetDateTime, format_description::well_known::Rfc3339};
use utoipa::ToSchema;
use uuid::Uuid;

pub fn rfc3339(at: OffsetDateTime) -> String {
    at.format(&Rfc3339).unwrap_or_default()
}

/// The signed-in person.
#[derive(Debug, Serialize, ToSchema)]
#[schema(example = json!({"person_id": "0190f000-0000-7000-8000-000000000002", "name": "Ana Rivera", "email": "ana.rivera@example.org", "role": "caregiver", "language": "en", "clinic_id": "0190f000-0000-7000-8000-000000000001", "time_zone": "America/Chicago"}))]
pub struct Me {
    pub person_id: Uuid,
    pub name: String,
    pub email: String,
    /// admin, therapist or caregiver.
    pub role: String,
    /// en or es.
    pub language: String,
    pub clinic_id: Uuid,
    /// The clinic's IANA time zone; weeks and "today" are counted there.
    pub time_zone: String,
}

impl Me {
    pub fn new(person: &Person, time_zone: &str) -> Me {
        Me {
            person_id: person.person_id,
            name: person.display_name.clone(),
            email: person.email.clone(),
            role: person.role.as_str().to_owned(),
            language: person.lang.clone(),
            clinic_id: person.clinic_id,
            time_zone: time_zone.to_owned(),
        }
    }
}

/// A child in a list.
#[derive(Debug, Serialize, ToSchema)]
#[schema(example = json!({"child_id": "0190f000-0000-7000-8000-000000000004", "preferred_name": "Mia", "household_name": "Ana Rivera"}))]
pub struct ChildItem {
    pub child_id: Uuid,
    pub preferred_name: String,
    pub household_name: String,
}

impl From<ChildSummary> for ChildItem {
    fn from(c: ChildSummary) -> Self {
        ChildItem {
            child_id: c.child_id,
            preferred_name: c.preferred_name,
            household_name: c.household_name,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
#[schema(example = json!({"person_id": "0190f000-0000-7000-8000-000000000009", "name": "Priya Shah", "primary": true}))]
pub struct TeamMember {
    pub person_id: Uuid,
    pub name: String,
    pub primary: bool,
}

#[derive(Debug, Serialize, ToSchema)]
#[schema(example = json!({"person_id": "0190f000-0000-7000-8000-000000000002", "name": "Ana Rivera", "relationship": "mother", "access": "guardian"}))]
pub struct Caregiver {
    pub person_id: Uuid,
    pub name: String,
    /// mother, father, grandparent, nanny, daycare_teacher, other.
    pub relationship: String,
    /// guardian or helper.
    pub access: String,
}

/// What guardians, the care team and admins see; helpers get none of it.
#[derive(Debug, Serialize, ToSchema)]
#[schema(example = json!({"date_of_birth": "2021-03-14", "home_languages": "English", "notes": "Loves music.", "caregivers": [{"person_id": "0190f000-0000-7000-8000-000000000002", "name": "Ana Rivera", "relationship": "mother", "access": "guardian"}]}))]
pub struct ChildDetails {
    /// YYYY-MM-DD.
    pub date_of_birth: Option<String>,
    /// Language codes (ISO 639-1 where one exists), e.g. ["es", "en"].
    pub home_languages: Vec<String>,
    pub notes: String,
    pub caregivers: Vec<Caregiver>,
}

/// What the caller may do with this child.
#[derive(Debug, Serialize, ToSchema)]
#[schema(example = json!({"invite_caregiver": false, "see_access_log": true, "see_audit_log": false}))]
pub struct Permissions {
    pub invite_caregiver: bool,
    pub see_access_log: bool,
    pub see_audit_log: bool,
}

/// One child's record, as much as the caller may see.
#[derive(Debug, Serialize, ToSchema)]
#[schema(example = json!({"child_id": "0190f000-0000-7000-8000-000000000004", "preferred_name": "Mia", "household_name": "Ana Rivera", "care_team": [{"person_id": "0190f000-0000-7000-8000-000000000009", "name": "Priya Shah", "primary": true}], "your_access": "guardian", "details": {"date_of_birth": "2021-03-14", "home_languages": "English", "notes": "", "caregivers": []}, "permissions": {"invite_caregiver": false, "see_access_log": true, "see_audit_log": false}}))]
pub struct Child {
    pub child_id: Uuid,
    pub preferred_name: String,
    pub household_name: String,
    pub care_team: Vec<TeamMember>,
    /// guardian, helper, care_team or clinic_admin.
    pub your_access: String,
    /// Absent for helpers.
    pub details: Option<ChildDetails>,
    pub permissions: Permissions,
}

impl From<ChildView> for Child {
    fn from(view: ChildView) -> Self {
        let tie = match view.tie {
            carryover_domain::access::ChildTie::Guardian => "guardian",
            carryover_domain::access::ChildTie::Helper => "helper",
            carryover_domain::access::ChildTie::CareTeam => "care_team",
            carryover_domain::access::ChildTie::ClinicAdmin => "clinic_admin",
        };
        Child {
            child_id: view.basics.child_id,
            preferred_name: view.basics.preferred_name,
            household_name: view.basics.household_name,
            care_team: view
                .basics
                .care_team
                .into_iter()
                .map(|m| TeamMember {
                    person_id: m.person_id,
                    name: m.display_name,
                    primary: m.is_primary,
                })
                .collect(),
            your_access: tie.to_owned(),
            details: view.details.map(|d| ChildDetails {
                date_of_birth: d.date_of_birth.map(carryover_domain::record::iso_date),
                home_languages: d.home_languages.iter().map(|l| l.as_str().to_owned()).collect(),
                notes: d.notes,
                caregivers: d
                    .caregivers
                    .into_iter()
                    .map(|c| Caregiver {
                        person_id: c.person_id,
                        name: c.display_name,
                        relationship: c.relationship.as_str().to_owned(),
                        access: c.access.as_str().to_owned(),
                    })
                    .collect(),
            }),
            permissions: Permissions {
                invite_caregiver: view.can.invite_caregiver,
                see_access_log: view.can.see_access_log,
                see_audit_log: view.can.see_audit_log,
            },
        }
    }
}

/// A single-use link to join or to set a new password (valid 7 days).
#[derive(Debug, Serialize, ToSchema)]
#[schema(example = json!({"url": "https://carryover.clinic.example/invite/0190f0000000700080000000000000aa.2f1e…", "expires_at": "2026-12-06T09:00:00Z"}))]
pub struct Invitation {
    pub url: String,
    pub expires_at: String,
}

impl Invitation {
    pub fn new(base_url: &str, link: &IssuedLink) -> Invitation {
        Invitation {
            url: crate::links::invitation_link(base_url, &link.token),
            expires_at: rfc3339(link.expires_at),
        }
    }
}

/// A new family, or a caregiver added to a child.
#[derive(Debug, Serialize, ToSchema)]
#[schema(example = json!({"child_id": "0190f000-0000-7000-8000-000000000004", "caregiver_name": "Rosa Diaz", "invitation": {"url": "https://carryover.clinic.example/invite/0190f0000000700080000000000000aa.2f1e…", "expires_at": "2026-12-06T09:00:00Z"}}))]
pub struct CaregiverInvited {
    pub child_id: Uuid,
    pub caregiver_name: String,
    /// For a caregiver new to Carryover; absent when they already sign in.
    pub invitation: Option<Invitation>,
}

/// A family: the child and a first caregiver.
#[derive(Debug, Deserialize, ToSchema)]
#[schema(example = json!({"child_name": "Valentina", "caregiver_name": "Rosa Diaz", "caregiver_email": "rosa@example.org", "relationship": "mother", "access": "guardian"}))]
pub struct NewHousehold {
    #[serde(default)]
    pub child_name: String,
    #[serde(default)]
    pub caregiver_name: String,
    #[serde(default)]
    pub caregiver_email: String,
    /// mother, father, grandparent, nanny, daycare_teacher, other.
    #[serde(default)]
    pub relationship: String,
    /// guardian or helper.
    #[serde(default)]
    pub access: String,
    /// The primary therapist: required when an admin adds the family.
    #[serde(default)]
    pub therapist_id: Option<Uuid>,
}

/// Another caregiver of a child.
#[derive(Debug, Deserialize, ToSchema)]
#[schema(example = json!({"caregiver_name": "Ruth Brown", "caregiver_email": "ruth@example.org", "relationship": "grandparent", "access": "helper"}))]
pub struct NewCaregiver {
    #[serde(default)]
    pub caregiver_name: String,
    #[serde(default)]
    pub caregiver_email: String,
    #[serde(default)]
    pub relationship: String,
    #[serde(default)]
    pub access: String,
}

/// A person of the clinic, as the admin's people page lists them.
#[derive(Debug, Serialize, ToSchema)]
#[schema(example = json!({"person_id": "0190f000-0000-7000-8000-000000000009", "name": "Priya Shah", "email": "therapist@example.org", "role": "therapist", "status": "active"}))]
pub struct PersonItem {
    pub person_id: Uuid,
    pub name: String,
    pub email: String,
    pub role: String,
    /// active, invited (no password yet) or deactivated.
    pub status: String,
}

impl From<Person> for PersonItem {
    fn from(p: Person) -> Self {
        let status = match (p.is_active, p.has_password) {
            (false, _) => "deactivated",
            (true, false) => "invited",
            (true, true) => "active",
        };
        PersonItem {
            person_id: p.person_id,
            name: p.display_name,
            email: p.email,
            role: p.role.as_str().to_owned(),
            status: status.to_owned(),
        }
    }
}

#[derive(Debug, Deserialize, ToSchema)]
#[schema(example = json!({"name": "Sam Lopez", "email": "sam@example.org", "role": "therapist"}))]
pub struct NewStaff {
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub email: String,
    /// therapist or admin.
    #[serde(default)]
    pub role: String,
}

/// A link made for a person (a staff invitation or a password reset).
#[derive(Debug, Serialize, ToSchema)]
#[schema(example = json!({"person_id": "0190f000-0000-7000-8000-000000000011", "invitation": {"url": "https://carryover.clinic.example/invite/0190f0000000700080000000000000aa.2f1e…", "expires_at": "2026-12-06T09:00:00Z"}}))]
pub struct PersonLink {
    pub person_id: Uuid,
    pub invitation: Invitation,
}

#[derive(Debug, Serialize, Deserialize, ToSchema)]
#[schema(example = json!({"name": "Bright Steps OT", "time_zone": "America/Chicago", "copm_threshold": 2}))]
pub struct Settings {
    #[serde(default)]
    pub name: String,
    /// An IANA zone name, e.g. America/Chicago.
    #[serde(default)]
    pub time_zone: String,
    /// 1–9: a COPM change of at least this much is clinically important.
    #[serde(default)]
    pub copm_threshold: i64,
    /// 0–3650: days guardians may still read a discharged child's record.
    #[serde(default = "default_guardian_read_days")]
    pub guardian_read_days: i64,
    /// 1–100: years a discharged child's record is kept before it is purged.
    #[serde(default = "default_retention_years")]
    pub retention_years: i64,
    /// Therapists and admins must use two-step sign-in before they see any
    /// child's information. Left out of a PUT, it stays as it is.
    #[serde(default)]
    pub require_second_factor: Option<bool>,
}

fn default_guardian_read_days() -> i64 {
    i64::from(carryover_domain::clinic::DEFAULT_GUARDIAN_READ_DAYS)
}

fn default_retention_years() -> i64 {
    i64::from(carryover_domain::clinic::DEFAULT_RETENTION_YEARS)
}

/// One row of an audit log (ids, and names for people to read).
#[derive(Debug, Serialize, ToSchema)]
#[schema(example = json!({"occurred_at": "2026-11-02T09:00:00Z", "actor_id": "0190f000-0000-7000-8000-000000000009", "actor_name": "Priya Shah", "actor_role": "therapist", "action": "view", "resource_type": "child", "resource_id": "0190f000-0000-7000-8000-000000000004", "child_id": "0190f000-0000-7000-8000-000000000004", "outcome": "success", "children_shown": 0}))]
pub struct AuditRow {
    pub occurred_at: String,
    pub actor_id: Option<String>,
    pub actor_name: Option<String>,
    pub actor_role: Option<String>,
    pub action: String,
    pub resource_type: String,
    pub resource_id: Option<String>,
    pub child_id: Option<String>,
    pub outcome: String,
    /// How many children a list view showed (0 for other rows).
    pub children_shown: i64,
}

impl From<AuditEntry> for AuditRow {
    fn from(e: AuditEntry) -> Self {
        AuditRow {
            occurred_at: rfc3339(e.occurred_at.0),
            actor_id: e.actor_id,
            actor_name: e.actor_name,
            actor_role: e.actor_role,
            action: e.action,
            resource_type: e.resource_type,
            resource_id: e.resource_id,
            child_id: e.child_id,
            outcome: e.outcome,
            children_shown: e.listed,
        }
    }
}

/// A personal access token in its owner's list (never the secret).
#[derive(Debug, Serialize, ToSchema)]
#[schema(example = json!({"token_id": "0190f000-0000-7000-8000-000000000020", "name": "school report script", "created_at": "2026-11-02T09:00:00Z", "expires_at": "2027-01-31T09:00:00Z", "last_used_at": null, "revoked_at": null}))]
pub struct Token {
    pub token_id: Uuid,
    pub name: String,
    pub created_at: String,
    pub expires_at: String,
    pub last_used_at: Option<String>,
    pub revoked_at: Option<String>,
}

impl From<TokenView> for Token {
    fn from(t: TokenView) -> Self {
        Token {
            token_id: t.id,
            name: t.name,
            created_at: rfc3339(t.created_at),
            expires_at: rfc3339(t.expires_at),
            last_used_at: t.last_used_at.map(rfc3339),
            revoked_at: t.revoked_at.map(rfc3339),
        }
    }
}

/// A token just made: `token` is shown this once.
#[derive(Debug, Serialize, ToSchema)]
#[schema(example = json!({"token": "0190f0000000700080000000000000aa.6b3c…", "token_id": "0190f000-0000-7000-8000-000000000020", "name": "school report script", "created_at": "2026-11-02T09:00:00Z", "expires_at": "2027-01-31T09:00:00Z", "last_used_at": null, "revoked_at": null}))]
pub struct TokenCreated {
    /// Send as `Authorization: Bearer <token>`. Never shown again.
    pub token: String,
    #[serde(flatten)]
    pub details: Token,
}

#[derive(Debug, Deserialize, ToSchema)]
#[schema(example = json!({"name": "school report script", "days": 90}))]
pub struct NewToken {
    #[serde(default)]
    pub name: String,
    /// Days until it ends, 1–365 (default 90).
    #[serde(default)]
    pub days: Option<i64>,
}

#[derive(Debug, Deserialize, ToSchema)]
#[schema(example = json!({"email": "ana.rivera@example.org", "password": "a long pass phrase"}))]
pub struct SignIn {
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub password: String,
}

#[derive(Debug, Deserialize, ToSchema)]
#[schema(example = json!({"current": "my old pass phrase", "password": "a new long pass phrase", "password_confirm": "a new long pass phrase"}))]
pub struct PasswordChange {
    #[serde(default)]
    pub current: String,
    #[serde(default)]
    pub password: String,
    #[serde(default)]
    pub password_confirm: String,
}

#[derive(Debug, Deserialize, ToSchema)]
#[schema(example = json!({"language": "es"}))]
pub struct LanguageChoice {
    /// en or es.
    #[serde(default)]
    pub language: String,
}

/// What an invitation says to the person invited.
#[derive(Debug, Serialize, ToSchema)]
#[schema(example = json!({"name": "Rosa Diaz", "email": "rosa@example.org", "purpose": "join", "needs_new_email": false}))]
pub struct InvitationInfo {
    pub name: String,
    /// The address the link was made for; absent when it is already used
    /// with Carryover and the invitee must choose another one.
    pub email: Option<String>,
    /// join or reset.
    pub purpose: String,
    pub needs_new_email: bool,
}

impl From<InvitationView> for InvitationInfo {
    fn from(v: InvitationView) -> Self {
        InvitationInfo {
            email: (!v.needs_new_email).then_some(v.email),
            name: v.name,
            purpose: v.purpose.as_str().to_owned(),
            needs_new_email: v.needs_new_email,
        }
    }
}

#[derive(Debug, Deserialize, ToSchema)]
#[schema(example = json!({"password": "sunny kitchen table", "password_confirm": "sunny kitchen table", "language": "es", "new_email": null}))]
pub struct Acceptance {
    #[serde(default)]
    pub password: String,
    #[serde(default)]
    pub password_confirm: String,
    /// en or es (default en).
    #[serde(default)]
    pub language: String,
    /// Required when the invitation says `needs_new_email`.
    #[serde(default)]
    pub new_email: Option<String>,
}
