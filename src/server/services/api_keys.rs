//! Personal API keys: made, listed and revoked on Settings → API Keys, and checked on every
//! `/api/v1` request. A key acts as its owner as they are now: a removed owner, a lowered
//! role or a narrowed privacy counts on the key's next request, because nothing about the
//! owner is kept with the key.

use crate::{
    domain::api_keys::{looks_like_key, KeyScope, NewApiKey, KEY_PREFIX, SHOWN_KEY_CHARS},
    error::AppError,
    server::{
        auth::{
            backend::current_user,
            tokens::{new_link_token, token_digest},
            SignedInUser,
        },
        infra::clock,
        repo::api_keys::{self, ApiKeyRow, NewKey},
        services::moments::moment,
        state::AppState,
    },
    wire::{
        api_keys::{ApiKeyInfo, ApiKeysOverview, CreatedApiKey},
        args::api_keys::NewApiKeyArgs,
    },
};

/// A key's last use is written at most this often (seconds).
const LAST_USED_EVERY: i64 = 60;

/// The viewer's keys; an Admin sees everyone's.
pub async fn list(state: &AppState, user: &SignedInUser) -> Result<ApiKeysOverview, AppError> {
    let everyones = user.is_admin();
    let rows = api_keys::list_active(&state.pool, (!everyones).then_some(user.id)).await?;
    let now = clock::now();
    Ok(ApiKeysOverview {
        keys: rows.into_iter().map(|row| info(row, now)).collect(),
        everyones,
        created: None,
    })
}

fn info(row: ApiKeyRow, now: i64) -> ApiKeyInfo {
    ApiKeyInfo {
        id: row.id,
        name: row.name,
        scope: row.scope,
        prefix: row.prefix,
        owner: row.owner_name,
        created: moment(row.created_at),
        last_used: row.last_used_at.map(moment),
        expires: row.expires_at.map(moment),
        expired: row.expires_at.is_some_and(|at| at <= now),
    }
}

/// Makes a key for `user`. The answer holds the key itself; only its digest is kept.
pub async fn create(
    state: &AppState,
    user: &SignedInUser,
    args: &NewApiKeyArgs,
) -> Result<CreatedApiKey, AppError> {
    let asked =
        NewApiKey::parse(&args.name, args.scope, &args.expires).map_err(AppError::Invalid)?;
    let key = format!("{KEY_PREFIX}{}", new_link_token());
    let now = clock::now();
    let expires_at = asked.expires_in_days.map(|days| now + days * clock::DAY);
    let id = api_keys::insert(
        &state.pool,
        NewKey {
            user_id: user.id,
            name: &asked.name,
            scope: asked.scope,
            prefix: &key[..SHOWN_KEY_CHARS],
            digest: &token_digest(&key),
            created_at: now,
            expires_at,
        },
    )
    .await?;
    tracing::info!(
        key_id = id,
        user_id = user.id,
        scope = asked.scope.as_str(),
        "API key created"
    );
    Ok(CreatedApiKey {
        name: asked.name,
        scope: asked.scope,
        key,
        expires: expires_at.map(moment),
    })
}

/// Revokes a key of the viewer's, or anyone's for an Admin; others' keys are not found.
pub async fn revoke(state: &AppState, user: &SignedInUser, key_id: i64) -> Result<(), AppError> {
    let key = api_keys::find(&state.pool, key_id)
        .await?
        .filter(|key| key.user_id == user.id || user.is_admin())
        .ok_or(AppError::NotFound)?;
    if api_keys::revoke(&state.pool, key.id, clock::now()).await? {
        tracing::info!(key_id = key.id, by = user.id, "API key revoked");
    }
    Ok(())
}

/// A request's valid key: whom it acts as, what it may do, and which key it is.
pub struct KeyHolder {
    pub user: SignedInUser,
    pub scope: KeyScope,
    pub key_id: i64,
}

/// Who an `Authorization` header's key acts as, and what it may do. Every failure is the
/// same [`AppError::Unauthenticated`]: a caller learns nothing about which keys exist.
pub async fn authenticate(
    state: &AppState,
    authorization: Option<&str>,
) -> Result<KeyHolder, AppError> {
    let key = authorization
        .and_then(|value| value.strip_prefix("Bearer "))
        .map(str::trim)
        .filter(|key| looks_like_key(key))
        .ok_or(AppError::Unauthenticated)?;
    let now = clock::now();
    // A key that exists is kept in memory until something commits (a revocation does); one
    // that does not is an error, and errors are never kept.
    let digest = token_digest(key);
    let load = async {
        api_keys::find_by_digest(&state.pool, &digest)
            .await?
            .ok_or(AppError::Unauthenticated)
    };
    let row = state.api_keys.get_or_load(digest.clone(), load).await?;
    if row.revoked_at.is_some() || row.expires_at.is_some_and(|at| at <= now) {
        return Err(AppError::Unauthenticated);
    }
    let user = current_user(&state.pool, &state.users, row.user_id)
        .await?
        .ok_or(AppError::Unauthenticated)?;
    Ok(KeyHolder {
        user,
        scope: row.scope,
        key_id: row.id,
    })
}

/// Records that key `key_id` was used at `now`; the write happens at most once a minute per
/// key, so it is called only for a key's first request of a minute.
pub async fn note_use(state: &AppState, key_id: i64, now: i64) -> Result<(), AppError> {
    api_keys::touch(&state.pool, key_id, now, LAST_USED_EVERY).await?;
    Ok(())
}
