//! Two-factor sign-in: an authenticator app's six-digit codes (TOTP,
//! RFC 6238: HMAC-SHA-1, 30-second steps), each accepted once, within one
//! step either side of now; and ten one-time recovery codes.

use sha2::{Digest, Sha256};
use time::Duration;
use totp_rs::{Algorithm, Builder, Secret, Totp};

use crate::people::Role;

/// Seconds per code.
pub const STEP_SECONDS: u64 = 30;
/// How many recovery codes an enrolment hands out.
pub const RECOVERY_CODES: usize = 10;
/// How long the password step waits for its code before it must be done again.
pub const CODE_STEP_LASTS: Duration = Duration::minutes(5);

/// A shared TOTP secret (160 bits, as RFC 4226 recommends), as base32 text.
#[derive(Clone, PartialEq, Eq)]
pub struct TotpSecret(String);

impl std::fmt::Debug for TotpSecret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("TotpSecret([secret])")
    }
}

/// Why a typed code was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CodeProblem {
    /// Not six digits.
    Malformed,
    /// Not the code of this step, the one before or the one after.
    Wrong,
    /// Right, but a code of this step (or a later one) was used already.
    Replayed,
}

impl TotpSecret {
    /// A secret from 20 bytes the caller drew from a secure source.
    pub fn from_bytes(bytes: [u8; 20]) -> TotpSecret {
        TotpSecret(Secret::from(bytes).to_base32())
    }

    /// A stored secret; `None` for text that is not base32 of at least 128 bits.
    pub fn parse(text: &str) -> Option<TotpSecret> {
        let secret = Secret::try_from_base32(text).ok()?;
        (secret.as_bytes().len() >= 16).then(|| TotpSecret(text.to_owned()))
    }

    /// The base32 text: stored, and shown once for typing into an app.
    pub fn reveal(&self) -> &str {
        &self.0
    }

    fn totp(&self) -> Option<Totp> {
        let secret = Secret::try_from_base32(&self.0).ok()?;
        Builder::new()
            .with_algorithm(Algorithm::SHA1)
            .with_digits(6)
            .with_skew(1)
            .with_step_duration(STEP_SECONDS)
            .with_secret(secret)
            .build()
            .ok()
    }

    /// The code an app shows at `unix_seconds` (for tests and the demo).
    pub fn code_at(&self, unix_seconds: u64) -> String {
        self.totp().map(|t| t.generate(unix_seconds).to_string()).unwrap_or_default()
    }

    /// Checks a typed code at `unix_seconds`; returns the step it belongs to,
    /// to be remembered so that the same code is never accepted again.
    pub fn check(
        &self,
        typed: &str,
        unix_seconds: u64,
        last_used_step: Option<u64>,
    ) -> Result<u64, CodeProblem> {
        let digits: String = typed.chars().filter(|c| !c.is_whitespace()).collect();
        if digits.len() != 6 || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return Err(CodeProblem::Malformed);
        }
        let totp = self.totp().ok_or(CodeProblem::Wrong)?;
        let step = totp.check(&digits, unix_seconds).ok_or(CodeProblem::Wrong)?;
        if last_used_step.is_some_and(|last| step <= last) {
            return Err(CodeProblem::Replayed);
        }
        Ok(step)
    }

    /// The `otpauth://` address an authenticator app reads from a QR code.
    pub fn otpauth_uri(&self, issuer: &str, account: &str) -> String {
        let issuer = percent_encode(&issuer.replace(':', " "));
        let account = percent_encode(&account.replace(':', " "));
        format!(
            "otpauth://totp/{issuer}:{account}?secret={}&issuer={issuer}&algorithm=SHA1&digits=6&period={STEP_SECONDS}",
            self.0
        )
    }
}

