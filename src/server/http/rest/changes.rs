//! Changes to connections, each needing a Manage key and the same rights as the page's forms:
//! create, rename, swap the token, change privacy, Test now, delete.

use std::sync::Arc;

use axum::{
    extract::{Path, Query, State},
    http::{header, StatusCode},
    Json,
};
use serde::Deserialize;
use utoipa::{IntoParams, ToSchema};

use super::{
    body::{yes, JsonBody},
    caller::Manager,
    problem::{Problem, Problems},
};
use crate::{
    domain::{token_reach::TeamScope, Privacy, SwapMode},
    server::{
        auth::SignedInUser,
        services::{connection_changes, connections},
        state::AppState,
    },
    wire::{
        args::{
            connection_changes::PrivacyArgs, connections::NewConnectionArgs, ConnectionRef, Ticked,
        },
        connection_detail::{CheckReport, ConnectionDetail},
    },
};

type Answer<T> = Result<Json<T>, Problem>;

/// The connection as it now is, as the connection's page shows it.
async fn now(
    state: &AppState,
    user: &SignedInUser,
    connection: &ConnectionRef,
) -> Answer<Arc<ConnectionDetail>> {
    Ok(Json(
        connection_changes::detail(state, user, &connection.source, connection.id, 1).await?,
    ))
}

/// A connection to create on one of the owner's credentials.
#[derive(Deserialize, ToSchema)]
pub struct NewConnection {
    /// The source's id, e.g. betterstack-uptime.
    #[schema(example = "betterstack-uptime")]
    source: String,
    /// One of the key owner's credentials for that source.
    credential: i64,
    /// No line breaks.
    #[schema(min_length = 1, max_length = 100)]
    name: String,
    privacy: Privacy,
    /// The team it is shared with, for `team` privacy: one of the owner's teams.
    team: Option<i64>,
    /// Which of the token's Better Stack teams it reads; all of them when left out. Asked
    /// for only when the credential's token reaches several.
    source_teams: Option<Vec<String>>,
}

/// Creates a connection (a Manage key), as Finish does in the stepper; its first sync starts.
#[utoipa::path(post, path = "/connections", tag = "connections", request_body = NewConnection,
    responses((status = 201, description = "The connection, created",
        headers(("Location" = String, description = "The connection's address")),
        body = ConnectionDetail), Problems))]
pub async fn create(
    State(state): State<AppState>,
    Manager(user): Manager,
    JsonBody(body): JsonBody<NewConnection>,
) -> Result<
    (
        StatusCode,
        [(header::HeaderName, String); 1],
        Json<Arc<ConnectionDetail>>,
    ),
    Problem,
> {
    let team_scope = match body.source_teams {
        Some(_) => TeamScope::Only,
        None => TeamScope::All,
    };
    let args = NewConnectionArgs {
        source: body.source,
        credential: Some(body.credential),
        name: body.name,
        privacy: Some(body.privacy),
        team: body.team,
        team_scope: Some(team_scope),
        source_teams: body.source_teams.unwrap_or_default(),
    };
    let id = connections::create(&state, &user, &args).await?;
    let connection = ConnectionRef {
        source: args.source,
        id,
    };
    let location = format!("/api/v1/connections/{}/{id}", connection.source);
    let Json(detail) = now(&state, &user, &connection).await?;
    Ok((
        StatusCode::CREATED,
        [(header::LOCATION, location)],
        Json(detail),
    ))
}

#[derive(Deserialize, ToSchema)]
pub struct Rename {
    /// The new name, without line breaks.
    #[schema(min_length = 1, max_length = 100)]
    name: String,
}

/// Renames the connection (a Manage key); answers the connection as it now is.
#[utoipa::path(patch, path = "/connections/{source}/{id}", tag = "connections",
    params(ConnectionRef),
    request_body = Rename,
    responses((status = 200, description = "The connection, renamed", body = ConnectionDetail), Problems))]
pub async fn rename(
    State(state): State<AppState>,
    Manager(user): Manager,
    Path(connection): Path<ConnectionRef>,
    JsonBody(body): JsonBody<Rename>,
) -> Answer<Arc<ConnectionDetail>> {
    connection_changes::rename(&state, &user, &connection, &body.name).await?;
    now(&state, &user, &connection).await
}

