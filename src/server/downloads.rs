//! Download CSV / Download JSON of a connection's monitors and incidents, for anyone who can
//! see the connection. Plain GET routes, so they work as links with or without JavaScript.

use axum::{
    extract::{Path, State},
    http::{header, StatusCode},
    response::{IntoResponse, Response},
};
use serde_json::json;

use super::{
    auth::AuthSession, repo::synced_views, services::connection_access::visible, state::AppState,
};
use crate::{
    domain::data_tables::{IncidentColumn, MonitorColumn},
    error::AppError,
};

/// `GET /connections/{source}/{id}/{monitors|incidents}.{csv|json}`
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
    let table = match kind {
        "monitors" => monitors(&state, connection.id).await,
        "incidents" => incidents(&state, connection.id).await,
        _ => return StatusCode::NOT_FOUND.into_response(),
    };
    let table = match table {
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
    let filename = format!("{}-{kind}.{format}", slug(&connection.name));
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

/// Column names and rows, all text.
struct Table {
    columns: &'static [&'static str],
    rows: Vec<Vec<Option<String>>>,
}

async fn monitors(state: &AppState, connection_id: i64) -> sqlx::Result<Table> {
    let rows = synced_views::monitors(
        &state.pool,
        connection_id,
        MonitorColumn::Name,
        false,
        "",
        i64::MAX,
        0,
    )
    .await?;
    Ok(Table {
        columns: &[
            "id",
            "name",
            "url",
            "type",
            "status",
            "check_frequency_seconds",
            "last_checked_at",
        ],
        rows: rows
            .into_iter()
            .map(|m| {
                vec![
                    Some(m.remote_id),
                    m.name,
                    m.url,
                    m.monitor_type,
                    m.status,
                    m.check_frequency.map(|s| s.to_string()),
                    m.last_checked_at,
                ]
            })
            .collect(),
    })
}

async fn incidents(state: &AppState, connection_id: i64) -> sqlx::Result<Table> {
    let rows = synced_views::incidents(
        &state.pool,
        connection_id,
        IncidentColumn::Started,
        true,
        "",
        i64::MAX,
        0,
    )
    .await?;
    Ok(Table {
        columns: &["id", "name", "cause", "status", "started_at", "resolved_at"],
        rows: rows
            .into_iter()
            .map(|i| {
                vec![
                    Some(i.remote_id),
                    i.name,
                    i.cause,
                    i.status,
                    i.started_at,
                    i.resolved_at,
                ]
            })
            .collect(),
    })
}

impl Table {
    fn csv(&self) -> String {
        let mut out = self.columns.join(",");
        out.push_str("\r\n");
        for row in &self.rows {
            let cells: Vec<String> = row
                .iter()
                .map(|cell| csv_cell(cell.as_deref().unwrap_or_default()))
                .collect();
            out.push_str(&cells.join(","));
            out.push_str("\r\n");
        }
        out
    }

    fn json(&self) -> String {
        let rows: Vec<serde_json::Value> = self
            .rows
            .iter()
            .map(|row| {
                let object: serde_json::Map<String, serde_json::Value> = self
                    .columns
                    .iter()
                    .zip(row)
                    .map(|(column, cell)| ((*column).to_owned(), json!(cell)))
                    .collect();
                serde_json::Value::Object(object)
            })
            .collect();
        serde_json::to_string_pretty(&rows).expect("JSON values serialize")
    }
}

/// One CSV field: quoted when needed, and never read as a formula by a spreadsheet.
fn csv_cell(value: &str) -> String {
    let value = if value.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{value}")
    } else {
        value.to_owned()
    };
    if value.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value
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
