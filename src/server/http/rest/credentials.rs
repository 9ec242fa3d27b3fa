//! The key owner's credentials: listed, saved with the same live check as the credential
//! overlay, and deleted while no connection uses them.

use axum::{
    extract::{Path, Query, State},
    http::StatusCode,
    Json,
};
use serde::Deserialize;
use utoipa::{IntoParams, ToSchema};

use super::{
    body::{yes, JsonBody},
    caller::{Caller, Manager},
    problem::{Problem, Problems},
};
use crate::{
    domain::catalog::CATALOG,
    server::{services::credentials, state::AppState},
    wire::{
        args::connections::{CheckFirst, SaveCredentialArgs},
        connections::CredentialTile,
    },
};

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct CredentialsQuery {
    /// The source whose credentials are listed; the catalog's first when left out.
    source: Option<String>,
}

/// The key owner's own credentials for a source, newest first. Only the last four characters
/// of a token are ever shown.
#[utoipa::path(get, path = "/credentials", tag = "credentials", params(CredentialsQuery),
    responses((status = 200, description = "The owner's credentials", body = Vec<CredentialTile>), Problems))]
pub async fn list(
    State(state): State<AppState>,
    caller: Caller,
    Query(query): Query<CredentialsQuery>,
) -> Result<Json<Vec<CredentialTile>>, Problem> {
    let source = query.source.as_deref().unwrap_or(CATALOG[0].id);
    Ok(Json(
        credentials::tiles(&state, &caller.user, source).await?,
    ))
}

/// A credential to save. The token is write-only: it is never answered back.
#[derive(Deserialize, ToSchema)]
pub struct NewCredential {
    /// The source's id, e.g. betterstack-uptime.
    #[schema(example = "betterstack-uptime")]
    source: String,
    #[schema(min_length = 1, max_length = 100)]
    name: String,
    #[serde(default)]
    #[schema(max_length = 500)]
    description: String,
    /// The source's API token.
    #[schema(write_only, min_length = 1, max_length = 1024)]
    token: String,
    /// Check the token with the source before saving (the default). `false` saves it as not
    /// checked, for when the source could not answer.
    #[serde(default = "yes")]
    check: bool,
}

/// Saves a credential (a Manage key). Checked first, a token the source refuses is not saved
/// (422 with the reason on `token`); a source that does not answer is a 502, after which the
/// same request with `"check": false` saves it as not checked.
#[utoipa::path(post, path = "/credentials", tag = "credentials", request_body = NewCredential,
    responses((status = 201, description = "The credential, saved", body = CredentialTile), Problems))]
pub async fn create(
    State(state): State<AppState>,
    Manager(user): Manager,
    JsonBody(body): JsonBody<NewCredential>,
) -> Result<(StatusCode, Json<CredentialTile>), Problem> {
    let args = SaveCredentialArgs {
        source: body.source,
        name: body.name,
        description: body.description,
        token: body.token,
        check: if body.check {
            CheckFirst::Check
        } else {
            CheckFirst::Skip
        },
        return_to: String::new(),
    };
    let tile = credentials::save(&state, &user, &args).await?;
    Ok((StatusCode::CREATED, Json(tile)))
}

/// Deletes one of the owner's credentials (a Manage key); 409 while a connection uses it.
#[utoipa::path(delete, path = "/credentials/{source}/{id}", tag = "credentials",
    params(("source" = String, Path, description = "The source's id"), ("id" = i64, Path, description = "The credential's id")),
    responses((status = 204, description = "The credential is gone"), Problems))]
pub async fn delete(
    State(state): State<AppState>,
    Manager(user): Manager,
    Path((source, id)): Path<(String, i64)>,
) -> Result<StatusCode, Problem> {
    credentials::delete_unused(&state, &user, &source, id).await?;
    Ok(StatusCode::NO_CONTENT)
}
