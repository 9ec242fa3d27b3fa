//! Reading pulled records for the Data tables and downloads: filtered, sorted, a page at a
//! time. Sorting and filtering read the fields the kind describes, by JSON path (bound).

use serde_json::{Map, Value};
use sqlx::{sqlite::SqliteArguments, Arguments, SqliteExecutor};

use crate::domain::record_kinds::{Field, RecordKind};

/// A stored record: its id at the source and its fields.
pub struct StoredRecord {
    pub id: String,
    pub fields: Map<String, Value>,
}

/// How a table is read: which records match, in which order.
pub struct Selection<'a> {
    pub kind: &'static RecordKind,
    pub sort: &'static Field,
    pub descending: bool,
    /// Text the searched fields must contain (any case); empty for every record.
    pub filter: &'a str,
}

/// `%filter%` for LIKE, with the filter's own wildcards taken literally.
fn like(filter: &str) -> String {
    let escaped = filter
        .trim()
        .replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_");
    format!("%{escaped}%")
}

/// The WHERE clause and its arguments: the connection and kind, and the filter over the
/// searched fields. Field keys are bound as JSON paths, never written into the SQL.
fn matching(selection: &Selection<'_>, connection_id: i64) -> (String, SqliteArguments<'static>) {
    let mut arguments = SqliteArguments::default();
    arguments.add(connection_id).expect("an integer binds");
    let mut add = |value: String| arguments.add(value).expect("text binds");
    let mut sql = "connection_id = ? AND kind = ?".to_owned();
    add(selection.kind.key.to_owned());
    let searched: Vec<&Field> = selection
        .kind
        .fields
        .iter()
        .filter(|f| f.searched)
        .collect();
    if !selection.filter.trim().is_empty() && !searched.is_empty() {
        let pattern = like(selection.filter);
        let any: Vec<&str> = searched
            .iter()
            .map(|field| {
                add(format!("$.{}", field.key));
                add(pattern.clone());
                "json_extract(data, ?) LIKE ? ESCAPE '\\'"
            })
            .collect();
        sql.push_str(&format!(" AND ({})", any.join(" OR ")));
    }
    (sql, arguments)
}

/// A page of the selection: empty values last, ties by remote id so pages never overlap.
pub async fn page<'e>(
    db: impl SqliteExecutor<'e>,
    connection_id: i64,
    selection: &Selection<'_>,
    limit: i64,
    offset: i64,
) -> sqlx::Result<Vec<StoredRecord>> {
    let (matching, mut arguments) = matching(selection, connection_id);
    let direction = if selection.descending { "DESC" } else { "ASC" };
    let sort = format!("$.{}", selection.sort.key);
    arguments.add(sort.clone()).map_err(sqlx::Error::Encode)?;
    arguments.add(sort).map_err(sqlx::Error::Encode)?;
    arguments.add(limit).map_err(sqlx::Error::Encode)?;
    arguments.add(offset).map_err(sqlx::Error::Encode)?;
    let rows: Vec<(String, String)> = sqlx::query_as_with(
        &format!(
            "SELECT remote_id, data FROM synced_records WHERE {matching}
             ORDER BY json_extract(data, ?) IS NULL, json_extract(data, ?) COLLATE natural_order {direction},
                 remote_id
             LIMIT ? OFFSET ?"
        ),
        arguments,
    )
    .fetch_all(db)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(id, data)| StoredRecord {
            id,
            fields: match serde_json::from_str(&data) {
                Ok(Value::Object(fields)) => fields,
                _ => Map::new(),
            },
        })
        .collect())
}

/// How many records the selection matches.
pub async fn count<'e>(
    db: impl SqliteExecutor<'e>,
    connection_id: i64,
    selection: &Selection<'_>,
) -> sqlx::Result<i64> {
    let (matching, arguments) = matching(selection, connection_id);
    sqlx::query_scalar_with(
        &format!("SELECT COUNT(*) FROM synced_records WHERE {matching}"),
        arguments,
    )
    .fetch_one(db)
    .await
}
