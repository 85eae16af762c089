//! Settings, in layers: defaults, then an optional TOML file, then
//! `CARRYOVER_*` environment variables, then command-line flags.
//! Secrets are `SecretString`, so `Debug` of a config never prints them.

use std::{
    net::{IpAddr, SocketAddr},
    path::PathBuf,
};

use anyhow::Context;
use carryover_store::{DbOptions, SqliteSync};
use secrecy::{ExposeSecret, SecretString};
use serde::Deserialize;

use carryover_ops::passwords::PasswordCost;

/// How SQLite makes each commit durable before it is acknowledged: both
/// are durable; `grouped` lets concurrent commits share one `fsync`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SqliteSyncSetting {
    #[default]
    Grouped,
    EachCommit,
}

impl SqliteSyncSetting {
    pub fn store(self) -> SqliteSync {
        match self {
            SqliteSyncSetting::Grouped => SqliteSync::Grouped,
            SqliteSyncSetting::EachCommit => SqliteSync::EachCommit,
        }
    }
}

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
    // Issue 10: the client's address behind a proxy, connection limits,
    // /metrics and the audit seal key.
    /// Proxies of ours in front, each adding one forwarding entry.
    pub trusted_proxy_hops: usize,
    /// Our proxies' addresses; when given, used instead of the hop count.
    pub trusted_proxies: Vec<IpAddr>,
    /// Open connections served at once; more wait in the kernel's queue.
    pub max_connections: usize,
    /// Open connections one client address may hold (not our proxies).
    pub max_connections_per_client: usize,
    /// A connection must send a whole request header within this many seconds.
    pub header_read_timeout_secs: u64,
    /// An idle kept-alive connection is closed after this many seconds (or
    /// the header-read timeout, if shorter: the next request's header is late).
    pub keep_alive_timeout_secs: u64,
    /// `/metrics` answers only with `Authorization: Bearer <this>`; unset, it is off.
    pub metrics_token: Option<SecretString>,
    /// The audit seal key, 64 hex characters (instead of the key file).
    pub audit_key: Option<SecretString>,
    /// Where the audit seal key lives; default: beside the config file, else in the data folder.
    pub audit_key_file: Option<PathBuf>,
    /// The folder of the config file, when one was read.
    pub config_dir: Option<PathBuf>,
    /// Issue 15: SQLite commits in groups unless told otherwise.
    pub sqlite_sync: SqliteSyncSetting,
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
            trusted_proxy_hops: 1,
            trusted_proxies: Vec::new(),
            max_connections: 1024,
            max_connections_per_client: 64,
            header_read_timeout_secs: 10,
            keep_alive_timeout_secs: 10,
            metrics_token: None,
            audit_key: None,
            audit_key_file: None,
            config_dir: None,
            sqlite_sync: SqliteSyncSetting::Grouped,
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
    pub trusted_proxy_hops: Option<usize>,
    pub trusted_proxies: Option<Vec<IpAddr>>,
    pub max_connections: Option<usize>,
    pub max_connections_per_client: Option<usize>,
    pub header_read_timeout_secs: Option<u64>,
    pub keep_alive_timeout_secs: Option<u64>,
    pub metrics_token: Option<SecretString>,
    pub audit_key: Option<SecretString>,
    pub audit_key_file: Option<PathBuf>,
    pub sqlite_sync: Option<SqliteSyncSetting>,
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
        let sqlite_sync = get("CARRYOVER_SQLITE_SYNC")
            .map(|v| match v.as_str() {
                "grouped" => Ok(SqliteSyncSetting::Grouped),
                "each_commit" => Ok(SqliteSyncSetting::EachCommit),
                _ => anyhow::bail!("CARRYOVER_SQLITE_SYNC must be grouped or each_commit"),
            })
            .transpose()?;
        Ok(Layer {
            sqlite_sync,
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
            trusted_proxy_hops: number(&get, "CARRYOVER_TRUSTED_PROXY_HOPS")?,
            trusted_proxies: get("CARRYOVER_TRUSTED_PROXIES")
                .map(|v| {
                    v.split(',')
                        .filter(|a| !a.trim().is_empty())
                        .map(|a| a.trim().parse::<IpAddr>())
                        .collect::<Result<Vec<_>, _>>()
                        .with_context(|| {
                            format!("CARRYOVER_TRUSTED_PROXIES={v:?} is not a list of addresses")
                        })
                })
                .transpose()?,
            max_connections: number(&get, "CARRYOVER_MAX_CONNECTIONS")?,
            max_connections_per_client: number(&get, "CARRYOVER_MAX_CONNECTIONS_PER_CLIENT")?,
            header_read_timeout_secs: number(&get, "CARRYOVER_HEADER_READ_TIMEOUT_SECS")?,
            keep_alive_timeout_secs: number(&get, "CARRYOVER_KEEP_ALIVE_TIMEOUT_SECS")?,
            metrics_token: get("CARRYOVER_METRICS_TOKEN").map(SecretString::from),
            audit_key: get("CARRYOVER_AUDIT_KEY").map(SecretString::from),
            audit_key_file: get("CARRYOVER_AUDIT_KEY_FILE").map(PathBuf::from),
        })
    }
}

