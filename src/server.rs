//! Everything that runs only on the server. Gated once, in `lib.rs`.
//!
//! `services` hold the use cases and call `repo` (all SQL) and `connectors` (the sources);
//! `http` wraps them in a router and middleware; `infra` is what all of them stand on. `cli`,
//! `startup` and `state` put the pieces together.

pub mod auth;
pub mod cli;
pub mod connectors;
pub mod http;
pub mod infra;
pub mod read_cache;
pub mod repo;
pub mod services;
pub mod startup;
pub mod state;
pub mod sync;
