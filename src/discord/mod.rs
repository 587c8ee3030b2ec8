//! The Discord shell: what the bot needs to run on Discord, kept apart from the core.
//!
//! Everything here is decided without a connection, so it is tested directly: the
//! configuration (checked in full before connecting), Discord's size limits, which messages the
//! bot answers and how often, and how a reply is laid out as an embed with buttons. The serenity
//! client that carries these to Discord comes on top of them.

pub mod bot;
pub mod card;
pub mod config;
pub mod limits;
pub mod policy;
