//! Pulling a connection's data from its source: on creation, on Sync now, and on a schedule.

pub mod outcome;
pub mod registry;
pub mod run;
pub mod scheduler;

pub use crate::server::repo::sync_runs::Trigger;
pub use outcome::{SyncEnd, SyncOutcome};
pub use registry::SyncRegistry;
pub use run::{spawn, sync_connection};
