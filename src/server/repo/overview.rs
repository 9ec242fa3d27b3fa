//! The Overview's reads of pulled records: counts by status, incidents per day and
//! durations, response times. Open incidents and availability are read across connections
//! for the dashboard and the Overview alike ([`super::dashboard`]). Kind keys come from the
//! connector's [`crate::domain::overview_kinds::OverviewKinds`]; field paths are fixed here and bound.
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

/// The monitors a response-time series was kept for: id and name. Ids are stored as the
/// source sent them (text, reference §8), and read here as numbers. A monitor's name is its
/// current one (its record of `monitors_kind`), or else the one on its newest point: points
/// are kept for days, and older ones carry the name the monitor had then. Every step walks an
/// index (`synced_records_by_monitor`, a migration, and the primary key): no point is read
/// but one per monitor whose record is gone.
pub async fn series_monitors<'e>(
    db: impl SqliteExecutor<'e>,
    connection_id: i64,
    series_kind: &str,
    monitors_kind: &str,
) -> sqlx::Result<Vec<(i64, String)>> {
    sqlx::query_as(
        "SELECT series.monitor_id,
                COALESCE(json_extract(monitor.data, '$.name'),
                         (SELECT json_extract(newest.data, '$.monitor')
                          FROM synced_records AS newest
                          WHERE newest.connection_id = ?1 AND newest.kind = ?2
                            AND json_extract(newest.data, '$.monitor_id') IS NOT NULL
                            AND CAST(json_extract(newest.data, '$.monitor_id') AS INTEGER)
                                = series.monitor_id
                          ORDER BY newest.rowid DESC LIMIT 1),
                         '') AS name
         FROM (SELECT DISTINCT CAST(json_extract(data, '$.monitor_id') AS INTEGER) AS monitor_id
               FROM synced_records
               WHERE connection_id = ?1 AND kind = ?2
                 AND json_extract(data, '$.monitor_id') IS NOT NULL) AS series
         LEFT JOIN synced_records AS monitor
                ON monitor.connection_id = ?1 AND monitor.kind = ?3
               AND monitor.remote_id = CAST(series.monitor_id AS TEXT)",
    )
    .bind(connection_id)
    .bind(series_kind)
    .bind(monitors_kind)
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
           AND json_extract(data, '$.monitor_id') IS NOT NULL
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

/// Each incident's UTC day of start (`YYYY-MM-DD`) and the whole seconds from its start to
/// its acknowledgement and to its resolution (`None` where that has not happened). One pass:
/// the three times are read out of each record once (a materialized CTE, which SQLite does not
/// fold back into the expressions that use them), for the chart of incidents per day and for
/// times to acknowledge and resolve alike. Two passes were most of an Overview's load.
pub async fn incident_times<'e>(
    db: impl SqliteExecutor<'e>,
    connection_id: i64,
    kind: &str,
) -> sqlx::Result<Vec<IncidentTimes>> {
    sqlx::query_as(
        "WITH incident AS MATERIALIZED (
             SELECT json_extract(data, '$.started_at') AS started,
                    json_extract(data, '$.acknowledged_at') AS acknowledged,
                    json_extract(data, '$.resolved_at') AS resolved
             FROM synced_records WHERE connection_id = ? AND kind = ?)
         SELECT date(started) AS day,
                CAST(strftime('%s', acknowledged) - strftime('%s', started) AS REAL)
                    AS to_acknowledge,
                CAST(strftime('%s', resolved) - strftime('%s', started) AS REAL) AS to_resolve
         FROM incident",
    )
    .bind(connection_id)
    .bind(kind)
    .fetch_all(db)
    .await
}

#[derive(sqlx::FromRow)]
pub struct IncidentTimes {
    pub day: Option<String>,
    pub to_acknowledge: Option<f64>,
    pub to_resolve: Option<f64>,
}
