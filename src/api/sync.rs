//! A connection's Data: what it pulled, its last sync, Sync now, and the tables.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::AppError;

/// How many records of one kind the connection holds.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct KindCount {
    pub key: String,
    pub label: String,
    pub count: i64,
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
    /// Every kind the source pulls, in the order its Data tables show them.
    pub counts: Vec<KindCount>,
    /// Since when the source has rejected this connection's token.
    pub token_rejected_since: Option<String>,
    /// Until when Better Stack asked this connection's syncs to wait, if it is waiting.
    pub rate_limited_until: Option<String>,
    pub can_sync: bool,
}

/// A column of a Data table.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DataColumn {
    /// Its sort key in the URL.
    pub key: String,
    pub label: String,
    /// Long values that break anywhere (URLs).
    pub wrap: bool,
}

/// One page of a kind's records, as its table shows them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DataTable {
    pub kind: String,
    pub label: String,
    /// The first column names the row.
    pub columns: Vec<DataColumn>,
    pub rows: Vec<Vec<String>>,
    /// The column sorted by, and whether descending.
    pub sort: String,
    pub descending: bool,
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
