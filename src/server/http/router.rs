//! The one `router(state)` used by `main` and by the tests.

use std::sync::OnceLock;

use axum::{middleware, routing::get, Router};
use leptos_axum::{generate_route_list, AxumRouteListing, LeptosRoutes};
use tower_http::limit::RequestBodyLimitLayer;
use tower_sessions_sqlx_store::SqliteStore;

use crate::app::{shell, App};
use crate::server::{
    auth,
    http::csrf,
    http::downloads,
    http::error_status,
    http::finish_requests,
    http::health,
    http::page_guard,
    http::render_slots::{self, RenderSlots},
    http::request_log,
    http::rest,
    http::security_headers,
    infra::db,
    state::AppState,
};

/// The largest request body accepted. Plugboard's biggest form (a credential with its
/// description) is a few kilobytes; anything much larger is a mistake or an attack.
pub const MAX_BODY_BYTES: usize = 64 * 1024;

/// The app's pages, listed once per process. Listing runs the app with leptos_server's
/// process-wide "load no data" switch on, and a page of any server in this process whose
/// data started loading in that moment would wait forever (leptos#4773). Every server in a
/// process serves the same pages, and none serves one before this list exists.
fn route_list() -> Vec<AxumRouteListing> {
    static ROUTES: OnceLock<Vec<AxumRouteListing>> = OnceLock::new();
    ROUTES.get_or_init(|| generate_route_list(App)).clone()
}

pub fn router(state: AppState) -> Router {
    let routes = route_list();
    let leptos_options = state.leptos_options.clone();
    let sessions = SqliteStore::new(db::sessions_pool(&state.pool));
    let auth_layer = auth::layer::auth_layer(&state, sessions);
    // Layers run outside in: the last added sees the request first.
    Router::new()
        .route("/healthz", get(health::healthz))
        .nest("/api/v1", rest::router())
        .route("/api/docs", get(rest::docs_page))
        .route(
            "/connections/{source}/{id}/{file}",
            get(downloads::download),
        )
        .leptos_routes_with_context(
            &state,
            routes,
            security_headers::provide_page_nonce,
            move || shell(leptos_options.clone()),
        )
        .fallback(leptos_axum::file_and_error_handler_with_context::<
            AppState,
            _,
        >(security_headers::provide_page_nonce, shell))
        // Inside the guard: a page load it redirects renders nothing.
        .layer(middleware::from_fn_with_state(
            RenderSlots::one_per_core(),
            render_slots::take_turns,
        ))
        .layer(middleware::from_fn_with_state(
            state.clone(),
            page_guard::guard_pages,
        ))
        // Inside the auth layer: it needs the request's session.
        .layer(middleware::from_fn(auth::renewal::renew_sessions_in_use))
        .layer(auth_layer)
        .layer(middleware::from_fn(csrf::refuse_cross_site))
        .layer(middleware::from_fn(error_status::status_from_app_error))
        .layer(RequestBodyLimitLayer::new(MAX_BODY_BYTES))
        // Outside the limit: an API request over it is still answered as a problem.
        .layer(middleware::from_fn(rest::api_errors_as_problems))
        .layer(middleware::from_fn_with_state(
            state.clone(),
            security_headers::add_security_headers,
        ))
        .layer(middleware::from_fn(request_log::log_request))
        .layer(middleware::from_fn(
            finish_requests::finish_even_if_client_leaves,
        ))
        .with_state(state)
}
