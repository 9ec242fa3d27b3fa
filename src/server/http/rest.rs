//! The public REST API under `/api/v1`: JSON in and out, authenticated by a personal API key
//! (`Authorization: Bearer pb_…`) and never by cookies, so it has no CSRF surface. Handlers
//! call the same services as the pages, as the key's owner.
//!
//! The router is built from the same annotated handlers as the OpenAPI document
//! (`utoipa-axum`), so a route cannot exist without being documented.

mod body;
mod caller;
mod changes;
mod connections;
mod credentials;
mod docs;
mod problem;

use std::sync::OnceLock;

use axum::{
    http::header,
    middleware,
    response::{IntoResponse, Response},
    routing::get,
    Router,
};
use utoipa::{
    openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme},
    Modify, OpenApi,
};
use utoipa_axum::{router::OpenApiRouter, routes};

use crate::server::state::AppState;
pub use docs::docs_page;
pub use problem::api_errors_as_problems;

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Plugboard REST API",
        version = "1",
        description = "Connections, their sync and the records they pull, as the pages show \
            them. Authenticate with a personal API key from Settings → API Keys: \
            `Authorization: Bearer pb_…`. A Read key reads; changes need a Manage key. A key \
            acts as its owner, never more. Errors are RFC 9457 problem details."
    ),
    servers((url = "/api/v1")),
    // The error responses name these by reference; only bodies of routes are found unasked.
    components(schemas(
        problem::ProblemBody,
        problem::FieldProblem,
        crate::domain::data_tables::SortDir
    )),
    modifiers(&BearerKey),
    security(("api_key" = []))
)]
struct ApiDoc;

struct BearerKey;

impl Modify for BearerKey {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "api_key",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .description(Some("A personal API key (pb_…) from Settings → API Keys."))
                    .build(),
            ),
        );
    }
}

/// The API's routes and its document, from the same handlers.
fn routes_and_document() -> (Router<AppState>, utoipa::openapi::OpenApi) {
    OpenApiRouter::with_openapi(ApiDoc::openapi())
        .routes(routes!(connections::sources))
        .routes(routes!(credentials::list, credentials::create))
        .routes(routes!(credentials::delete))
        .routes(routes!(connections::list, changes::create))
        .routes(routes!(
            connections::get_one,
            changes::rename,
            changes::delete
        ))
        .routes(routes!(connections::history))
        .routes(routes!(changes::swap_token))
        .routes(routes!(changes::change_privacy))
        .routes(routes!(changes::test))
        .routes(routes!(connections::sync_status, connections::sync_start))
        .routes(routes!(connections::records))
        .split_for_parts()
}

/// The OpenAPI document, as JSON, made once.
pub fn document() -> &'static (utoipa::openapi::OpenApi, String) {
    static DOCUMENT: OnceLock<(utoipa::openapi::OpenApi, String)> = OnceLock::new();
    DOCUMENT.get_or_init(|| {
        let (_, document) = routes_and_document();
        let json = document.to_json().unwrap_or_default();
        (document, json)
    })
}

async fn openapi_json() -> Response {
    (
        [(header::CONTENT_TYPE, "application/json")],
        document().1.clone(),
    )
        .into_response()
}

pub fn router() -> Router<AppState> {
    let (routes, _) = routes_and_document();
    routes
        .route("/openapi.json", get(openapi_json))
        .fallback(problem::no_such_route)
        .layer(middleware::map_response(problem::every_error_a_problem))
}
