//! Keeping people who use Plugboard signed in.
//!
//! tower-sessions writes a session, and sends its cookie again, only when the session's data
//! changes. With `Expiry::OnInactivity` alone, a session therefore ended [`IDLE_DAYS`] after
//! sign-in however often it was used. Once an hour, a signed-in session is marked renewed: its
//! stored expiry and its cookie's Max-Age then count again from that request. Not on every
//! request: that would be a write, queued behind SQLite's one writer, per page view. A
//! renewal makes only kept sessions old (the store commits through a pool of its own), so
//! the interval is free of the read cache.
//!
//! [`IDLE_DAYS`]: super::layer::IDLE_DAYS

use axum::{extract::Request, middleware::Next, response::Response};
use tower_sessions::Session;

use crate::server::infra::clock;

/// The session key holding when the session was last renewed (Unix seconds).
pub const RENEWED_AT: &str = "renewed_at";
/// How long a renewal lasts before the next request renews again.
pub const RENEW_EVERY: i64 = clock::HOUR;

/// Renews the request's session if it is signed in and due, before the request is handled.
pub async fn renew_sessions_in_use(session: Session, request: Request, next: Next) -> Response {
    if let Err(error) = renew_if_due(&session, clock::now()).await {
        // The request is still served: at worst the session ends a day early.
        tracing::warn!(%error, "could not renew the session");
    }
    next.run(request).await
}

async fn renew_if_due(session: &Session, now: i64) -> Result<(), tower_sessions::session::Error> {
    // Nobody signed in: renewing would store a session for every visitor.
    if session.is_empty().await {
        return Ok(());
    }
    let renewed_at = session.get::<i64>(RENEWED_AT).await?;
    if is_due(renewed_at, now) {
        session.insert(RENEWED_AT, now).await?;
    }
    Ok(())
}

fn is_due(renewed_at: Option<i64>, now: i64) -> bool {
    renewed_at.is_none_or(|at| now - at >= RENEW_EVERY)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_session_is_renewed_once_an_hour() {
        let now = 1_800_000_000;
        assert!(is_due(None, now), "never renewed");
        assert!(is_due(Some(now - RENEW_EVERY), now));
        assert!(is_due(Some(now - 3 * RENEW_EVERY), now));
        assert!(!is_due(Some(now - RENEW_EVERY + 1), now));
        assert!(!is_due(Some(now), now));
    }
}
