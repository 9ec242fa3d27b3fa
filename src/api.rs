//! Server functions: Plugboard's public HTTP API.
//!
//! Each one authenticates and authorizes first (a request can come from anywhere, not only
//! from our pages), calls one service, and maps the outcome. The types here are everything
//! the browser may receive; none of them has a field that could hold a secret.

pub mod api_keys;
pub mod connection_changes;
pub mod connections;
pub mod dashboard;
pub mod join;
pub mod members;
pub mod overview;
pub mod password_reset;
pub mod session;
pub mod sync;
pub mod teams;
