//! The workspace dashboard, Home.

use std::sync::Arc;

use leptos::prelude::*;

use crate::{error::AppError, wire::dashboard::Dashboard};

/// At a stable address (no build hash), so load scripts can call it: `bench/web.sh`.
#[server(prefix = "/api", endpoint = "dashboard")]
pub async fn get_dashboard() -> Result<Arc<Dashboard>, AppError> {
    use crate::server::{auth::require_user, services::dashboard, state::app_state};
    let user = require_user().await?;
    dashboard::dashboard(&app_state()?, &user).await
}
