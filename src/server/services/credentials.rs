//! Credentials: a source's token, checked with the source, then stored sealed.

use super::moments::moment;
use crate::{
    domain::{
        api_token::{fingerprint, ApiToken},
        catalog::SourceDefinition,
        connection_forms::NewCredential,
        token_check::{TOKEN_REJECTED, TOKEN_WITHOUT_UPTIME_ACCESS},
        CheckStatus, FieldErrors,
    },
    domain::{time_words, token_reach::Reach},
    error::AppError,
    server::{
        auth::SignedInUser,
        connectors::TokenCheck,
        infra::clock,
        infra::crypto,
        infra::db,
        repo::credentials::{self, CredentialRow, NewCredentialRow},
        state::AppState,
    },
    wire::{
        args::connections::{CheckFirst, SaveCredentialArgs},
        connections::CredentialTile,
    },
};

use super::token_checks;

/// The source `source_id`, if this server has a connector for it; not found otherwise.
pub fn source(state: &AppState, source_id: &str) -> Result<&'static SourceDefinition, AppError> {
    Ok(state.connectors.get(source_id)?.source())
}

/// How a credential is shown; never anything of its secret but the last four characters.
pub fn tile(row: CredentialRow) -> CredentialTile {
    let status = row.check_status;
    let reach = row.reach_detail();
    CredentialTile {
        id: row.id,
        name: row.name,
        description: row.description,
        fingerprint: fingerprint(&row.secret_last_four),
        set_at: moment(row.secret_set_at),
        set_by: row.secret_set_by,
        status,
        checked_at: row.checked_at.map(moment),
        team_choice_offered: reach.as_ref().is_some_and(Reach::offers_team_choice),
        reached_teams: reach.map(|reach| reach.teams).unwrap_or_default(),
        reach: row.reach,
        used_by: row.used_by,
    }
}

/// The user's own credentials for `source_id`: tiles are never shared.
pub async fn tiles(
    state: &AppState,
    user: &SignedInUser,
    source_id: &str,
) -> Result<Vec<CredentialTile>, AppError> {
    let source = source(state, source_id)?;
    let rows = credentials::list_owned(&state.pool, user.id, source.id).await?;
    Ok(rows.into_iter().map(tile).collect())
}

/// Saves the overlay's credential. Checked first (unless the user chose Save without
/// checking), the token is tried against the source and nothing is stored unless it works;
/// otherwise it is stored as not checked.
#[tracing::instrument(skip_all, fields(user_id = user.id, source = %args.source))]
pub async fn save(
    state: &AppState,
    user: &SignedInUser,
    args: &SaveCredentialArgs,
) -> Result<CredentialTile, AppError> {
    let form = NewCredential::parse(&args.name, &args.description, &args.token)
        .map_err(AppError::Invalid)?;
    let check = args.check == CheckFirst::Check;
    let source = source(state, &args.source)?;
    let now = clock::now();
    let (status, checked_at, reach) = if check {
        match token_checks::check_token(state, user, source.id, &form.token).await? {
            TokenCheck::Valid { reach } => (CheckStatus::Verified, Some(now), Some(reach)),
            TokenCheck::Rejected => return Err(refused(&form, TOKEN_REJECTED)),
            TokenCheck::NoAccess => return Err(refused(&form, TOKEN_WITHOUT_UPTIME_ACCESS)),
            no_verdict @ (TokenCheck::Throttled { .. } | TokenCheck::Unreachable { .. }) => {
                let errors = FieldErrors::one("token", no_verdict.no_verdict().unwrap_or_default());
                return Err(AppError::SourceUnreachable(kept(errors, &form)));
            }
        }
    } else {
        (CheckStatus::Unverified, None, None)
    };
    let mut tx = db::begin_write(&state.pool).await?;
    let id = credentials::insert(
        &mut *tx,
        NewCredentialRow {
            source: source.id,
            owner_id: user.id,
            name: &form.name,
            description: form.description.as_deref(),
            check_status: status,
            checked_at,
            reach: reach.as_ref(),
            now,
        },
    )
    .await?;
    store_token(state, &mut tx, id, &form.token, user.id, now).await?;
    let row = credentials::find_owned(&mut *tx, id, user.id, source.id)
        .await?
        .ok_or(AppError::Internal)?;
    tx.commit().await?;
    tracing::info!(
        credential_id = id,
        status = status.as_str(),
        "credential saved"
    );
    Ok(tile(row))
}

