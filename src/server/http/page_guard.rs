//! Which pages a visitor may open. Before the first run every page leads to /setup;
//! after it, /setup is gone and every page but the sign-in ones needs a signed-in user.
//!
//! Server functions check for themselves (they are called without page loads too); this
//! guards full page loads, which is all a browser without JavaScript ever makes.

use axum::{
    extract::{Request, State},
    http::Method,
    middleware::Next,
    response::{IntoResponse, Redirect, Response},
};

use crate::error::AppError;
use crate::server::{auth::AuthSession, state::AppState};

/// Whether a request is a browser loading a page (rather than an asset, a health check or a
/// server function).
pub fn is_page_load(method: &Method, path: &str) -> bool {
    matches!(*method, Method::GET | Method::HEAD) && !is_not_a_page(path)
}

/// Paths that are not pages: assets, health, server functions.
fn is_not_a_page(path: &str) -> bool {
    path.starts_with("/pkg/")
        || path.starts_with("/api/")
        || path == "/healthz"
        || path == "/favicon.svg"
}

/// Pages for people who are not signed in.
fn is_open_page(path: &str) -> bool {
    path == "/login" || path.starts_with("/join/") || path.starts_with("/reset-password/")
}

pub async fn guard_pages(
    State(state): State<AppState>,
    auth: AuthSession,
    request: Request,
    next: Next,
) -> Response {
    let path = request.uri().path();
    if !is_page_load(request.method(), path) {
        return next.run(request).await;
    }
    let set_up = match state.is_set_up().await {
        Ok(set_up) => set_up,
        Err(AppError::Internal) | Err(_) => return next.run(request).await,
    };
    match (set_up, path) {
        (false, "/setup") => next.run(request).await,
        (false, _) => Redirect::to("/setup").into_response(),
        (true, "/setup") => Redirect::to("/").into_response(),
        (true, _) if is_open_page(path) || auth.user.is_some() => next.run(request).await,
        (true, _) => {
            let wanted = request
                .uri()
                .path_and_query()
                .map_or(path, |pq| pq.as_str());
            Redirect::to(&format!("/login?next={}", urlencode(wanted))).into_response()
        }
    }
}

fn urlencode(value: &str) -> String {
    url::form_urlencoded::byte_serialize(value.as_bytes()).collect()
}
