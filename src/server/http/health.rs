//! `GET /healthz`: answers once the database is reachable and migrated.

use axum::{extract::State, http::StatusCode, response::IntoResponse, Json};
use serde_json::json;
use sqlx::SqlitePool;

use crate::server::infra::db;

pub async fn healthz(State(pool): State<SqlitePool>) -> impl IntoResponse {
    match db::applied_migrations(&pool).await {
        Ok(migrations) => (
            StatusCode::OK,
            Json(json!({ "status": "ok", "database": "ok", "migrations": migrations })),
        ),
        Err(e) => {
            tracing::error!("health check cannot read the database: {e}");
            (
                StatusCode::SERVICE_UNAVAILABLE,
                Json(json!({ "status": "unavailable", "database": "unreachable" })),
            )
        }
    }
}
