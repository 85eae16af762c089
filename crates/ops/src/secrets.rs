//! Secrets handed to browsers and people: session cookies, invitation links,
//! (later) API tokens and calendar feeds. Each is the clinic's id and 256
//! random bits, `<clinic>.<secret>`: the clinic id routes the lookup to one
//! clinic's rows (see ARCHITECTURE.md, "Distributing by clinic"), and only
//! the SHA-256 of the secret is stored, so a copy of the database opens nothing.

use std::sync::Arc;

use rand::RngCore;
use sha2::{Digest, Sha256};
use uuid::Uuid;

/// Where random secrets come from; injected so tests can make them known.
pub trait SecretSource: Send + Sync + std::fmt::Debug {
    /// 256 random bits as 64 lower-case hex characters.
    fn new_secret(&self) -> String;
}

#[derive(Debug, Default)]
pub struct RandomSecrets;

impl SecretSource for RandomSecrets {
    fn new_secret(&self) -> String {
        let mut bytes = [0u8; 32];
        rand::rng().fill_bytes(&mut bytes);
        hex::encode(bytes)
    }
}

pub fn random() -> Arc<dyn SecretSource> {
    Arc::new(RandomSecrets)
}

/// A clinic-scoped secret as it travels in a cookie, a link or a header.
#[derive(Clone, PartialEq, Eq)]
pub struct ClinicToken {
    pub clinic_id: Uuid,
    secret: String,
}

impl std::fmt::Debug for ClinicToken {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "ClinicToken({}, [secret])", self.clinic_id)
    }
}

impl ClinicToken {
    pub fn new(clinic_id: Uuid, source: &dyn SecretSource) -> ClinicToken {
        ClinicToken { clinic_id, secret: source.new_secret() }
    }

    /// Accepts only the exact shape this module writes; anything else is
    /// refused before any lookup.
    pub fn parse(text: &str) -> Option<ClinicToken> {
        let (clinic, secret) = text.split_once('.')?;
        let hex = |s: &str, n: usize| {
            s.len() == n && s.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
        };
        if !hex(clinic, 32) || !hex(secret, 64) {
            return None;
        }
        Some(ClinicToken { clinic_id: Uuid::parse_str(clinic).ok()?, secret: secret.to_owned() })
    }

    /// What is stored: the SHA-256 of the secret part.
    pub fn hash(&self) -> String {
        hex::encode(Sha256::digest(self.secret.as_bytes()))
    }

    /// The text to hand out. Never log it.
    pub fn reveal(&self) -> String {
        format!("{}.{}", self.clinic_id.simple(), self.secret)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_token_reads_back_as_written_and_only_its_hash_is_kept() {
        let clinic = Uuid::now_v7();
        let token = ClinicToken::new(clinic, &RandomSecrets);
        let text = token.reveal();
        let back = ClinicToken::parse(&text).unwrap();
        assert_eq!(back, token);
        assert_eq!(back.clinic_id, clinic);
        assert_eq!(back.hash().len(), 64);
        assert!(!text.contains(&back.hash()));
    }

    #[test]
    fn anything_but_the_exact_shape_is_refused() {
        let good = ClinicToken::new(Uuid::now_v7(), &RandomSecrets).reveal();
        for bad in [
            "".to_owned(),
            good.replace('.', ""),
            good.to_uppercase(),
            format!("{good}0"),
            format!("x{}", &good[1..]),
            good.replacen('.', "/", 1),
        ] {
            assert!(ClinicToken::parse(&bad).is_none(), "{bad}");
        }
    }
}
