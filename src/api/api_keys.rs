//! Settings → API Keys: everyone makes and revokes their own keys; Admins see and revoke all.

use leptos::prelude::*;

use crate::{
    error::AppError,
    wire::{
        api_keys::{ApiKeysOverview, CreatedApiKey},
        args::api_keys::{NewApiKeyArgs, RevokeApiKeyArgs},
    },
};

/// The keys the viewer may see, and the key they made just before, shown once.
#[server(prefix = "/api")]
pub async fn list_api_keys() -> Result<ApiKeysOverview, AppError> {
    use crate::server::{
        auth::{flash, require_user},
        services::api_keys,
        state::app_state,
    };
    let user = require_user().await?;
    let mut overview = api_keys::list(&app_state()?, &user).await?;
    overview.created = flash::take_flash_api_key().await?;
    Ok(overview)
}

#[server(prefix = "/api")]
pub async fn create_api_key(
    #[server(flatten)] args: NewApiKeyArgs,
) -> Result<CreatedApiKey, AppError> {
    use crate::server::{
        auth::{flash, require_user},
        http::request,
        services::api_keys,
        state::app_state,
    };
    let user = require_user().await?;
    let created = api_keys::create(&app_state()?, &user, &args).await?;
    if request::is_plain_form_post() {
        // The form posts without script, and the answer is a redirect back to the page: the
        // key travels in the server-side session and the page shows it once.
        flash::flash_api_key(&created).await?;
    }
    Ok(created)
}

#[server(prefix = "/api")]
pub async fn revoke_api_key(#[server(flatten)] args: RevokeApiKeyArgs) -> Result<(), AppError> {
    use crate::server::{auth::require_user, services::api_keys, state::app_state};
    let user = require_user().await?;
    api_keys::revoke(&app_state()?, &user, args.key_id).await
}
