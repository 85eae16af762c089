//! The `carryover` command line.

use std::{path::PathBuf, sync::Arc};

use anyhow::Context;
use carryover_store::{BackupOutcome, Db};
use clap::{Parser, Subcommand};
use secrecy::{ExposeSecret, SecretString};

pub mod progress;
mod restore;

use crate::{
    Application,
    app::shutdown_signal,
    clock::{Clock, SystemClock},
    config::{Config, Layer, LogFormat},
    demo,
    passwords::PasswordHasher,
    telemetry,
};

/// Carryover: parent coaching for pediatric therapy clinics.
///
/// Data lives in a SQLite file (./carryover.db by default) unless
/// DATABASE_URL or --database names a postgres:// database.
/// Settings come from defaults, then --config FILE, then CARRYOVER_* environment
/// variables, then these flags. Settings without a flag:
/// CARRYOVER_HEADER_READ_TIMEOUT_SECS (10), CARRYOVER_KEEP_ALIVE_TIMEOUT_SECS (10),
/// CARRYOVER_METRICS_TOKEN (/metrics answers only with this bearer token),
/// CARRYOVER_AUDIT_KEY or CARRYOVER_AUDIT_KEY_FILE (the key that seals the audit
/// trail; by default carryover-audit.key beside the config file, else in the data folder).
#[derive(Debug, Parser)]
#[command(name = "carryover", version, propagate_version = true)]
pub struct Cli {
    /// A TOML file of settings (keys: listen, data_dir, database_url, log_format,
    /// demo_password, behind_tls_proxy, public_url, trusted_proxy_hops,
    /// trusted_proxies, max_connections, max_connections_per_client,
    /// header_read_timeout_secs, keep_alive_timeout_secs, metrics_token,
    /// audit_key, audit_key_file).
    #[arg(long, global = true, env = "CARRYOVER_CONFIG", value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Folder for the SQLite database file carryover.db [default: .] [env: CARRYOVER_DATA_DIR]
    #[arg(long, global = true, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
    /// A postgres:// URL; use PostgreSQL instead of SQLite [env: DATABASE_URL]
    #[arg(long = "database", global = true, value_name = "URL")]
    pub database_url: Option<String>,
    /// Log lines as text or as JSON (levels: RUST_LOG) [env: CARRYOVER_LOG_FORMAT]
    #[arg(long, global = true, value_enum)]
    pub log_format: Option<LogFormat>,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Start the web server (creates and migrates the database first).
    Serve {
        /// Address to listen on [default: 127.0.0.1:8080] [env: CARRYOVER_LISTEN]
        #[arg(long, value_name = "ADDR")]
        listen: Option<std::net::SocketAddr>,
        /// On an empty database, first fill it with a demo clinic and print its accounts.
        #[arg(long)]
        demo: bool,
        /// A proxy in front terminates TLS: allow plain HTTP on a non-loopback
        /// address, and make links https [env: CARRYOVER_BEHIND_TLS_PROXY]
        #[arg(long)]
        behind_tls_proxy: bool,
        /// Behind the proxy: how many proxies of ours add a forwarding entry
        /// [default: 1] [env: CARRYOVER_TRUSTED_PROXY_HOPS]
        #[arg(long, value_name = "N")]
        trusted_proxy_hops: Option<usize>,
        /// Behind the proxy: an address of one of our proxies, instead of a hop
        /// count; repeat for several [env: CARRYOVER_TRUSTED_PROXIES, comma-separated]
        #[arg(long = "trusted-proxy", value_name = "ADDR")]
        trusted_proxies: Vec<std::net::IpAddr>,
        /// Open connections served at once [default: 1024] [env: CARRYOVER_MAX_CONNECTIONS]
        #[arg(long, value_name = "N")]
        max_connections: Option<usize>,
        /// Open connections one client address may hold [default: 64]
        /// [env: CARRYOVER_MAX_CONNECTIONS_PER_CLIENT]
        #[arg(long, value_name = "N")]
        max_connections_per_client: Option<usize>,
    },
    /// Create the database if needed and apply pending migrations, then exit.
    Migrate,
    /// Write a consistent copy of the SQLite database to FILE while it stays in use.
    Backup {
        /// Where to write the copy; must not exist yet.
        file: PathBuf,
    },
    /// Put a SQLite backup in place as the database; the server must be stopped.
    ///
    /// FILE must pass SQLite's integrity check and be a Carryover database no
    /// newer than this program. The restore is refused while a server uses the
    /// data directory, and when a database is already there unless --replace
    /// is given. The copy is put in place in one rename, then brought up to
    /// date with any pending migrations. On PostgreSQL, use pg_restore instead.
    Restore {
        /// The backup to restore, e.g. one written by `carryover backup`.
        file: PathBuf,
        /// Keep the database that is there, renamed to carryover.db.replaced-<UTC time>
        /// (with its -wal and -shm files), and restore in its place.
        #[arg(long)]
        replace: bool,
    },
    /// Print the version.
    Version,
    /// Set up a real clinic and its people.
    #[command(subcommand)]
    Admin(AdminCommand),
    /// Check the audit trail.
    #[command(subcommand)]
    Audit(AuditCommand),
    /// Fill an empty database with realistic, deterministic data for
    /// benchmarks; prints the accounts to measure with. Every account's
    /// password is PASSWORD.
    Generate {
        /// small: 175 households; clinic: 2,000 households over 3 years;
        /// saas: 200 clinics, 70,000 households.
        #[arg(long, value_enum)]
        scale: crate::generate::Scale,
        /// Every generated account's password.
        #[arg(long, env = "CARRYOVER_GENERATE_PASSWORD", hide_env_values = true)]
        password: SecretString,
        /// The same seed makes the same data.
        #[arg(long, default_value_t = 15)]
        seed: u64,
        /// Also write some accounts, one `caregiver EMAIL` or `therapist EMAIL`
        /// per line, for the load benchmark.
        #[arg(long, value_name = "FILE")]
        accounts: Option<PathBuf>,
    },
}

