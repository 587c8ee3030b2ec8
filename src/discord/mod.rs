//! The Discord shell: what the bot needs to run on Discord, kept apart from the core.
//!
//! For now this holds the configuration, checked in full before any connection is made, so a
//! bad setting is a clear error at start rather than a failure after connecting.

pub mod card;
pub mod config;
pub mod limits;
pub mod policy;
