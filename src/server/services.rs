//! What the product does, one module per area. Server functions call exactly one of these;
//! these call `repo` for storage and enforce the rules.

pub mod accounts;
pub mod api_keys;
pub mod check_budget;
pub mod connection_access;
pub mod connection_changes;
pub mod connections;
pub mod credentials;
pub mod dashboard;
pub mod data;
pub mod health;
pub mod history;
pub mod key_rotation;
pub mod members;
pub mod moments;
pub mod overview;
pub mod password_reset;
pub mod source_teams;
pub mod teams;
pub mod token_checks;

/// Whether `error` is SQLite refusing a duplicate in a unique index.
pub(crate) fn is_unique_violation(error: &sqlx::Error) -> bool {
    error
        .as_database_error()
        .is_some_and(|e| e.is_unique_violation())
}
