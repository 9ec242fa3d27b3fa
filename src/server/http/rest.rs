//! The public REST API under `/api/v1`: JSON in and out, authenticated by a personal API key
//! (`Authorization: Bearer pb_…`) and never by cookies, so it has no CSRF surface. Handlers
//! call the same services as the pages, as the key's owner.

mod caller;
mod connections;
mod problem;

use axum::{
    routing::{get, post},
    Router,
};

use crate::server::state::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/sources", get(connections::sources))
        .route("/connections", get(connections::list))
        .route(
            "/connections/{source}/{id}",
            get(connections::get_one).patch(connections::rename),
        )
        .route("/connections/{source}/{id}/test", post(connections::test))
        .route(
            "/connections/{source}/{id}/sync",
            get(connections::sync_status).post(connections::sync_start),
        )
        .route(
            "/connections/{source}/{id}/records/{kind}",
            get(connections::records),
        )
        .fallback(problem::no_such_route)
}
