//! Who may do what with a connection.
//!
//! See: the owner; the team's members when shared with a team; everyone when shared with the
//! workspace. Manage (rename, swap, test, privacy, delete): the owner; Admins, for what they
//! can see; Team Leads, for connections shared with a team they lead.

use crate::{
    domain::Role,
    error::AppError,
    server::{
        auth::SignedInUser,
        repo::connections::{self, ConnectionRow},
        state::AppState,
    },
};

use super::{
    credentials::source,
    history::{self, Event},
};

pub const MANAGE_REFUSED: &str =
    "You can see this connection but not change it. Its owner, an Admin, \
     or a lead of the team it is shared with can.";

/// The connection if `user` may see it; otherwise exactly what a missing one gives.
pub async fn visible(
    state: &AppState,
    user: &SignedInUser,
    source_id: &str,
    id: i64,
) -> Result<ConnectionRow, AppError> {
    let source = source(source_id)?;
    connections::find_visible(&state.pool, user.id, source.id, id)
        .await?
        .ok_or(AppError::NotFound)
}

/// Whether `user` may change `row` (which they can see).
pub async fn can_manage(
    state: &AppState,
    user: &SignedInUser,
    row: &ConnectionRow,
) -> Result<bool, AppError> {
    if row.owner_id == user.id || user.role == Role::Admin {
        return Ok(true);
    }
    if user.role == Role::TeamLead && row.privacy == "team" {
        if let Some(team_id) = row.team_id {
            return Ok(connections::leads_team(&state.pool, user.id, team_id).await?);
        }
    }
    Ok(false)
}

/// The connection, if `user` may change it. A user who may only see it is refused, and the
/// attempt goes into its History.
pub async fn for_change(
    state: &AppState,
    user: &SignedInUser,
    source_id: &str,
    id: i64,
    action: &str,
) -> Result<ConnectionRow, AppError> {
    let row = visible(state, user, source_id, id).await?;
    if can_manage(state, user, &row).await? {
        return Ok(row);
    }
    history::record(
        &state.pool,
        row.id,
        user.id,
        &Event::Denied {
            action: action.to_owned(),
        },
    )
    .await?;
    tracing::warn!(
        connection_id = row.id,
        user_id = user.id,
        action,
        "refused a change to a connection"
    );
    Err(AppError::Forbidden(MANAGE_REFUSED.into()))
}
