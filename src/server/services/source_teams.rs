//! Which of its token's Better Stack teams a connection reads, and changing that.

use std::time::Duration;

use crate::{
    domain::{token_reach::TeamChoice, FieldErrors},
    error::AppError,
    server::{
        auth::SignedInUser,
        infra::db,
        repo::{connections, credentials},
        state::AppState,
        sync::{self, Trigger},
    },
};

use super::{
    connection_access::for_change,
    history::{self, Event},
};
use crate::wire::args::connection_changes::SourceTeamsArgs;

/// How long a re-pull waits for a sync of the old choice to stop before it gives up (the
/// scheduler then runs it, complete, as the old choice's pull is not kept).
const REPULL_PATIENCE: Duration = Duration::from_secs(60);

/// Reads only the teams ticked (`scope` `only`) or all of them (`all`): checked against what
/// the token reaches, recorded in History, and pulled again completely right away.
pub async fn change(
    state: &AppState,
    user: &SignedInUser,
    args: &SourceTeamsArgs,
) -> Result<(), AppError> {
    let row = for_change(state, user, &args.connection, "change the teams it reads").await?;
    let reach = credentials::find(&state.pool, row.credential_id)
        .await?
        .and_then(|credential| credential.reach_detail())
        .filter(|reach| reach.offers_team_choice())
        .ok_or_else(|| {
            invalid(
                "This connection's token reaches one Better Stack team: there is nothing to \
                 choose. Test the token if its teams changed.",
            )
        })?;
    let choice =
        TeamChoice::parse(args.team_scope, &args.source_teams, &reach.teams).map_err(invalid)?;
    let before = row.team_choice();
    if choice == before {
        return Ok(());
    }
    let mut tx = db::begin_write(&state.pool).await?;
    connections::set_source_teams(&mut *tx, row.id, &choice).await?;
    let event = Event::TeamsChanged {
        from: before.words(),
        to: choice.words(),
    };
    history::record(&mut tx, row.id, user.id, &event).await?;
    tx.commit().await?;
    tracing::info!(connection_id = row.id, "teams to read changed");
    // A sync of the old choice is not kept (its teams differ at the end); it stops at its
    // next page and the new pull starts as soon as it has.
    state.syncs.stop_connection(row.id);
    let state = state.clone();
    tokio::spawn(async move {
        let started = tokio::time::Instant::now();
        while !sync::spawn(&state, row.id, Trigger::Manual).await {
            if started.elapsed() > REPULL_PATIENCE || state.syncs.is_stopping() {
                return;
            }
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
    });
    Ok(())
}

fn invalid(message: impl Into<String>) -> AppError {
    let errors = FieldErrors::one("team_scope", message);
    AppError::Invalid(errors)
}
