//! The stepper's server side: the choices of step two, the review, and creating the connection.

use crate::{
    domain::{connection_forms::ConnectionDraft, token_reach::TeamChoice, FieldErrors},
    error::AppError,
    server::{
        auth::SignedInUser,
        infra::{clock, db},
        repo::{
            connections::{self, NewConnectionRow},
            credentials, teams,
        },
        services::{
            credentials::{source, tile, tiles},
            history::{self, Event},
        },
        state::AppState,
    },
    wire::{
        args::connections::NewConnectionArgs,
        connections::{ConnectionReview, SetupChoices},
        members::TeamRef,
    },
};

pub async fn setup_choices(
    state: &AppState,
    user: &SignedInUser,
    source_id: &str,
) -> Result<SetupChoices, AppError> {
    let source = source(state, source_id)?;
    Ok(SetupChoices {
        source_id: source.id.to_owned(),
        source_name: source.name.to_owned(),
        credentials: tiles(state, user, source.id).await?,
        teams: user_teams(state, user).await?,
    })
}

async fn user_teams(state: &AppState, user: &SignedInUser) -> Result<Vec<TeamRef>, AppError> {
    Ok(teams::of_user(&state.pool, user.id)
        .await?
        .into_iter()
        .map(|team| TeamRef {
            id: team.id,
            name: team.name,
        })
        .collect())
}

/// Step two's choices, parsed: every problem of the form is reported at once.
fn draft(args: &NewConnectionArgs) -> Result<ConnectionDraft, AppError> {
    let settings = (args.name.as_str(), args.privacy, args.team);
    ConnectionDraft::parse(
        args.credential,
        settings,
        args.team_scope,
        args.source_teams.clone(),
    )
    .map_err(AppError::Invalid)
}

/// Checks step two's choices against what exists: the credential must be the user's own,
/// for this source; a team must be one of theirs.
pub async fn review(
    state: &AppState,
    user: &SignedInUser,
    args: &NewConnectionArgs,
) -> Result<ConnectionReview, AppError> {
    review_draft(state, user, &args.source, &draft(args)?).await
}

async fn review_draft(
    state: &AppState,
    user: &SignedInUser,
    source_id: &str,
    draft: &ConnectionDraft,
) -> Result<ConnectionReview, AppError> {
    let source = source(state, source_id)?;
    let mut errors = FieldErrors::default();
    let credential =
        credentials::find_owned(&state.pool, draft.credential_id, user.id, source.id).await?;
    if credential.is_none() {
        errors.add(
            "credential",
            "Choose one of your credentials for this source, or add one.",
        );
    }
    let reach = credential.as_ref().and_then(|c| c.reach_detail());
    let source_teams = draft.team_choice(reach.as_ref()).unwrap_or_else(|message| {
        errors.add("team_scope", message);
        TeamChoice::All
    });
    let team = match draft.settings.team_id {
        Some(team_id) => {
            let team = user_teams(state, user)
                .await?
                .into_iter()
                .find(|team| team.id == team_id);
            if team.is_none() {
                errors.add("team", "Choose one of your teams.");
            }
            team
        }
        None => None,
    };
    match credential {
        Some(credential) if errors.is_empty() => Ok(ConnectionReview {
            source_id: source.id.to_owned(),
            source_name: source.name.to_owned(),
            credential: tile(credential),
            name: draft.settings.name.clone(),
            privacy: draft.settings.privacy,
            team,
            source_teams,
        }),
        _ => Err(AppError::Invalid(
            errors
                .keep("name", &draft.settings.name)
                .keep("privacy", draft.settings.privacy.as_str())
                .keep(
                    "team",
                    &draft
                        .settings
                        .team_id
                        .map(|id| id.to_string())
                        .unwrap_or_default(),
                )
                .keep(
                    "team_scope",
                    draft.team_scope.map_or("", |scope| scope.as_str()),
                )
                .keep("source_teams", &draft.source_teams.join("\n")),
        )),
    }
}

/// Finish: checks the draft again and creates the connection in one transaction.
pub async fn create(
    state: &AppState,
    user: &SignedInUser,
    args: &NewConnectionArgs,
) -> Result<i64, AppError> {
    let draft = &draft(args)?;
    let review = review_draft(state, user, &args.source, draft).await?;
    let mut tx = db::begin_write(&state.pool).await?;
    // The credential could have gone between the review and this write lock.
    if credentials::find_owned(&mut *tx, draft.credential_id, user.id, &review.source_id)
        .await?
        .is_none()
    {
        return Err(AppError::Conflict(
            "That credential no longer exists. Choose another.".into(),
        ));
    }
    let id = connections::insert(
        &mut *tx,
        NewConnectionRow {
            source: &review.source_id,
            name: &review.name,
            owner_id: user.id,
            credential_id: draft.credential_id,
            privacy: review.privacy,
            team_id: review.team.as_ref().map(|team| team.id),
            source_teams: review.source_teams.to_stored(),
            now: clock::now(),
        },
    )
    .await?;
    let privacy = review
        .privacy
        .label_with_team(review.team.as_ref().map(|team| team.name.as_str()));
    history::record(
        &mut tx,
        id,
        user.id,
        &Event::Created {
            name: review.name.clone(),
            privacy,
        },
    )
    .await?;
    tx.commit().await?;
    tracing::info!(connection_id = id, user_id = user.id, "connection created");
    crate::server::sync::spawn(state, id, crate::server::sync::Trigger::Created).await;
    Ok(id)
}
