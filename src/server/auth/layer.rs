//! Server-side sessions in the database, and axum-login on top.

use axum_login::{AuthManagerLayer, AuthManagerLayerBuilder};
use sqlx::SqlitePool;
use tower_sessions::{cookie::SameSite, Expiry, SessionManagerLayer};
use tower_sessions_sqlx_store::SqliteStore;

use super::{cached_sessions::CachedSessions, AuthBackend};
use crate::server::state::AppState;

pub const SESSION_COOKIE: &str = "plugboard_session";
/// A session ends after this long without a request (renewed hourly while in use: see [`super::renewal`]).
pub const IDLE_DAYS: i64 = 7;

/// Creates the session table if missing and returns the store.
pub async fn session_store(pool: &SqlitePool) -> Result<SqliteStore, sqlx::Error> {
    let store = SqliteStore::new(pool.clone());
    store.migrate().await?;
    Ok(store)
}

/// The layer that puts an [`super::AuthSession`] into every request. Over https the cookie is
/// marked for https only.
pub fn auth_layer(
    state: &AppState,
    store: SqliteStore,
) -> AuthManagerLayer<AuthBackend, CachedSessions> {
    let sessions = SessionManagerLayer::new(CachedSessions::new(store))
        .with_name(SESSION_COOKIE)
        .with_http_only(true)
        // Lax, not Strict: a link into Plugboard from chat or mail should arrive signed in.
        // Cross-site form posts are refused by the origin check instead.
        .with_same_site(SameSite::Lax)
        .with_secure(state.serves_https())
        .with_expiry(Expiry::OnInactivity(
            tower_sessions::cookie::time::Duration::days(IDLE_DAYS),
        ));
    AuthManagerLayerBuilder::new(
        AuthBackend::new(
            state.pool.clone(),
            state.hashing.clone(),
            state.users.clone(),
        ),
        sessions,
    )
    .build()
}
