//! Members: invitations, joining, roles, removal. The workspace always keeps an Admin.

use std::collections::HashMap;

use url::Url;

use crate::{
    domain::{
        account_forms::{Invitation, NewMember},
        limits::INVITE_VALID_DAYS,
        Email, FieldErrors, Role,
    },
    error::AppError,
    server::{
        auth::{flash, passwords, session, tokens, AuthSession, SignedInUser},
        infra::clock,
        infra::db,
        repo::{connections, credentials, invites, sessions, teams, users},
        state::AppState,
    },
    wire::{
        invites::InviteDetails,
        members::{CreatedInvite, MemberInfo, MembersOverview, PendingInvite, TeamRef},
    },
};

const LAST_ADMIN: &str =
    "The workspace needs at least one Admin. Make someone else an Admin first.";
const INVITE_UNUSABLE: &str =
    "This invite link has expired or has already been used. Ask an Admin for a new one.";

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
                role: Role::parse(&row.role).map_err(AppError::internal)?,
                teams: teams_of.remove(&row.id).unwrap_or_default(),
                joined: clock::format_utc(row.created_at),
            })
        })
        .collect::<Result<_, AppError>>()?;
    let invites = invites::list_pending(pool, clock::now())
        .await?
        .into_iter()
        .map(|invite| {
            Ok(PendingInvite {
                id: invite.id,
                role: Role::parse(&invite.role).map_err(AppError::internal)?,
                invited_by: names
                    .get(&invite.invited_by)
                    .cloned()
                    .unwrap_or_else(|| "a former member".into()),
                expires: clock::format_utc(invite.expires_at),
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

/// Creates an invite and returns its one-time link. Only the link's digest is stored.
pub async fn invite(
    state: &AppState,
    admin: &SignedInUser,
    form: Invitation,
    base_url: &Url,
) -> Result<CreatedInvite, AppError> {
    let mut tx = db::begin_write(&state.pool).await?;
    if users::find_current_by_email(&mut *tx, &form.email)
        .await?
        .is_some()
    {
        let mut errors = FieldErrors::default();
        errors.add(
            "email",
            format!("{} is already a member of this workspace.", form.email),
        );
        return Err(AppError::Invalid(errors.keep("email", form.email.as_str())));
    }
    for team_id in &form.team_ids {
        if teams::find(&mut *tx, *team_id).await?.is_none() {
            let mut errors = FieldErrors::default();
            errors.add(
                "teams",
                "One of the chosen teams no longer exists. Reload and try again.",
            );
            return Err(AppError::Invalid(errors.keep("email", form.email.as_str())));
        }
    }
    let token = tokens::new_link_token();
    let now = clock::now();
    let expires_at = now + INVITE_VALID_DAYS * clock::DAY;
    let digest = tokens::token_digest(&token);
    let id = invites::insert(
        &mut *tx,
        invites::NewInvite {
            token_sha256: &digest,
            email: form.email.as_str(),
            role: form.role.as_str(),
            invited_by: admin.id,
            created_at: now,
            expires_at,
        },
    )
    .await?;
    for team_id in &form.team_ids {
        invites::add_team(&mut *tx, id, *team_id).await?;
    }
    tx.commit().await?;
    tracing::info!(invite_id = id, by = admin.id, "member invited");
    let link = base_url
        .join(&format!("join/{token}"))
        .map_err(AppError::internal)?;
    Ok(CreatedInvite {
        email: form.email.to_string(),
        link: link.to_string(),
        expires: clock::format_utc(expires_at),
    })
}

/// What the join page shows about an invite, if it can still be used.
pub async fn invite_details(state: &AppState, token: &str) -> Result<InviteDetails, AppError> {
    let invite = usable_invite(&state.pool, token).await?;
    let team_ids = invites::team_ids(&state.pool, invite.id).await?;
    let team_names = teams::list(&state.pool)
        .await?
        .into_iter()
        .filter(|team| team_ids.contains(&team.id))
        .map(|team| team.name)
        .collect();
    Ok(InviteDetails {
        email: invite.email,
        role: Role::parse(&invite.role).map_err(AppError::internal)?,
        workspace_name: state.workspace_name().await?,
        teams: team_names,
    })
}

/// Turns an invite into a member, signed in. The invite works once.
pub async fn accept_invite(
    state: &AppState,
    auth: &mut AuthSession,
    token: &str,
    form: NewMember,
) -> Result<SignedInUser, AppError> {
    // A made-up or spent link is refused before the costly hash. Hash before taking the
    // write lock (it is the slow part); the invite is checked again under the lock.
    usable_invite(&state.pool, token).await?;
    let password_hash = passwords::hash(&state.hashing, form.password).await?;
    let mut tx = db::begin_write(&state.pool).await?;
    let invite = usable_invite(&mut *tx, token).await?;
    let email = Email::parse(&invite.email).map_err(AppError::internal)?;
    if users::find_current_by_email(&mut *tx, &email)
        .await?
        .is_some()
    {
        return Err(AppError::Conflict(format!(
            "{email} is already a member of this workspace. Sign in instead."
        )));
    }
    let now = clock::now();
    if !invites::mark_used(&mut *tx, invite.id, now).await? {
        return Err(AppError::Gone(INVITE_UNUSABLE.into()));
    }
    let role = Role::parse(&invite.role).map_err(AppError::internal)?;
    let new_user = users::NewUser {
        name: &form.name,
        email: &email,
        password_hash: &password_hash,
        role,
    };
    let id = users::insert(&mut *tx, new_user, now).await?;
    for team_id in invites::team_ids(&mut *tx, invite.id).await? {
        teams::add_member(&mut *tx, team_id, id, false).await?;
    }
    tx.commit().await?;
    tracing::info!(user_id = id, invite_id = invite.id, "invite accepted");
    let user = super::accounts::load(state, id).await?;
    session::start(auth, &user, &state.pool).await?;
    Ok(user)
}

async fn usable_invite<'e>(
    db: impl sqlx::SqliteExecutor<'e>,
    token: &str,
) -> Result<invites::InviteRow, AppError> {
    let invite = invites::find_by_digest(db, &tokens::token_digest(token))
        .await?
        .ok_or(AppError::NotFound)?;
    let usable =
        invite.used_at.is_none() && invite.revoked_at.is_none() && invite.expires_at > clock::now();
    if usable {
        Ok(invite)
    } else {
        Err(AppError::Gone(INVITE_UNUSABLE.into()))
    }
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
    let demoting_an_admin = member.role == Role::Admin.as_str() && role != Role::Admin;
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
    if member.role == Role::Admin.as_str() && users::count_current_admins(&mut *tx).await? <= 1 {
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

pub async fn revoke_invite(
    state: &AppState,
    admin: &SignedInUser,
    invite_id: i64,
) -> Result<(), AppError> {
    if !invites::revoke(&state.pool, invite_id, clock::now()).await? {
        return Err(AppError::NotFound);
    }
    tracing::info!(invite_id, by = admin.id, "invite revoked");
    Ok(())
}
