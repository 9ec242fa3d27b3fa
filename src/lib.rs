//! Plugboard: a self-hosted place for a team to connect its data sources by API credential.
//!
//! One crate, two targets: the server (feature `ssr`) and the browser bundle (feature
//! `hydrate`). `app`, `api`, `wire`, `domain` and `error` build for both; `server` only for the server.

pub mod api;
pub mod app;
pub mod domain;
pub mod error;
#[cfg(feature = "ssr")]
pub mod server;
pub mod wire;

/// Entry point of the browser bundle: brings the page's islands (its interactive parts) to
/// life. Everything else on the page is plain HTML from the server.
#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    // Panic messages in the console are for development; the release bundle leaves the hook
    // and its formatting out.
    #[cfg(debug_assertions)]
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_islands();
}
