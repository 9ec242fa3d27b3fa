//! Logging: `RUST_LOG` decides what is written to standard error.

use std::io::IsTerminal;

use tracing_subscriber::EnvFilter;

use super::config::ConfigError;

const DEFAULT_FILTER: &str = "info";

/// Installs the global subscriber. A `RUST_LOG` that is not a filter is a start-up error.
pub fn init() -> Result<(), ConfigError> {
    let filter = match std::env::var("RUST_LOG") {
        Ok(value) => EnvFilter::try_new(&value).map_err(|e| {
            ConfigError::new("RUST_LOG", format!("'{value}' is not a log filter: {e}"))
        })?,
        Err(_) => EnvFilter::new(DEFAULT_FILTER),
    };
    tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        // Colours only for a person at a terminal: in a file or a journal they are escape
        // codes that split every `key=value` apart for grep, and cost time on every line.
        .with_ansi(std::io::stderr().is_terminal())
        .init();
    Ok(())
}
