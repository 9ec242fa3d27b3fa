//! The first line of every server function: who is asking, and may they?

use super::{AuthSession, SignedInUser};
use crate::{error::AppError, server::http::request};

/// This request's session, signed in or not: what the auth layer put into the request.
pub async fn auth_session() -> Result<AuthSession, AppError> {
    request::extension::<AuthSession>()
        .ok_or_else(|| AppError::internal("the auth layer is missing from this route"))
}

/// The signed-in user, or [`AppError::Unauthenticated`].
pub async fn require_user() -> Result<SignedInUser, AppError> {
    auth_session().await?.user.ok_or(AppError::Unauthenticated)
}

/// The signed-in user if they are an Admin.
pub async fn require_admin() -> Result<SignedInUser, AppError> {
    let user = require_user().await?;
    if user.is_admin() {
        Ok(user)
    } else {
        Err(AppError::Forbidden("Only Admins can do that.".into()))
    }
}
