//! Pulling a connection's data from its source: on creation, on Sync now, and on a schedule.

pub mod registry;
pub mod run;
pub mod scheduler;

pub use registry::SyncRegistry;
pub use run::{spawn, sync_connection, Trigger};
