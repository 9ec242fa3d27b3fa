//! Download CSV / Download JSON of the records of each kind a connection pulls, for anyone
//! who can see the connection. Plain GET routes, so they work as links with or without
//! JavaScript. The columns are the kind's fields, after the record's id.

use std::borrow::Cow;

use axum::{
    extract::{Path, State},
    http::{header, StatusCode},
    response::{IntoResponse, Response},
};
use serde_json::{Map, Value};

use crate::server::{
    auth::AuthSession,
    repo::synced_views::{self, Selection},
    services::connection_access::visible,
    state::AppState,
};
use crate::{domain::record_kinds::RecordKind, error::AppError};

/// `GET /connections/{source}/{id}/{kind}.{csv|json}`
pub async fn download(
    State(state): State<AppState>,
    auth: AuthSession,
    Path((source, id, file)): Path<(String, i64, String)>,
) -> Response {
    let Some(user) = auth.user else {
        return (StatusCode::UNAUTHORIZED, "Sign in to download.").into_response();
    };
    let Some((kind, format)) = file.split_once('.') else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let connection = match visible(&state, &user, &source, id).await {
        Ok(connection) => connection,
        Err(AppError::NotFound) => return StatusCode::NOT_FOUND.into_response(),
        Err(_) => return StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    };
    let Ok(kind) = state.connectors.kind(&connection.source, kind) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let kind_key = kind.key;
    let table = match read(&state, connection.id, kind).await {
        Ok(table) => table,
        Err(e) => {
            tracing::error!("cannot read pulled data for a download: {e}");
            return StatusCode::INTERNAL_SERVER_ERROR.into_response();
        }
    };
    let (body, content_type) = match format {
        "csv" => (table.csv(), "text/csv; charset=utf-8"),
        "json" => (table.json(), "application/json"),
        _ => return StatusCode::NOT_FOUND.into_response(),
    };
    let filename = format!("{}-{kind_key}.{format}", slug(&connection.name));
    (
        [
            (header::CONTENT_TYPE, content_type.to_owned()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{filename}\""),
            ),
            (header::CACHE_CONTROL, "no-store".to_owned()),
        ],
        body,
    )
        .into_response()
}

/// Column names and rows of values.
struct Table {
    kind: &'static RecordKind,
    rows: Vec<(String, Map<String, Value>)>,
}

/// Every record of `kind`, in its table's default order.
async fn read(
    state: &AppState,
    connection_id: i64,
    kind: &'static RecordKind,
) -> sqlx::Result<Table> {
    let (sort, descending) = kind.sort("", None);
    let selection = Selection {
        kind,
        sort,
        descending,
        filter: "",
    };
    let rows = synced_views::page(&state.pool, connection_id, &selection, i64::MAX, 0).await?;
    Ok(Table {
        kind,
        rows: rows.into_iter().map(|r| (r.id, r.fields)).collect(),
    })
}

impl Table {
    fn columns(&self) -> impl Iterator<Item = &'static str> {
        std::iter::once("id").chain(self.kind.fields.iter().map(|field| field.key))
    }

    fn csv(&self) -> String {
        let mut writer = csv::WriterBuilder::new()
            .terminator(csv::Terminator::CRLF)
            .from_writer(Vec::new());
        let written = writer.write_record(self.columns()).and_then(|()| {
            self.rows.iter().try_for_each(|(id, fields)| {
                let cells = std::iter::once(defused(id).into_owned()).chain(
                    self.kind.fields.iter().map(|field| {
                        let value = fields.get(field.key).unwrap_or(&Value::Null);
                        defused(&field.format.cell(value)).into_owned()
                    }),
                );
                writer.write_record(cells)
            })
        });
        written.expect("writing CSV into memory cannot fail");
        let bytes = writer.into_inner().expect("an in-memory writer flushes");
        String::from_utf8(bytes).expect("CSV of UTF-8 text is UTF-8")
    }

    fn json(&self) -> String {
        let rows: Vec<Value> = self
            .rows
            .iter()
            .map(|(id, fields)| {
                let mut object = Map::new();
                object.insert("id".into(), Value::String(id.clone()));
                for field in self.kind.fields {
                    let value = fields.get(field.key).cloned().unwrap_or(Value::Null);
                    object.insert(field.key.into(), value);
                }
                Value::Object(object)
            })
            .collect();
        serde_json::to_string_pretty(&rows).expect("JSON values serialize")
    }
}

/// A cell a spreadsheet would read as a formula (`=`, `+`, `-`, `@`, or a leading tab or
/// carriage return) gets a leading `'`, so it is shown as text instead.
fn defused(value: &str) -> Cow<'_, str> {
    if value.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        Cow::Owned(format!("'{value}"))
    } else {
        Cow::Borrowed(value)
    }
}

/// A file name from a connection name: letters, digits and dashes.
fn slug(name: &str) -> String {
    let slug: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect::<String>()
        .split('-')
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    if slug.is_empty() {
        "connection".to_owned()
    } else {
        slug
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One CSV field as the download writes it.
    fn csv_cell(value: &str) -> String {
        let mut writer = csv::Writer::from_writer(Vec::new());
        writer.write_record([defused(value).as_ref()]).unwrap();
        let line = String::from_utf8(writer.into_inner().unwrap()).unwrap();
        line.trim_end_matches('\n').to_owned()
    }

    #[test]
    fn csv_fields_are_quoted_when_needed_and_formulas_are_defused() {
        assert_eq!(csv_cell("plain"), "plain");
        assert_eq!(csv_cell("a,b"), "\"a,b\"");
        assert_eq!(csv_cell("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_cell("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(csv_cell("-1"), "'-1");
    }

    #[test]
    fn file_names_are_safe() {
        assert_eq!(slug("Production uptime!"), "production-uptime");
        assert_eq!(slug("../../etc"), "etc");
        assert_eq!(slug("ß"), "connection");
    }
}
