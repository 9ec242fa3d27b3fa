//! What the viewer can see of connections: the catalog's counts, a source's connections page,
//! and one connection's facts.

use std::collections::HashMap;

use crate::{
    domain::{
        api_token::fingerprint,
        catalog::{SourceDefinition, CATALOG},
        connection_filter::ConnectionFilter,
        data_tables::{page_count, page_offset, ROWS_PER_PAGE},
    },
    error::AppError,
    server::{
        auth::SignedInUser,
        infra::clock,
        repo::{
            connections::{self, ConnectionRow},
            credentials,
        },
        services::{
            credentials::{source, tile},
            moments::moment,
        },
        state::{AppState, ViewerKey},
    },
    wire::connections::{ConnectionFacts, ConnectionSummary, SourceConnections, SourceSummary},
};

/// The catalog with the number of connections `user` can see per source.
pub async fn sources(
    state: &AppState,
    user: &SignedInUser,
) -> Result<Vec<SourceSummary>, AppError> {
    let counts: HashMap<String, i64> = connections::count_visible_by_source(&state.pool, user.id)
        .await?
        .into_iter()
        .collect();
    Ok(CATALOG
        .iter()
        .map(|source| SourceSummary {
            id: source.id.to_owned(),
            name: source.name.to_owned(),
            description: source.description.to_owned(),
            connections: counts.get(source.id).copied().unwrap_or(0),
        })
        .collect())
}
fn summary(row: ConnectionRow) -> Result<ConnectionSummary, AppError> {
    let status = row.check_status;
    let waiting = row.waiting_until(clock::now()).is_some();
    let status_text = match row.token_rejected_since {
        Some(_) => "Failing — token rejected since",
        None if waiting => "Waiting for Better Stack (rate limited)",
        None => status.label(),
    };
    Ok(ConnectionSummary {
        privacy: row.privacy,
        status,
        status_text: status_text.to_owned(),
        since: row.token_rejected_since.map(moment),
        fingerprint: fingerprint(&row.secret_last_four),
        id: row.id,
        name: row.name,
        owner: row.owner_name,
        team_name: row.team_name,
    })
}

/// Page `page` of the connections of a source that `user` may see and `filter` keeps.
pub async fn list(
    state: &AppState,
    user: &SignedInUser,
    source_id: &str,
    filter: &ConnectionFilter,
    page: i64,
) -> Result<SourceConnections, AppError> {
    let source = source(state, source_id)?;
    let key = (ViewerKey::of(user), source.id, filter.clone(), page);
    let load = load_list(state, user, source, filter, page);
    state.connection_lists.get_or_load(key, load).await
}

async fn load_list(
    state: &AppState,
    user: &SignedInUser,
    source: &SourceDefinition,
    filter: &ConnectionFilter,
    page: i64,
) -> Result<SourceConnections, AppError> {
    let total = connections::count_visible(&state.pool, user.id, source.id, filter).await?;
    // A page past the end shows the last one: a bookmark outlives deletions.
    let page = page.clamp(1, page_count(total));
    let rows = connections::list_visible(
        &state.pool,
        user.id,
        source.id,
        filter,
        ROWS_PER_PAGE,
        page_offset(page),
    )
    .await?;
    Ok(SourceConnections {
        source_id: source.id.to_owned(),
        source_name: source.name.to_owned(),
        connections: rows
            .into_iter()
            .map(summary)
            .collect::<Result<Vec<_>, _>>()?
            .into(),
        page,
        pages: page_count(total),
        total,
    })
}

/// The facts a connection's page shows, for a connection the caller may see.
pub async fn facts_of(state: &AppState, row: ConnectionRow) -> Result<ConnectionFacts, AppError> {
    let source = source(state, &row.source)?;
    // Seeing the connection is what allows seeing its credential's public facts.
    let credential = credentials::find(&state.pool, row.credential_id)
        .await?
        .ok_or_else(|| AppError::internal("a connection's credential is missing"))?;
    Ok(ConnectionFacts {
        privacy: row.privacy,
        source_teams: row.team_choice(),
        id: row.id,
        source_id: source.id.to_owned(),
        source_name: source.name.to_owned(),
        name: row.name,
        owner: row.owner_name,
        team_name: row.team_name,
        created: moment(row.created_at),
        credential: tile(credential),
    })
}
