//! Sources, connections, their sync and their records, as the pages show them.

use std::sync::Arc;

use axum::{
    extract::{Path, Query, State},
    http::StatusCode,
    Json,
};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::{
    caller::{Caller, Manager},
    problem::{Problem, Problems},
};
use crate::{
    domain::{
        catalog::CATALOG, connection_filter::ConnectionFilter, data_tables::SortDir, CheckStatus,
        Privacy,
    },
    server::{
        services::{connection_changes, connections, data},
        state::AppState,
    },
    wire::{
        args::{data::RecordsArgs, ConnectionRef},
        connection_detail::{ConnectionDetail, HistoryEntry},
        connections::{SourceConnections, SourceSummary},
        data::{DataTable, SyncStatus},
    },
};

type Answer<T> = Result<Json<T>, Problem>;

#[utoipa::path(get, path = "/sources", tag = "sources",
    responses((status = 200, description = "The sources Plugboard connects, with how many of each source's connections the key's owner sees", body = Vec<SourceSummary>), Problems))]
pub async fn sources(State(state): State<AppState>, caller: Caller) -> Answer<Vec<SourceSummary>> {
    Ok(Json(connections::sources(&state, &caller.user).await?))
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ListQuery {
    /// The source whose connections are listed; the catalog's first when left out.
    source: Option<String>,
    /// Only connections whose name contains this text (ASCII letters in any case).
    name: Option<String>,
    /// Only connections with this privacy.
    privacy: Option<Privacy>,
    /// Only connections whose token's last check said this.
    status: Option<CheckStatus>,
    /// From 1; 50 connections a page.
    page: Option<i64>,
}

/// A page of 50 connections of one source that the caller may see, by name, filtered.
#[utoipa::path(get, path = "/connections", tag = "connections", params(ListQuery),
    responses((status = 200, description = "A page of connections, by name", body = SourceConnections), Problems))]
pub async fn list(
    State(state): State<AppState>,
    caller: Caller,
    Query(query): Query<ListQuery>,
) -> Answer<SourceConnections> {
    let source = query.source.unwrap_or_else(|| CATALOG[0].id.to_owned());
    let page = query.page.unwrap_or(1);
    let filter = ConnectionFilter::new(query.name.as_deref(), query.privacy, query.status);
    Ok(Json(
        connections::list(&state, &caller.user, &source, &filter, page).await?,
    ))
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct DetailQuery {
    /// Which page of History (50 entries, newest first), from 1.
    history_page: Option<i64>,
}

/// One connection with a page of its History, newest first.
#[utoipa::path(get, path = "/connections/{source}/{id}", tag = "connections",
    params(ConnectionRef, DetailQuery),
    responses((status = 200, description = "The connection", body = ConnectionDetail), Problems))]
pub async fn get_one(
    State(state): State<AppState>,
    caller: Caller,
    Path(connection): Path<ConnectionRef>,
    Query(query): Query<DetailQuery>,
) -> Answer<Arc<ConnectionDetail>> {
    let page = query.history_page.unwrap_or(1);
    Ok(Json(
        connection_changes::detail(
            &state,
            &caller.user,
            &connection.source,
            connection.id,
            page,
        )
        .await?,
    ))
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct HistoryQuery {
    /// From 1; 50 entries a page.
    page: Option<i64>,
}

/// A page of what happened to a connection: who changed what, checks, syncs and refusals.
#[derive(Serialize, ToSchema)]
pub struct History {
    /// Newest first.
    entries: Vec<HistoryEntry>,
    page: i64,
    pages: i64,
    total: i64,
}

/// A page of the connection's History, newest first, as its page shows it.
#[utoipa::path(get, path = "/connections/{source}/{id}/history", tag = "connections",
    params(ConnectionRef, HistoryQuery),
    responses((status = 200, description = "A page of History", body = History), Problems))]
pub async fn history(
    State(state): State<AppState>,
    caller: Caller,
    Path(connection): Path<ConnectionRef>,
    Query(query): Query<HistoryQuery>,
) -> Answer<History> {
    let page = query.page.unwrap_or(1);
    let detail = connection_changes::detail(
        &state,
        &caller.user,
        &connection.source,
        connection.id,
        page,
    )
    .await?;
    Ok(Json(History {
        entries: detail.history.clone(),
        page: detail.history_page,
        pages: detail.history_pages,
        total: detail.history_total,
    }))
}

/// The last sync, a sync under way, and how many records of each kind.
#[utoipa::path(get, path = "/connections/{source}/{id}/sync", tag = "sync",
    params(ConnectionRef),
    responses((status = 200, description = "The connection's sync", body = SyncStatus), Problems))]
pub async fn sync_status(
    State(state): State<AppState>,
    caller: Caller,
    Path(connection): Path<ConnectionRef>,
) -> Answer<SyncStatus> {
    Ok(Json(data::status(&state, &caller.user, &connection).await?))
}

/// Starts a sync (a Manage key): 202, and its progress at the sync address.
#[utoipa::path(post, path = "/connections/{source}/{id}/sync", tag = "sync",
    params(ConnectionRef),
    responses((status = 202, description = "The sync started", body = SyncStatus), Problems))]
pub async fn sync_start(
    State(state): State<AppState>,
    Manager(user): Manager,
    Path(connection): Path<ConnectionRef>,
) -> Result<(StatusCode, Json<SyncStatus>), Problem> {
    data::sync_now(&state, &user, &connection).await?;
    Ok((
        StatusCode::ACCEPTED,
        Json(data::status(&state, &user, &connection).await?),
    ))
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct RecordsQuery {
    /// A field of the kind to sort by; its default when left out or unknown.
    #[serde(default)]
    sort: String,
    dir: Option<SortDir>,
    /// Text the kind's searched fields contain.
    #[serde(default)]
    filter: String,
    /// From 1; 50 records a page.
    page: Option<i64>,
}

/// A page of 50 records of one kind, filtered and sorted as the Data table is.
#[utoipa::path(get, path = "/connections/{source}/{id}/records/{kind}", tag = "records",
    params(ConnectionRef,
        ("kind" = String, Path, description = "A kind of record the source pulls, e.g. monitors or incidents"), RecordsQuery),
    responses((status = 200, description = "A page of records", body = DataTable), Problems))]
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
