//! Connections: the catalog, credentials, the stepper, and the connections of a source.
//!
//! No type here has a field that could hold a token: tiles and rows carry its last four
//! characters, and nothing else of it.

use leptos::prelude::*;

use crate::{
    error::AppError,
    wire::{
        args::connections::{
            ListConnectionsArgs, NewConnectionArgs, SaveCredentialArgs, SourceArgs,
        },
        connections::{
            ConnectionReview, CredentialTile, SetupChoices, SourceConnections, SourceSummary,
        },
    },
};

#[server(prefix = "/api")]
pub async fn list_sources() -> Result<Vec<SourceSummary>, AppError> {
    use crate::server::{auth::require_user, services::connections, state::app_state};
    let user = require_user().await?;
    connections::sources(&app_state()?, &user).await
}

#[server(prefix = "/api")]
pub async fn get_setup(#[server(flatten)] args: SourceArgs) -> Result<SetupChoices, AppError> {
    use crate::server::{auth::require_user, services::connections, state::app_state};
    let user = require_user().await?;
    connections::setup_choices(&app_state()?, &user, &args.source).await
}

/// Saves a credential from the overlay, checking its token with the source first unless
/// the user chose Save without checking.
#[server(prefix = "/api")]
pub async fn save_credential(
    #[server(flatten)] args: SaveCredentialArgs,
) -> Result<CredentialTile, AppError> {
    use crate::server::{
        auth::require_user, http::request, services::credentials, state::app_state,
    };
    let user = require_user().await?;
    let tile = credentials::save(&app_state()?, &user, &args).await?;
    if request::is_plain_form_post() {
        // Without JavaScript the overlay is a page of its own: go back to the stepper with
        // the new credential chosen.
        let back = credentials::back_to_stepper(&args.return_to, &args.source, tile.id);
        leptos_axum::redirect(&back);
    }
    Ok(tile)
}

/// Checks step two's choices and describes the connection to be created.
#[server(prefix = "/api")]
pub async fn review_connection(
    #[server(flatten)] args: NewConnectionArgs,
) -> Result<ConnectionReview, AppError> {
    use crate::server::{auth::require_user, services::connections, state::app_state};
    let user = require_user().await?;
    connections::review(&app_state()?, &user, &args).await
}

/// Finish: creates the connection and goes to the source's connections.
#[server(prefix = "/api")]
pub async fn create_connection(#[server(flatten)] args: NewConnectionArgs) -> Result<(), AppError> {
    use crate::server::{auth::require_user, services::connections, state::app_state};
    let user = require_user().await?;
    connections::create(&app_state()?, &user, &args).await?;
    leptos_axum::redirect(&format!("/connections/{}", args.source));
    Ok(())
}

#[server(prefix = "/api")]
pub async fn list_connections(
    #[server(flatten)] args: ListConnectionsArgs,
) -> Result<SourceConnections, AppError> {
    use crate::{
        domain::connection_filter::ConnectionFilter,
        server::{auth::require_user, services::connections, state::app_state},
    };
    let user = require_user().await?;
    let every = ConnectionFilter::default();
    connections::list(&app_state()?, &user, &args.source, &every, args.page).await
}
