//! One-time values kept in the session between a form post and the page it redirects to.

use super::guard::auth_session;
use crate::{error::AppError, wire::members::CreatedInvite};

const FLASH_INVITE: &str = "flash.invite";

/// Keeps an invite just created by a form posted without JavaScript, for the Members page
/// the browser is sent back to.
pub async fn flash_invite(invite: &CreatedInvite) -> Result<(), AppError> {
    auth_session()
        .await?
        .session
        .insert(FLASH_INVITE, invite)
        .await
        .map_err(AppError::internal)
}

/// The invite stored by [`flash_invite`], removed as it is read.
pub async fn take_flash_invite() -> Result<Option<CreatedInvite>, AppError> {
    auth_session()
        .await?
        .session
        .remove(FLASH_INVITE)
        .await
        .map_err(AppError::internal)
}
