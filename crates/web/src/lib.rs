//! Carryover's web layer: pages, the JSON API, sign-in, and the command line.
//! Rules live in `carryover-domain`; SQL lives in `carryover-store`.

pub mod admin_cli;
pub mod app;
pub mod audit_view;
pub mod auth;
pub mod cli;
pub mod clock;
pub mod config;
pub mod demo;
pub mod error;
pub mod i18n;
pub mod invitations;
pub mod metrics;
pub mod pages;
pub mod routes;
pub mod security;
pub mod telemetry;

pub use app::{AppState, Application};

/// Changes whenever the stylesheet may have changed, so browsers fetch it anew.
pub const ASSET_VERSION: &str = env!("CARGO_PKG_VERSION");
