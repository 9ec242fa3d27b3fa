//! What connections pulled from their sources: one table of records, keyed by (connection,
//! kind, remote id), each record's fields as JSON keyed as its kind describes them.
//!
//! Field keys reach SQL only as bound JSON paths; kind keys only as bound values.

use std::collections::{BTreeMap, HashMap, HashSet};

use sqlx::{SqliteConnection, SqliteExecutor, SqlitePool};

use crate::{
    domain::record_kinds::RecordKind,
    server::{
        connectors::{Batch, Replacing},
        infra::clock,
    },
};

/// `$.key`, the JSON path of a field.
fn path(field: &str) -> String {
    format!("$.{field}")
}

/// Stores `batch` for `connection_id`; returns how many rows were new, different or gone.
/// A whole list removes what it no longer names (and `AllBut` what it does not keep), unless
/// the kind is kept over time; such a kind loses what is older than it keeps instead.
pub async fn store(
    db: &mut SqliteConnection,
    connection_id: i64,
    kind: &RecordKind,
    batch: &Batch,
) -> sqlx::Result<u64> {
    let mut changed = 0;
    for record in &batch.records {
        let data = serde_json::Value::Object(record.fields.clone()).to_string();
        changed += sqlx::query(
            "INSERT INTO synced_records (connection_id, kind, remote_id, data) VALUES (?, ?, ?, ?)
             ON CONFLICT (connection_id, kind, remote_id) DO UPDATE SET data = excluded.data
             WHERE data IS NOT excluded.data",
        )
        .bind(connection_id)
        .bind(kind.key)
        .bind(&record.id)
        .bind(data)
        .execute(&mut *db)
        .await?
        .rows_affected();
    }
    match kind.kept_days {
        Some(days) => {
            let cutoff = clock::format_iso(clock::now() - days * clock::DAY);
            changed += sqlx::query(
                "DELETE FROM synced_records WHERE connection_id = ? AND kind = ?
                 AND json_extract(data, ?) < ?",
            )
            .bind(connection_id)
            .bind(kind.key)
            .bind(path(kind.default_sort))
            .bind(cutoff)
            .execute(&mut *db)
            .await?
            .rows_affected();
        }
        None if batch.replacing != Replacing::Nothing => {
            let keep: Vec<&str> = match &batch.replacing {
                Replacing::AllBut(ids) => ids
                    .iter()
                    .map(String::as_str)
                    .chain(batch.records.iter().map(|r| r.id.as_str()))
                    .collect(),
                _ => batch.records.iter().map(|r| r.id.as_str()).collect(),
            };
            let keep = serde_json::to_string(&keep).expect("strings serialize");
            changed += sqlx::query(
                "DELETE FROM synced_records WHERE connection_id = ? AND kind = ?
                 AND remote_id NOT IN (SELECT value FROM json_each(?))",
            )
            .bind(connection_id)
            .bind(kind.key)
            .bind(keep)
            .execute(&mut *db)
            .await?
            .rows_affected();
        }
        None => {}
    }
    Ok(changed)
}

/// How many records of each kind a connection has, in one statement (one snapshot: the
/// figures never mix a sync's write with the one before it).
pub async fn counts<'e>(
    db: impl SqliteExecutor<'e>,
    connection_id: i64,
) -> sqlx::Result<BTreeMap<String, i64>> {
    let rows: Vec<(String, i64)> = sqlx::query_as(
        "SELECT kind, COUNT(*) FROM synced_records WHERE connection_id = ? GROUP BY kind",
    )
    .bind(connection_id)
    .fetch_all(db)
    .await?;
    Ok(rows.into_iter().collect())
}

/// What a connection holds from earlier pulls, as a pull asks for it.
pub struct Memory {
    pool: SqlitePool,
    connection_id: i64,
}

impl Memory {
    pub fn new(pool: SqlitePool, connection_id: i64) -> Self {
        Self {
            pool,
            connection_id,
        }
    }

    /// The ids of the stored records of `kind`.
    pub async fn ids(&self, kind: &str) -> sqlx::Result<HashSet<String>> {
        let ids: Vec<String> = sqlx::query_scalar(
            "SELECT remote_id FROM synced_records WHERE connection_id = ? AND kind = ?",
        )
        .bind(self.connection_id)
        .bind(kind)
        .fetch_all(&self.pool)
        .await?;
        Ok(ids.into_iter().collect())
    }

    /// The ids of the stored records of `kind` without a value for `field`.
    pub async fn ids_without(&self, kind: &str, field: &str) -> sqlx::Result<HashSet<String>> {
        let ids: Vec<String> = sqlx::query_scalar(
            "SELECT remote_id FROM synced_records WHERE connection_id = ? AND kind = ?
             AND json_extract(data, ?) IS NULL",
        )
        .bind(self.connection_id)
        .bind(kind)
        .bind(path(field))
        .fetch_all(&self.pool)
        .await?;
        Ok(ids.into_iter().collect())
    }

    /// The largest `field` of the records of `kind` (as text: ISO times compare so).
    pub async fn newest(&self, kind: &str, field: &str) -> sqlx::Result<Option<String>> {
        sqlx::query_scalar(
            "SELECT MAX(json_extract(data, ?1)) FROM synced_records
             WHERE connection_id = ?2 AND kind = ?3",
        )
        .bind(path(field))
        .bind(self.connection_id)
        .bind(kind)
        .fetch_one(&self.pool)
        .await
    }

    /// The largest `field` per value of `group` among the records of `kind`.
    pub async fn newest_by(
        &self,
        kind: &str,
        group: &str,
        field: &str,
    ) -> sqlx::Result<HashMap<String, String>> {
        let rows: Vec<(Option<String>, Option<String>)> = sqlx::query_as(
            "SELECT json_extract(data, ?1), MAX(json_extract(data, ?2)) FROM synced_records
             WHERE connection_id = ?3 AND kind = ?4 GROUP BY 1",
        )
        .bind(path(group))
        .bind(path(field))
        .bind(self.connection_id)
        .bind(kind)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .into_iter()
            .filter_map(|(group, newest)| Some((group?, newest?)))
            .collect())
    }

    /// `field` of each stored record of `kind` that has it, by id.
    pub async fn texts(&self, kind: &str, field: &str) -> sqlx::Result<HashMap<String, String>> {
        let rows: Vec<(String, Option<String>)> = sqlx::query_as(
            "SELECT remote_id, json_extract(data, ?) FROM synced_records
             WHERE connection_id = ? AND kind = ?",
        )
        .bind(path(field))
        .bind(self.connection_id)
        .bind(kind)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .into_iter()
            .filter_map(|(id, value)| Some((id, value?)))
            .collect())
    }
}
