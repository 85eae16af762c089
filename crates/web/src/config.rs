//! Settings, in layers: defaults, then an optional TOML file, then
//! `CARRYOVER_*` environment variables, then command-line flags.
//! Secrets are `SecretString`, so `Debug` of a config never prints them.

use std::{net::SocketAddr, path::PathBuf};

use anyhow::Context;
use carryover_store::DbOptions;
use secrecy::{ExposeSecret, SecretString};
use serde::Deserialize;

use carryover_ops::passwords::PasswordCost;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum LogFormat {
    Text,
    Json,
}

#[derive(Clone, Debug)]
pub struct Config {
    pub listen: SocketAddr,
    /// Folder of the SQLite file (`carryover.db`), used when no database URL is set.
    pub data_dir: PathBuf,
    /// A `postgres://` URL; when set, PostgreSQL is used instead of SQLite.
    pub database_url: Option<SecretString>,
    pub log_format: LogFormat,
    /// When set, every demo account gets this password instead of a random one.
    pub demo_password: Option<SecretString>,
    /// Carryover runs behind a proxy that terminates TLS: plain HTTP on a
    /// non-loopback address is allowed, and links use https.
    pub behind_tls_proxy: bool,
    /// The address people use to reach Carryover, for invitation links.
    pub public_url: Option<String>,
    /// Argon2id cost: OWASP's parameters, except in tests.
    pub password_cost: PasswordCost,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            listen: SocketAddr::from(([127, 0, 0, 1], 8080)),
            data_dir: PathBuf::from("."),
            database_url: None,
            log_format: LogFormat::Text,
            demo_password: None,
            behind_tls_proxy: false,
            public_url: None,
            password_cost: PasswordCost::Owasp,
        }
    }
}

/// One layer of settings; every field optional so that layers can stack.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Layer {
    pub listen: Option<SocketAddr>,
    pub data_dir: Option<PathBuf>,
    pub database_url: Option<SecretString>,
    pub log_format: Option<LogFormat>,
    pub demo_password: Option<SecretString>,
    pub behind_tls_proxy: Option<bool>,
    pub public_url: Option<String>,
}

impl Layer {
    pub fn from_file(path: &std::path::Path) -> anyhow::Result<Layer> {
        let text = std::fs::read_to_string(path)
            .with_context(|| format!("reading config file {}", path.display()))?;
        toml::from_str(&text).with_context(|| format!("parsing config file {}", path.display()))
    }

    /// Reads `CARRYOVER_*` variables (and the conventional `DATABASE_URL`)
    /// through `get`, so tests need not touch the process environment.
    pub fn from_env(get: impl Fn(&str) -> Option<String>) -> anyhow::Result<Layer> {
        let listen = get("CARRYOVER_LISTEN")
            .map(|v| v.parse().with_context(|| format!("CARRYOVER_LISTEN={v:?} is not an address")))
            .transpose()?;
        let log_format = get("CARRYOVER_LOG_FORMAT")
            .map(|v| match v.as_str() {
                "json" => Ok(LogFormat::Json),
                "text" => Ok(LogFormat::Text),
                _ => anyhow::bail!("CARRYOVER_LOG_FORMAT must be text or json"),
            })
            .transpose()?;
        Ok(Layer {
            listen,
            data_dir: get("CARRYOVER_DATA_DIR").map(PathBuf::from),
            database_url: get("CARRYOVER_DATABASE_URL")
                .or_else(|| get("DATABASE_URL"))
                .map(SecretString::from),
            log_format,
            demo_password: get("CARRYOVER_DEMO_PASSWORD").map(SecretString::from),
            behind_tls_proxy: get("CARRYOVER_BEHIND_TLS_PROXY")
                .map(|v| matches!(v.as_str(), "1" | "true" | "yes")),
            public_url: get("CARRYOVER_PUBLIC_URL"),
        })
    }
}

impl Config {
    pub fn apply(mut self, layer: Layer) -> Config {
        if let Some(v) = layer.listen {
            self.listen = v;
        }
        if let Some(v) = layer.data_dir {
            self.data_dir = v;
        }
        if let Some(v) = layer.database_url.filter(|u| !u.expose_secret().is_empty()) {
            self.database_url = Some(v);
        }
        if let Some(v) = layer.log_format {
            self.log_format = v;
        }
        if let Some(v) = layer.demo_password.filter(|p| !p.expose_secret().is_empty()) {
            self.demo_password = Some(v);
        }
        self
    }

    pub fn db_options(&self) -> anyhow::Result<DbOptions> {
        match &self.database_url {
            None => Ok(DbOptions::Sqlite { path: self.data_dir.join("carryover.db") }),
            Some(url) => {
                let url = url.expose_secret();
                if url.starts_with("postgres://") || url.starts_with("postgresql://") {
                    Ok(DbOptions::Postgres { url: url.to_owned() })
                } else if let Some(path) = url.strip_prefix("sqlite://") {
                    Ok(DbOptions::Sqlite { path: PathBuf::from(path) })
                } else {
                    anyhow::bail!("the database URL must start with postgres:// or sqlite://")
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_layer_overrides_the_one_before() {
        let file: Layer = toml::from_str(
            "listen = \"127.0.0.1:9000\"\ndata_dir = \"/from/file\"\nlog_format = \"json\"",
        )
        .unwrap();
        let env = Layer::from_env(|k| (k == "CARRYOVER_DATA_DIR").then(|| "/from/env".to_owned()))
            .unwrap();
        let flags = Layer { listen: Some("0.0.0.0:7000".parse().unwrap()), ..Layer::default() };
        let config = Config::default().apply(file).apply(env).apply(flags);
        assert_eq!(config.listen.to_string(), "0.0.0.0:7000");
        assert_eq!(config.data_dir, PathBuf::from("/from/env"));
        assert_eq!(config.log_format, LogFormat::Json);
    }

    #[test]
    fn secrets_never_print() {
        let env = Layer::from_env(|k| match k {
            "DATABASE_URL" => Some("postgres://carryover:hunter2-secret@db/carryover".into()),
            "CARRYOVER_DEMO_PASSWORD" => Some("demo-secret-pass".into()),
            _ => None,
        })
        .unwrap();
        let config = Config::default().apply(env);
        let printed = format!("{config:?} {:?}", config.db_options().unwrap());
        assert!(!printed.contains("hunter2") && !printed.contains("demo-secret"), "{printed}");
        assert!(matches!(config.db_options().unwrap(), DbOptions::Postgres { .. }));
    }

    #[test]
    fn an_unknown_database_scheme_is_refused_with_a_clear_message() {
        let config = Config { database_url: Some("mysql://x".into()), ..Config::default() };
        let error = config.db_options().unwrap_err().to_string();
        assert!(error.contains("postgres://"), "{error}");
    }
}