/// A new token for the connection. Write-only: it is never answered back.
#[derive(Deserialize, ToSchema)]
pub struct NewToken {
    #[schema(write_only, min_length = 1, max_length = 1024)]
    token: String,
    /// Check the new token with the source before anything is written (the default). A
    /// token the source refuses changes nothing (422); a source that does not answer is a
    /// 502, after which `"check": false` swaps it unchecked.
    #[serde(default = "yes")]
    check: bool,
    /// Put the token into a new credential for this connection only, leaving the others on
    /// the old credential. Otherwise the credential's token is replaced, which needs the
    /// right to manage every connection using it.
    #[serde(default)]
    new_credential: bool,
}

/// Swaps the connection's token (a Manage key), checked first unless asked not to. On any
/// failure the old token stays exactly as it was.
#[utoipa::path(put, path = "/connections/{source}/{id}/token", tag = "connections",
    params(ConnectionRef),
    request_body = NewToken,
    responses((status = 200, description = "The connection, on its new token", body = ConnectionDetail), Problems))]
pub async fn swap_token(
    State(state): State<AppState>,
    Manager(user): Manager,
    Path(connection): Path<ConnectionRef>,
    JsonBody(body): JsonBody<NewToken>,
) -> Answer<Arc<ConnectionDetail>> {
    let how = match (body.check, body.new_credential) {
        (true, false) => SwapMode::Check,
        (true, true) => SwapMode::CheckNew,
        (false, false) => SwapMode::Skip,
        (false, true) => SwapMode::SkipNew,
    };
    connection_changes::swap_token(&state, &user, &connection, &body.token, how).await?;
    now(&state, &user, &connection).await
}

/// Who sees the connection.
#[derive(Deserialize, ToSchema)]
pub struct NewPrivacy {
    privacy: Privacy,
    /// For `team` privacy: one of the owner's teams.
    team: Option<i64>,
    /// A change that takes access away from anyone is refused (422, naming who) until it is
    /// sent again with `"confirm": true`.
    #[serde(default)]
    confirm: bool,
}

/// Changes who sees the connection (a Manage key).
#[utoipa::path(put, path = "/connections/{source}/{id}/privacy", tag = "connections",
    params(ConnectionRef),
    request_body = NewPrivacy,
    responses((status = 200, description = "The connection, with its new privacy", body = ConnectionDetail), Problems))]
pub async fn change_privacy(
    State(state): State<AppState>,
    Manager(user): Manager,
    Path(connection): Path<ConnectionRef>,
    JsonBody(body): JsonBody<NewPrivacy>,
) -> Answer<Arc<ConnectionDetail>> {
    let args = PrivacyArgs {
        connection,
        privacy: Some(body.privacy),
        team: body.team,
        confirm: if body.confirm {
            Ticked::Yes
        } else {
            Ticked::No
        },
    };
    connection_changes::change_privacy(&state, &user, &args).await?;
    now(&state, &user, &args.connection).await
}

/// Test now: checks the connection's token with its source (a Manage key).
#[utoipa::path(post, path = "/connections/{source}/{id}/test", tag = "connections",
    params(ConnectionRef),
    responses((status = 200, description = "What the check found", body = CheckReport), Problems))]
pub async fn test(
    State(state): State<AppState>,
    Manager(user): Manager,
    Path(connection): Path<ConnectionRef>,
) -> Answer<CheckReport> {
    Ok(Json(
        connection_changes::test(&state, &user, &connection).await?,
    ))
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct DeleteQuery {
    /// Delete its credential too, when no other connection uses it.
    #[serde(default)]
    delete_credential: bool,
}

/// Deletes the connection and its pulled data (a Manage key).
#[utoipa::path(delete, path = "/connections/{source}/{id}", tag = "connections",
    params(ConnectionRef, DeleteQuery),
    responses((status = 204, description = "The connection is gone"), Problems))]
pub async fn delete(
    State(state): State<AppState>,
    Manager(user): Manager,
    Path(connection): Path<ConnectionRef>,
    Query(query): Query<DeleteQuery>,
) -> Result<StatusCode, Problem> {
    // The page asks for the name typed again; a program names the connection by its address,
    // so the name it confirms is the connection's own.
    let Json(current) = now(&state, &user, &connection).await?;
    connection_changes::delete(
        &state,
        &user,
        &connection,
        &current.facts.name,
        query.delete_credential,
    )
    .await?;
    Ok(StatusCode::NO_CONTENT)
}
