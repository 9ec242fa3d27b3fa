//! Reading pulled data for the connection's page and its downloads.

use sqlx::{sqlite::SqliteRow, FromRow, SqliteExecutor};

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

/// A synced table as its Data table reads it: the columns shown and which rows a filter
/// matches (`?1` the connection, `?2` the [`like`] pattern). A page and its count both use
/// `matching`, so they cannot disagree.
struct Listing {
    table: &'static str,
    columns: &'static str,
    matching: &'static str,
}

const MONITORS: Listing = Listing {
    table: "synced_monitors",
    columns: "remote_id, name, url, monitor_type, status, check_frequency, last_checked_at",
    matching: "connection_id = ?1 AND (name LIKE ?2 ESCAPE '\\' OR url LIKE ?2 ESCAPE '\\'
        OR monitor_type LIKE ?2 ESCAPE '\\' OR status LIKE ?2 ESCAPE '\\')",
};

const INCIDENTS: Listing = Listing {
    table: "synced_incidents",
    columns: "remote_id, name, cause, status, started_at, resolved_at",
    matching: "connection_id = ?1 AND (name LIKE ?2 ESCAPE '\\' OR cause LIKE ?2 ESCAPE '\\'
        OR status LIKE ?2 ESCAPE '\\')",
};

/// `%filter%` for LIKE, with the filter's own wildcards taken literally.
fn like(filter: &str) -> String {
    let escaped = filter
        .trim()
        .replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_");
    format!("%{escaped}%")
}

/// Sorting by `column`: empty values last, ties by remote id so pages never overlap.
fn order_by(column: &str, descending: bool) -> String {
    let direction = if descending { "DESC" } else { "ASC" };
    format!("{column} IS NULL, {column} COLLATE NOCASE {direction}, remote_id")
}

/// A page of `listing`, in the order [`order_by`] gives.
async fn page<'e, T>(
    db: impl SqliteExecutor<'e>,
    listing: &Listing,
    order: &str,
    connection_id: i64,
    filter: &str,
    limit: i64,
    offset: i64,
) -> sqlx::Result<Vec<T>>
where
    T: for<'r> FromRow<'r, SqliteRow> + Send + Unpin,
{
    let Listing {
        table,
        columns,
        matching,
    } = listing;
    sqlx::query_as(&format!(
        "SELECT {columns} FROM {table} WHERE {matching}
         ORDER BY {order} LIMIT ?3 OFFSET ?4"
    ))
    .bind(connection_id)
    .bind(like(filter))
    .bind(limit)
    .bind(offset)
    .fetch_all(db)
    .await
}

/// How many rows of `listing` match `filter`.
async fn count<'e>(
    db: impl SqliteExecutor<'e>,
    listing: &Listing,
    connection_id: i64,
    filter: &str,
) -> sqlx::Result<i64> {
    let Listing {
        table, matching, ..
    } = listing;
    sqlx::query_scalar(&format!("SELECT COUNT(*) FROM {table} WHERE {matching}"))
        .bind(connection_id)
        .bind(like(filter))
        .fetch_one(db)
        .await
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
    let order = order_by(monitor_column(column), descending);
    page(db, &MONITORS, &order, connection_id, filter, limit, offset).await
}

pub async fn count_monitors<'e>(
    db: impl SqliteExecutor<'e>,
    connection_id: i64,
    filter: &str,
) -> sqlx::Result<i64> {
    count(db, &MONITORS, connection_id, filter).await
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
    let order = order_by(incident_column(column), descending);
    page(db, &INCIDENTS, &order, connection_id, filter, limit, offset).await
}

pub async fn count_incidents<'e>(
    db: impl SqliteExecutor<'e>,
    connection_id: i64,
    filter: &str,
) -> sqlx::Result<i64> {
    count(db, &INCIDENTS, connection_id, filter).await
}
