//! Talking to sources. Each catalog entry has a connector here; they share one outcome type.

pub mod betterstack;

use std::time::Duration;

use crate::{
    domain::{
        api_token::ApiToken,
        token_check::{throttled, SOURCE_UNREACHABLE},
        token_reach::Reach,
    },
    error::AppError,
    server::{auth::SignedInUser, outbound, state::AppState},
};

/// What a source said about a token.
#[derive(Debug, Clone, PartialEq)]
pub enum TokenCheck {
    /// It works; `reach` says which kind it is and which teams it reaches.
    Valid { reach: Reach },
    /// The source does not know it (invalid, revoked).
    Rejected,
    /// A real token, but without access to what Plugboard reads.
    NoAccess,
    /// The source is limiting requests; it may say for how long.
    Throttled { retry_after: Option<Duration> },
    /// No answer worth believing: failing, slow, or unreachable. `detail` is for the log only.
    Unreachable { detail: String },
}

impl TokenCheck {
    /// What to tell the person when the check got no verdict on the token (`None` when it
    /// did); the detail, if any, is logged here.
    pub fn no_verdict(&self) -> Option<String> {
        match self {
            TokenCheck::Throttled { retry_after } => Some(throttled(*retry_after)),
            TokenCheck::Unreachable { detail } => {
                tracing::warn!(%detail, "the source could not check a token");
                Some(SOURCE_UNREACHABLE.to_owned())
            }
            _ => None,
        }
    }
}

/// Checks `token` with the source `source_id` for `user`, within their check budget (refused
/// with when to try again), the token's request pace and the server's bound on checks in
/// flight.
pub async fn check_token(
    state: &AppState,
    user: &SignedInUser,
    source_id: &str,
    token: &ApiToken,
) -> Result<TokenCheck, AppError> {
    let _budget = state.check_budgets.admit(user.id)?;
    let Some(_turn) = state.syncs.check_slot(outbound::REQUEST_TIMEOUT).await else {
        return Ok(TokenCheck::Unreachable {
            detail: "too many checks in flight".into(),
        });
    };
    Ok(check_with_source(state, source_id, token).await)
}

async fn check_with_source(state: &AppState, source_id: &str, token: &ApiToken) -> TokenCheck {
    match source_id {
        "betterstack-uptime" => {
            let pace = state.syncs.pace_for(token);
            betterstack::check_token(&state.http, &state.betterstack_uptime_url, token, &pace).await
        }
        other => TokenCheck::Unreachable {
            detail: format!("no connector for source {other}"),
        },
    }
}
