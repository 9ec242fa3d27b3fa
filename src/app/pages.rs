//! One module per page.

pub mod add_credential;
pub mod connection_detail;
pub mod connections;
pub mod home;
pub mod join;
pub mod login;
pub mod members;
pub mod new_connection;
pub mod not_found;
pub mod reset_password;
pub mod settings;
pub mod setup;
pub mod source_connections;
pub mod teams;
