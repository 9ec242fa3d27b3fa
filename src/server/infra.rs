//! What the server stands on: configuration, the master key and encryption, the database,
//! the clock, logging and the outbound HTTP client. Nothing here knows a use case.

pub mod clock;
pub mod config;
mod config_error;
pub mod crypto;
pub mod db;
pub mod master_key;
pub mod outbound;
pub mod telemetry;
