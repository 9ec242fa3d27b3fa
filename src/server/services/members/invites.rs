//! Invites: created by an Admin, shown on the join page, accepted once, revoked.

use url::Url;

use crate::server::services::moments::moment;
use crate::{
    domain::{
        account_forms::{Invitation, NewMember},
        limits::INVITE_VALID_DAYS,
        Email, FieldErrors,
    },
    error::AppError,
    server::{
        auth::{passwords, session, tokens, AuthSession, SignedInUser},
        infra::{clock, db},
        repo::{invites, teams, users},
        state::AppState,
    },
    wire::{
        args::{accounts::AcceptInviteArgs, members::InviteArgs},
        invites::InviteDetails,
        members::CreatedInvite,
    },
};

const INVITE_UNUSABLE: &str =
    "This invite link has expired or has already been used. Ask an Admin for a new one.";
/// Creates an invite and returns its one-time link. Only the link's digest is stored.
pub async fn invite(
    state: &AppState,
    admin: &SignedInUser,
    args: InviteArgs,
    base_url: &Url,
) -> Result<CreatedInvite, AppError> {
    let form = Invitation::parse(&args.email, args.role, args.teams).map_err(AppError::Invalid)?;
    let mut tx = db::begin_write(&state.pool).await?;
    if users::find_current_by_email(&mut *tx, &form.email)
        .await?
        .is_some()
    {
        let errors = FieldErrors::one(
            "email",
            format!("{} is already a member of this workspace.", form.email),
        );
        return Err(AppError::Invalid(errors.keep("email", form.email.as_str())));
    }
    for team_id in &form.team_ids {
        if teams::find(&mut *tx, *team_id).await?.is_none() {
            let errors = FieldErrors::one(
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
            role: form.role,
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
        expires: moment(expires_at),
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
        role: invite.role,
        workspace_name: state.workspace_name().await?,
        teams: team_names,
    })
}

/// Turns an invite into a member, signed in. The invite works once.
pub async fn accept_invite(
    state: &AppState,
    auth: &mut AuthSession,
    args: AcceptInviteArgs,
) -> Result<SignedInUser, AppError> {
    let AcceptInviteArgs {
        token,
        name,
        password,
    } = args;
    let form = NewMember::parse(&name, password).map_err(AppError::Invalid)?;
    let token = token.as_str();
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
    let role = invite.role;
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
    let user = crate::server::services::accounts::load(state, id).await?;
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
