//! Password reset links, made on the command line by someone with access to the server.

use sqlx::SqlitePool;
use url::Url;

use crate::{
    domain::{limits::RESET_LINK_VALID_HOURS, Email, FieldErrors, Password},
    error::AppError,
    server::{
        auth::{
            passwords::{self, HashingTurns},
            session, tokens, AuthSession,
        },
        infra::clock,
        infra::db,
        repo::{password_resets, sessions, users},
        state::AppState,
    },
    wire::args::accounts::ResetPasswordArgs,
};

const LINK_UNUSABLE: &str =
    "This reset link has expired or has already been used. Ask for a new one.";

/// A one-time link to choose a new password for the member with `email`.
pub async fn create_link(
    pool: &SqlitePool,
    email: &Email,
    base_url: &Url,
) -> Result<Url, AppError> {
    let user = users::find_current_by_email(pool, email)
        .await?
        .ok_or(AppError::NotFound)?;
    let token = tokens::new_link_token();
    let now = clock::now();
    let expires_at = now + RESET_LINK_VALID_HOURS * clock::HOUR;
    password_resets::insert(
        pool,
        &tokens::token_digest(&token),
        user.id,
        now,
        expires_at,
    )
    .await?;
    base_url
        .join(&format!("reset-password/{token}"))
        .map_err(AppError::internal)
}

/// Sets the member's password directly and ends all their sessions.
pub async fn set_password(
    pool: &SqlitePool,
    email: &Email,
    password: Password,
) -> Result<(), AppError> {
    let user = users::find_current_by_email(pool, email)
        .await?
        .ok_or(AppError::NotFound)?;
    // The command line hashes one password: it has the machine to itself.
    let hash = passwords::hash(&HashingTurns::one_per_core(), password).await?;
    let mut tx = db::begin_write(pool).await?;
    users::set_password(&mut *tx, user.id, &hash).await?;
    sessions::delete_all_for_user(&mut tx, user.id).await?;
    tx.commit().await?;
    Ok(())
}

pub async fn check(state: &AppState, token: &str) -> Result<(), AppError> {
    usable(&state.pool, token).await.map(|_| ())
}

/// Uses the link: new password, every old session ended, and this browser signed in.
pub async fn reset(
    state: &AppState,
    auth: &mut AuthSession,
    args: ResetPasswordArgs,
) -> Result<(), AppError> {
    let password = Password::parse_new(args.password).map_err(|message| {
        let errors = FieldErrors::one("password", message);
        AppError::Invalid(errors)
    })?;
    let token = args.token.as_str();
    // A made-up or spent link is refused before the costly hash; checked again below, under
    // the write lock, in case it was used meanwhile.
    usable(&state.pool, token).await?;
    let hash = passwords::hash(&state.hashing, password).await?;
    let mut tx = db::begin_write(&state.pool).await?;
    let reset = usable(&mut *tx, token).await?;
    if !password_resets::mark_used(&mut *tx, reset.id, clock::now()).await? {
        return Err(AppError::Gone(LINK_UNUSABLE.into()));
    }
    users::set_password(&mut *tx, reset.user_id, &hash).await?;
    sessions::delete_all_for_user(&mut tx, reset.user_id).await?;
    tx.commit().await?;
    tracing::info!(user_id = reset.user_id, "password reset");
    let user = super::accounts::load(state, reset.user_id).await?;
    session::start(auth, &user, &state.pool).await
}

async fn usable<'e>(
    db: impl sqlx::SqliteExecutor<'e>,
    token: &str,
) -> Result<password_resets::ResetRow, AppError> {
    let reset = password_resets::find_by_digest(db, &tokens::token_digest(token))
        .await?
        .ok_or(AppError::NotFound)?;
    if reset.used_at.is_none() && reset.expires_at > clock::now() {
        Ok(reset)
    } else {
        Err(AppError::Gone(LINK_UNUSABLE.into()))
    }
}
