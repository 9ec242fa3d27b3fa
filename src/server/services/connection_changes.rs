//! Changing a connection: rename, swap its token, test it, change its privacy, delete it.
//! Every change is checked against who may make it and recorded in the connection's History.

use std::collections::{BTreeMap, BTreeSet};

use crate::{
    domain::{
        api_token::{fingerprint, ApiToken},
        connection_forms::ConnectionSettings,
        limits::MAX_NAME_CHARS,
        text::parse_line,
        token_check::{TOKEN_REJECTED, TOKEN_WITHOUT_UPTIME_ACCESS},
        FieldErrors, Privacy,
    },
    error::AppError,
    server::{
        auth::SignedInUser,
        connectors::TokenCheck,
        infra::clock,
        infra::db,
        repo::{
            connections::{self, ConnectionRow},
            credentials::{self, NewCredentialRow, Reached},
            teams, users,
        },
        state::{AppState, ViewerKey},
    },
    wire::{
        connection_detail::{CheckReport, ConnectionDetail},
        members::TeamRef,
    },
};

use super::{
    connection_access::{
        can_manage, can_swap_in_place, for_change, refuse, visible, SWAP_IN_PLACE_REFUSED,
    },
    connections::facts_of,
    credentials::{reveal, source, store_token},
    history::{self, Event},
    token_checks,
};

pub async fn detail(
    state: &AppState,
    user: &SignedInUser,
    source_id: &str,
    id: i64,
    history_page: i64,
) -> Result<ConnectionDetail, AppError> {
    // Keyed by the catalog's own id: no copy of the request's text on every read.
    let key = (
        ViewerKey::of(user),
        source(state, source_id)?.id,
        id,
        history_page,
    );
    let load = load_detail(state, user, source_id, id, history_page);
    state.connection_pages.get_or_load(key, load).await
}

async fn load_detail(
    state: &AppState,
    user: &SignedInUser,
    source_id: &str,
    id: i64,
    history_page: i64,
) -> Result<ConnectionDetail, AppError> {
    let row = visible(state, user, source_id, id).await?;
    let can_manage = can_manage(state, user, &row).await?;
    let can_swap_in_place = can_manage && can_swap_in_place(state, user, &row).await?;
    let history = history::page(&state.pool, row.id, history_page).await?;
    Ok(ConnectionDetail {
        can_manage,
        can_swap_in_place,
        team_id: row.team_id,
        teams: if can_manage {
            shareable_teams(state, user).await?
        } else {
            Vec::new()
        },
        history: history.entries,
        history_page: history.page,
        history_pages: history.pages,
        history_total: history.total,
        facts: facts_of(state, row).await?,
    })
}

/// The teams `user` may share a connection with: their own, or any for an Admin.
async fn shareable_teams(state: &AppState, user: &SignedInUser) -> Result<Vec<TeamRef>, AppError> {
    let rows = if user.is_admin() {
        teams::list(&state.pool).await?
    } else {
        teams::of_user(&state.pool, user.id).await?
    };
    Ok(rows
        .into_iter()
        .map(|team| TeamRef {
            id: team.id,
            name: team.name,
        })
        .collect())
}

fn field_error(field: &str, message: impl Into<String>) -> FieldErrors {
    let mut errors = FieldErrors::default();
    errors.add(field, message);
    errors
}

pub async fn rename(
    state: &AppState,
    user: &SignedInUser,
    source_id: &str,
    id: i64,
    name: &str,
) -> Result<(), AppError> {
    let row = for_change(state, user, source_id, id, "rename the connection").await?;
    let new_name = parse_line("Connection Name", name, MAX_NAME_CHARS)
        .map_err(|message| AppError::Invalid(field_error("name", message).keep("name", name)))?;
    if new_name == row.name {
        return Ok(());
    }
    let mut tx = db::begin_write(&state.pool).await?;
    connections::rename(&mut *tx, row.id, &new_name).await?;
    history::record(
        &mut tx,
        row.id,
        user.id,
        &Event::Renamed {
            from: row.name,
            to: new_name,
        },
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// How a token swap was asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SwapHow {
    /// Check the new token with the source first (always, unless the user chose not to).
    pub check: bool,
    /// Put the new token in a new credential for this connection only.
    pub only_this_connection: bool,
}

impl SwapHow {
    pub fn parse(value: &str) -> Self {
        Self {
            check: !value.starts_with("skip"),
            only_this_connection: value.ends_with("-new"),
        }
    }

    /// The form value that asks for this again.
    pub fn as_str(self) -> &'static str {
        match (self.check, self.only_this_connection) {
            (true, false) => "check",
            (true, true) => "check-new",
            (false, false) => "skip",
            (false, true) => "skip-new",
        }
    }
}

