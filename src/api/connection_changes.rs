//! A connection's page: what it is, its History, and changing it — rename, swap the token,
//! test it, change its privacy, delete it. Each change is refused (and recorded as refused)
//! for someone who may only see the connection.

use leptos::prelude::*;

use crate::{
    error::AppError,
    wire::connection_detail::{CheckReport, ConnectionDetail},
};

/// At a stable address (no build hash), so load scripts can call it: `bench/web.sh`.
/// `history_page` is the page of History (from 1; the first when left out).
#[server(prefix = "/api", endpoint = "connection_detail")]
pub async fn get_connection_detail(
    source: String,
    id: i64,
    #[server(default)] history_page: i64,
) -> Result<ConnectionDetail, AppError> {
    use crate::server::{auth::require_user, services::connection_changes, state::app_state};
    let user = require_user().await?;
    connection_changes::detail(&app_state()?, &user, &source, id, history_page).await
}

/// Renames the connection. Never checks the token.
#[server(prefix = "/api")]
pub async fn rename_connection(
    source: String,
    id: i64,
    #[server(default)] name: String,
) -> Result<(), AppError> {
    use crate::server::{auth::require_user, services::connection_changes, state::app_state};
    let user = require_user().await?;
    connection_changes::rename(&app_state()?, &user, &source, id, &name).await
}

/// Replaces the token. `how` is the button pressed: `check` (Swap Token), `check-new` (Use a
/// new credential for this connection only), or `skip` / `skip-new` (Swap without checking).
#[server(prefix = "/api")]
pub async fn swap_token(
    source: String,
    id: i64,
    #[server(default)] token: String,
    #[server(default)] how: String,
) -> Result<(), AppError> {
    use crate::{
        domain::SwapMode,
        server::{auth::require_user, services::connection_changes, state::app_state},
    };
    let user = require_user().await?;
    connection_changes::swap_token(
        &app_state()?,
        &user,
        &source,
        id,
        &token,
        SwapMode::parse(&how),
    )
    .await
}

/// Checks the stored token again and records what it found.
#[server(prefix = "/api")]
pub async fn test_connection(source: String, id: i64) -> Result<CheckReport, AppError> {
    use crate::server::{auth::require_user, services::connection_changes, state::app_state};
    let user = require_user().await?;
    connection_changes::test(&app_state()?, &user, &source, id).await
}

/// Changes who sees the connection. A change that takes access away from people needs
/// `confirm` = `yes`; without it the answer names them.
#[server(prefix = "/api")]
pub async fn change_privacy(
    source: String,
    id: i64,
    #[server(default)] privacy: String,
    #[server(default)] team: String,
    #[server(default)] confirm: String,
) -> Result<(), AppError> {
    use crate::server::{auth::require_user, services::connection_changes, state::app_state};
    let user = require_user().await?;
    connection_changes::change_privacy(
        &app_state()?,
        &user,
        &source,
        id,
        &privacy,
        &team,
        confirm == "yes",
    )
    .await
}

/// Reads all of the token's Better Stack teams (`team_scope` `all`) or only those ticked
/// (`only`, with `source_teams`), and pulls again.
#[server(prefix = "/api")]
pub async fn change_source_teams(
    source: String,
    id: i64,
    #[server(default)] team_scope: String,
    #[server(default)] source_teams: Vec<String>,
) -> Result<(), AppError> {
    use crate::server::{auth::require_user, services::source_teams, state::app_state};
    let user = require_user().await?;
    source_teams::change(
        &app_state()?,
        &user,
        &source,
        id,
        &team_scope,
        &source_teams,
    )
    .await
}

/// Deletes the connection once its name is typed; its credential too when asked and unused.
#[server(prefix = "/api")]
pub async fn delete_connection(
    source: String,
    id: i64,
    #[server(default)] confirm_name: String,
    #[server(default)] delete_credential: String,
) -> Result<(), AppError> {
    use crate::server::{auth::require_user, services::connection_changes, state::app_state};
    let user = require_user().await?;
    connection_changes::delete(
        &app_state()?,
        &user,
        &source,
        id,
        &confirm_name,
        delete_credential == "yes",
    )
    .await?;
    leptos_axum::redirect(&format!("/connections/{source}"));
    Ok(())
}
