//! What connections pulled from their sources, keyed by (connection, remote id).
//!
//! Table and column names here are constants of this module; values are always bound.

use sqlx::{sqlite::SqliteArguments, Arguments, SqliteConnection, SqliteExecutor};

use crate::server::connectors::betterstack::records::{
    Heartbeat, Incident, Monitor, MonitorGroup, StatusPage,
};

/// One value of a stored row.
pub enum Cell {
    Text(Option<String>),
    Int(Option<i64>),
}

/// A kind of pulled resource and how it is stored.
pub struct Table {
    pub name: &'static str,
    pub columns: &'static [&'static str],
}

pub const MONITORS: Table = Table {
    name: "synced_monitors",
    columns: &[
        "name",
        "url",
        "monitor_type",
        "status",
        "check_frequency",
        "last_checked_at",
        "team_name",
    ],
};
pub const MONITOR_GROUPS: Table = Table {
    name: "synced_monitor_groups",
    columns: &["name", "team_name"],
};
pub const HEARTBEATS: Table = Table {
    name: "synced_heartbeats",
    columns: &["name", "period", "grace", "status", "team_name"],
};
pub const STATUS_PAGES: Table = Table {
    name: "synced_status_pages",
    columns: &[
        "company_name",
        "subdomain",
        "custom_domain",
        "aggregate_state",
        "team_name",
    ],
};
pub const INCIDENTS: Table = Table {
    name: "synced_incidents",
    columns: &[
        "name",
        "url",
        "cause",
        "status",
        "started_at",
        "acknowledged_at",
        "resolved_at",
        "monitor_id",
        "team_name",
    ],
};

/// A record as (remote id, cells in the table's column order).
pub trait Stored {
    fn row(&self) -> (String, Vec<Cell>);
}

fn t(value: &Option<String>) -> Cell {
    Cell::Text(value.clone())
}

impl Stored for Monitor {
    fn row(&self) -> (String, Vec<Cell>) {
        let cells = vec![
            t(&self.name),
            t(&self.url),
            t(&self.monitor_type),
            t(&self.status),
            Cell::Int(self.check_frequency),
            t(&self.last_checked_at),
            t(&self.team_name),
        ];
        (self.remote_id.clone(), cells)
    }
}

impl Stored for MonitorGroup {
    fn row(&self) -> (String, Vec<Cell>) {
        (
            self.remote_id.clone(),
            vec![t(&self.name), t(&self.team_name)],
        )
    }
}

impl Stored for Heartbeat {
    fn row(&self) -> (String, Vec<Cell>) {
        let cells = vec![
            t(&self.name),
            Cell::Int(self.period),
            Cell::Int(self.grace),
            t(&self.status),
            t(&self.team_name),
        ];
        (self.remote_id.clone(), cells)
    }
}

impl Stored for StatusPage {
    fn row(&self) -> (String, Vec<Cell>) {
        let cells = vec![
            t(&self.company_name),
            t(&self.subdomain),
            t(&self.custom_domain),
            t(&self.aggregate_state),
            t(&self.team_name),
        ];
        (self.remote_id.clone(), cells)
    }
}

impl Stored for Incident {
    fn row(&self) -> (String, Vec<Cell>) {
        let cells = vec![
            t(&self.name),
            t(&self.url),
            t(&self.cause),
            t(&self.status),
            t(&self.started_at),
            t(&self.acknowledged_at),
            t(&self.resolved_at),
            t(&self.monitor_id),
            t(&self.team_name),
        ];
        (self.remote_id.clone(), cells)
    }
}

