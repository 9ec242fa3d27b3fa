//! Who may do what with a connection.
//!
//! See: the owner; the team's members when shared with a team; everyone when shared with the
//! workspace. Manage (rename, swap, test, privacy, delete): the owner; Admins, for what they
//! can see; Team Leads, for connections shared with a team they lead.

use crate::{
    domain::{Privacy, Role},
    error::AppError,
    server::{
        auth::SignedInUser,
        infra::db,
        repo::{
            connections::{self, ConnectionRow, Stewardship},
            teams,
        },
        state::AppState,
    },
    wire::members::TeamRef,
};

use super::{
    credentials::source,
    history::{self, Event},
};
use crate::wire::args::ConnectionRef;

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
    let source = source(state, source_id)?;
    connections::find_visible(&state.pool, user.id, source.id, id)
        .await?
        .ok_or(AppError::NotFound)
}

/// Whether `user` may change a connection (which they can see) owned and shared as
/// `connection` is.
pub async fn can_manage(
    state: &AppState,
    user: &SignedInUser,
    connection: Stewardship,
) -> Result<bool, AppError> {
    if connection.owner_id == user.id || user.role == Role::Admin {
        return Ok(true);
    }
    if user.role == Role::TeamLead && connection.privacy == Privacy::Team {
        if let Some(team_id) = connection.team_id {
            return Ok(connections::leads_team(&state.pool, user.id, team_id).await?);
        }
    }
    Ok(false)
}

pub const SWAP_IN_PLACE_REFUSED: &str =
    "This token's credential is also used by connections you cannot manage, and swapping it \
     would change them too. Use a new credential for this connection only.";

/// Whether `user` may manage every connection that uses `row`'s credential (which they may
/// manage): only then may a swap replace the credential's token in place. In practice the
/// credential's owner, or an Admin who can see every connection on it.
pub async fn can_swap_in_place(
    state: &AppState,
    user: &SignedInUser,
    row: &ConnectionRow,
) -> Result<bool, AppError> {
    let others =
        connections::others_on_credential(&state.pool, user.id, row.credential_id, row.id).await?;
    if others.iter().any(|other| !other.visible) {
        return Ok(false);
    }
    for other in others {
        if !can_manage(state, user, other.stewardship).await? {
            return Ok(false);
        }
    }
    Ok(true)
}

/// The connection, if `user` may change it. A user who may only see it is refused, and the
/// attempt goes into its History.
pub async fn for_change(
    state: &AppState,
    user: &SignedInUser,
    connection: &ConnectionRef,
    action: &str,
) -> Result<ConnectionRow, AppError> {
    let row = visible(state, user, &connection.source, connection.id).await?;
    if can_manage(state, user, row.stewardship()).await? {
        return Ok(row);
    }
    Err(refuse(state, user, &row, action, MANAGE_REFUSED).await?)
}

/// Records in `row`'s History that `user` tried to `action` and was not allowed, and returns
/// the refusal with `why`.
pub async fn refuse(
    state: &AppState,
    user: &SignedInUser,
    row: &ConnectionRow,
    action: &str,
    why: &str,
) -> Result<AppError, AppError> {
    let mut tx = db::begin_write(&state.pool).await?;
    history::record(
        &mut tx,
        row.id,
        user.id,
        &Event::Denied {
            action: action.to_owned(),
        },
    )
    .await?;
    tx.commit().await?;
    tracing::warn!(
        connection_id = row.id,
        user_id = user.id,
        action,
        "refused a change to a connection"
    );
    Ok(AppError::Forbidden(why.into()))
}

/// The teams `user` may share a connection with: their own, or any for an Admin.
pub async fn shareable_teams(
    state: &AppState,
    user: &SignedInUser,
) -> Result<Vec<TeamRef>, AppError> {
    let rows = if user.is_admin() {
        teams::list(&state.pool).await?
    } else {
        teams::of_user(&state.pool, user.id).await?
    };
    Ok(rows
        .into_iter()
        .map(|team| TeamRef {
            id: team.id,
            name: team.name,
        })
        .collect())
}
