//! Connections: the catalog, credentials, the stepper, and the connections of a source.
//!
//! No type here has a field that could hold a token: tiles and rows carry its last four
//! characters, and nothing else of it.

use std::sync::Arc;

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::{
    api::members::TeamRef,
    domain::{token_reach::TeamChoice, Privacy},
    error::AppError,
};

/// A source in the catalog, with how many of its connections the viewer can see.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SourceSummary {
    pub id: String,
    pub name: String,
    pub description: String,
    pub connections: i64,
}

/// What the last check of a credential's token said.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum CheckStatus {
    Verified,
    Unverified,
    Rejected,
}

impl CheckStatus {
    pub fn label(self) -> &'static str {
        match self {
            CheckStatus::Verified => "Verified",
            CheckStatus::Unverified => "Not checked",
            CheckStatus::Rejected => "Failing — token rejected",
        }
    }
}

/// A saved credential, as its tile shows it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CredentialTile {
    pub id: i64,
    pub name: String,
    pub description: Option<String>,
    /// `••••` and the token's last four characters.
    pub fingerprint: String,
    pub set_at: String,
    pub set_by: String,
    pub status: CheckStatus,
    pub checked_at: Option<String>,
    /// What the token reaches, as the last check told.
    pub reach: Option<String>,
    /// The Better Stack teams it reaches, by name, as the last check found them.
    pub reached_teams: Vec<String>,
    /// Whether a connection on it may read only some of those teams (a global token that
    /// reaches several).
    pub team_choice_offered: bool,
    pub used_by: i64,
}

/// Step two of the stepper: the viewer's credentials for a source and their teams.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SetupChoices {
    pub source_id: String,
    pub source_name: String,
    pub credentials: Vec<CredentialTile>,
    pub teams: Vec<TeamRef>,
}

/// Step three: the connection as it will be created.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ConnectionReview {
    pub source_id: String,
    pub source_name: String,
    pub credential: CredentialTile,
    pub name: String,
    pub privacy: Privacy,
    pub team: Option<TeamRef>,
    /// Which of the token's Better Stack teams it will read.
    pub source_teams: TeamChoice,
}

/// A row of a source's connections page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ConnectionSummary {
    pub id: i64,
    pub name: String,
    pub owner: String,
    pub privacy: Privacy,
    pub team_name: Option<String>,
    pub fingerprint: String,
    pub status: CheckStatus,
    /// The status in words, with since-when for a failing connection.
    pub status_text: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SourceConnections {
    pub source_id: String,
    pub source_name: String,
    /// One page of them, by name. Shared, not copied: the server hands the same answer to every
    /// request until something commits (`server::read_cache`), and the page's resource clones it.
    pub connections: Arc<[ConnectionSummary]>,
    pub page: i64,
    pub pages: i64,
    /// All the connections of the source the viewer can see.
    pub total: i64,
}

/// What a connection's page shows.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ConnectionFacts {
    pub id: i64,
    pub source_id: String,
    pub source_name: String,
    pub name: String,
    pub owner: String,
    pub privacy: Privacy,
    pub team_name: Option<String>,
    pub created: String,
    pub credential: CredentialTile,
    /// Which of the token's Better Stack teams it reads.
    pub source_teams: TeamChoice,
}

#[server(prefix = "/api")]
pub async fn list_sources() -> Result<Vec<SourceSummary>, AppError> {
    use crate::server::{auth::require_user, services::connections, state::app_state};
    let user = require_user().await?;
    connections::sources(&app_state()?, &user).await
}

#[server(prefix = "/api")]
pub async fn get_setup(source: String) -> Result<SetupChoices, AppError> {
    use crate::server::{auth::require_user, services::connections, state::app_state};
    let user = require_user().await?;
    connections::setup_choices(&app_state()?, &user, &source).await
}

/// Saves a credential from the overlay, checking its token with the source first unless
/// `check` is `skip` (the user chose Save without checking).
#[server(prefix = "/api")]
pub async fn save_credential(
    source: String,
    #[server(default)] name: String,
    #[server(default)] description: String,
    #[server(default)] token: String,
    #[server(default)] check: String,
    #[server(default)] return_to: String,
) -> Result<CredentialTile, AppError> {
    use crate::{
        domain::connection_forms::NewCredential,
        server::{auth::require_user, request, services::credentials, state::app_state},
    };
    let user = require_user().await?;
    let form = NewCredential::parse(&name, &description, &token).map_err(AppError::Invalid)?;
    let tile = credentials::save(&app_state()?, &user, &source, form, check != "skip").await?;
    if request::is_plain_form_post() {
        // Without JavaScript the overlay is a page of its own: go back to the stepper with
        // the new credential chosen.
        leptos_axum::redirect(&credentials::back_to_stepper(&return_to, &source, tile.id));
    }
    Ok(tile)
}

/// Checks step two's choices and describes the connection to be created.
#[server(prefix = "/api")]
pub async fn review_connection(
    source: String,
    #[server(default)] credential: String,
    #[server(default)] name: String,
    #[server(default)] privacy: String,
    #[server(default)] team: String,
    #[server(default)] team_scope: String,
    #[server(default)] source_teams: Vec<String>,
) -> Result<ConnectionReview, AppError> {
    use crate::server::{auth::require_user, services::connections, state::app_state};
    let user = require_user().await?;
    let draft = connections::Draft::parse(&credential, &name, &privacy, &team)?
        .reading(team_scope, source_teams);
    connections::review(&app_state()?, &user, &source, &draft).await
}

/// Finish: creates the connection and goes to the source's connections.
#[server(prefix = "/api")]
pub async fn create_connection(
    source: String,
    #[server(default)] credential: String,
    #[server(default)] name: String,
    #[server(default)] privacy: String,
    #[server(default)] team: String,
    #[server(default)] team_scope: String,
    #[server(default)] source_teams: Vec<String>,
) -> Result<(), AppError> {
    use crate::server::{auth::require_user, services::connections, state::app_state};
    let user = require_user().await?;
    let draft = connections::Draft::parse(&credential, &name, &privacy, &team)?
        .reading(team_scope, source_teams);
    connections::create(&app_state()?, &user, &source, &draft).await?;
    leptos_axum::redirect(&format!("/connections/{source}"));
    Ok(())
}

#[server(prefix = "/api")]
pub async fn list_connections(
    source: String,
    #[server(default)] page: i64,
) -> Result<SourceConnections, AppError> {
    use crate::server::{auth::require_user, services::connections, state::app_state};
    let user = require_user().await?;
    connections::list(&app_state()?, &user, &source, page).await
}
