//! Getting in: the session cookie, and the guard that applies the access
//! rules of `carryover_domain::access` to every route.

pub mod cookies;
pub mod guard;

pub use guard::{Caller, Credential, Grant, Meta, authorize, encode_query_value};
