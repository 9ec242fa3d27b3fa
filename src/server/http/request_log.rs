//! One log line per request: method, path, status and latency.
//!
//! The query string and bodies are never logged: on credential routes they can hold secrets.
//! Nor are the tokens in invite and reset links, which are paths: whoever reads the log could
//! join with the invite's role, or choose someone's password.

use std::{borrow::Cow, time::Instant};

use axum::{extract::Request, middleware::Next, response::Response};

pub async fn log_request(request: Request, next: Next) -> Response {
    let started = Instant::now();
    let method = request.method().clone();
    let path = loggable_path(request.uri().path()).into_owned();
    let response = next.run(request).await;
    tracing::info!(
        target: "plugboard::http",
        %method,
        %path,
        status = response.status().as_u16(),
        latency_ms = started.elapsed().as_secs_f64() * 1000.0,
        "request"
    );
    response
}

/// Pages whose last path segment is a one-time secret.
const SECRET_PATHS: [&str; 2] = ["/join/", "/reset-password/"];

/// `path` with any secret it carries replaced by `[redacted]`.
fn loggable_path(path: &str) -> Cow<'_, str> {
    for prefix in SECRET_PATHS {
        if let Some(rest) = path.strip_prefix(prefix) {
            if !rest.is_empty() {
                return Cow::Owned(format!("{prefix}[redacted]"));
            }
        }
    }
    Cow::Borrowed(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invite_and_reset_tokens_are_left_out_of_logged_paths() {
        assert_eq!(loggable_path("/join/abcDEF123"), "/join/[redacted]");
        assert_eq!(
            loggable_path("/reset-password/abc/extra"),
            "/reset-password/[redacted]"
        );
        assert_eq!(
            loggable_path("/connections/betterstack-uptime/3"),
            "/connections/betterstack-uptime/3"
        );
        assert_eq!(loggable_path("/join/"), "/join/");
    }
}
