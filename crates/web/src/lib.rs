//! Carryover's web layer: pages, sign-in, the access guard, and the command
//! line — thin skins over `carryover-ops`. Rules live in `carryover-domain`;
//! SQL lives in `carryover-store`, which route modules never import.

pub mod admin_cli;
pub mod api;
pub mod app;
pub mod audit_check;
pub mod audit_key;
pub mod audit_view;
pub mod auth;
// Issue 12 part C: the caregiver's calendar feed.
pub mod calendar_words;
pub mod cli;
// Issue 14: charts drawn on the server; progress and the report in words.
pub mod charts;
// Issue 14: bar charts; the clinic page and the caregiver's encouragement in words.
pub mod bar_chart;
pub mod clinic_words;
pub mod encouragement_words;
pub mod progress_practice;
pub mod progress_words;
pub mod report_pdf;
pub mod report_words;
// Issue 10: the client's address behind a proxy; the connection loop.
pub mod client_addr;
pub mod config;
pub mod connections;
pub mod dates;
pub mod demo;
mod edge;
// What happened in the demo clinic before today (issue 9).
mod demo_history;
mod demo_plan;
// Issue 12 part A: practice logs in the demo.
mod demo_logs;
// Issue 12 part B: demo reflections and feedback.
mod demo_feedback;
// Issue 13, coaching visits.
mod demo_sessions;
// Issue 14: the progress reports' summaries.
mod demo_progress;
pub mod error;
// A family's copy of its data (issue 9).
pub mod export_zip;
// `carryover generate`: benchmark data at scale (issue 15).
pub mod generate;
pub mod i18n;
pub mod links;
pub mod metrics;
pub mod pages;
// `carryover admin purge` (issue 9).
pub mod plan_words;
// Issue 12 part B: reflections and feedback in words.
pub mod feedback_words;
// Issue 13, coaching visits.
pub mod purge_cli;
pub mod routes;
pub mod security;
pub mod telemetry;
// Issue 14: the caseload triage in words.
pub mod triage_words;
pub mod visit_words;

pub use app::{AppState, Application};
pub use carryover_ops::{clock, passwords};

/// Changes whenever the stylesheet may have changed, so browsers fetch it anew.
pub const ASSET_VERSION: &str = env!("CARGO_PKG_VERSION");
