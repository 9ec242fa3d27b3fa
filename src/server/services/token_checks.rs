//! Checking a token with its source: the one way every use case asks.

use crate::{
    domain::api_token::ApiToken,
    error::AppError,
    server::{auth::SignedInUser, connectors::TokenCheck, infra::outbound, state::AppState},
};

/// Checks `token` with the source `source_id` for `user`, within their check budget (refused
/// with when to try again), the token's request pace and the server's bound on checks in
/// flight.
pub async fn check_token(
    state: &AppState,
    user: &SignedInUser,
    source_id: &str,
    token: &ApiToken,
) -> Result<TokenCheck, AppError> {
    let connector = state.connectors.get(source_id)?;
    let _budget = state.check_budgets.admit(user.id)?;
    let Some(_turn) = state.syncs.check_slot(outbound::REQUEST_TIMEOUT).await else {
        return Ok(TokenCheck::Unreachable {
            detail: "too many checks in flight".into(),
        });
    };
    let pace = state.syncs.pace_for(token);
    Ok(connector.check(&state.http, token, &pace).await)
}
