//! One module per page.

pub mod home;
pub mod join;
pub mod login;
pub mod members;
pub mod not_found;
pub mod reset_password;
pub mod settings;
pub mod setup;
pub mod teams;
