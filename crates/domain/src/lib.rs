//! Carryover's rules and types: pure functions of their inputs, with no web,
//! no SQL and no clock reads, so that they are tested at fixed dates and reused
//! by every skin (pages, API, command line).

pub mod access;
pub mod audit;
pub mod email;
pub mod password;
pub mod people;
pub mod session;
pub mod throttle;
