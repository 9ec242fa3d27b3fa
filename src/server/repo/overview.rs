//! The Overview's and the dashboard's reads of pulled records: counts by status, open
//! incidents, availability, incidents per day, response times and incident durations. Kind
//! keys come from the connector's [`OverviewKinds`]; field paths are fixed here and bound.
//!
//! Times are the source's ISO 8601 text; SQLite's date functions read them (with their
//! fractional seconds and zone) into UTC.

use sqlx::SqliteExecutor;

/// Records of `kind` per `status`, most common first.
pub async fn status_counts<'e>(
    db: impl SqliteExecutor<'e>,
    connection_id: i64,
    kind: &str,
) -> sqlx::Result<Vec<(String, i64)>> {
    sqlx::query_as(
        "SELECT COALESCE(json_extract(data, '$.status'), '') AS status, COUNT(*)
         FROM synced_records WHERE connection_id = ? AND kind = ?
         GROUP BY status ORDER BY COUNT(*) DESC, status",
    )
    .bind(connection_id)
    .bind(kind)
    .fetch_all(db)
    .await
}

/// An open incident: its name, since when (Unix seconds) and who acknowledged it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct OpenRow {
    pub name: Option<String>,
    pub since: Option<i64>,
    pub acknowledged_by: Option<String>,
}

/// Incidents not resolved, newest first, at most `limit`, and how many there are.
pub async fn open_incidents(
    db: &sqlx::SqlitePool,
    connection_id: i64,
    kind: &str,
    limit: i64,
) -> sqlx::Result<(Vec<OpenRow>, i64)> {
    const OPEN: &str =
        "connection_id = ? AND kind = ? AND json_extract(data, '$.resolved_at') IS NULL";
    let rows = sqlx::query_as(&format!(
        "SELECT json_extract(data, '$.name') AS name,
                CAST(strftime('%s', json_extract(data, '$.started_at')) AS INTEGER) AS since,
                json_extract(data, '$.acknowledged_by') AS acknowledged_by
         FROM synced_records WHERE {OPEN}
         ORDER BY since DESC LIMIT ?"
    ))
    .bind(connection_id)
    .bind(kind)
    .bind(limit)
    .fetch_all(db)
    .await?;
    let total = sqlx::query_scalar(&format!("SELECT COUNT(*) FROM synced_records WHERE {OPEN}"))
        .bind(connection_id)
        .bind(kind)
        .fetch_one(db)
        .await?;
    Ok((rows, total))
}

/// Records of `kind` whose status is one of `statuses`, by name.
pub async fn with_status(
    db: &sqlx::SqlitePool,
    connection_id: i64,
    kind: &str,
    statuses: &[&str],
) -> sqlx::Result<Vec<String>> {
    let statuses = serde_json::to_string(statuses).expect("strings");
    sqlx::query_scalar(
        "SELECT COALESCE(json_extract(data, '$.name'), remote_id) FROM synced_records
         WHERE connection_id = ? AND kind = ?
           AND json_extract(data, '$.status') IN (SELECT value FROM json_each(?))",
    )
    .bind(connection_id)
    .bind(kind)
    .bind(statuses)
    .fetch_all(db)
    .await
}

/// Each availability record's name and percentage, worst first.
pub async fn availability<'e>(
    db: impl SqliteExecutor<'e>,
    connection_id: i64,
    kind: &str,
) -> sqlx::Result<Vec<(String, f64)>> {
    sqlx::query_as(
        "SELECT COALESCE(json_extract(data, '$.name'), remote_id) AS name,
                json_extract(data, '$.availability_percent') AS percent
         FROM synced_records
         WHERE connection_id = ? AND kind = ? AND percent IS NOT NULL
         ORDER BY percent, name",
    )
    .bind(connection_id)
    .bind(kind)
    .fetch_all(db)
    .await
}

/// Incidents started per UTC day (`YYYY-MM-DD`), from `first_day` on.
pub async fn incidents_per_day<'e>(
    db: impl SqliteExecutor<'e>,
    connection_id: i64,
    kind: &str,
    first_day: &str,
) -> sqlx::Result<Vec<(String, i64)>> {
    sqlx::query_as(
        "SELECT date(json_extract(data, '$.started_at')) AS day, COUNT(*)
         FROM synced_records
         WHERE connection_id = ? AND kind = ? AND day >= ?
         GROUP BY day ORDER BY day",
    )
    .bind(connection_id)
    .bind(kind)
    .bind(first_day)
    .fetch_all(db)
    .await
}

/// The monitors a response-time series was kept for: id and name. Ids are stored as the
/// source sent them (text, reference §8), and read here as numbers.
pub async fn series_monitors<'e>(
    db: impl SqliteExecutor<'e>,
    connection_id: i64,
    kind: &str,
) -> sqlx::Result<Vec<(i64, String)>> {
    sqlx::query_as(
        "SELECT CAST(json_extract(data, '$.monitor_id') AS INTEGER) AS monitor_id,
                COALESCE(MAX(json_extract(data, '$.monitor')), '') AS name
         FROM synced_records
         WHERE connection_id = ? AND kind = ? AND monitor_id IS NOT NULL
         GROUP BY monitor_id",
    )
    .bind(connection_id)
    .bind(kind)
    .fetch_all(db)
    .await
}

/// One monitor's response times in time order: Unix seconds and the mean over regions.
pub async fn response_series<'e>(
    db: impl SqliteExecutor<'e>,
    connection_id: i64,
    kind: &str,
    monitor_id: i64,
) -> sqlx::Result<Vec<(i64, f64)>> {
    sqlx::query_as(
        "SELECT CAST(strftime('%s', json_extract(data, '$.at')) AS INTEGER) AS at,
                AVG(json_extract(data, '$.response_time_seconds'))
         FROM synced_records
         WHERE connection_id = ? AND kind = ?
           AND CAST(json_extract(data, '$.monitor_id') AS INTEGER) = ?
           AND at IS NOT NULL
         GROUP BY at ORDER BY at",
    )
    .bind(connection_id)
    .bind(kind)
    .bind(monitor_id)
    .fetch_all(db)
    .await
}

/// Whole seconds from each incident's start to its acknowledgement and to its resolution
/// (`None` where that has not happened).
pub async fn incident_durations<'e>(
    db: impl SqliteExecutor<'e>,
    connection_id: i64,
    kind: &str,
) -> sqlx::Result<Vec<(Option<f64>, Option<f64>)>> {
    sqlx::query_as(
        "SELECT CAST(strftime('%s', json_extract(data, '$.acknowledged_at'))
                     - strftime('%s', json_extract(data, '$.started_at')) AS REAL),
                CAST(strftime('%s', json_extract(data, '$.resolved_at'))
                     - strftime('%s', json_extract(data, '$.started_at')) AS REAL)
         FROM synced_records WHERE connection_id = ? AND kind = ?",
    )
    .bind(connection_id)
    .bind(kind)
    .fetch_all(db)
    .await
}
