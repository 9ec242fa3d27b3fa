//! Logging: `RUST_LOG` decides what is written to standard error.

use std::io::{BufWriter, IsTerminal};

use tracing_appender::non_blocking::{NonBlockingBuilder, WorkerGuard};
use tracing_subscriber::EnvFilter;

use crate::server::infra::config::ConfigError;

const DEFAULT_FILTER: &str = "info";

/// Installs the global subscriber; the log is written until the returned guard is dropped,
/// which writes out what is still pending. A `RUST_LOG` that is not a filter is a start-up error.
pub fn init() -> Result<WorkerGuard, ConfigError> {
    let filter = match std::env::var("RUST_LOG") {
        Ok(value) => EnvFilter::try_new(&value).map_err(|e| {
            ConfigError::new("RUST_LOG", format!("'{value}' is not a log filter: {e}"))
        })?,
        Err(_) => EnvFilter::new(DEFAULT_FILTER),
    };
    // Requests hand their line to a writer thread, which writes whatever has queued up at once
    // and then flushes: one write for many lines under load, each line out right away when
    // quiet. Written by the requests themselves, each line was a system call under the
    // standard error lock, and cost the server a third of its read throughput.
    // Not lossy: when the queue is full, requests wait rather than drop their lines.
    let (writer, guard) = NonBlockingBuilder::default()
        .lossy(false)
        .thread_name("plugboard-log")
        .finish(BufWriter::with_capacity(64 * 1024, std::io::stderr()));
    tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(writer)
        // Colours only for a person at a terminal: in a file or a journal they are escape
        // codes that split every `key=value` apart for grep, and cost time on every line.
        .with_ansi(std::io::stderr().is_terminal())
        .init();
    Ok(guard)
}
