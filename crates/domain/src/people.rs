//! Who is who: roles of people and their ties to a household.

use crate::code_enum;

code_enum! {
    /// What kind of account a person has. Children never sign in.
    pub enum Role {
        Admin = "admin",
        Therapist = "therapist",
        Caregiver = "caregiver",
    }
}

impl Role {
    pub fn is_staff(self) -> bool {
        matches!(self, Role::Admin | Role::Therapist)
    }
}

code_enum! {
    /// A caregiver's access within one household.
    pub enum Access {
        /// Everything about their children.
        Guardian = "guardian",
        /// The practice plan, strategies, and feedback on their own logs only.
        Helper = "helper",
    }
}

code_enum! {
    /// How a caregiver is related to the children of a household.
    pub enum Relationship {
        Mother = "mother",
        Father = "father",
        Grandparent = "grandparent",
        Nanny = "nanny",
        DaycareTeacher = "daycare_teacher",
        Other = "other",
    }
}

code_enum! {
    /// The languages Carryover speaks; each person chooses theirs.
    pub enum Language {
        En = "en",
        Es = "es",
    }
}

/// Longest name a person or child may have, in characters.
pub const NAME_MAX_CHARS: usize = 100;

/// Why a typed name was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NameProblem {
    Empty,
    TooLong,
    /// Control characters, or bidirectional overrides (U+202E and kin) that
    /// would make a name display reversed and disguise what it says.
    Unsafe,
}

/// Characters that change the direction text displays in. A name holding
/// one can show as something it is not ("evil.exe" as "exe.live").
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{200E}' | '\u{200F}' | '\u{061C}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// A person's or child's name as typed, trimmed; 1 to 100 characters.
pub fn check_name(text: &str) -> Result<String, NameProblem> {
    let name = text.trim();
    if name.is_empty() {
        return Err(NameProblem::Empty);
    }
    if name.chars().count() > NAME_MAX_CHARS {
        return Err(NameProblem::TooLong);
    }
    if name.chars().any(|c| c.is_control() || is_bidi_control(c)) {
        return Err(NameProblem::Unsafe);
    }
    Ok(name.to_owned())
}

/// [`check_name`] when the reason does not matter.
pub fn parse_name(text: &str) -> Option<String> {
    check_name(text).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_is_trimmed_and_kept_as_typed() {
        assert_eq!(check_name("  Lucía García "), Ok("Lucía García".to_owned()));
    }

    #[test]
    fn empty_long_and_disguised_names_are_refused() {
        assert_eq!(check_name("   "), Err(NameProblem::Empty));
        assert_eq!(check_name(&"a".repeat(101)), Err(NameProblem::TooLong));
        assert_eq!(check_name("Ana\u{202E}exe.txt"), Err(NameProblem::Unsafe));
        assert_eq!(check_name("Ana\u{2067}x"), Err(NameProblem::Unsafe));
        assert_eq!(check_name("Ana\nBo"), Err(NameProblem::Unsafe));
    }
}
