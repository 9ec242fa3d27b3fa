//! A connection's Overview: counts, open incidents and the series its charts draw.

use std::sync::Arc;

use leptos::prelude::*;

use crate::{
    error::AppError,
    wire::{args::overview::OverviewArgs, overview::ConnectionOverview},
};

/// At a stable address (no build hash), so load scripts can call it: `bench/web.sh`.
#[server(prefix = "/api", endpoint = "connection_overview")]
pub async fn get_connection_overview(
    #[server(flatten)] args: OverviewArgs,
) -> Result<Arc<ConnectionOverview>, AppError> {
    use crate::server::{auth::require_user, services::overview, state::app_state};
    let user = require_user().await?;
    overview::overview(&app_state()?, &user, &args).await
}
