//! One-time values kept in the session between a form post and the page it redirects to.
//!
//! The session store is a database table, and these values are secrets (an API key, an invite
//! link), so they are sealed under the master key before they are written: the table only
//! ever holds ciphertext, and a flash copied into another session or under another name does
//! not open.

use serde::{de::DeserializeOwned, Serialize};

use super::guard::auth_session;
use crate::{
    error::AppError,
    server::{
        infra::crypto::{self, Sealed},
        state::app_state,
    },
    wire::{api_keys::CreatedApiKey, members::CreatedInvite},
};

const FLASH_INVITE: &str = "flash.invite";
const FLASH_API_KEY: &str = "flash.api_key";

/// Keeps an invite just created by a form posted without JavaScript, for the Members page
/// the browser is sent back to.
pub async fn flash_invite(invite: &CreatedInvite) -> Result<(), AppError> {
    put(FLASH_INVITE, invite).await
}

/// The invite stored by [`flash_invite`], removed as it is read.
pub async fn take_flash_invite() -> Result<Option<CreatedInvite>, AppError> {
    take(FLASH_INVITE).await
}

/// Keeps an API key just made by a form post, for the API Keys page the browser is sent back
/// to; it lives in the server-side session store, sealed, for that one redirect.
pub async fn flash_api_key(key: &CreatedApiKey) -> Result<(), AppError> {
    put(FLASH_API_KEY, key).await
}

/// The key stored by [`flash_api_key`], removed as it is read.
pub async fn take_flash_api_key() -> Result<Option<CreatedApiKey>, AppError> {
    take(FLASH_API_KEY).await
}

/// Binds a flash to its name and to the session's user, so it opens nowhere else.
fn flash_aad(name: &str, user_id: Option<i64>) -> Vec<u8> {
    format!(
        "plugboard:workspace:1:flash:{name}:user:{}",
        user_id.unwrap_or(0)
    )
    .into_bytes()
}

async fn put<T: Serialize>(name: &str, value: &T) -> Result<(), AppError> {
    let session = auth_session().await?;
    let plaintext = zeroize::Zeroizing::new(serde_json::to_vec(value).map_err(AppError::internal)?);
    let aad = flash_aad(name, session.user.as_ref().map(|user| user.id));
    let sealed = crypto::seal(&app_state()?.master_key, &plaintext, &aad);
    session
        .session
        .insert(name, sealed)
        .await
        .map_err(AppError::internal)
}

async fn take<T: DeserializeOwned>(name: &str) -> Result<Option<T>, AppError> {
    let session = auth_session().await?;
    let Some(sealed) = session
        .session
        .remove::<Sealed>(name)
        .await
        .map_err(AppError::internal)?
    else {
        return Ok(None);
    };
    let aad = flash_aad(name, session.user.as_ref().map(|user| user.id));
    // A flash that no longer opens (the master key changed, or the user did) is dropped: it
    // was shown to nobody, and the key or invite it named can be made again.
    let Ok(plaintext) = crypto::open(&app_state()?.master_key, &sealed, &aad) else {
        return Ok(None);
    };
    serde_json::from_slice(&plaintext)
        .map(Some)
        .map_err(AppError::internal)
}
