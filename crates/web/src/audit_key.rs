//! The key that seals audit chain heads, kept outside the database: in
//! `CARRYOVER_AUDIT_KEY`, or in a key file (beside the config file, else in
//! the data folder, or where `audit_key_file` says), created on first use
//! readable by its owner only. Someone who can write the database file but
//! not this key cannot rewrite or truncate the audit trail unnoticed.

use std::{io::Write, path::Path};

use anyhow::Context;
use carryover_domain::audit_seal::SealKey;
use rand::RngCore;
use secrecy::ExposeSecret;

use crate::config::Config;

/// The configured key, or a new one written to the key file.
pub fn load_or_create(config: &Config) -> anyhow::Result<SealKey> {
    if let Some(key) = load(config)? {
        return Ok(key);
    }
    let path = config.audit_key_path();
    let mut seed = [0u8; 32];
    rand::rng().fill_bytes(&mut seed);
    let key = SealKey::from_seed(seed);
    write_new(&path, &key.to_hex())
        .with_context(|| format!("creating the audit key file {}", path.display()))?;
    tracing::info!(path = %path.display(), "created the audit key file; keep a copy elsewhere");
    Ok(key)
}

/// The configured key, if there is one yet.
pub fn load(config: &Config) -> anyhow::Result<Option<SealKey>> {
    if let Some(text) = &config.audit_key {
        let key = SealKey::from_hex(text.expose_secret())
            .context("CARRYOVER_AUDIT_KEY must be 64 hex characters")?;
        return Ok(Some(key));
    }
    let path = config.audit_key_path();
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(e).with_context(|| format!("reading {}", path.display())),
    };
    warn_if_others_can_read(&path);
    SealKey::from_hex(&text).map(Some).with_context(|| {
        format!("{} does not hold an audit key (64 hex characters)", path.display())
    })
}

#[cfg(unix)]
fn write_new(path: &Path, text: &str) -> std::io::Result<()> {
    use std::os::unix::fs::OpenOptionsExt;
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent)?;
    }
    let mut file =
        std::fs::OpenOptions::new().write(true).create_new(true).mode(0o600).open(path)?;
    file.write_all(text.as_bytes())?;
    file.sync_all()
}

#[cfg(not(unix))]
fn write_new(path: &Path, text: &str) -> std::io::Result<()> {
    let mut file = std::fs::OpenOptions::new().write(true).create_new(true).open(path)?;
    file.write_all(text.as_bytes())?;
    file.sync_all()
}

#[cfg(unix)]
fn warn_if_others_can_read(path: &Path) {
    use std::os::unix::fs::PermissionsExt;
    if let Ok(meta) = std::fs::metadata(path)
        && meta.permissions().mode() & 0o077 != 0
    {
        tracing::warn!(path = %path.display(), "the audit key file is readable by others: chmod 600 it");
    }
}

#[cfg(not(unix))]
fn warn_if_others_can_read(_: &Path) {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_key_file_is_made_once_for_its_owner_only_and_read_back() {
        let dir = tempfile::tempdir().unwrap();
        let config = Config { data_dir: dir.path().to_owned(), ..Config::default() };
        let made = load_or_create(&config).unwrap();
        let again = load_or_create(&config).unwrap();
        assert_eq!(made.public(), again.public());
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(config.audit_key_path()).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
        let beside = Config { config_dir: Some(dir.path().join("etc")), ..config };
        assert_eq!(beside.audit_key_path(), dir.path().join("etc/carryover-audit.key"));
    }
}