/// A whole number from the environment, or a clear error naming the variable.
fn number<T: std::str::FromStr>(
    get: &impl Fn(&str) -> Option<String>,
    name: &str,
) -> anyhow::Result<Option<T>> {
    get(name)
        .map(|v| {
            v.trim().parse::<T>().map_err(|_| anyhow::anyhow!("{name}={v:?} is not a whole number"))
        })
        .transpose()
}

impl Config {
    pub fn apply(mut self, layer: Layer) -> Config {
        if let Some(v) = layer.listen {
            self.listen = v;
        }
        if let Some(v) = layer.data_dir.clone() {
            self.data_dir = v;
        }
        if let Some(v) = layer.database_url.clone().filter(|u| !u.expose_secret().is_empty()) {
            self.database_url = Some(v);
        }
        if let Some(v) = layer.log_format {
            self.log_format = v;
        }
        if let Some(v) = layer.sqlite_sync {
            self.sqlite_sync = v;
        }
        if let Some(v) = layer.demo_password.clone().filter(|p| !p.expose_secret().is_empty()) {
            self.demo_password = Some(v);
        }
        self.apply_security(layer)
    }

    fn apply_security(mut self, layer: Layer) -> Config {
        if let Some(v) = layer.behind_tls_proxy {
            self.behind_tls_proxy = v;
        }
        if let Some(v) = layer.public_url.filter(|u| !u.trim().is_empty()) {
            self.public_url = Some(v);
        }
        if let Some(v) = layer.trusted_proxy_hops {
            self.trusted_proxy_hops = v;
        }
        if let Some(v) = layer.trusted_proxies {
            self.trusted_proxies = v;
        }
        if let Some(v) = layer.max_connections {
            self.max_connections = v.max(1);
        }
        if let Some(v) = layer.max_connections_per_client {
            self.max_connections_per_client = v.max(1);
        }
        if let Some(v) = layer.header_read_timeout_secs {
            self.header_read_timeout_secs = v.max(1);
        }
        if let Some(v) = layer.keep_alive_timeout_secs {
            self.keep_alive_timeout_secs = v.max(1);
        }
        if let Some(v) = layer.metrics_token.filter(|t| !t.expose_secret().is_empty()) {
            self.metrics_token = Some(v);
        }
        if let Some(v) = layer.audit_key.filter(|k| !k.expose_secret().is_empty()) {
            self.audit_key = Some(v);
        }
        if let Some(v) = layer.audit_key_file {
            self.audit_key_file = Some(v);
        }
        self
    }

    /// Which forwarding entries to believe for the client's address.
    pub fn trust(&self) -> crate::client_addr::Trust {
        use crate::client_addr::Trust;
        match (self.behind_tls_proxy, self.trusted_proxies.is_empty()) {
            (false, _) => Trust::Direct,
            (true, true) => Trust::Hops(self.trusted_proxy_hops),
            (true, false) => Trust::Proxies(self.trusted_proxies.clone()),
        }
    }

    /// Where the audit seal key file is: as configured, else beside the
    /// config file, else in the data folder.
    pub fn audit_key_path(&self) -> PathBuf {
        if let Some(path) = &self.audit_key_file {
            return path.clone();
        }
        self.config_dir.as_ref().unwrap_or(&self.data_dir).join("carryover-audit.key")
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
    fn the_proxy_settings_stack_like_the_others() {
        let file: Layer =
            toml::from_str("behind_tls_proxy = true\ntrusted_proxies = [\"10.0.0.2\"]").unwrap();
        let env = Layer::from_env(|k| match k {
            "CARRYOVER_TRUSTED_PROXY_HOPS" => Some("2".into()),
            "CARRYOVER_PUBLIC_URL" => Some("https://carryover.example".into()),
            "CARRYOVER_METRICS_TOKEN" => Some("scrape-secret".into()),
            _ => None,
        })
        .unwrap();
        let config = Config::default().apply(file).apply(env);
        assert!(config.behind_tls_proxy);
        assert_eq!(config.public_url.as_deref(), Some("https://carryover.example"));
        assert_eq!(
            config.trust(),
            crate::client_addr::Trust::Proxies(vec!["10.0.0.2".parse().unwrap()])
        );
        assert!(!format!("{config:?}").contains("scrape-secret"));
        let no_list = Config { trusted_proxies: Vec::new(), ..config };
        assert_eq!(no_list.trust(), crate::client_addr::Trust::Hops(2));
        assert!(
            Layer::from_env(|k| (k == "CARRYOVER_MAX_CONNECTIONS").then(|| "many".into())).is_err()
        );
    }

    #[test]
    fn sqlite_commits_in_groups_unless_a_layer_asks_for_one_flush_each() {
        assert_eq!(Config::default().sqlite_sync, SqliteSyncSetting::Grouped);
        let file: Layer = toml::from_str("sqlite_sync = \"each_commit\"").unwrap();
        assert_eq!(Config::default().apply(file).sqlite_sync, SqliteSyncSetting::EachCommit);
        let env = Layer::from_env(|k| (k == "CARRYOVER_SQLITE_SYNC").then(|| "sometimes".into()));
        let error = env.unwrap_err().to_string();
        assert!(error.contains("grouped or each_commit"), "{error}");
    }

    #[test]
    fn an_unknown_database_scheme_is_refused_with_a_clear_message() {
        let config = Config { database_url: Some("mysql://x".into()), ..Config::default() };
        let error = config.db_options().unwrap_err().to_string();
        assert!(error.contains("postgres://"), "{error}");
    }
}
