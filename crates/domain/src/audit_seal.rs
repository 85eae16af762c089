//! Signed audit chain heads. Each chain's newest (seq, hash) is signed with
//! an Ed25519 key kept outside the database, so that someone who can write
//! the database file alone cannot truncate or rewrite a chain and make it
//! verify again: they would have to sign a new head, without the key.
//!
//! Ed25519 rather than HMAC: the public half can be printed beside exported
//! heads, so a copy of them can be checked by someone who never holds the
//! key, and a verifier that holds only the public key cannot forge a head.

use ed25519_dalek::{Signature, Signer, SigningKey, Verifier, VerifyingKey};

/// The private key that seals chain heads. Never printed.
#[derive(Clone)]
pub struct SealKey(SigningKey);

impl std::fmt::Debug for SealKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "SealKey(public {})", self.public().to_hex())
    }
}

/// The public half, to check seals with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SealPublicKey(VerifyingKey);

/// One chain's newest row, as a seal covers it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChainHead {
    /// The chain's clinic id as text (the nil id for the 'system' chain).
    pub clinic_id: String,
    pub last_seq: i64,
    pub last_hash: String,
}

impl ChainHead {
    /// What is signed: a fixed prefix, so that a seal means nothing anywhere else.
    fn message(&self) -> Vec<u8> {
        format!(
            "carryover audit head v1\n{}\n{}\n{}",
            self.clinic_id, self.last_seq, self.last_hash
        )
        .into_bytes()
    }
}

impl SealKey {
    /// A key from 32 secret bytes (the caller draws them from a secure source).
    pub fn from_seed(seed: [u8; 32]) -> SealKey {
        SealKey(SigningKey::from_bytes(&seed))
    }

    /// The key as 64 hex characters, for the key file or the environment.
    pub fn from_hex(text: &str) -> Option<SealKey> {
        let bytes: [u8; 32] = hex::decode(text.trim()).ok()?.try_into().ok()?;
        Some(SealKey::from_seed(bytes))
    }

    pub fn to_hex(&self) -> String {
        hex::encode(self.0.to_bytes())
    }

    pub fn public(&self) -> SealPublicKey {
        SealPublicKey(self.0.verifying_key())
    }

    /// The seal of a head, as hex.
    pub fn seal(&self, head: &ChainHead) -> String {
        hex::encode(self.0.sign(&head.message()).to_bytes())
    }
}

impl SealPublicKey {
    pub fn to_hex(&self) -> String {
        hex::encode(self.0.to_bytes())
    }

    pub fn from_hex(text: &str) -> Option<SealPublicKey> {
        let bytes: [u8; 32] = hex::decode(text.trim()).ok()?.try_into().ok()?;
        VerifyingKey::from_bytes(&bytes).ok().map(SealPublicKey)
    }

    /// True when `seal` is this key's signature of exactly this head.
    pub fn verify(&self, head: &ChainHead, seal: &str) -> bool {
        let Some(bytes) = hex::decode(seal).ok().and_then(|b| <[u8; 64]>::try_from(b).ok()) else {
            return false;
        };
        self.0.verify(&head.message(), &Signature::from_bytes(&bytes)).is_ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn head(seq: i64) -> ChainHead {
        ChainHead { clinic_id: "clinic-a".into(), last_seq: seq, last_hash: "ab".repeat(32) }
    }

    #[test]
    fn a_seal_verifies_for_its_own_head_only() {
        let key = SealKey::from_seed([7; 32]);
        let seal = key.seal(&head(3));
        assert!(key.public().verify(&head(3), &seal));
        assert!(!key.public().verify(&head(2), &seal), "a truncated chain's head");
        let rewritten = ChainHead { last_hash: "cd".repeat(32), ..head(3) };
        assert!(!key.public().verify(&rewritten, &seal), "a rewritten chain's head");
        let other = SealKey::from_seed([8; 32]);
        assert!(!other.public().verify(&head(3), &seal), "another key's seal");
        assert!(!key.public().verify(&head(3), "not hex"));
    }

    #[test]
    fn a_key_reads_back_from_its_hex_and_never_prints_its_secret() {
        let key = SealKey::from_seed([9; 32]);
        let back = SealKey::from_hex(&key.to_hex()).unwrap();
        assert_eq!(back.public(), key.public());
        assert!(!format!("{key:?}").contains(&key.to_hex()));
        assert_eq!(SealPublicKey::from_hex(&key.public().to_hex()), Some(key.public()));
        assert!(SealKey::from_hex("abc").is_none());
    }
}
