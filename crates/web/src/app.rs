use std::{future::Future, net::SocketAddr, sync::Arc, time::Duration};

use anyhow::Context;
use axum::{Router, extract::DefaultBodyLimit, middleware};
use carryover_ops::{Db, Ops, clock::Clock, passwords::PasswordHasher, secrets};
use tokio::net::TcpListener;

use crate::{
    admin_cli, audit_key,
    config::Config,
    connections::{self, Limits},
    error,
    i18n::Catalog,
    metrics::Metrics,
    routes, security,
};

/// What every handler can reach. Nothing here holds data that must survive
/// the process: several processes may serve one PostgreSQL.
///
/// Each middleware layer and handler takes its own clone, several per
/// request: behind one `Arc`, a clone is one counter, not a copy of every
/// pool handle and setting.
#[derive(Clone, Debug)]
pub struct AppState(Arc<Shared>);

#[derive(Debug)]
pub struct Shared {
    pub ops: Ops,
    pub catalog: Arc<Catalog>,
    pub metrics: Arc<Metrics>,
    pub settings: Arc<Settings>,
}

impl std::ops::Deref for AppState {
    type Target = Shared;
    fn deref(&self) -> &Shared {
        &self.0
    }
}

impl AppState {
    pub fn new(shared: Shared) -> AppState {
        AppState(Arc::new(shared))
    }

    pub fn db(&self) -> &Db {
        &self.ops.db
    }
}

/// The parts of the config that requests need.
#[derive(Clone, Debug)]
pub struct Settings {
    /// Links are https and taken from this proxy's host when true.
    pub behind_tls_proxy: bool,
    /// The address people reach Carryover at, for links; else the request's Host.
    pub public_url: Option<String>,
    /// Which forwarding headers to believe for the client's address.
    pub trust: crate::client_addr::Trust,
    /// `/metrics` answers only with this bearer token; off when unset.
    pub metrics_token: Option<secrecy::SecretString>,
}

/// A bound, not yet running server. Tests build it on port 0 and read the port.
pub struct Application {
    listener: TcpListener,
    router: Router,
    state: AppState,
    limits: Limits,
}

impl Application {
    /// Binds the listener and builds the router on an already migrated database.
    pub async fn build(config: &Config, db: Db, clock: Arc<dyn Clock>) -> anyhow::Result<Self> {
        let seal = audit_key::load_or_create(config)?;
        let db = db.with_seal(seal.clone());
        admin_cli::seal_unsigned_heads(&db, &seal, clock.now()).await?;
        let ops = Ops {
            db,
            clock,
            secrets: secrets::random(),
            passwords: PasswordHasher::new(config.password_cost)?,
        };
        let state = AppState::new(Shared {
            ops,
            catalog: Arc::new(Catalog::load()?),
            metrics: Arc::new(Metrics::default()),
            settings: Arc::new(Settings {
                behind_tls_proxy: config.behind_tls_proxy,
                public_url: config.public_url.clone(),
                trust: config.trust(),
                metrics_token: config.metrics_token.clone(),
            }),
        });
        let limits = Limits {
            max_connections: config.max_connections,
            max_per_client: config.max_connections_per_client,
            header_read_timeout: Duration::from_secs(config.header_read_timeout_secs),
            keep_alive_timeout: Duration::from_secs(config.keep_alive_timeout_secs),
            trust: config.trust(),
        };
        let listener = TcpListener::bind(config.listen)
            .await
            .with_context(|| format!("cannot listen on {}", config.listen))?;
        Ok(Application { router: router(state.clone()), listener, state, limits })
    }

    pub fn local_addr(&self) -> anyhow::Result<SocketAddr> {
        Ok(self.listener.local_addr()?)
    }

    pub fn state(&self) -> &AppState {
        &self.state
    }

    /// Serves until `shutdown` completes, then lets requests in flight finish
    /// and closes the database so that every acknowledged write is on disk.
    pub async fn run_until(
        self,
        shutdown: impl Future<Output = ()> + Send + 'static,
    ) -> anyhow::Result<()> {
        let Application { listener, router, state, limits } = self;
        connections::serve(listener, router, limits, shutdown).await.context("server failed")?;
        state.ops.db.close().await;
        tracing::info!("stopped");
        Ok(())
    }
}

pub fn router(state: AppState) -> Router {
    routes::all(state.clone())
        .fallback(|| async { error::AppError::NotFound })
        .layer(DefaultBodyLimit::max(security::BODY_LIMIT_BYTES))
        .layer(middleware::from_fn_with_state(state.clone(), crate::edge::edge))
        .with_state(state)
}

/// Completes on Ctrl-C or SIGTERM. The handlers are installed when this is
/// called, not when the future is first polled: a SIGTERM that arrives just
/// after "ready" is printed must stop the server gently, not kill it.
pub fn shutdown_signal() -> anyhow::Result<impl Future<Output = ()> + Send + 'static> {
    #[cfg(unix)]
    let mut terminate = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())?;
    #[cfg(unix)]
    let mut interrupt = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::interrupt())?;
    Ok(async move {
        #[cfg(unix)]
        tokio::select! {
            _ = terminate.recv() => {},
            _ = interrupt.recv() => {},
        }
        #[cfg(not(unix))]
        let _ = tokio::signal::ctrl_c().await;
        tracing::info!("shutting down: finishing requests in flight");
    })
}
