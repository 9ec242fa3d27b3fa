//! The workspace's members: the Members page, roles, and removing someone.

use std::collections::HashMap;

use crate::server::services::moments::moment;
use crate::{
    domain::Role,
    error::AppError,
    server::{
        auth::{flash, SignedInUser},
        infra::{clock, db},
        repo::{connections, credentials, invites, sessions, teams, users},
        state::AppState,
    },
    wire::members::{MemberInfo, MembersOverview, PendingInvite, TeamRef},
};

const LAST_ADMIN: &str =
    "The workspace needs at least one Admin. Make someone else an Admin first.";
/// Everything the Members page shows an Admin.
pub async fn overview(state: &AppState, admin: &SignedInUser) -> Result<MembersOverview, AppError> {
    let pool = &state.pool;
    let rows = users::list_current(pool).await?;
    let names: HashMap<i64, String> = rows.iter().map(|u| (u.id, u.name.clone())).collect();
    let all_teams = teams::list(pool).await?;
    let team_names: HashMap<i64, String> =
        all_teams.iter().map(|t| (t.id, t.name.clone())).collect();
    let mut teams_of: HashMap<i64, Vec<String>> = HashMap::new();
    for membership in teams::all_members(pool).await? {
        if let Some(team) = team_names.get(&membership.team_id) {
            teams_of
                .entry(membership.user_id)
                .or_default()
                .push(team.clone());
        }
    }
    let members = rows
        .iter()
        .map(|row| {
            Ok(MemberInfo {
                id: row.id,
                name: row.name.clone(),
                email: row.email.clone(),
                role: row.role,
                teams: teams_of.remove(&row.id).unwrap_or_default(),
                joined: moment(row.created_at),
            })
        })
        .collect::<Result<_, AppError>>()?;
    let invites = invites::list_pending(pool, clock::now())
        .await?
        .into_iter()
        .map(|invite| {
            Ok(PendingInvite {
                id: invite.id,
                role: invite.role,
                invited_by: names
                    .get(&invite.invited_by)
                    .cloned()
                    .unwrap_or_else(|| "a former member".into()),
                expires: moment(invite.expires_at),
                email: invite.email,
            })
        })
        .collect::<Result<_, AppError>>()?;
    Ok(MembersOverview {
        members,
        invites,
        teams: all_teams
            .into_iter()
            .map(|t| TeamRef {
                id: t.id,
                name: t.name,
            })
            .collect(),
        fresh_invite: flash::take_flash_invite().await?,
        viewer_id: admin.id,
    })
}
/// Changes a member's role, keeping at least one Admin. Leaving Team Lead ends team leads.
pub async fn change_role(
    state: &AppState,
    admin: &SignedInUser,
    member_id: i64,
    role: Role,
) -> Result<(), AppError> {
    let mut tx = db::begin_write(&state.pool).await?;
    let member = users::find_current_by_id(&mut *tx, member_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let demoting_an_admin = member.role == Role::Admin && role != Role::Admin;
    if demoting_an_admin && users::count_current_admins(&mut *tx).await? <= 1 {
        return Err(AppError::Conflict(LAST_ADMIN.into()));
    }
    users::set_role(&mut *tx, member_id, role).await?;
    if role != Role::TeamLead {
        teams::clear_lead_flags(&mut *tx, member_id).await?;
    }
    // An invite carries its maker's authority (an Admin's can make Admins): it goes with it.
    let revoked = if demoting_an_admin {
        invites::revoke_all_made_by(&mut *tx, member_id, clock::now()).await?
    } else {
        0
    };
    tx.commit().await?;
    tracing::info!(
        user_id = member_id,
        by = admin.id,
        role = role.as_str(),
        invites_revoked = revoked,
        "role changed"
    );
    Ok(())
}

/// Removes a member: they are signed out everywhere and leave their teams. Their row stays,
/// so what they did can still be attributed.
pub async fn remove(
    state: &AppState,
    admin: &SignedInUser,
    member_id: i64,
) -> Result<(), AppError> {
    if member_id == admin.id {
        return Err(AppError::Conflict(
            "You cannot remove yourself. Another Admin can remove you.".into(),
        ));
    }
    let mut tx = db::begin_write(&state.pool).await?;
    let member = users::find_current_by_id(&mut *tx, member_id)
        .await?
        .ok_or(AppError::NotFound)?;
    if member.role == Role::Admin && users::count_current_admins(&mut *tx).await? <= 1 {
        return Err(AppError::Conflict(LAST_ADMIN.into()));
    }
    let now = clock::now();
    users::mark_removed(&mut *tx, member_id, admin.id, now).await?;
    let revoked = invites::revoke_all_made_by(&mut *tx, member_id, now).await?;
    teams::remove_user_everywhere(&mut *tx, member_id).await?;
    // What they owned stays in the workspace, owned by the Admin who removed them.
    connections::reassign_owner(&mut *tx, member_id, admin.id).await?;
    credentials::reassign_owner(&mut *tx, member_id, admin.id).await?;
    sessions::delete_all_for_user(&mut tx, member_id).await?;
    tx.commit().await?;
    tracing::info!(
        user_id = member_id,
        by = admin.id,
        invites_revoked = revoked,
        "member removed"
    );
    Ok(())
}
