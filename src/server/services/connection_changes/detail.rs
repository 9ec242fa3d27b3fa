//! A connection's page: the connection, what the viewer may do with it, a page of its History.

use std::sync::Arc;

use crate::{
    error::AppError,
    server::{
        auth::SignedInUser,
        services::{
            connection_access::{can_manage, can_swap_in_place, shareable_teams, visible},
            connections::facts_of,
            credentials::source,
            health::health_of,
            history,
        },
        state::{AppState, ViewerKey},
    },
    wire::connection_detail::ConnectionDetail,
};

pub async fn detail(
    state: &AppState,
    user: &SignedInUser,
    source_id: &str,
    id: i64,
    history_page: i64,
) -> Result<Arc<ConnectionDetail>, AppError> {
    // Keyed by the catalog's own id: no copy of the request's text on every read.
    let key = (
        ViewerKey::of(user),
        source(state, source_id)?.id,
        id,
        history_page,
    );
    let (state_now, user_now, source_id) = (state.clone(), user.clone(), source_id.to_owned());
    let load = async move {
        load_detail(&state_now, &user_now, &source_id, id, history_page)
            .await
            .map(Arc::new)
    };
    state.connection_pages.get_or_load_aside(key, load).await
}

async fn load_detail(
    state: &AppState,
    user: &SignedInUser,
    source_id: &str,
    id: i64,
    history_page: i64,
) -> Result<ConnectionDetail, AppError> {
    let row = visible(state, user, source_id, id).await?;
    let can_manage = can_manage(state, user, row.stewardship()).await?;
    let can_swap_in_place = can_manage && can_swap_in_place(state, user, &row).await?;
    let history = history::page(&state.pool, row.id, history_page).await?;
    let (health, last_sync) = health_of(state, &row).await?;
    Ok(ConnectionDetail {
        health,
        last_sync,
        can_manage,
        can_swap_in_place,
        team_id: row.team_id,
        teams: if can_manage {
            shareable_teams(state, user).await?
        } else {
            Vec::new()
        },
        history: history.entries,
        history_page: history.page,
        history_pages: history.pages,
        history_total: history.total,
        facts: facts_of(state, row).await?,
    })
}
