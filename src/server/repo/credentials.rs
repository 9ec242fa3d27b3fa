//! Credentials in SQL. The secret is sealed; nothing here ever holds it in plain text.

mod rows;
mod secrets;

pub use rows::{
    delete, find, find_owned, insert, list_owned, reassign_owner, set_check, CredentialRow,
    NewCredentialRow, Reached,
};
pub use secrets::{all_secrets, reseal, secret, set_secret, token_version, SecretRow};
