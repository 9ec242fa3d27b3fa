//! All SQL lives here, with bound parameters. Functions take any executor, so callers choose
//! between the pool and a transaction.

pub mod api_keys;
pub mod connections;
pub mod credentials;
pub mod dashboard;
pub mod history;
pub mod invites;
pub mod overview;
pub mod password_resets;
pub mod sessions;
pub mod sign_in_attempts;
pub mod sync_runs;
pub mod synced;
pub mod synced_views;
pub mod teams;
pub mod users;
pub mod workspace;
