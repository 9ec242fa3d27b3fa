//! A connection's Data: what it pulled, its last sync, Sync now, and the tables.

use leptos::prelude::*;

use crate::{
    error::AppError,
    wire::data::{DataTable, SyncStatus},
};

#[server(prefix = "/api")]
pub async fn get_sync_status(source: String, id: i64) -> Result<SyncStatus, AppError> {
    use crate::server::{auth::require_user, services::data, state::app_state};
    let user = require_user().await?;
    data::status(&app_state()?, &user, &source, id).await
}

/// Sync now: starts a sync in the background; the page follows its progress.
#[server(prefix = "/api")]
pub async fn sync_now(source: String, id: i64) -> Result<(), AppError> {
    use crate::server::{auth::require_user, services::data, state::app_state};
    let user = require_user().await?;
    data::sync_now(&app_state()?, &user, &source, id).await
}

/// A page of the records of `kind` (`monitors`, `incidents`, … as the source describes them),
/// sorted by `sort` (`asc`/`desc` in `dir`), filtered by `filter`.
#[server(prefix = "/api")]
pub async fn list_records(
    source: String,
    id: i64,
    kind: String,
    #[server(default)] sort: String,
    #[server(default)] dir: String,
    #[server(default)] filter: String,
    #[server(default)] page: i64,
) -> Result<DataTable, AppError> {
    use crate::server::{auth::require_user, services::data, state::app_state};
    let user = require_user().await?;
    data::records(
        &app_state()?,
        &user,
        &source,
        id,
        &kind,
        data::TableQuery::new(&sort, &dir, &filter, page),
    )
    .await
}
