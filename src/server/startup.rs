//! Turning settings into a running server, and stopping it gracefully.

use std::{future::Future, sync::Arc};

use axum::serve::ListenerExt;
use tokio::net::TcpListener;

use crate::server::{
    auth,
    connectors::{betterstack::BetterStackUptime, Connector, Connectors},
    http::router::router,
    infra::config::ConfigError,
    infra::config::Settings,
    infra::db,
    state::AppState,
};

/// Opens and migrates the database and loads the master key.
pub async fn build_state(settings: &Settings) -> Result<AppState, ConfigError> {
    let pool = db::open(&settings.database).await?;
    db::migrate(&pool).await?;
    auth::layer::session_store(&pool).await.map_err(|e| {
        ConfigError::new(
            "DATABASE_URL",
            format!("cannot create the session table: {e}"),
        )
    })?;
    if let crate::server::infra::master_key::KeySource::File(path) = &settings.master_key {
        let pending = crate::server::services::key_rotation::pending_key_file(path);
        if pending.exists() {
            return Err(ConfigError::new(
                "PLUGBOARD_MASTER_KEY",
                format!(
                    "a key rotation did not finish ({} exists); run `plugboard admin rotate-key` again to finish it",
                    pending.display()
                ),
            ));
        }
    }
    let master_key = settings.master_key.load()?;
    // Syncs a crash cut short are over; say so rather than show them running forever.
    crate::server::repo::sync_runs::mark_interrupted(&pool, crate::server::infra::clock::now())
        .await
        .map_err(|e| {
            ConfigError::new("DATABASE_URL", format!("cannot read the sync history: {e}"))
        })?;
    // Once start-up has worked: a failed start-up stays one line.
    crate::server::infra::db::file_modes::warn_if_shared(&settings.database.file);
    let state = AppState::new(
        settings.leptos.clone(),
        pool,
        master_key,
        Connectors::new([Arc::new(BetterStackUptime {
            base: settings.betterstack_uptime_url.clone(),
            details_per_sync: settings.details_per_sync,
        }) as Arc<dyn Connector>]),
        settings.public_url.clone(),
        settings.sync_interval,
        settings.trusted_proxies.clone(),
    );
    state.api_rate.set_per_minute(settings.api_rate_per_minute);
    Ok(state)
}

/// Serves the app on `listener` until `shutdown` completes; requests in flight then finish.
pub async fn serve(
    listener: TcpListener,
    state: AppState,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    // Responses are written as headers, then body: with Nagle's algorithm on, the body waits
    // for the client to acknowledge the headers, which it may delay by 40 ms.
    let listener = listener.tap_io(|connection| {
        if let Err(e) = connection.set_nodelay(true) {
            tracing::warn!("cannot turn off Nagle's algorithm on a connection: {e}");
        }
    });
    // The peer's address, for limits counted per client (server::http::client_addr).
    let app = router(state).into_make_service_with_connect_info::<std::net::SocketAddr>();
    axum::serve(listener, app)
        .with_graceful_shutdown(shutdown)
        .await
}

/// The whole server: settings, state, listener, serve until SIGINT or SIGTERM.
pub async fn run() -> Result<(), ConfigError> {
    let settings = Settings::from_process_env()?;
    let state = build_state(&settings).await?;
    let addr = settings.leptos.site_addr;
    let listener = TcpListener::bind(addr).await.map_err(|e| {
        ConfigError::new("LEPTOS_SITE_ADDR", format!("cannot listen on {addr}: {e}"))
    })?;
    let bound = listener.local_addr().unwrap_or(addr);
    tracing::info!("Plugboard is listening on http://{bound}");
    let schedule = tokio::spawn(crate::server::sync::scheduler::run(state.clone()));
    let pruning = tokio::spawn(crate::server::auth::housekeeping::run(state.clone()));
    let syncs = state.syncs.clone();
    let stopping = syncs.clone();
    serve(listener, state, async move {
        shutdown_signal().await;
        // Running syncs stop at their next page boundary; nothing half-pulled is stored.
        stopping.stop_all();
    })
    .await
    .map_err(|e| ConfigError::new("LEPTOS_SITE_ADDR", format!("the server stopped: {e}")))?;
    schedule.abort();
    pruning.abort();
    if tokio::time::timeout(std::time::Duration::from_secs(30), syncs.wait_idle())
        .await
        .is_err()
    {
        tracing::warn!("a sync did not stop within 30 seconds");
    }
    tracing::info!("Plugboard stopped");
    Ok(())
}

/// Completes on Ctrl-C (SIGINT) or SIGTERM.
pub async fn shutdown_signal() {
    let interrupt = async {
        if let Err(e) = tokio::signal::ctrl_c().await {
            tracing::error!("cannot listen for Ctrl-C: {e}");
            std::future::pending::<()>().await;
        }
    };
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(e) => {
                tracing::error!("cannot listen for SIGTERM: {e}");
                std::future::pending::<()>().await;
            }
        }
    };
    tokio::select! {
        () = interrupt => {},
        () = terminate => {},
    }
    tracing::info!("shutting down: finishing requests in flight");
}
