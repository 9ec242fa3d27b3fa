//! Every request runs to its end, even when the client hangs up first.
//!
//! hyper drops a request's future the moment its client goes away. For a page that is in the
//! middle of rendering, Leptos' Suspense tasks keep running while the rest of the page's
//! reactive tree is dropped on another thread, and reactive_graph 0.2.16 can deadlock on that:
//! `Owner::with_context` upgrades a parent owner while holding its child's read lock, and when
//! that upgrade turns out to be the parent's last reference, the parent's cleanup asks for the
//! child's write lock. A tokio worker was found stuck there for good (settings menu,
//! `use_location`), after a load run whose clients had hung up mid-request.
//! For a form post, it also means a change is done whole or not at all, never cut off between
//! two steps because a browser tab was closed.

use axum::{
    extract::Request,
    http::StatusCode,
    middleware::Next,
    response::{IntoResponse, Response},
};

pub async fn finish_even_if_client_leaves(request: Request, next: Next) -> Response {
    match tokio::spawn(next.run(request)).await {
        Ok(response) => response,
        Err(failure) => {
            tracing::error!(%failure, "a request handler failed");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}
