//! Who is who: roles of people and their ties to a household.

use serde::{Deserialize, Serialize};

/// What kind of account a person has. Children never sign in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    Admin,
    Therapist,
    Caregiver,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Admin => "admin",
            Role::Therapist => "therapist",
            Role::Caregiver => "caregiver",
        }
    }

    pub fn parse(text: &str) -> Option<Role> {
        match text {
            "admin" => Some(Role::Admin),
            "therapist" => Some(Role::Therapist),
            "caregiver" => Some(Role::Caregiver),
            _ => None,
        }
    }

    pub fn is_staff(self) -> bool {
        matches!(self, Role::Admin | Role::Therapist)
    }
}

/// A caregiver's access within one household.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Access {
    /// Everything about their children.
    Guardian,
    /// The practice plan, strategies, and feedback on their own logs only.
    Helper,
}

impl Access {
    pub fn as_str(self) -> &'static str {
        match self {
            Access::Guardian => "guardian",
            Access::Helper => "helper",
        }
    }

    pub fn parse(text: &str) -> Option<Access> {
        match text {
            "guardian" => Some(Access::Guardian),
            "helper" => Some(Access::Helper),
            _ => None,
        }
    }
}

/// How a caregiver is related to the children of a household.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Relationship {
    Mother,
    Father,
    Grandparent,
    Nanny,
    DaycareTeacher,
    Other,
}

impl Relationship {
    pub const ALL: [Relationship; 6] = [
        Relationship::Mother,
        Relationship::Father,
        Relationship::Grandparent,
        Relationship::Nanny,
        Relationship::DaycareTeacher,
        Relationship::Other,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Relationship::Mother => "mother",
            Relationship::Father => "father",
            Relationship::Grandparent => "grandparent",
            Relationship::Nanny => "nanny",
            Relationship::DaycareTeacher => "daycare_teacher",
            Relationship::Other => "other",
        }
    }

    pub fn parse(text: &str) -> Option<Relationship> {
        Relationship::ALL.into_iter().find(|r| r.as_str() == text)
    }
}

/// A person's name as typed, trimmed; 1 to 100 characters.
pub fn parse_name(text: &str) -> Option<String> {
    let name = text.trim();
    (!name.is_empty() && name.chars().count() <= 100 && !name.chars().any(char::is_control))
        .then(|| name.to_owned())
}
