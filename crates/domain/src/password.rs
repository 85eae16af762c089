//! The password rule, as NIST SP 800-63B puts it: long enough, not common,
//! no composition rules. The hash itself is the web layer's job (Argon2id).

/// Fewest characters a password may have.
pub const MIN_CHARS: usize = 8;
/// Most characters a password may have; generous, so passphrases fit.
pub const MAX_CHARS: usize = 128;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PasswordProblem {
    TooShort,
    TooLong,
    /// On the lists of common and leaked passwords, or a small change of one.
    TooCommon,
    /// Built from the person's own name or email.
    Personal,
}

impl PasswordProblem {
    /// The translation key of the message shown next to the field.
    pub fn message_key(self) -> &'static str {
        match self {
            PasswordProblem::TooShort => "password-too-short",
            PasswordProblem::TooLong => "password-too-long",
            PasswordProblem::TooCommon => "password-too-common",
            PasswordProblem::Personal => "password-personal",
        }
    }
}

/// Checks a new password. `personal` holds words the password must not be
/// built from (the person's name and email).
pub fn check(password: &str, personal: &[&str]) -> Result<(), PasswordProblem> {
    let chars = password.chars().count();
    if chars < MIN_CHARS {
        return Err(PasswordProblem::TooShort);
    }
    if chars > MAX_CHARS {
        return Err(PasswordProblem::TooLong);
    }
    let lower = password.to_lowercase();
    let personal_hit = personal
        .iter()
        .flat_map(|p| {
            p.to_lowercase().split(['@', ' ', '.']).map(str::to_owned).collect::<Vec<_>>()
        })
        .filter(|word| word.chars().count() >= 4)
        .any(|word| lower.contains(&word) && lower.len() < word.len() + 6);
    if personal_hit {
        return Err(PasswordProblem::Personal);
    }
    // zxcvbn's dictionaries hold the common and leaked password lists; a score
    // under 2 means fewer than about 10^6 guesses would find it.
    let estimate = zxcvbn::zxcvbn(password, personal);
    if (estimate.score() as u8) < 2 {
        return Err(PasswordProblem::TooCommon);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_passwords_are_refused_and_eight_characters_can_be_enough() {
        assert_eq!(check("abc123!", &[]), Err(PasswordProblem::TooShort));
        assert_eq!(check("tq8#vz!k", &[]), Ok(()));
    }

    #[test]
    fn long_passphrases_are_welcome_up_to_128_characters() {
        let sixty_four = "river lantern pickle orbit ".repeat(3)[..64].to_owned();
        assert_eq!(check(&sixty_four, &[]), Ok(()));
        assert_eq!(check(&"x".repeat(129), &[]), Err(PasswordProblem::TooLong));
    }

    #[test]
    fn common_passwords_are_refused_whatever_their_length() {
        for common in ["password", "password1", "12345678", "qwertyuiop", "iloveyou", "Password123"]
        {
            assert_eq!(check(common, &[]), Err(PasswordProblem::TooCommon), "{common}");
        }
    }

    #[test]
    fn a_password_made_of_the_persons_own_name_is_refused() {
        assert_eq!(
            check("Martinez2024", &["Ana Martinez", "ana@example.org"]),
            Err(PasswordProblem::Personal)
        );
    }

    #[test]
    fn no_composition_rules_a_plain_lowercase_passphrase_is_fine() {
        assert_eq!(check("purple elephants dance quietly", &[]), Ok(()));
    }
}
