//! Argon2id password hashes. Production uses OWASP's parameters; tests use
//! cheap ones, chosen in `Config`, and a test checks what production ships.

use argon2::{
    Algorithm, Argon2, Params, PasswordHash, PasswordHasher as _, PasswordVerifier as _, Version,
    password_hash::SaltString,
};
use rand::RngCore;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PasswordCost {
    /// OWASP's Argon2id recommendation: 19 MiB of memory, 2 passes, 1 lane.
    #[default]
    Owasp,
    /// For tests only: fast, and worthless against an attacker.
    Fast,
}

#[derive(Clone)]
pub struct PasswordHasher {
    argon: Argon2<'static>,
    /// Verified against for unknown emails, so they take as long as known ones.
    decoy: String,
}

impl std::fmt::Debug for PasswordHasher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("PasswordHasher")
    }
}

impl PasswordCost {
    pub fn params(self) -> Params {
        let (memory_kib, passes, lanes) = match self {
            PasswordCost::Owasp => (19_456, 2, 1),
            PasswordCost::Fast => (64, 1, 1),
        };
        Params::new(memory_kib, passes, lanes, None).unwrap_or_default()
    }
}

impl PasswordHasher {
    pub fn new(cost: PasswordCost) -> anyhow::Result<PasswordHasher> {
        let argon = Argon2::new(Algorithm::Argon2id, Version::V0x13, cost.params());
        let mut hasher = PasswordHasher { argon, decoy: String::new() };
        hasher.decoy = hasher.hash("decoy password nobody has")?;
        Ok(hasher)
    }

    pub fn hash(&self, password: &str) -> anyhow::Result<String> {
        let mut salt = [0u8; 16];
        rand::rng().fill_bytes(&mut salt);
        let salt = SaltString::encode_b64(&salt).map_err(|e| anyhow::anyhow!("salt: {e}"))?;
        let hash = self
            .argon
            .hash_password(password.as_bytes(), &salt)
            .map_err(|e| anyhow::anyhow!("hashing a password: {e}"))?;
        Ok(hash.to_string())
    }

    /// Checks a password against a stored hash, or against the decoy when
    /// there is none, so that both answers cost the same time.
    pub fn verify(&self, password: &str, stored: Option<&str>) -> bool {
        let hash = stored.unwrap_or(&self.decoy);
        let Ok(parsed) = PasswordHash::new(hash) else {
            return false;
        };
        let matches = self.argon.verify_password(password.as_bytes(), &parsed).is_ok();
        matches && stored.is_some()
    }

    /// Runs `verify` off the async threads: Argon2 is deliberately slow.
    pub async fn verify_blocking(&self, password: String, stored: Option<String>) -> bool {
        let hasher = self.clone();
        tokio::task::spawn_blocking(move || hasher.verify(&password, stored.as_deref()))
            .await
            .unwrap_or(false)
    }

    pub async fn hash_blocking(&self, password: String) -> anyhow::Result<String> {
        let hasher = self.clone();
        tokio::task::spawn_blocking(move || hasher.hash(&password)).await?
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn production_ships_owasp_argon2id_parameters() {
        let params = PasswordCost::Owasp.params();
        assert_eq!((params.m_cost(), params.t_cost(), params.p_cost()), (19_456, 2, 1));
        assert_eq!(PasswordCost::default(), PasswordCost::Owasp);
    }

    #[test]
    fn a_hash_verifies_its_own_password_only() {
        let hasher = PasswordHasher::new(PasswordCost::Fast).unwrap();
        let hash = hasher.hash("river lantern pickle").unwrap();
        assert!(hash.starts_with("$argon2id$"));
        assert!(hasher.verify("river lantern pickle", Some(&hash)));
        assert!(!hasher.verify("river lantern pickles", Some(&hash)));
        assert!(
            !hasher.verify("decoy password nobody has", None),
            "the decoy never signs anyone in"
        );
    }
}
