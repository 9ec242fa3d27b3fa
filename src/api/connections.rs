//! Connections: the catalog, credentials, the stepper, and the connections of a source.
//!
//! No type here has a field that could hold a token: tiles and rows carry its last four
//! characters, and nothing else of it.

use leptos::prelude::*;

use crate::{
    error::AppError,
    wire::connections::{
        ConnectionReview, CredentialTile, SetupChoices, SourceConnections, SourceSummary,
    },
};

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
        server::{auth::require_user, http::request, services::credentials, state::app_state},
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
