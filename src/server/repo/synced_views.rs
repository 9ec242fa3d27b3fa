//! Reading pulled data for the connection's page and its downloads.

use sqlx::{FromRow, SqliteExecutor};

use crate::domain::data_tables::{IncidentColumn, MonitorColumn};

#[derive(Debug, Clone, FromRow)]
pub struct MonitorView {
    pub remote_id: String,
    pub name: Option<String>,
    pub url: Option<String>,
    pub monitor_type: Option<String>,
    pub status: Option<String>,
    pub check_frequency: Option<i64>,
    pub last_checked_at: Option<String>,
}

#[derive(Debug, Clone, FromRow)]
pub struct IncidentView {
    pub remote_id: String,
    pub name: Option<String>,
    pub cause: Option<String>,
    pub status: Option<String>,
    pub started_at: Option<String>,
    pub resolved_at: Option<String>,
}

fn monitor_column(column: MonitorColumn) -> &'static str {
    match column {
        MonitorColumn::Name => "name",
        MonitorColumn::Url => "url",
        MonitorColumn::Type => "monitor_type",
        MonitorColumn::Status => "status",
        MonitorColumn::Frequency => "check_frequency",
        MonitorColumn::LastChecked => "last_checked_at",
    }
}

fn incident_column(column: IncidentColumn) -> &'static str {
    match column {
        IncidentColumn::Name => "name",
        IncidentColumn::Cause => "cause",
        IncidentColumn::Status => "status",
        IncidentColumn::Started => "started_at",
        IncidentColumn::Resolved => "resolved_at",
    }
}

/// Which monitors a filter matches (`?1` the connection, `?2` the [`like`] pattern): the
/// page and its count must agree, so both use this.
const MONITORS_MATCHING: &str = "WHERE connection_id = ?1 AND (name LIKE ?2 ESCAPE '\\'
    OR url LIKE ?2 ESCAPE '\\' OR monitor_type LIKE ?2 ESCAPE '\\' OR status LIKE ?2 ESCAPE '\\')";
/// Which incidents a filter matches; see [`MONITORS_MATCHING`].
const INCIDENTS_MATCHING: &str = "WHERE connection_id = ?1 AND (name LIKE ?2 ESCAPE '\\'
    OR cause LIKE ?2 ESCAPE '\\' OR status LIKE ?2 ESCAPE '\\')";

/// `%filter%` for LIKE, with the filter's own wildcards taken literally.
fn like(filter: &str) -> String {
    let escaped = filter
        .trim()
        .replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_");
    format!("%{escaped}%")
}

/// A page of monitors: sorted by `column`, matching `filter` in name, URL, type or status.
pub async fn monitors<'e>(
    db: impl SqliteExecutor<'e>,
    connection_id: i64,
    column: MonitorColumn,
    descending: bool,
    filter: &str,
    limit: i64,
    offset: i64,
) -> sqlx::Result<Vec<MonitorView>> {
    let order = if descending { "DESC" } else { "ASC" };
    sqlx::query_as(&format!(
        "SELECT remote_id, name, url, monitor_type, status, check_frequency, last_checked_at
         FROM synced_monitors {MONITORS_MATCHING}
         ORDER BY {col} IS NULL, {col} COLLATE NOCASE {order}, remote_id
         LIMIT ?3 OFFSET ?4",
        col = monitor_column(column),
    ))
    .bind(connection_id)
    .bind(like(filter))
    .bind(limit)
    .bind(offset)
    .fetch_all(db)
    .await
}

pub async fn count_monitors<'e>(
    db: impl SqliteExecutor<'e>,
    connection_id: i64,
    filter: &str,
) -> sqlx::Result<i64> {
    sqlx::query_scalar(&format!(
        "SELECT COUNT(*) FROM synced_monitors {MONITORS_MATCHING}"
    ))
    .bind(connection_id)
    .bind(like(filter))
    .fetch_one(db)
    .await
}

/// A page of incidents: sorted by `column`, matching `filter` in name, cause or status.
pub async fn incidents<'e>(
    db: impl SqliteExecutor<'e>,
    connection_id: i64,
    column: IncidentColumn,
    descending: bool,
    filter: &str,
    limit: i64,
    offset: i64,
) -> sqlx::Result<Vec<IncidentView>> {
    let order = if descending { "DESC" } else { "ASC" };
    sqlx::query_as(&format!(
        "SELECT remote_id, name, cause, status, started_at, resolved_at
         FROM synced_incidents {INCIDENTS_MATCHING}
         ORDER BY {col} IS NULL, {col} COLLATE NOCASE {order}, remote_id
         LIMIT ?3 OFFSET ?4",
        col = incident_column(column),
    ))
    .bind(connection_id)
    .bind(like(filter))
    .bind(limit)
    .bind(offset)
    .fetch_all(db)
    .await
}

pub async fn count_incidents<'e>(
    db: impl SqliteExecutor<'e>,
    connection_id: i64,
    filter: &str,
) -> sqlx::Result<i64> {
    sqlx::query_scalar(&format!(
        "SELECT COUNT(*) FROM synced_incidents {INCIDENTS_MATCHING}"
    ))
    .bind(connection_id)
    .bind(like(filter))
    .fetch_one(db)
    .await
}