/// Replaces the connection's token. The new token is checked first (unless the user chose
/// not to); only then is anything written, in one transaction. On any failure the old token
/// stays exactly as it was.
#[tracing::instrument(skip_all, fields(user_id = user.id, connection_id = id, how = how.as_str()))]
pub async fn swap_token(
    state: &AppState,
    user: &SignedInUser,
    source_id: &str,
    id: i64,
    pasted: &str,
    how: SwapHow,
) -> Result<(), AppError> {
    let row = for_change(state, user, source_id, id, "swap the token").await?;
    let (check, only_this_connection) = (how.check, how.only_this_connection);
    let scope = how.as_str();
    if !only_this_connection && !can_swap_in_place(state, user, &row).await? {
        let action = "swap the token of every connection on its credential";
        return Err(refuse(state, user, &row, action, SWAP_IN_PLACE_REFUSED).await?);
    }
    let token = ApiToken::parse(pasted)
        .map_err(|message| AppError::Invalid(field_error("token", message).keep("how", scope)))?;
    let now = clock::now();
    let (status, checked_at, reach) = if check {
        match token_checks::check_token(state, user, &row.source, &token).await? {
            TokenCheck::Valid { reach } => ("verified", Some(now), Some(reach)),
            TokenCheck::Rejected => {
                return Err(AppError::Invalid(
                    field_error("token", TOKEN_REJECTED).keep("how", scope),
                ))
            }
            TokenCheck::NoAccess => {
                return Err(AppError::Invalid(
                    field_error("token", TOKEN_WITHOUT_UPTIME_ACCESS).keep("how", scope),
                ))
            }
            no_verdict @ (TokenCheck::Throttled { .. } | TokenCheck::Unreachable { .. }) => {
                let message = no_verdict.no_verdict().unwrap_or_default();
                return Err(AppError::SourceUnreachable(
                    field_error("token", message).keep("how", scope),
                ));
            }
        }
    } else {
        ("unverified", None, None)
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

/// Test now: the stored token against the source, the result recorded.
pub async fn test(
    state: &AppState,
    user: &SignedInUser,
    source_id: &str,
    id: i64,
) -> Result<CheckReport, AppError> {
    let row = for_change(state, user, source_id, id, "test the token").await?;
    let token = reveal(state, row.credential_id).await?;
    let now = clock::now();
    let checked = token_checks::check_token(state, user, &row.source, &token).await?;
    let (works, message, stored): (bool, String, Option<(&str, Reached)>) = match &checked {
        TokenCheck::Valid { reach } => (
            true,
            format!("The token works ({}).", reach.words()),
            Some(("verified", Reached::Read(reach))),
        ),
        TokenCheck::Rejected => (
            false,
            TOKEN_REJECTED.to_owned(),
            Some(("rejected", Reached::Unchanged)),
        ),
        TokenCheck::NoAccess => (
            false,
            TOKEN_WITHOUT_UPTIME_ACCESS.to_owned(),
            Some(("rejected", Reached::Words("No Uptime access"))),
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

/// Who can see a connection with this owner, privacy and team.
async fn viewers(
    state: &AppState,
    owner_id: i64,
    privacy: Privacy,
    team_id: Option<i64>,
) -> Result<BTreeSet<i64>, AppError> {
    let mut ids = BTreeSet::from([owner_id]);
    match (privacy, team_id) {
        (Privacy::Workspace, _) => ids.extend(
            users::list_current(&state.pool)
                .await?
                .into_iter()
                .map(|u| u.id),
        ),
        (Privacy::Team, Some(team_id)) => {
            ids.extend(connections::team_member_ids(&state.pool, team_id).await?)
        }
        _ => {}
    }
    Ok(ids)
}

fn privacy_label(privacy: Privacy, team: Option<&str>) -> String {
    match (privacy, team) {
        (Privacy::Team, Some(team)) => format!("{} ({team})", privacy.label()),
        (privacy, _) => privacy.label().to_owned(),
    }
}

/// Changes who can see the connection. If that takes access away from anyone, nothing changes
/// until the request confirms it; the refusal names who would lose access.
pub async fn change_privacy(
    state: &AppState,
    user: &SignedInUser,
    source_id: &str,
    id: i64,
    privacy: &str,
    team: &str,
    confirmed: bool,
) -> Result<(), AppError> {
    let row = for_change(state, user, source_id, id, "change the privacy").await?;
    let settings =
        ConnectionSettings::parse(&row.name, privacy, team).map_err(AppError::Invalid)?;
    let teams: BTreeMap<i64, String> = shareable_teams(state, user)
        .await?
        .into_iter()
        .map(|t| (t.id, t.name))
        .collect();
    let new_team = match settings.team_id {
        Some(team_id) => Some(teams.get(&team_id).cloned().ok_or_else(|| {
            AppError::Invalid(
                field_error("team", "Choose one of your teams.").keep("privacy", privacy),
            )
        })?),
        None => None,
    };
    let current = Privacy::parse(&row.privacy).map_err(AppError::internal)?;
    if current == settings.privacy && row.team_id == settings.team_id {
        return Ok(());
    }
    let before = viewers(state, row.owner_id, current, row.team_id).await?;
    let after = viewers(state, row.owner_id, settings.privacy, settings.team_id).await?;
    let losing: Vec<i64> = before.difference(&after).copied().collect();
    if !losing.is_empty() && !confirmed {
        let names: BTreeMap<i64, String> = users::list_current(&state.pool)
            .await?
            .into_iter()
            .map(|u| (u.id, u.name))
            .collect();
        let who: Vec<&str> = losing
            .iter()
            .filter_map(|id| names.get(id).map(String::as_str))
            .collect();
        let message = format!(
            "{} will lose access to this connection: {}. Apply the change to continue.",
            match who.len() {
                1 => "1 person".to_owned(),
                n => format!("{n} people"),
            },
            who.join(", ")
        );
        return Err(AppError::NeedsConfirmation(
            field_error("privacy", message)
                .keep("privacy", privacy)
                .keep("team", team),
        ));
    }
    let from = privacy_label(current, row.team_name.as_deref());
    let to = privacy_label(settings.privacy, new_team.as_deref());
    let mut tx = db::begin_write(&state.pool).await?;
    connections::set_privacy(
        &mut *tx,
        row.id,
        settings.privacy.as_str(),
        settings.team_id,
    )
    .await?;
    history::record(
        &mut tx,
        row.id,
        user.id,
        &Event::PrivacyChanged { from, to },
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Deletes the connection after its name was typed. Its credential goes too only when asked
/// and no other connection uses it.
pub async fn delete(
    state: &AppState,
    user: &SignedInUser,
    source_id: &str,
    id: i64,
    confirm_name: &str,
    delete_credential: bool,
) -> Result<(), AppError> {
    let row: ConnectionRow =
        for_change(state, user, source_id, id, "delete the connection").await?;
    if confirm_name.trim() != row.name {
        let message = format!("Type the connection's name, {}, to delete it.", row.name);
        return Err(AppError::Invalid(field_error("confirm_name", message)));
    }
    state.syncs.stop_connection(row.id);
    let mut tx = db::begin_write(&state.pool).await?;
    history::record(
        &mut tx,
        row.id,
        user.id,
        &Event::Deleted {
            name: row.name.clone(),
        },
    )
    .await?;
    connections::delete(&mut *tx, row.id).await?;
    let credential_unused = connections::using_credential(&mut *tx, row.credential_id)
        .await?
        .is_empty();
    if delete_credential && credential_unused {
        credentials::delete(&mut *tx, row.credential_id).await?;
    }
    tx.commit().await?;
    tracing::info!(
        connection_id = row.id,
        user_id = user.id,
        credential_deleted = delete_credential && credential_unused,
        "connection deleted"
    );
    Ok(())
}
