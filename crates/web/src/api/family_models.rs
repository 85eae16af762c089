//! API types of the people side: a child's details and care team, the
//! caregivers of a household, discharge, caseloads and a family's copy.

use carryover_ops::{
    caseload::{CaseloadLine, CaseloadView, Therapist},
    child_details::DetailsForm,
    children::{CaregiverLine, TeamLine},
    staff::DeactivationView,
};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

/// A child's details as the caller may edit them.
#[derive(Debug, Serialize, ToSchema)]
#[schema(example = json!({"preferred_name": "Mia", "date_of_birth": "2021-03-14", "home_languages": ["en", "es"], "notes": "Loves music.", "all_fields": true}))]
pub struct ChildDetailsForm {
    pub preferred_name: String,
    /// YYYY-MM-DD, or null when unknown.
    pub date_of_birth: Option<String>,
    /// Language codes (ISO 639-1 where one exists).
    pub home_languages: Vec<String>,
    /// Empty for a guardian, who edits only the name and the languages.
    pub notes: String,
    /// False for a guardian: only `preferred_name` and `home_languages` are theirs to change.
    pub all_fields: bool,
}

impl From<DetailsForm> for ChildDetailsForm {
    fn from(f: DetailsForm) -> Self {
        ChildDetailsForm {
            preferred_name: f.preferred_name,
            date_of_birth: f.date_of_birth.map(|d| d.to_string()),
            home_languages: f.home_languages.iter().map(|l| l.as_str().to_owned()).collect(),
            notes: f.notes,
            all_fields: f.all_fields,
        }
    }
}

#[derive(Debug, Deserialize, ToSchema)]
#[schema(example = json!({"preferred_name": "Mia", "date_of_birth": "2021-03-14", "home_languages": ["en"], "notes": ""}))]
pub struct DetailsUpdate {
    #[serde(default)]
    pub preferred_name: String,
    /// YYYY-MM-DD, or empty for unknown.
    #[serde(default)]
    pub date_of_birth: String,
    #[serde(default)]
    pub home_languages: Vec<String>,
    #[serde(default)]
    pub notes: String,
}

#[derive(Debug, Serialize, ToSchema)]
#[schema(example = json!({"person_id": "0190f000-0000-7000-8000-000000000009", "name": "Priya Shah"}))]
pub struct TherapistItem {
    pub person_id: Uuid,
    pub name: String,
}

impl From<Therapist> for TherapistItem {
    fn from(t: Therapist) -> Self {
        TherapistItem { person_id: t.person_id, name: t.display_name }
    }
}

#[derive(Debug, Serialize, ToSchema)]
#[schema(example = json!({"person_id": "0190f000-0000-7000-8000-000000000009", "name": "Priya Shah", "primary": true}))]
pub struct TeamMemberItem {
    pub person_id: Uuid,
    pub name: String,
    pub primary: bool,
}

impl From<TeamLine> for TeamMemberItem {
    fn from(t: TeamLine) -> Self {
        TeamMemberItem { person_id: t.person_id, name: t.display_name, primary: t.is_primary }
    }
}

/// A child's care team, and the therapists who could join it.
#[derive(Debug, Serialize, ToSchema)]
#[schema(example = json!({"child_name": "Mia", "team": [{"person_id": "0190f000-0000-7000-8000-000000000009", "name": "Priya Shah", "primary": true}], "therapists": [{"person_id": "0190f000-0000-7000-8000-00000000000a", "name": "Jordan Miller"}]}))]
pub struct CareTeam {
    pub child_name: String,
    pub team: Vec<TeamMemberItem>,
    pub therapists: Vec<TherapistItem>,
}

#[derive(Debug, Deserialize, ToSchema)]
#[schema(example = json!({"change": "add", "therapist_id": "0190f000-0000-7000-8000-00000000000a"}))]
pub struct TeamChangeBody {
    /// add, remove or primary.
    #[serde(default)]
    pub change: String,
    #[serde(default)]
    pub therapist_id: String,
}

#[derive(Debug, Serialize, ToSchema)]
#[schema(example = json!({"person_id": "0190f000-0000-7000-8000-000000000002", "name": "Ana Rivera", "relationship": "mother", "access": "guardian"}))]
pub struct HouseholdMember {
    pub person_id: Uuid,
    pub name: String,
    pub relationship: String,
    pub access: String,
}