/// Deletes the user's own credential `id` for `source_id`, only while no connection uses it:
/// a connection is never left without its token. Checked and deleted under the write lock,
/// so a connection created in between is not orphaned.
#[tracing::instrument(skip_all, fields(user_id = user.id, credential_id = id))]
pub async fn delete_unused(
    state: &AppState,
    user: &SignedInUser,
    source_id: &str,
    id: i64,
) -> Result<(), AppError> {
    let source = source(state, source_id)?;
    let mut tx = db::begin_write(&state.pool).await?;
    let row = credentials::find_owned(&mut *tx, id, user.id, source.id)
        .await?
        .ok_or(AppError::NotFound)?;
    if row.used_by > 0 {
        return Err(AppError::Conflict(format!(
            "{} is used by {}; delete or move {} first.",
            row.name,
            time_words::count(row.used_by, "connection", "connections"),
            if row.used_by == 1 { "it" } else { "them" },
        )));
    }
    credentials::delete(&mut *tx, id).await?;
    tx.commit().await?;
    tracing::info!("credential deleted");
    Ok(())
}

/// Seals `token` for credential `id` (bound to that id, so it cannot be moved to another
/// credential) and stores it with its last four characters, who set it and when. The one way
/// a token is written; [`reveal`] is the one way it is read.
pub async fn store_token(
    state: &AppState,
    tx: &mut sqlx::SqliteConnection,
    id: i64,
    token: &ApiToken,
    set_by: i64,
    now: i64,
) -> Result<(), AppError> {
    let sealed = crypto::seal(
        &state.master_key,
        token.expose().as_bytes(),
        &crypto::credential_aad(id),
    );
    credentials::set_secret(tx, id, &sealed, &token.last_four(), set_by, now).await?;
    Ok(())
}

/// The plaintext token of credential `id`, for a request to its source. Callers have already
/// decided the user may use it.
pub async fn reveal(state: &AppState, id: i64) -> Result<ApiToken, AppError> {
    let row = credentials::secret(&state.pool, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let plaintext = crypto::open(
        &state.master_key,
        &row.sealed(),
        &crypto::credential_aad(id),
    )
    .map_err(|e| AppError::internal(format!("credential {id} cannot be decrypted: {e}")))?;
    let text = std::str::from_utf8(&plaintext)
        .map_err(|_| AppError::internal(format!("credential {id} is not text")))?;
    ApiToken::parse(text)
        .map_err(|_| AppError::internal(format!("credential {id} holds no usable token")))
}

fn refused(form: &NewCredential, message: &str) -> AppError {
    let errors = FieldErrors::one("token", message);
    AppError::Invalid(kept(errors, form))
}

/// Sends back what the user typed, except the token.
fn kept(errors: FieldErrors, form: &NewCredential) -> FieldErrors {
    errors.keep("name", &form.name).keep(
        "description",
        form.description.as_deref().unwrap_or_default(),
    )
}

/// Where a form posted without JavaScript goes after saving: the stepper's second step, as
/// it was (`return_to`), with the new credential chosen.
pub fn back_to_stepper(return_to: &str, source_id: &str, credential_id: i64) -> String {
    let fallback = format!("/settings/connections/new?step=credentials&source={source_id}");
    let target = if return_to.starts_with("/settings/connections/new?") {
        return_to
    } else {
        &fallback
    };
    let Ok(mut url) = url::Url::parse(&format!("http://plugboard.invalid{target}")) else {
        return fallback;
    };
    let kept: Vec<(String, String)> = url
        .query_pairs()
        .filter(|(key, _)| !matches!(key.as_ref(), "credential" | "step"))
        .map(|(key, value)| (key.into_owned(), value.into_owned()))
        .collect();
    url.query_pairs_mut()
        .clear()
        .append_pair("step", "credentials")
        .extend_pairs(kept)
        .append_pair("credential", &credential_id.to_string());
    format!("{}?{}", url.path(), url.query().unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn after_saving_the_stepper_comes_back_with_the_new_credential_chosen() {
        let back = back_to_stepper(
            "/settings/connections/new?step=credentials&source=betterstack-uptime&name=Prod&credential=3",
            "betterstack-uptime",
            9,
        );
        assert_eq!(
            back,
            "/settings/connections/new?step=credentials&source=betterstack-uptime&name=Prod&credential=9"
        );
    }

    #[test]
    fn a_return_path_elsewhere_is_replaced_by_the_stepper() {
        let back = back_to_stepper("https://evil.example/", "betterstack-uptime", 9);
        assert_eq!(
            back,
            "/settings/connections/new?step=credentials&source=betterstack-uptime&credential=9"
        );
    }
}
