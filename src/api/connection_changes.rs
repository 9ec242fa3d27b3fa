//! A connection's page: what it is, its History, and changing it — rename, swap the token,
//! test it, change its privacy, delete it. Each change is refused (and recorded as refused)
//! for someone who may only see the connection.

use std::sync::Arc;

use leptos::prelude::*;

use crate::{
    error::AppError,
    wire::{
        args::{
            connection_changes::{
                DeleteArgs, DetailArgs, PrivacyArgs, RenameArgs, SourceTeamsArgs, SwapArgs,
            },
            ConnectionRef,
        },
        connection_detail::{CheckReport, ConnectionDetail},
    },
};

/// At a stable address (no build hash), so load scripts can call it: `bench/web.sh`.
/// `history_page` is the page of History (from 1; the first when left out).
#[server(prefix = "/api", endpoint = "connection_detail")]
pub async fn get_connection_detail(
    #[server(flatten)] args: DetailArgs,
) -> Result<Arc<ConnectionDetail>, AppError> {
    use crate::server::{auth::require_user, services::connection_changes, state::app_state};
    let user = require_user().await?;
    let DetailArgs {
        connection: ConnectionRef { source, id },
        history_page,
    } = args;
    connection_changes::detail(&app_state()?, &user, &source, id, history_page).await
}

/// Renames the connection. Never checks the token.
#[server(prefix = "/api")]
pub async fn rename_connection(#[server(flatten)] args: RenameArgs) -> Result<(), AppError> {
    use crate::server::{auth::require_user, services::connection_changes, state::app_state};
    let user = require_user().await?;
    let RenameArgs { connection, name } = args;
    connection_changes::rename(&app_state()?, &user, &connection, &name).await
}

/// Replaces the token, as the button pressed asks ([`crate::domain::SwapMode`]).
#[server(prefix = "/api")]
pub async fn swap_token(#[server(flatten)] args: SwapArgs) -> Result<(), AppError> {
    use crate::server::{auth::require_user, services::connection_changes, state::app_state};
    let user = require_user().await?;
    let SwapArgs {
        connection,
        token,
        how,
    } = args;
    connection_changes::swap_token(&app_state()?, &user, &connection, &token, how).await
}

/// Test now: checks the stored token with the source and records what it said.
#[server(prefix = "/api")]
pub async fn test_connection(
    #[server(flatten)] args: ConnectionRef,
) -> Result<CheckReport, AppError> {
    use crate::server::{auth::require_user, services::connection_changes, state::app_state};
    let user = require_user().await?;
    connection_changes::test(&app_state()?, &user, &args).await
}

/// Changes who sees the connection. A change that takes access away from people needs
/// `confirm`; without it the answer names them.
#[server(prefix = "/api")]
pub async fn change_privacy(#[server(flatten)] args: PrivacyArgs) -> Result<(), AppError> {
    use crate::server::{auth::require_user, services::connection_changes, state::app_state};
    let user = require_user().await?;
    connection_changes::change_privacy(&app_state()?, &user, &args).await
}

/// Reads all of the token's teams, or only those ticked.
#[server(prefix = "/api")]
pub async fn change_source_teams(#[server(flatten)] args: SourceTeamsArgs) -> Result<(), AppError> {
    use crate::server::{auth::require_user, services::source_teams, state::app_state};
    let user = require_user().await?;
    source_teams::change(&app_state()?, &user, &args).await
}

/// **Delete Connection**, and its credential too when asked and nothing else uses it.
#[server(prefix = "/api")]
pub async fn delete_connection(#[server(flatten)] args: DeleteArgs) -> Result<(), AppError> {
    use crate::server::{auth::require_user, services::connection_changes, state::app_state};
    let user = require_user().await?;
    let confirm_name = &args.confirm_name;
    let delete_credential = args.delete_credential.is_yes();
    connection_changes::delete(
        &app_state()?,
        &user,
        &args.connection,
        confirm_name,
        delete_credential,
    )
    .await?;
    leptos_axum::redirect(&format!("/connections/{}", args.connection.source));
    Ok(())
}