impl From<CaregiverLine> for HouseholdMember {
    fn from(c: CaregiverLine) -> Self {
        HouseholdMember {
            person_id: c.person_id,
            name: c.display_name,
            relationship: c.relationship.as_str().to_owned(),
            access: c.access.as_str().to_owned(),
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
#[schema(example = json!({"child_name": "Mia", "caregivers": [], "can_change": true}))]
pub struct Caregivers {
    pub child_name: String,
    pub caregivers: Vec<HouseholdMember>,
    /// False once the child is discharged (the record is read-only).
    pub can_change: bool,
}

#[derive(Debug, Deserialize, ToSchema)]
#[schema(example = json!({"person_id": "0190f000-0000-7000-8000-000000000003", "access": "helper"}))]
pub struct MemberChange {
    #[serde(default)]
    pub person_id: String,
    /// guardian or helper (to change access; ignored when removing).
    #[serde(default)]
    pub access: String,
}

#[derive(Debug, Serialize, ToSchema)]
#[schema(example = json!({"name": "Ruth Brown", "deactivated": false, "was_caller": false}))]
pub struct MemberRemoved {
    pub name: String,
    /// True when they had no other family and their account was closed.
    pub deactivated: bool,
    pub was_caller: bool,
}

#[derive(Debug, Deserialize, ToSchema)]
#[schema(example = json!({"discharged_on": "2026-11-02", "reason": "goals_met", "note": "Dresses on her own."}))]
pub struct DischargeBody {
    /// YYYY-MM-DD, today or earlier.
    #[serde(default)]
    pub discharged_on: String,
    /// goals_met, moved, family_choice, transferred, no_coverage or other.
    #[serde(default)]
    pub reason: String,
    #[serde(default)]
    pub note: String,
}

#[derive(Debug, Deserialize, ToSchema)]
#[schema(example = json!({"therapist_id": "0190f000-0000-7000-8000-000000000009"}))]
pub struct ReadmitBody {
    /// Required when no therapist of the old team is still active.
    #[serde(default)]
    pub therapist_id: String,
}

#[derive(Debug, Serialize, ToSchema)]
#[schema(example = json!({"child_id": "0190f000-0000-7000-8000-000000000004", "preferred_name": "Mia", "household_name": "Ana Rivera", "primary": true, "other_therapists": 0}))]
pub struct CaseloadItem {
    pub child_id: Uuid,
    pub preferred_name: String,
    pub household_name: String,
    pub primary: bool,
    /// Active therapists on the team besides this one.
    pub other_therapists: i64,
}

impl From<CaseloadLine> for CaseloadItem {
    fn from(c: CaseloadLine) -> Self {
        CaseloadItem {
            child_id: c.child_id,
            preferred_name: c.preferred_name,
            household_name: c.household_name,
            primary: c.is_primary,
            other_therapists: c.others,
        }
    }
}

/// A therapist's caseload and who could take it.
#[derive(Debug, Serialize, ToSchema)]
#[schema(example = json!({"therapist": {"person_id": "0190f000-0000-7000-8000-000000000009", "name": "Priya Shah"}, "children": [], "others": []}))]
pub struct Caseload {
    pub therapist: TherapistItem,
    pub children: Vec<CaseloadItem>,
    pub others: Vec<TherapistItem>,
}

impl From<CaseloadView> for Caseload {
    fn from(v: CaseloadView) -> Self {
        Caseload {
            therapist: TherapistItem {
                person_id: v.therapist.person_id,
                name: v.therapist.display_name,
            },
            children: v.children.into_iter().map(Into::into).collect(),
            others: v.others.into_iter().map(Into::into).collect(),
        }
    }
}

#[derive(Debug, Deserialize, ToSchema)]
#[schema(example = json!({"to": "0190f000-0000-7000-8000-00000000000a", "children": ["0190f000-0000-7000-8000-000000000004"]}))]
pub struct CaseloadMove {
    /// The therapist who takes the children.
    #[serde(default)]
    pub to: String,
    #[serde(default)]
    pub children: Vec<String>,
}

#[derive(Debug, Serialize, ToSchema)]
#[schema(example = json!({"count": 3, "to_name": "Jordan Miller"}))]
pub struct CaseloadMoved {
    pub count: usize,
    pub to_name: String,
}

/// What deactivating a person asks first.
#[derive(Debug, Serialize, ToSchema)]
#[schema(example = json!({"person_id": "0190f000-0000-7000-8000-000000000009", "name": "Priya Shah", "only_therapist_of": [], "others": []}))]
pub struct Deactivation {
    pub person_id: Uuid,
    pub name: String,
    /// Children whose only active therapist this person is: name `move_to`.
    pub only_therapist_of: Vec<CaseloadItem>,
    pub others: Vec<TherapistItem>,
}

impl From<DeactivationView> for Deactivation {
    fn from(v: DeactivationView) -> Self {
        Deactivation {
            person_id: v.person.person_id,
            name: v.person.display_name,
            only_therapist_of: v.only_therapist_of.into_iter().map(Into::into).collect(),
            others: v.others.into_iter().map(Into::into).collect(),
        }
    }
}
