//! Storage behaviour on both databases: one test binary for the store crate.

// A panic is how a test reports failure; helpers outside #[test] fns unwrap too.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod backup;
mod concurrency;
mod migrations;
mod schema;
mod statistics;
mod tenant_keys;
