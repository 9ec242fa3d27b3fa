//! What a connection's Data section receives: sync state, counts, one page of a table.

use serde::{Deserialize, Serialize};

use crate::wire::moment::Moment;

/// How many records of one kind the connection holds.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct KindCount {
    pub key: String,
    pub label: String,
    pub count: i64,
}

/// The last finished sync.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct SyncRunInfo {
    pub finished: Moment,
    pub took: String,
    pub succeeded: bool,
    /// In words: "Synced", "Failed: …", "Failing — token rejected".
    pub outcome: String,
    pub pages: i64,
    pub rows_changed: i64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct SyncStatus {
    /// Pages fetched so far by the sync running now, if one is.
    pub running_pages: Option<u32>,
    pub last: Option<SyncRunInfo>,
    /// Every kind the source pulls, in the order its Data tables show them.
    pub counts: Vec<KindCount>,
    /// Since when the source has rejected this connection's token.
    pub token_rejected_since: Option<Moment>,
    /// Until when Better Stack asked this connection's syncs to wait, if it is waiting.
    pub rate_limited_until: Option<Moment>,
    pub can_sync: bool,
}

/// A column of a Data table.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct DataColumn {
    /// Its sort key in the URL.
    pub key: String,
    pub label: String,
    /// Long values that break anywhere (URLs).
    pub wrap: bool,
    /// Times, as RFC 3339 in UTC (see `domain::time_words::utc_words`).
    pub time: bool,
}

/// One page of a kind's records, as its table shows them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
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
