//! Connections: who sees what, the stepper's checks, and creating one.

mod listing;
mod new_connection;

pub use listing::{facts_of, list, sources};
pub use new_connection::{create, review, setup_choices};
