//! One sync of one connection: pull everything, then store it in one transaction.
//!
//! A sync that fails part-way writes no data: what was there stays, and the failure is
//! recorded. A token the source rejects marks the connection failing until a sync works again.

mod store;

use std::sync::atomic::Ordering;

use crate::{
    domain::CheckStatus,
    error::AppError,
    server::{
        connectors::{PullContext, PullError},
        infra::clock,
        infra::db,
        repo::{
            connections::{self, ConnectionRow},
            credentials,
            sync_runs::{self, Finish, Trigger},
            synced::Memory,
        },
        services::credentials::reveal,
        state::AppState,
    },
};

use crate::server::sync::{
    outcome::{SyncEnd, SyncOutcome},
    registry::Claim,
};
use store::{still_uses, store};

/// The longest a connection goes without a complete pull (deletions and open incidents are
/// caught by every sync; what else changed in older incidents, by this one).
const FULL_SYNC_EVERY: i64 = clock::DAY;

/// Starts a sync in the background, unless one of this connection is already running.
/// Returns whether it started. The sync counts as running from the moment this returns, so
/// a caller that then waits for idle syncs waits for this one too.
pub async fn spawn(state: &AppState, connection_id: i64, trigger: Trigger) -> bool {
    match claim(state, connection_id).await {
        Ok((connection, claim)) => {
            let state = state.clone();
            tokio::spawn(async move {
                if let Err(e) = run_claimed(&state, connection, claim, trigger).await {
                    tracing::warn!(connection_id, "sync did not finish: {e}");
                }
            });
            true
        }
        Err(e) => {
            tracing::debug!(connection_id, "sync not started: {e}");
            false
        }
    }
}

/// Syncs `connection_id` now and waits for it.
pub async fn sync_connection(
    state: &AppState,
    connection_id: i64,
    trigger: Trigger,
) -> Result<SyncOutcome, AppError> {
    let (connection, claim) = claim(state, connection_id).await?;
    run_claimed(state, connection, claim, trigger).await
}

/// Marks the connection's sync as running; refused while another one runs.
async fn claim(state: &AppState, connection_id: i64) -> Result<(ConnectionRow, Claim), AppError> {
    let connection = connections::find(&state.pool, connection_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let claim = state
        .syncs
        .claim(connection_id, connection.credential_id)
        .ok_or_else(|| {
            AppError::Conflict("A sync of this connection is already running.".into())
        })?;
    Ok((connection, claim))
}

#[tracing::instrument(skip_all, fields(connection_id = connection.id, trigger = trigger.as_str()))]
async fn run_claimed(
    state: &AppState,
    connection: ConnectionRow,
    claim: Claim,
    trigger: Trigger,
) -> Result<SyncOutcome, AppError> {
    let connection_id = connection.id;
    let _slot = state.syncs.slot().await;
    let run_id = sync_runs::start(&state.pool, connection_id, trigger, clock::now()).await?;
    // Read before the token: if a swap lands in between, the versions differ at the end and
    // the pull is thrown away, never credited to a token it was not made with.
    let token_version = credentials::token_version(&state.pool, connection.credential_id).await?;
    let token = reveal(state, connection.credential_id).await?;
    // Complete at least daily, and first after the token changed; incremental in between.
    let started = clock::now();
    let complete = connection
        .full_sync_at
        .is_none_or(|at| started - at >= FULL_SYNC_EVERY);
    let connector = state.connectors.get(&connection.source)?;
    let memory = Memory::new(state.pool.clone(), connection_id);
    let pace = state.syncs.pace_for(&token);
    let pages = claim.pages.clone();
    let on_page = move || {
        pages.fetch_add(1, Ordering::AcqRel);
    };
    let teams = connection.team_choice();
    let pulled = connector
        .pull(PullContext {
            http: &state.http,
            token: &token,
            pace: &pace,
            stop: &claim.stop,
            on_page: &on_page,
            teams: teams.teams(),
            memory: &memory,
            complete,
        })
        .await;
    let pages = claim.pages.load(Ordering::Acquire);
    let now = clock::now();
    let mut tx = db::begin_write(&state.pool).await?;
    let same_token = still_uses(&mut tx, &connection, token_version.as_deref()).await?;
    // Each arm does what its ending asks of the connection, then says how the sync ended.
    let (ended, rows_changed, message): (SyncEnd, u64, Option<String>) = match pulled {
        // The pull says nothing about the token the connection uses now.
        _ if !same_token => (
            SyncEnd::Stopped,
            0,
            Some(
                "Stopped: the token or the teams to read changed while this sync ran, so what \
                 it pulled was not kept."
                    .to_owned(),
            ),
        ),
        Ok(pulled) => {
            let changed = store(&mut tx, connector.as_ref(), connection_id, &pulled).await?;
            if complete {
                connections::set_full_sync_at(&mut *tx, connection_id, Some(started)).await?;
            }
            connections::set_token_rejected_since(&mut *tx, connection_id, None).await?;
            connections::set_rate_limited_until(&mut *tx, connection_id, None).await?;
            // A complete pull is the best proof the token works.
            credentials::set_check(
                &mut *tx,
                connection.credential_id,
                CheckStatus::Verified,
                Some(now),
                credentials::Reached::Unchanged,
            )
            .await?;
            (SyncEnd::Ok, changed, None)
        }
        Err(PullError::Rejected) => {
            let since = connection.token_rejected_since.unwrap_or(now);
            connections::set_token_rejected_since(&mut *tx, connection_id, Some(since)).await?;
            credentials::set_check(
                &mut *tx,
                connection.credential_id,
                CheckStatus::Rejected,
                Some(now),
                credentials::Reached::Unchanged,
            )
            .await?;
            let message = format!(
                "{} rejected the token (invalid or revoked).",
                connector.source().name
            );
            (SyncEnd::TokenRejected, 0, Some(message))
        }
        Err(PullError::Throttled { wait }) => {
            let until = now + i64::try_from(wait.as_secs()).unwrap_or(i64::MAX / 2).max(1);
            connections::set_rate_limited_until(&mut *tx, connection_id, Some(until)).await?;
            let message = format!(
                "Waiting for {}, which is limiting requests. The next try is at {}.",
                connector.source().name,
                clock::format_utc(until)
            );
            (SyncEnd::RateLimited, 0, Some(message))
        }
        Err(PullError::Stopped) => (
            SyncEnd::Stopped,
            0,
            Some(
                "Stopped before it finished (the server was stopping, or the token was swapped)."
                    .to_owned(),
            ),
        ),
        Err(PullError::NoAccess) => (
            SyncEnd::Failed,
            0,
            Some(format!(
                "The token has no access to what {} reads.",
                connector.source().name
            )),
        ),
        Err(other) => (SyncEnd::Failed, 0, Some(other.to_string())),
    };
    let finished = Finish {
        outcome: ended.recorded(),
        pages: i64::from(pages),
        rows_changed: rows_changed as i64,
        message: message.as_deref(),
        now,
    };
    sync_runs::finish(&mut *tx, run_id, finished).await?;
    let outcome = SyncOutcome::new(ended, pages, rows_changed);
    tx.commit().await?;
    tracing::info!(
        outcome = outcome.outcome.as_str(),
        pages,
        rows_changed = outcome.rows_changed,
        "sync finished"
    );
    Ok(outcome)
}
