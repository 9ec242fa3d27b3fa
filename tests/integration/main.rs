//! Black-box tests of the server: a real SQLite file in a temporary directory, the real router
//! on 127.0.0.1, and (for start-up) the real binary.
//!
//! One test crate, so the dependency graph is linked once.

mod support;

mod accounts;
mod api_keys;
mod architecture;
mod authorization;
mod cli;
mod connection_changes;
mod connections;
mod crash;
mod credentials;
mod dashboard;
mod faults;
mod fresh_reads;
mod hang_ups;
mod headers;
mod healthz;
mod history;
mod hostile_input;
mod leptos_config;
mod members;
mod overview;
mod pages;
mod rest_api;
mod rest_changes;
mod rotate_key;
mod second_source;
mod secrets;
mod session_renewal;
mod sign_in_limits;
mod source_teams;
mod startup;
mod static_files;
mod swap_scope;
mod sync;
mod sync_over_time;
mod sync_races;
mod teams;
