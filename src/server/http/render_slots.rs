//! Page loads take turns: at most one page renders per core, and waiting loads start in the
//! order they arrived.
//!
//! Rendering a page is CPU work: its data is mostly in memory already
//! ([`crate::server::read_cache`]). Unbounded, many loads at once all slow down together and
//! finish in whatever order tokio polls them; taking turns in arrival order from a fair
//! semaphore keeps the slowest close to the typical one (measured: `bench/README.md`).
//!
//! Only page loads take a slot. A server function may wait seconds on a source (Test now, a
//! token swap); holding a slot meanwhile would stall every page. Assets and health checks are
//! not renders.
//!
//! The slot is held until the response's head is ready. For Plugboard's pages that is the whole
//! render: their data resolves before the first chunk of HTML is sent.

use std::{num::NonZeroUsize, sync::Arc, thread::available_parallelism};

use axum::{
    extract::{Request, State},
    middleware::Next,
    response::Response,
};
use tokio::sync::Semaphore;

use crate::server::http::page_guard::is_page_load;

#[derive(Clone)]
pub struct RenderSlots(Arc<Semaphore>);

impl RenderSlots {
    pub fn new(slots: NonZeroUsize) -> Self {
        Self(Arc::new(Semaphore::new(slots.get())))
    }

    /// One slot per core this process may run on.
    pub fn one_per_core() -> Self {
        Self::new(available_parallelism().unwrap_or(NonZeroUsize::MIN))
    }
}

pub async fn take_turns(
    State(slots): State<RenderSlots>,
    request: Request,
    next: Next,
) -> Response {
    if !is_page_load(request.method(), request.uri().path()) {
        return next.run(request).await;
    }
    // Tokio's semaphore is fair: permits go to waiters first come, first served. It is never
    // closed, so acquiring fails only if it were.
    let _slot = slots.0.acquire().await;
    next.run(request).await
}

#[cfg(test)]
mod tests {
    use std::{
        sync::atomic::{AtomicUsize, Ordering},
        time::Duration,
    };

    use axum::{body::Body, middleware, routing::any, Router};
    use tower::ServiceExt;

    use super::*;

    /// How many requests were inside the handler at once, at most.
    #[derive(Default)]
    struct Overlap {
        now: AtomicUsize,
        most: AtomicUsize,
    }

    async fn most_at_once(slots: usize, method: &str, path: &str, requests: usize) -> usize {
        let overlap = Arc::new(Overlap::default());
        let app = Router::new()
            .route(
                "/{*rest}",
                any({
                    let overlap = overlap.clone();
                    move || async move {
                        let now = overlap.now.fetch_add(1, Ordering::SeqCst) + 1;
                        overlap.most.fetch_max(now, Ordering::SeqCst);
                        tokio::time::sleep(Duration::from_millis(20)).await;
                        overlap.now.fetch_sub(1, Ordering::SeqCst);
                    }
                }),
            )
            .layer(middleware::from_fn_with_state(
                RenderSlots::new(NonZeroUsize::new(slots).unwrap()),
                take_turns,
            ));
        let mut calls = tokio::task::JoinSet::new();
        for _ in 0..requests {
            let request = Request::builder()
                .method(method)
                .uri(path)
                .body(Body::empty())
                .unwrap();
            calls.spawn(app.clone().oneshot(request));
        }
        while let Some(response) = calls.join_next().await {
            assert!(response.unwrap().unwrap().status().is_success());
        }
        overlap.most.load(Ordering::SeqCst)
    }

    #[tokio::test]
    async fn no_more_pages_render_at_once_than_there_are_slots() {
        assert_eq!(
            most_at_once(2, "GET", "/connections/betterstack-uptime", 6).await,
            2
        );
    }

    #[tokio::test]
    async fn server_functions_and_assets_do_not_wait_for_a_slot() {
        assert_eq!(
            most_at_once(1, "POST", "/api/connection_detail", 4).await,
            4
        );
        assert_eq!(most_at_once(1, "GET", "/api/list_monitors", 4).await, 4);
        assert_eq!(most_at_once(1, "GET", "/pkg/plugboard.wasm", 4).await, 4);
        assert_eq!(most_at_once(1, "GET", "/healthz", 4).await, 4);
    }
}
