//! Pruning on a schedule: sessions that have expired, and sign-in attempts too old to count.
//! Neither is ever read again, and both are written by anonymous requests: left alone, they
//! would grow without bound.

use std::time::Duration;

use tower_sessions::ExpiredDeletion;
use tower_sessions_sqlx_store::SqliteStore;

use crate::{
    error::AppError,
    server::{
        auth::sign_in_limit,
        infra::clock,
        repo::{sessions, sign_in_attempts},
        state::AppState,
    },
};

const EVERY: Duration = Duration::from_secs(60 * 60);

/// What one round removed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pruned {
    pub sessions: u64,
    pub sign_in_attempts: u64,
}

/// Removes expired sessions (and what linked them to their users) and sign-in attempts older
/// than the sign-in window.
pub async fn prune_once(state: &AppState) -> Result<Pruned, AppError> {
    SqliteStore::new(state.pool.clone())
        .delete_expired()
        .await
        .map_err(AppError::internal)?;
    let sessions = sessions::prune(&state.pool).await?;
    let before = clock::now() - sign_in_limit::WINDOW;
    let sign_in_attempts = sign_in_attempts::prune(&state.pool, before).await?;
    Ok(Pruned {
        sessions,
        sign_in_attempts,
    })
}

/// Prunes once an hour, from start-up until the server stops.
pub async fn run(state: AppState) {
    let mut ticks = tokio::time::interval(EVERY);
    ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        ticks.tick().await;
        match prune_once(&state).await {
            Ok(pruned) => tracing::debug!(?pruned, "pruned"),
            Err(_) => tracing::warn!("pruning did not finish; it runs again in an hour"),
        }
    }
}
