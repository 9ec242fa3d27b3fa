//! What the server stands on: configuration, the master key and encryption, the database,
//! the clock, logging, the outbound HTTP client, and scheduled housekeeping.

pub mod clock;
pub mod config;
mod config_error;
pub mod crypto;
pub mod db;
pub mod housekeeping;
pub mod master_key;
pub mod outbound;
pub mod telemetry;
