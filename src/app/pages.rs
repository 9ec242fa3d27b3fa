//! One module per page.

pub mod add_credential;
pub mod api_keys;
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

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

/// The `id` in the page's URL (`/settings/teams/<id>`, `/connections/<source>/<id>`…) as a
/// number; `None` when it is not one, which the page shows as not found.
pub fn id_param() -> Option<i64> {
    use_params_map().with_untracked(|params| params.get("id").and_then(|id| id.parse().ok()))
}
