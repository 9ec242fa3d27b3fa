//! Test now: the stored token checked again, and what it found recorded.

use crate::wire::args::ConnectionRef;
use crate::{
    domain::token_check::{TOKEN_REJECTED, TOKEN_WITHOUT_UPTIME_ACCESS},
    domain::CheckStatus,
    error::AppError,
    server::{
        auth::SignedInUser,
        connectors::TokenCheck,
        infra::{clock, db},
        repo::credentials::{self, Reached},
        services::{
            connection_access::for_change,
            credentials::reveal,
            history::{self, Event},
            token_checks,
        },
        state::AppState,
    },
    wire::connection_detail::CheckReport,
};

/// Test now: the stored token against the source, the result recorded.
pub async fn test(
    state: &AppState,
    user: &SignedInUser,
    connection: &ConnectionRef,
) -> Result<CheckReport, AppError> {
    let row = for_change(state, user, connection, "test the token").await?;
    let token = reveal(state, row.credential_id).await?;
    let now = clock::now();
    let checked = token_checks::check_token(state, user, &row.source, &token).await?;
    let (works, message, stored): (bool, String, Option<(CheckStatus, Reached)>) = match &checked {
        TokenCheck::Valid { reach } => (
            true,
            format!("The token works ({}).", reach.words()),
            Some((CheckStatus::Verified, Reached::Read(reach))),
        ),
        TokenCheck::Rejected => (
            false,
            TOKEN_REJECTED.to_owned(),
            Some((CheckStatus::Rejected, Reached::Unchanged)),
        ),
        TokenCheck::NoAccess => (
            false,
            TOKEN_WITHOUT_UPTIME_ACCESS.to_owned(),
            Some((CheckStatus::Rejected, Reached::Words("No Uptime access"))),
        ),
        // Says nothing about the token: its status stays as it was.
        no_verdict @ (TokenCheck::Throttled { .. } | TokenCheck::Unreachable { .. }) => {
            (false, no_verdict.no_verdict().unwrap_or_default(), None)
        }
    };
    let mut tx = db::begin_write(&state.pool).await?;
    if let Some((status, reached)) = stored {
        credentials::set_check(&mut *tx, row.credential_id, status, Some(now), reached).await?;
    }
    history::record(
        &mut tx,
        row.id,
        user.id,
        &Event::Checked {
            result: message.clone(),
        },
    )
    .await?;
    tx.commit().await?;
    Ok(CheckReport { works, message })
}
