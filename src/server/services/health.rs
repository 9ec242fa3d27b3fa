//! A connection's health, as its page's badge and the dashboard show it.

use crate::{
    domain::health::{Health, HealthFacts},
    server::{
        infra::clock,
        repo::{
            connections::ConnectionRow,
            sync_runs::{self, RunOutcome},
        },
        services::moments::moment,
        state::AppState,
    },
    wire::overview::{HealthBadge, Moment},
};

/// The connection's health and its last finished sync.
pub async fn health_of(
    state: &AppState,
    row: &ConnectionRow,
) -> sqlx::Result<(HealthBadge, Option<Moment>)> {
    let last = sync_runs::latest_finished(&state.pool, row.id).await?;
    let last_sync_worked = last
        .as_ref()
        .filter(|run| run.outcome != RunOutcome::Stopped)
        .map(|run| run.outcome == RunOutcome::Ok);
    let health = Health::of(HealthFacts {
        token_rejected: row.token_rejected_since.is_some(),
        last_sync_worked,
        syncing: state.syncs.progress(row.id).is_some(),
        rate_limited: row.waiting_until(clock::now()).is_some(),
    });
    let since = match (health, row.token_rejected_since) {
        (Health::Failing, Some(since)) => Some(since),
        (Health::Failing, None) => sync_runs::failing_since(&state.pool, row.id).await?,
        _ => None,
    };
    let badge = HealthBadge {
        health,
        since: since.map(moment),
    };
    let finished = last.map(|run| moment(run.finished_at.unwrap_or(run.started_at)));
    Ok((badge, finished))
}
