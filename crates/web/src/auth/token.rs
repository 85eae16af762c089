//! Secrets handed to browsers (session cookies, invitation links). Only their
//! SHA-256 is stored, so a copy of the database opens no session.

use rand::RngCore;
use sha2::{Digest, Sha256};

/// 256 random bits, as 64 hex characters.
pub fn new_token() -> String {
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    hex::encode(bytes)
}

pub fn hash_token(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

/// A token as it may appear in a link or cookie: refuses anything else early.
pub fn looks_like_token(text: &str) -> bool {
    text.len() == 64 && text.bytes().all(|b| b.is_ascii_hexdigit())
}
