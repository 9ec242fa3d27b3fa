//! Everything that runs only on the server. Gated once, in `lib.rs`.

pub mod auth;
pub mod cli;
pub mod clock;
pub mod config;
pub mod connectors;
pub mod crypto;
pub mod csrf;
pub mod db;
pub mod downloads;
pub mod error_status;
pub mod finish_requests;
pub mod health;
pub mod master_key;
pub mod outbound;
pub mod page_guard;
pub mod read_cache;
pub mod repo;
pub mod request;
pub mod request_log;
pub mod router;
pub mod security_headers;
pub mod services;
pub mod startup;
pub mod state;
pub mod sync;
pub mod telemetry;
