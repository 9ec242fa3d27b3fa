//! One-time values kept in the session between a form post and the page it redirects to.

use super::guard::auth_session;
use crate::{
    error::AppError,
    wire::{api_keys::CreatedApiKey, members::CreatedInvite},
};

const FLASH_INVITE: &str = "flash.invite";
const FLASH_API_KEY: &str = "flash.api_key";

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

/// Keeps an API key just made by a form post, for the API Keys page the browser is sent back
/// to; it lives in the server-side session store for that one redirect.
pub async fn flash_api_key(key: &CreatedApiKey) -> Result<(), AppError> {
    auth_session()
        .await?
        .session
        .insert(FLASH_API_KEY, key)
        .await
        .map_err(AppError::internal)
}

/// The key stored by [`flash_api_key`], removed as it is read.
pub async fn take_flash_api_key() -> Result<Option<CreatedApiKey>, AppError> {
    auth_session()
        .await?
        .session
        .remove(FLASH_API_KEY)
        .await
        .map_err(AppError::internal)
}
