//! Swapping a connection's token: checked first, written in one transaction, the old one kept
//! on any failure.

use crate::wire::args::ConnectionRef;
use crate::{
    domain::{
        api_token::{fingerprint, ApiToken},
        token_check::{TOKEN_REJECTED, TOKEN_WITHOUT_UPTIME_ACCESS},
        CheckStatus, FieldErrors, SwapMode,
    },
    error::AppError,
    server::{
        auth::SignedInUser,
        connectors::TokenCheck,
        infra::{clock, db},
        repo::{
            connections,
            credentials::{self, NewCredentialRow},
        },
        services::{
            connection_access::{can_swap_in_place, for_change, refuse, SWAP_IN_PLACE_REFUSED},
            credentials::store_token,
            history::{self, Event},
            token_checks,
        },
        state::AppState,
    },
};

/// Replaces the connection's token. The new token is checked first (unless the user chose
/// not to); only then is anything written, in one transaction. On any failure the old token
/// stays exactly as it was.
#[tracing::instrument(skip_all, fields(user_id = user.id, connection_id = connection.id, how = how.as_str()))]
pub async fn swap_token(
    state: &AppState,
    user: &SignedInUser,
    connection: &ConnectionRef,
    pasted: &str,
    how: SwapMode,
) -> Result<(), AppError> {
    let row = for_change(state, user, connection, "swap the token").await?;
    let (check, only_this_connection) = (how.checks(), how.only_this_connection());
    let scope = how.as_str();
    if !only_this_connection && !can_swap_in_place(state, user, &row).await? {
        let action = "swap the token of every connection on its credential";
        return Err(refuse(state, user, &row, action, SWAP_IN_PLACE_REFUSED).await?);
    }
    let token = ApiToken::parse(pasted).map_err(|message| {
        AppError::Invalid(FieldErrors::one("token", message).keep("how", scope))
    })?;
    let now = clock::now();
    let (status, checked_at, reach) = if check {
        match token_checks::check_token(state, user, &row.source, &token).await? {
            TokenCheck::Valid { reach } => (CheckStatus::Verified, Some(now), Some(reach)),
            TokenCheck::Rejected => {
                return Err(AppError::Invalid(
                    FieldErrors::one("token", TOKEN_REJECTED).keep("how", scope),
                ))
            }
            TokenCheck::NoAccess => {
                return Err(AppError::Invalid(
                    FieldErrors::one("token", TOKEN_WITHOUT_UPTIME_ACCESS).keep("how", scope),
                ))
            }
            no_verdict @ (TokenCheck::Throttled { .. } | TokenCheck::Unreachable { .. }) => {
                let message = no_verdict.no_verdict().unwrap_or_default();
                return Err(AppError::SourceUnreachable(
                    FieldErrors::one("token", message).keep("how", scope),
                ));
            }
        }
    } else {
        (CheckStatus::Unverified, None, None)
    };
    let old_fingerprint = fingerprint(&row.secret_last_four);
    let new_fingerprint = fingerprint(&token.last_four());
    let swapped = |new_credential| Event::TokenSwapped {
        from: old_fingerprint.clone(),
        to: new_fingerprint.clone(),
        checked: check,
        new_credential,
    };

    // A sync still pulling with the old token stops before its next request.
    state.syncs.stop_credential(row.credential_id);
    let mut tx = db::begin_write(&state.pool).await?;
    if only_this_connection {
        let credential_id = credentials::insert(
            &mut *tx,
            NewCredentialRow {
                source: &row.source,
                owner_id: row.owner_id,
                name: &format!("{} – {}", row.credential_name, row.name),
                description: Some("Made when the token was swapped for this connection only."),
                check_status: status,
                checked_at,
                reach: reach.as_ref(),
                now,
            },
        )
        .await?;
        store_token(state, &mut tx, credential_id, &token, user.id, now).await?;
        connections::set_credential(&mut *tx, row.id, credential_id).await?;
        // What the old token reached is replaced by the next sync, which reads everything.
        connections::set_full_sync_at(&mut *tx, row.id, None).await?;
        history::record(&mut tx, row.id, user.id, &swapped(true)).await?;
    } else {
        store_token(state, &mut tx, row.credential_id, &token, user.id, now).await?;
        connections::need_full_sync_on_credential(&mut *tx, row.credential_id).await?;
        credentials::set_check(
            &mut *tx,
            row.credential_id,
            status,
            checked_at,
            reach
                .as_ref()
                .map_or(credentials::Reached::Unchanged, credentials::Reached::Read),
        )
        .await?;
        // Every connection on this credential now uses the new token; each History says so.
        for connection_id in connections::using_credential(&mut *tx, row.credential_id).await? {
            history::record(&mut tx, connection_id, user.id, &swapped(false)).await?;
        }
    }
    tx.commit().await?;
    tracing::info!("token swapped");
    Ok(())
}
