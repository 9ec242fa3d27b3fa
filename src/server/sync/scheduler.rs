//! Syncing on a schedule: every `PLUGBOARD_SYNC_INTERVAL`, each connection once.

use std::time::Duration;

use crate::server::{infra::clock, repo::sync_runs, state::AppState};

use super::{run::spawn, Trigger};

/// Starts the syncs that are due: connections whose last sync started an interval ago or more.
/// Returns how many were started.
pub async fn start_due(state: &AppState) -> usize {
    let interval = state.sync_interval.as_secs() as i64;
    let now = clock::now();
    match sync_runs::due(&state.pool, now - interval, now).await {
        Ok(due) => {
            let mut started = 0;
            for id in due {
                if spawn(state, id, Trigger::Schedule).await {
                    started += 1;
                }
            }
            started
        }
        Err(e) => {
            tracing::error!("cannot find the connections due for a sync: {e}");
            0
        }
    }
}

/// Runs until the server stops, looking for due syncs every minute (or every interval, if
/// that is shorter).
pub async fn run(state: AppState) {
    let period = state.sync_interval.min(Duration::from_secs(60));
    let mut ticks = tokio::time::interval(period);
    ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        ticks.tick().await;
        if state.syncs.is_stopping() {
            return;
        }
        let started = start_due(&state).await;
        if started > 0 {
            tracing::info!(started, "scheduled syncs started");
        }
    }
}
