//! Who calls the REST API: the owner of the request's API key, as they are now. A client
//! that keeps failing the key check is made to wait ([`FailedKeyChecks`]).
//!
//! [`FailedKeyChecks`]: crate::server::auth::api_key_rate::FailedKeyChecks

use axum::{extract::FromRequestParts, http::request::Parts};

use super::problem::Problem;
use crate::{
    domain::api_keys::KeyScope,
    error::AppError,
    server::{
        auth::SignedInUser, http::client_addr, infra::clock, services::api_keys, state::AppState,
    },
};

pub struct Caller {
    pub user: SignedInUser,
    pub scope: KeyScope,
}

/// A caller whose key may change things (a Manage key). Taken before the request's body is
/// read, so a Read key is told 403 whatever it sent.
pub struct Manager(pub SignedInUser);

impl FromRequestParts<AppState> for Manager {
    type Rejection = Problem;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Problem> {
        let caller = Caller::from_request_parts(parts, state).await?;
        match caller.scope {
            KeyScope::Manage => Ok(Self(caller.user)),
            KeyScope::Read => Err(Problem(AppError::Forbidden(
                "This API key may only read: changes need a Manage key.".into(),
            ))),
        }
    }
}

impl FromRequestParts<AppState> for Caller {
    type Rejection = Problem;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Problem> {
        let authorization = parts
            .headers
            .get(axum::http::header::AUTHORIZATION)
            .and_then(|value| value.to_str().ok());
        let now = clock::now();
        // Keys are checked only for clients that have not failed too often this minute, so
        // guessing keys costs the guesser a wait rather than the server a lookup each.
        let client = client_addr::of_request(parts, &state.trusted_proxies);
        state
            .failed_key_checks
            .admit(client, now)
            .map_err(|retry_after_secs| {
                Problem(AppError::RateLimited {
                    message: "Too many requests with a missing or unknown API key from here; \
                              wait for the next minute."
                        .into(),
                    retry_after_secs,
                })
            })?;
        let key = match api_keys::authenticate(state, authorization).await {
            Err(AppError::Unauthenticated) => {
                state.failed_key_checks.failed(client, now);
                return Err(Problem(AppError::Unauthenticated));
            }
            answer => answer?,
        };
        let first_this_minute =
            state
                .api_rate
                .admit(key.key_id, now)
                .map_err(|retry_after_secs| {
                    Problem(AppError::RateLimited {
                        message: "Too many requests with this API key; wait for the next minute."
                            .into(),
                        retry_after_secs,
                    })
                })?;
        if first_this_minute {
            api_keys::note_use(state, key.key_id, now).await?;
        }
        Ok(Self {
            user: key.user,
            scope: key.scope,
        })
    }
}
