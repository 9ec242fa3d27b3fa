//! A connection's Data: what it pulled, its last sync, Sync now, and the tables.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::AppError;

/// How many of each kind the connection holds.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct DataCounts {
    pub monitors: i64,
    pub monitor_groups: i64,
    pub heartbeats: i64,
    pub status_pages: i64,
    pub incidents: i64,
}

/// The last finished sync.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SyncRunInfo {
    pub finished: String,
    pub took: String,
    pub succeeded: bool,
    /// In words: "Synced", "Failed: …", "Failing — token rejected".
    pub outcome: String,
    pub pages: i64,
    pub rows_changed: i64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SyncStatus {
    /// Pages fetched so far by the sync running now, if one is.
    pub running_pages: Option<u32>,
    pub last: Option<SyncRunInfo>,
    pub counts: DataCounts,
    /// Since when the source has rejected this connection's token.
    pub token_rejected_since: Option<String>,
    /// Until when Better Stack asked this connection's syncs to wait, if it is waiting.
    pub rate_limited_until: Option<String>,
    pub can_sync: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MonitorItem {
    pub name: String,
    pub url: String,
    pub monitor_type: String,
    pub status: String,
    pub check_frequency: String,
    pub last_checked: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct IncidentItem {
    pub name: String,
    pub cause: String,
    pub status: String,
    pub started: String,
    pub resolved: String,
}

/// One page of a table, and where it sits.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TablePage<T> {
    pub rows: Vec<T>,
    /// Rows matching the filter, on all pages.
    pub total: i64,
    pub page: i64,
    pub pages: i64,
}

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

#[server(prefix = "/api")]
pub async fn list_monitors(
    source: String,
    id: i64,
    #[server(default)] sort: String,
    #[server(default)] dir: String,
    #[server(default)] filter: String,
    #[server(default)] page: i64,
) -> Result<TablePage<MonitorItem>, AppError> {
    use crate::server::{auth::require_user, services::data, state::app_state};
    let user = require_user().await?;
    data::monitors(
        &app_state()?,
        &user,
        &source,
        id,
        data::TableQuery::new(&sort, &dir, &filter, page),
    )
    .await
}

#[server(prefix = "/api")]
pub async fn list_incidents(
    source: String,
    id: i64,
    #[server(default)] sort: String,
    #[server(default)] dir: String,
    #[server(default)] filter: String,
    #[server(default)] page: i64,
) -> Result<TablePage<IncidentItem>, AppError> {
    use crate::server::{auth::require_user, services::data, state::app_state};
    let user = require_user().await?;
    data::incidents(
        &app_state()?,
        &user,
        &source,
        id,
        data::TableQuery::new(&sort, &dir, &filter, page),
    )
    .await
}