/// Inserts or updates `records`; returns how many rows were new or different.
pub async fn upsert<R: Stored>(
    db: &mut SqliteConnection,
    table: &Table,
    connection_id: i64,
    records: &[R],
) -> sqlx::Result<u64> {
    let columns = table.columns.join(", ");
    let placeholders = vec!["?"; table.columns.len()].join(", ");
    let updates: Vec<String> = table
        .columns
        .iter()
        .map(|c| format!("{c} = excluded.{c}"))
        .collect();
    let differs: Vec<String> = table
        .columns
        .iter()
        .map(|c| format!("{c} IS NOT excluded.{c}"))
        .collect();
    let sql = format!(
        "INSERT INTO {table} (connection_id, remote_id, {columns}) VALUES (?, ?, {placeholders})
         ON CONFLICT (connection_id, remote_id) DO UPDATE SET {updates} WHERE {differs}",
        table = table.name,
        updates = updates.join(", "),
        differs = differs.join(" OR "),
    );
    let mut changed = 0;
    for record in records {
        let (remote_id, cells) = record.row();
        let mut arguments = SqliteArguments::default();
        arguments.add(connection_id).map_err(sqlx::Error::Encode)?;
        arguments.add(remote_id).map_err(sqlx::Error::Encode)?;
        for cell in cells {
            match cell {
                Cell::Text(value) => arguments.add(value),
                Cell::Int(value) => arguments.add(value),
            }
            .map_err(sqlx::Error::Encode)?;
        }
        changed += sqlx::query_with(&sql, arguments)
            .execute(&mut *db)
            .await?
            .rows_affected();
    }
    Ok(changed)
}

/// Deletes this connection's rows whose remote id is not in `keep`; returns how many went.
pub async fn delete_missing(
    db: &mut SqliteConnection,
    table: &Table,
    connection_id: i64,
    keep: &[String],
) -> sqlx::Result<u64> {
    let keep = serde_json::to_string(keep).expect("strings serialize");
    let sql = format!(
        "DELETE FROM {} WHERE connection_id = ? AND remote_id NOT IN (SELECT value FROM json_each(?))",
        table.name
    );
    Ok(sqlx::query(&sql)
        .bind(connection_id)
        .bind(keep)
        .execute(db)
        .await?
        .rows_affected())
}

/// The remote ids of this connection's rows in `table`.
pub async fn remote_ids<'e>(
    db: impl SqliteExecutor<'e>,
    table: &Table,
    connection_id: i64,
) -> sqlx::Result<Vec<String>> {
    let sql = format!(
        "SELECT remote_id FROM {} WHERE connection_id = ?",
        table.name
    );
    sqlx::query_scalar(&sql)
        .bind(connection_id)
        .fetch_all(db)
        .await
}

/// The remote ids of this connection's incidents that are not resolved.
pub async fn open_incident_ids<'e>(
    db: impl SqliteExecutor<'e>,
    connection_id: i64,
) -> sqlx::Result<Vec<String>> {
    sqlx::query_scalar(
        "SELECT remote_id FROM synced_incidents WHERE connection_id = ? AND resolved_at IS NULL",
    )
    .bind(connection_id)
    .fetch_all(db)
    .await
}

/// How many rows of each kind a connection has.
#[derive(sqlx::FromRow)]
pub struct Counts {
    pub monitors: i64,
    pub monitor_groups: i64,
    pub heartbeats: i64,
    pub status_pages: i64,
    pub incidents: i64,
}

/// All five counts in one statement: one hand-off to SQLite's worker instead of five, and one
/// snapshot, so the figures never mix a sync's committed pages with the ones before it.
pub async fn counts<'e>(db: impl SqliteExecutor<'e>, connection_id: i64) -> sqlx::Result<Counts> {
    sqlx::query_as(
        "SELECT
            (SELECT COUNT(*) FROM synced_monitors WHERE connection_id = ?1) AS monitors,
            (SELECT COUNT(*) FROM synced_monitor_groups WHERE connection_id = ?1) AS monitor_groups,
            (SELECT COUNT(*) FROM synced_heartbeats WHERE connection_id = ?1) AS heartbeats,
            (SELECT COUNT(*) FROM synced_status_pages WHERE connection_id = ?1) AS status_pages,
            (SELECT COUNT(*) FROM synced_incidents WHERE connection_id = ?1) AS incidents",
    )
    .bind(connection_id)
    .fetch_one(db)
    .await
}

/// The day (YYYY-MM-DD) the newest stored incident started, for an incremental pull.
pub async fn newest_incident_day<'e>(
    db: impl SqliteExecutor<'e>,
    connection_id: i64,
) -> sqlx::Result<Option<String>> {
    sqlx::query_scalar(
        "SELECT substr(MAX(started_at), 1, 10) FROM synced_incidents WHERE connection_id = ?",
    )
    .bind(connection_id)
    .fetch_one(db)
    .await
}
