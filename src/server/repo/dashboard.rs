//! Reads across many connections at once, for the dashboard (and for one connection's
//! Overview). Connection ids come from a visibility-checked list and are bound as one JSON
//! array; kind keys and statuses from the connector's
//! [`crate::domain::overview_kinds::OverviewKinds`].

use sqlx::SqliteExecutor;

use super::sync_runs::RunOutcome;

fn ids_json(ids: &[i64]) -> String {
    serde_json::to_string(ids).expect("numbers")
}

/// Each connection's latest finished run: its outcome and when it finished.
pub async fn last_runs<'e>(
    db: impl SqliteExecutor<'e>,
    ids: &[i64],
) -> sqlx::Result<Vec<(i64, RunOutcome, i64)>> {
    sqlx::query_as(
        "SELECT r.connection_id, r.outcome, COALESCE(r.finished_at, r.started_at)
         FROM sync_runs r
         JOIN (SELECT connection_id, MAX(id) AS id FROM sync_runs
               WHERE outcome != 'running'
                 AND connection_id IN (SELECT value FROM json_each(?1))
               GROUP BY connection_id) latest ON latest.id = r.id",
    )
    .bind(ids_json(ids))
    .fetch_all(db)
    .await
}

/// A record of one of the connections: which connection, its kind and its name.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Found {
    pub connection_id: i64,
    pub kind: String,
    pub name: String,
}

/// Records of `kinds` in `ids` whose status is one of `statuses` (down now), by name.
pub async fn with_status<'e>(
    db: impl SqliteExecutor<'e>,
    ids: &[i64],
    kinds: &[&str],
    statuses: &[&str],
) -> sqlx::Result<Vec<Found>> {
    sqlx::query_as(
        "SELECT connection_id, kind, COALESCE(json_extract(data, '$.name'), remote_id) AS name
         FROM synced_records
         WHERE connection_id IN (SELECT value FROM json_each(?1))
           AND kind IN (SELECT value FROM json_each(?2))
           AND json_extract(data, '$.status') IN (SELECT value FROM json_each(?3))
         ORDER BY name COLLATE natural_order",
    )
    .bind(ids_json(ids))
    .bind(serde_json::to_string(kinds).expect("strings"))
    .bind(serde_json::to_string(statuses).expect("strings"))
    .fetch_all(db)
    .await
}

/// An open incident of one of the connections.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct OpenIncidentRow {
    pub connection_id: i64,
    pub name: Option<String>,
    pub started: Option<i64>,
    pub acknowledged_by: Option<String>,
}

/// Incidents of `kind` in `ids` not resolved, newest first, at most `limit`, and how many.
pub async fn open_incidents(
    db: &sqlx::SqlitePool,
    ids: &[i64],
    kind: &str,
    limit: i64,
) -> sqlx::Result<(Vec<OpenIncidentRow>, i64)> {
    const OPEN: &str = "connection_id IN (SELECT value FROM json_each(?1)) AND kind = ?2
        AND json_extract(data, '$.resolved_at') IS NULL";
    let rows = sqlx::query_as(&format!(
        "SELECT connection_id, json_extract(data, '$.name') AS name,
                CAST(strftime('%s', json_extract(data, '$.started_at')) AS INTEGER) AS started,
                json_extract(data, '$.acknowledged_by') AS acknowledged_by
         FROM synced_records WHERE {OPEN}
         ORDER BY started DESC LIMIT ?3"
    ))
    .bind(ids_json(ids))
    .bind(kind)
    .bind(limit)
    .fetch_all(db)
    .await?;
    let total = sqlx::query_scalar(&format!("SELECT COUNT(*) FROM synced_records WHERE {OPEN}"))
        .bind(ids_json(ids))
        .bind(kind)
        .fetch_one(db)
        .await?;
    Ok((rows, total))
}

/// The availability figures of `kind` in `ids`, worst first, at most `limit`: connection,
/// name, percent.
pub async fn availability<'e>(
    db: impl SqliteExecutor<'e>,
    ids: &[i64],
    kind: &str,
    limit: i64,
) -> sqlx::Result<Vec<(i64, String, f64)>> {
    sqlx::query_as(
        "SELECT connection_id, COALESCE(json_extract(data, '$.name'), remote_id) AS name,
                json_extract(data, '$.availability_percent') AS percent
         FROM synced_records
         WHERE connection_id IN (SELECT value FROM json_each(?1)) AND kind = ?2
           AND percent IS NOT NULL
         ORDER BY percent, name LIMIT ?3",
    )
    .bind(ids_json(ids))
    .bind(kind)
    .bind(limit)
    .fetch_all(db)
    .await
}
