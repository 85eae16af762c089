//! Getting in: password hashing, sessions, and the guard that applies the
//! access rules of `carryover_domain::access` to every route.

pub mod guard;
pub mod password;
pub mod session;
pub mod throttle;
pub mod token;

pub use guard::{AuditCtx, Caller, ChildAccess, authorize};
