//! Starting and ending a signed-in session.

use sqlx::SqlitePool;

use super::{AuthSession, SignedInUser};
use crate::{
    error::AppError,
    server::{infra::clock, repo::sessions},
};

/// Signs `user` in on this request's session, under a fresh session id, and records which
/// session is theirs so it can be ended when they are removed.
pub async fn start(
    auth: &mut AuthSession,
    user: &SignedInUser,
    pool: &SqlitePool,
) -> Result<(), AppError> {
    // A new id at every sign-in, even when someone else was signed in on this browser:
    // an id known before sign-in must not be worth anything after it.
    auth.session.cycle_id().await.map_err(AppError::internal)?;
    auth.login(user).await.map_err(AppError::internal)?;
    // Saving now, rather than when the response goes out, gives the session its id.
    auth.session.save().await.map_err(AppError::internal)?;
    if let Some(id) = auth.session.id() {
        sessions::record(pool, &id.to_string(), user.id, clock::now()).await?;
    }
    Ok(())
}

/// Ends this request's session on the server.
pub async fn end(auth: &mut AuthSession) -> Result<(), AppError> {
    auth.logout().await.map_err(AppError::internal)?;
    Ok(())
}
