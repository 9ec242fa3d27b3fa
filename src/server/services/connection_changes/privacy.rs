//! Changing who sees a connection, confirmed when it takes access away from anyone.

use std::collections::{BTreeMap, BTreeSet};

use crate::wire::args::connection_changes::PrivacyArgs;
use crate::{
    domain::{connection_forms::ConnectionSettings, FieldErrors, Privacy},
    error::AppError,
    server::{
        auth::SignedInUser,
        infra::db,
        repo::{connections, users},
        services::{
            connection_access::{for_change, shareable_teams},
            history::{self, Event},
        },
        state::AppState,
    },
};

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

/// Changes who can see the connection. If that takes access away from anyone, nothing changes
/// until the request confirms it; the refusal names who would lose access.
pub async fn change_privacy(
    state: &AppState,
    user: &SignedInUser,
    args: &PrivacyArgs,
) -> Result<(), AppError> {
    let row = for_change(state, user, &args.connection, "change the privacy").await?;
    let settings =
        ConnectionSettings::parse(&row.name, args.privacy, args.team).map_err(AppError::Invalid)?;
    let confirmed = args.confirm.is_yes();
    let teams: BTreeMap<i64, String> = shareable_teams(state, user)
        .await?
        .into_iter()
        .map(|t| (t.id, t.name))
        .collect();
    let new_team = match settings.team_id {
        Some(team_id) => Some(teams.get(&team_id).cloned().ok_or_else(|| {
            AppError::Invalid(
                FieldErrors::one("team", "Choose one of your teams.")
                    .keep("privacy", settings.privacy.as_str()),
            )
        })?),
        None => None,
    };
    let current = row.privacy;
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
            FieldErrors::one("privacy", message)
                .keep("privacy", settings.privacy.as_str())
                .keep(
                    "team",
                    &settings
                        .team_id
                        .map(|id| id.to_string())
                        .unwrap_or_default(),
                ),
        ));
    }
    let from = current.label_with_team(row.team_name.as_deref());
    let to = settings.privacy.label_with_team(new_team.as_deref());
    let mut tx = db::begin_write(&state.pool).await?;
    connections::set_privacy(&mut *tx, row.id, settings.privacy, settings.team_id).await?;
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
