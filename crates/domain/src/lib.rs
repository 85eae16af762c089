//! Carryover's rules and types: pure functions of their inputs, with no web,
//! no SQL and no clock reads, so that they are tested at fixed dates and reused
//! by every skin (pages, API, command line).
