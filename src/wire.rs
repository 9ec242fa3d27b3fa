//! The types that cross the wire: what server functions take ([`args`]) and what they return
//! to the browser.
//!
//! Below both the server functions (`api`) and the services that build these values, so
//! neither has to import the other. None of them has a field that could hold a secret: SSR
//! serializes every resource's value into the page.

pub mod api_keys;
pub mod args;
pub mod connection_detail;
pub mod connections;
pub mod dashboard;
pub mod data;
pub mod invites;
pub mod members;
pub mod moment;
pub mod overview;
pub mod packed;
pub mod session;
pub mod teams;
