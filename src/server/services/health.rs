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
    wire::{moment::Moment, overview::HealthBadge},
};

/// The connection's health and when its last sync finished.
pub async fn health_of(
    state: &AppState,
    row: &ConnectionRow,
) -> sqlx::Result<(HealthBadge, Option<Moment>)> {
    let last = sync_runs::latest_finished(&state.pool, row.id)
        .await?
        .map(|run| (run.outcome, run.finished_at.unwrap_or(run.started_at)));
    let badge = badge(state, row, last).await?;
    Ok((badge, last.map(|(_, finished)| moment(finished))))
}

/// The connection's health, given its latest finished run: how it ended and when.
pub async fn badge(
    state: &AppState,
    row: &ConnectionRow,
    last_run: Option<(RunOutcome, i64)>,
) -> sqlx::Result<HealthBadge> {
    let health = Health::of(HealthFacts {
        token_rejected: row.token_rejected_since.is_some(),
        last_sync_worked: last_run
            .filter(|(outcome, _)| *outcome != RunOutcome::Stopped)
            .map(|(outcome, _)| outcome == RunOutcome::Ok),
        syncing: state.syncs.progress(row.id).is_some(),
        rate_limited: row.waiting_until(clock::now()).is_some(),
    });
    let since = match (health, row.token_rejected_since) {
        (Health::Failing, Some(since)) => Some(since),
        (Health::Failing, None) => sync_runs::failing_since(&state.pool, row.id).await?,
        _ => None,
    };
    Ok(HealthBadge {
        health,
        since: since.map(moment),
    })
}
