//! Logging: `RUST_LOG` decides what is written to standard error.

use std::io::{BufWriter, IsTerminal};

use tracing_appender::non_blocking::{NonBlockingBuilder, WorkerGuard};
use tracing_subscriber::{filter::ParseError, EnvFilter};

use crate::server::infra::config::ConfigError;

const DEFAULT_FILTER: &str = "info";

/// tower-sessions and axum-login wrap every request in an info-level span named `call`. Kept,
/// such a span is entered and left on each poll of a page's render, and under load that was a
/// share of the server's time the size of a page's own header; it tells nothing the request
/// line does not. They log their warnings and errors still, and all of it when `RUST_LOG`
/// names them.
const PER_REQUEST_LIBRARY_SPANS: [&str; 2] = ["tower_sessions", "axum_login"];

/// Installs the global subscriber; the log is written until the returned guard is dropped,
/// which writes out what is still pending. A `RUST_LOG` that is not a filter is a start-up error.
pub fn init() -> Result<WorkerGuard, ConfigError> {
    let asked = std::env::var("RUST_LOG").unwrap_or_else(|_| DEFAULT_FILTER.to_owned());
    let filter = filter_for(&asked)
        .map_err(|e| ConfigError::new("RUST_LOG", format!("'{asked}' is not a log filter: {e}")))?;
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

/// The filter `RUST_LOG` asks for, with the libraries' per-request spans left out unless it
/// names them.
fn filter_for(asked: &str) -> Result<EnvFilter, ParseError> {
    let mut filter = EnvFilter::try_new(asked)?;
    for target in PER_REQUEST_LIBRARY_SPANS {
        if !asked.contains(target) {
            filter = filter.add_directive(format!("{target}=warn").parse()?);
        }
    }
    Ok(filter)
}

#[cfg(test)]
mod tests {
    use tracing::subscriber::with_default;
    use tracing_subscriber::{layer::SubscriberExt, Registry};

    use super::*;

    /// Which of the spans tower-sessions, axum-login and Plugboard open per request are on
    /// under the filter `asked`: (tower-sessions' info, its warn, axum-login's info, ours).
    fn spans_on(asked: &str) -> [bool; 4] {
        let subscriber = Registry::default().with(filter_for(asked).unwrap());
        with_default(subscriber, || {
            [
                tracing::info_span!(target: "tower_sessions::service", "call"),
                tracing::warn_span!(target: "tower_sessions::service", "call"),
                tracing::info_span!(target: "axum_login::service", "call"),
                tracing::info_span!(target: "plugboard::http", "request"),
            ]
            .map(|span| !span.is_disabled())
        })
    }

    #[test]
    fn the_libraries_per_request_spans_are_off_unless_asked_for() {
        assert_eq!(spans_on("info"), [false, true, false, true]);
        assert_eq!(
            spans_on("info,tower_sessions=debug"),
            [true, true, false, true]
        );
        assert_eq!(spans_on("debug,axum_login=info"), [false, true, true, true]);
    }

    #[test]
    fn a_filter_that_does_not_parse_is_refused() {
        assert!(filter_for("info,plugboard=loud").is_err());
    }
}