#[derive(Debug, Subcommand)]
pub enum AdminCommand {
    /// Create a clinic and print an invitation link for its first admin.
    CreateClinic {
        /// The clinic's name, as people will see it.
        name: String,
        /// The first admin's email address.
        #[arg(long, value_name = "EMAIL")]
        admin_email: String,
        /// The first admin's name [default: the part of the email before @]
        #[arg(long, value_name = "NAME")]
        admin_name: Option<String>,
        /// The address people use to reach Carryover, for the link
        /// [default: http://<listen address>] [env: CARRYOVER_PUBLIC_URL]
        #[arg(long, value_name = "URL")]
        public_url: Option<String>,
        /// Whether therapists and admins must use two-step sign-in before
        /// seeing any child's information (admins can change it in the settings)
        #[arg(long, value_enum, default_value = "required")]
        second_factor: SecondFactor,
    },
    /// Remove discharged children's records past their clinic's retention
    /// (audit rows stay). Asks before removing anything.
    Purge {
        /// Only list the records that would be removed.
        #[arg(long)]
        dry_run: bool,
        /// Do not ask: remove them.
        #[arg(long, conflicts_with = "dry_run")]
        yes: bool,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum SecondFactor {
    Required,
    Optional,
}

#[derive(Debug, Subcommand)]
pub enum AuditCommand {
    /// Recompute every audit chain, check its end against its sealed head,
    /// and name each broken chain. The seal key is read from
    /// CARRYOVER_AUDIT_KEY or the key file (CARRYOVER_AUDIT_KEY_FILE; by
    /// default carryover-audit.key beside the config file, else in the data folder).
    Verify {
        /// Also prove that each chain still contains the heads in FILE
        /// (from `audit export-head`).
        #[arg(long, value_name = "FILE")]
        against: Option<PathBuf>,
    },
    /// Print every chain's sealed head, to keep somewhere the database is not.
    ExportHead,
}

impl Cli {
    /// Stacks defaults, the optional file, the environment and the flags.
    pub fn config(&self) -> anyhow::Result<Config> {
        let mut config = Config::default();
        if let Some(file) = &self.config {
            config = config.apply(Layer::from_file(file)?);
            config.config_dir = file
                .parent()
                .map(|p| if p.as_os_str().is_empty() { PathBuf::from(".") } else { p.to_owned() });
        }
        config = config.apply(Layer::from_env(|k| std::env::var(k).ok())?);
        let listen = match &self.command {
            Command::Serve { listen, .. } => *listen,
            _ => None,
        };
        let config = config.apply(self.serve_layer());
        Ok(config.apply(Layer {
            listen,
            data_dir: self.data_dir.clone(),
            database_url: self.database_url.clone().map(Into::into),
            log_format: self.log_format,
            demo_password: None,
            behind_tls_proxy: match &self.command {
                Command::Serve { behind_tls_proxy: true, .. } => Some(true),
                _ => None,
            },
            public_url: None,
            ..Layer::default()
        }))
    }

    /// The proxy and connection flags of `serve`.
    fn serve_layer(&self) -> Layer {
        let Command::Serve {
            trusted_proxy_hops,
            trusted_proxies,
            max_connections,
            max_connections_per_client,
            ..
        } = &self.command
        else {
            return Layer::default();
        };
        Layer {
            trusted_proxy_hops: *trusted_proxy_hops,
            trusted_proxies: (!trusted_proxies.is_empty()).then(|| trusted_proxies.clone()),
            max_connections: *max_connections,
            max_connections_per_client: *max_connections_per_client,
            ..Layer::default()
        }
    }
}

pub async fn run(cli: Cli) -> anyhow::Result<()> {
    let config = cli.config()?;
    telemetry::init(config.log_format);
    match cli.command {
        Command::Version => {
            println!("carryover {}", env!("CARGO_PKG_VERSION"));
            Ok(())
        }
        Command::Migrate => {
            let db = open(&config).await?;
            let working = progress::Working::start("migrating the database");
            let applied = db.migrate().await.context("migrating the database")?;
            working.done();
            println!("database is up to date ({} migration(s) applied now)", applied.len());
            db.close().await;
            Ok(())
        }
        Command::Backup { file } => backup(&config, &file).await,
        Command::Restore { file, replace } => restore::restore(&config, &file, replace).await,
        Command::Admin(AdminCommand::CreateClinic {
            name,
            admin_email,
            admin_name,
            public_url,
            second_factor,
        }) => {
            let db = open(&config).await?;
            db.migrate().await.context("migrating the database")?;
            let base = public_url
                .or_else(|| config.public_url.clone())
                .unwrap_or_else(|| format!("http://{}", config.listen));
            let result = crate::admin_cli::create_clinic_with(
                &db,
                &name,
                &admin_email,
                admin_name.as_deref(),
                &base,
                second_factor == SecondFactor::Required,
            )
            .await;
            db.close().await;
            println!("{}", result?);
            Ok(())
        }
        Command::Admin(AdminCommand::Purge { dry_run, yes }) => {
            let db = open(&config).await?;
            db.migrate().await.context("migrating the database")?;
            let mode = match (dry_run, yes) {
                (true, _) => crate::purge_cli::Mode::DryRun,
                (false, true) => crate::purge_cli::Mode::Yes,
                (false, false) => crate::purge_cli::Mode::Ask,
            };
            let clock: Arc<dyn Clock> = Arc::new(SystemClock);
            let result = crate::purge_cli::run(&db, clock, mode, std::io::stdin().lock()).await;
            db.close().await;
            println!("{}", result?);
            Ok(())
        }
        Command::Audit(command) => audit(&config, command).await,
        Command::Generate { scale, password, seed, accounts } => {
            generate(&config, scale, &password, seed, accounts.as_deref()).await
        }
        Command::Serve { demo, .. } => serve(&config, demo).await,
    }
}

async fn generate(
    config: &Config,
    scale: crate::generate::Scale,
    password: &SecretString,
    seed: u64,
    accounts: Option<&std::path::Path>,
) -> anyhow::Result<()> {
    let db = open(config).await?;
    db.migrate().await.context("migrating the database")?;
    let hash = PasswordHasher::new(config.password_cost)?
        .hash_blocking(password.expose_secret().to_owned())
        .await?;
    let progress = crate::generate::Progress::for_stderr();
    let started = std::time::Instant::now();
    let made =
        crate::generate::generate(&db, scale, seed, &hash, SystemClock.now(), &progress).await;
    // A bulk load leaves tables no planner statistics describe yet.
    let made = match made {
        Ok(made) => db.optimize().await.map(|()| made).context("analysing the new data"),
        Err(error) => Err(error),
    };
    db.close().await;
    let made = made?;
    let seconds = started.elapsed().as_secs_f64();
    println!(
        "made {} households, {} practice logs, {} rows in {seconds:.0} s ({} rows/s)",
        made.households,
        made.logs,
        made.rows,
        (made.rows as f64 / seconds.max(0.001)) as u64
    );
    if let Some(file) = accounts {
        let lines: String = (made.caregivers.iter().map(|e| format!("caregiver {e}\n")))
            .chain(made.therapists.iter().map(|e| format!("therapist {e}\n")))
            .collect();
        std::fs::write(file, lines).with_context(|| format!("writing {}", file.display()))?;
    }
    println!("measure with: --caregiver {} --therapist {}", made.caregiver, made.therapist);
    Ok(())
}

/// Opens the database; every audit chain head it moves is sealed with the
/// key kept outside it (made on first use).
async fn open(config: &Config) -> anyhow::Result<Db> {
    let options = config.db_options()?;
    let db = Db::connect_with(&options, config.sqlite_sync.store())
        .await
        .with_context(|| format!("opening the database {options:?}"))?;
    Ok(db.with_seal(crate::audit_key::load_or_create(config)?))
}

async fn audit(config: &Config, command: AuditCommand) -> anyhow::Result<()> {
    let db = open(config).await?;
    let outcome = match command {
        AuditCommand::ExportHead => {
            crate::audit_check::export_heads(&db).await.map(|text| (true, text))
        }
        AuditCommand::Verify { against } => verify(&db, against.as_deref()).await,
    };
    db.close().await;
    let (intact, text) = outcome?;
    println!("{}", text.trim_end());
    if intact { Ok(()) } else { anyhow::bail!("the audit trail is broken") }
}

async fn verify(db: &Db, against: Option<&std::path::Path>) -> anyhow::Result<(bool, String)> {
    let report = crate::admin_cli::verify_audit(db).await?;
    let Some(file) = against else { return Ok((report.intact, report.text)) };
    let exported = std::fs::read_to_string(file)
        .with_context(|| format!("reading exported heads from {}", file.display()))?;
    let kept = crate::audit_check::verify_against(db, &exported).await?;
    Ok((report.intact && kept.intact, format!("{}\n{}", report.text, kept.text)))
}

async fn serve(config: &Config, with_demo: bool) -> anyhow::Result<()> {
    if !config.listen.ip().is_loopback() && !config.behind_tls_proxy {
        anyhow::bail!(
            "refusing to serve plain HTTP on {}: browsers would send sign-in cookies unencrypted. \
             Put Carryover behind a proxy that terminates TLS and pass --behind-tls-proxy, \
             or listen on 127.0.0.1",
            config.listen
        );
    }
    if !config.listen.ip().is_loopback() && config.public_url.is_none() {
        anyhow::bail!(
            "refusing to serve on {} without CARRYOVER_PUBLIC_URL: invitation links would be \
             built from whatever Host a request names. Set CARRYOVER_PUBLIC_URL (or public_url \
             in the config file) to the address people use, e.g. https://carryover.clinic.example",
            config.listen
        );
    }
    // Held until serve returns; the operating system releases it if we crash.
    let _lock = restore::lock_for_serving(config)?;
    let db = open(config).await?;
    db.migrate().await.context("migrating the database")?;
    // Before listening: analysing holds SQLite's write lock (see `Db::optimize`).
    let started = std::time::Instant::now();
    db.optimize().await.context("refreshing the query planner's statistics")?;
    let elapsed_ms = started.elapsed().as_millis() as u64;
    tracing::info!(elapsed_ms, "refreshed the query planner's statistics");
    let clock: Arc<dyn Clock> = Arc::new(SystemClock);
    let demo_lines = if with_demo {
        let hasher = PasswordHasher::new(config.password_cost)?;
        let seed = demo::seed_if_empty(&db, clock.now(), config.demo_password.as_ref(), &hasher);
        seed.await?.lines()
    } else {
        Vec::new()
    };
    let app = Application::build(config, db, clock).await?;
    let shutdown = shutdown_signal().context("listening for stop signals")?;
    let addr = app.local_addr()?;
    tracing::info!(%addr, "listening");
    println!("Carryover is ready at http://{addr}");
    for line in demo_lines {
        println!("{line}");
    }
    app.run_until(shutdown).await
}

async fn backup(config: &Config, file: &std::path::Path) -> anyhow::Result<()> {
    if let carryover_store::DbOptions::Postgres { .. } = config.db_options()? {
        anyhow::bail!("{PG_DUMP_ADVICE}");
    }
    let db = open(config).await?;
    let working = progress::Working::start("writing the backup");
    let outcome = carryover_store::backup_to(&db, file).await;
    working.done();
    db.close().await;
    match outcome.context("writing the backup")? {
        BackupOutcome::Written(path) => {
            println!("backup written to {}", path.display());
            Ok(())
        }
        BackupOutcome::UsePgDump => anyhow::bail!("{PG_DUMP_ADVICE}"),
    }
}

const PG_DUMP_ADVICE: &str = "this database is PostgreSQL: back it up with pg_dump, for example \
     `pg_dump --format=custom --file=carryover.dump \"$DATABASE_URL\"`";