fn percent_encode(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b'@' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

const BASE32: &[u8; 32] = b"abcdefghijklmnopqrstuvwxyz234567";

/// A recovery code from 10 random bytes (80 bits): 16 letters and digits in
/// four groups, easy to copy by hand.
pub fn recovery_code(bytes: [u8; 10]) -> String {
    let mut bits: u128 = 0;
    for b in bytes {
        bits = (bits << 8) | u128::from(b);
    }
    let chars: Vec<char> =
        (0..16).rev().map(|i| BASE32[((bits >> (i * 5)) & 31) as usize] as char).collect();
    chars.chunks(4).map(|c| c.iter().collect::<String>()).collect::<Vec<_>>().join("-")
}

/// A typed recovery code in its stored form (no dashes or spaces, lower
/// case), or `None` when it cannot be one.
pub fn normalize_recovery_code(typed: &str) -> Option<String> {
    let code: String = typed
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .map(|c| c.to_ascii_lowercase())
        .collect();
    (code.len() == 16 && code.bytes().all(|b| BASE32.contains(&b))).then_some(code)
}

/// What is stored of a recovery code: its SHA-256. 80 random bits need no
/// slow hash.
pub fn recovery_hash(normalized: &str) -> String {
    hex::encode(Sha256::digest(normalized.as_bytes()))
}

/// Whether a person may see children's information as far as the second
/// factor goes: staff of a clinic that requires one must have enrolled.
/// Caregivers may enrol, but are never required to.
pub fn requirement_met(role: Role, clinic_requires: bool, enrolled: bool) -> bool {
    !role.is_staff() || !clinic_requires || enrolled
}

#[cfg(test)]
mod tests {
    use super::*;

    /// RFC 6238, appendix B: the SHA-1 secret "12345678901234567890".
    fn rfc_secret() -> TotpSecret {
        TotpSecret::from_bytes(*b"12345678901234567890")
    }

    #[test]
    fn codes_match_the_rfc_6238_test_vectors() {
        // The RFC lists 8 digits; six-digit codes are their last six.
        assert_eq!(rfc_secret().code_at(59), "287082");
        assert_eq!(rfc_secret().code_at(1_111_111_109), "081804");
        assert_eq!(rfc_secret().code_at(2_000_000_000), "279037");
    }

    #[test]
    fn a_code_is_accepted_one_step_either_side_of_now_and_no_further() {
        let secret = rfc_secret();
        let now = 1_111_111_109;
        let previous = secret.code_at(now - 30);
        let next = secret.code_at(now + 30);
        assert!(secret.check(&previous, now, None).is_ok());
        assert!(secret.check(&next, now, None).is_ok());
        assert_eq!(secret.check(&secret.code_at(now - 60), now, None), Err(CodeProblem::Wrong));
        assert_eq!(secret.check("12345", now, None), Err(CodeProblem::Malformed));
        assert_eq!(secret.check("abcdef", now, None), Err(CodeProblem::Malformed));
    }

    #[test]
    fn a_code_is_accepted_once() {
        let secret = rfc_secret();
        let now = 1_111_111_109;
        let code = secret.code_at(now);
        let step = secret.check(&code, now, None).unwrap();
        assert_eq!(secret.check(&code, now + 5, Some(step)), Err(CodeProblem::Replayed));
        let older = secret.code_at(now - 30);
        assert_eq!(secret.check(&older, now, Some(step)), Err(CodeProblem::Replayed));
        assert!(secret.check(&secret.code_at(now + 30), now + 30, Some(step)).is_ok());
    }

    #[test]
    fn a_recovery_code_reads_back_however_it_is_typed() {
        let code = recovery_code([0xff, 0, 1, 2, 3, 4, 5, 6, 7, 8]);
        assert_eq!(code.len(), 19);
        let normal = normalize_recovery_code(&code.to_uppercase().replace('-', " ")).unwrap();
        assert_eq!(normal, code.replace('-', ""));
        assert_eq!(recovery_hash(&normal).len(), 64);
        assert!(normalize_recovery_code("too-short").is_none());
        assert!(normalize_recovery_code("1111-1111-1111-1111").is_none(), "1 is not base32");
    }

    #[test]
    fn the_app_address_names_the_clinic_and_the_account() {
        let uri = rfc_secret().otpauth_uri("Carryover: Bright Steps", "ana@example.org");
        assert!(
            uri.starts_with("otpauth://totp/Carryover%20%20Bright%20Steps:ana@example.org?secret=")
        );
        assert!(uri.contains("&period=30"));
    }

    #[test]
    fn only_staff_of_a_clinic_that_requires_it_must_enrol() {
        assert!(!requirement_met(Role::Therapist, true, false));
        assert!(!requirement_met(Role::Admin, true, false));
        assert!(requirement_met(Role::Admin, true, true));
        assert!(requirement_met(Role::Therapist, false, false));
        assert!(requirement_met(Role::Caregiver, true, false));
    }
}
