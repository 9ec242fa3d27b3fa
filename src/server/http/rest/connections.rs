//! Sources, connections, their sync and their records, as the pages show them.

use axum::{
    extract::{rejection::JsonRejection, Path, Query, State},
    http::StatusCode,
    Json,
};
use serde::Deserialize;

use super::{caller::Caller, problem::Problem};
use crate::{
    domain::{catalog::CATALOG, data_tables::SortDir},
    error::AppError,
    server::{
        services::{connection_changes, connections, data},
        state::AppState,
    },
    wire::{
        args::{data::RecordsArgs, ConnectionRef},
        connection_detail::{CheckReport, ConnectionDetail},
        connections::{SourceConnections, SourceSummary},
        data::{DataTable, SyncStatus},
    },
};

type Answer<T> = Result<Json<T>, Problem>;

pub async fn sources(State(state): State<AppState>, caller: Caller) -> Answer<Vec<SourceSummary>> {
    Ok(Json(connections::sources(&state, &caller.user).await?))
}

#[derive(Deserialize)]
pub struct ListQuery {
    /// The source whose connections are listed; the catalog's first when left out.
    source: Option<String>,
    page: Option<i64>,
}

/// A page of 50 connections of one source that the caller may see, by name.
pub async fn list(
    State(state): State<AppState>,
    caller: Caller,
    Query(query): Query<ListQuery>,
) -> Answer<SourceConnections> {
    let source = query.source.unwrap_or_else(|| CATALOG[0].id.to_owned());
    let page = query.page.unwrap_or(1);
    Ok(Json(
        connections::list(&state, &caller.user, &source, page).await?,
    ))
}

#[derive(Deserialize)]
pub struct DetailQuery {
    history_page: Option<i64>,
}

/// One connection with a page of its History, newest first.
pub async fn get_one(
    State(state): State<AppState>,
    caller: Caller,
    Path((source, id)): Path<(String, i64)>,
    Query(query): Query<DetailQuery>,
) -> Answer<ConnectionDetail> {
    let page = query.history_page.unwrap_or(1);
    Ok(Json(
        connection_changes::detail(&state, &caller.user, &source, id, page).await?,
    ))
}

#[derive(Deserialize)]
pub struct Rename {
    name: String,
}

/// Renames the connection (a Manage key); answers the connection as it now is.
pub async fn rename(
    State(state): State<AppState>,
    caller: Caller,
    Path((source, id)): Path<(String, i64)>,
    body: Result<Json<Rename>, JsonRejection>,
) -> Answer<ConnectionDetail> {
    let user = caller.may_change()?;
    let Json(body) = body.map_err(|_| Problem(AppError::BadRequest))?;
    let connection = ConnectionRef { source, id };
    connection_changes::rename(&state, user, &connection, &body.name).await?;
    Ok(Json(
        connection_changes::detail(&state, user, &connection.source, id, 1).await?,
    ))
}

/// Test now: checks the connection's token with its source (a Manage key).
pub async fn test(
    State(state): State<AppState>,
    caller: Caller,
    Path((source, id)): Path<(String, i64)>,
) -> Answer<CheckReport> {
    let user = caller.may_change()?;
    Ok(Json(
        connection_changes::test(&state, user, &ConnectionRef { source, id }).await?,
    ))
}

/// The last sync, a sync under way, and how many records of each kind.
pub async fn sync_status(
    State(state): State<AppState>,
    caller: Caller,
    Path((source, id)): Path<(String, i64)>,
) -> Answer<SyncStatus> {
    Ok(Json(
        data::status(&state, &caller.user, &ConnectionRef { source, id }).await?,
    ))
}

/// Starts a sync (a Manage key): 202, and its progress at the sync address.
pub async fn sync_start(
    State(state): State<AppState>,
    caller: Caller,
    Path((source, id)): Path<(String, i64)>,
) -> Result<(StatusCode, Json<SyncStatus>), Problem> {
    let user = caller.may_change()?;
    let connection = ConnectionRef { source, id };
    data::sync_now(&state, user, &connection).await?;
    Ok((
        StatusCode::ACCEPTED,
        Json(data::status(&state, user, &connection).await?),
    ))
}

#[derive(Deserialize)]
pub struct RecordsQuery {
    #[serde(default)]
    sort: String,
    dir: Option<SortDir>,
    #[serde(default)]
    filter: String,
    page: Option<i64>,
}

/// A page of 50 records of one kind, filtered and sorted as the Data table is.
pub async fn records(
    State(state): State<AppState>,
    caller: Caller,
    Path((source, id, kind)): Path<(String, i64, String)>,
    Query(query): Query<RecordsQuery>,
) -> Answer<DataTable> {
    let args = RecordsArgs {
        connection: ConnectionRef { source, id },
        kind,
        sort: query.sort,
        dir: query.dir,
        filter: query.filter,
        page: query.page.unwrap_or(1),
    };
    Ok(Json(data::records(&state, &caller.user, &args).await?))
}
