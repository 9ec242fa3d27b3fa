//! The one state shared by every handler, server function and server-side render.

use std::{
    net::IpAddr,
    sync::{
        atomic::{AtomicBool, Ordering},
        Arc, OnceLock,
    },
    time::Duration,
};

use axum::extract::FromRef;
use leptos::{config::LeptosOptions, prelude::use_context};
use sqlx::SqlitePool;
use url::Url;

use crate::server::{
    auth::{
        api_key_rate::{FailedKeyChecks, KeyRate},
        passwords::HashingTurns,
        SignedInUser,
    },
    connectors::Connectors,
    infra::master_key::MasterKey,
    read_cache::{ReadCache, SLOW_LOAD_MAX_AGE},
    repo::{api_keys::ApiKeyRow, users, workspace},
    services::check_budget::CheckBudgets,
    sync::SyncRegistry,
};
use crate::{
    domain::{connection_filter::ConnectionFilter, Role},
    error::AppError,
    wire::{
        connection_detail::ConnectionDetail, connections::SourceConnections, dashboard::Dashboard,
        overview::ConnectionOverview,
    },
};

/// Answers each cache below holds at most (a connection page with its History is a few KB);
/// past that, old ones are dropped first.
const ANSWERS_KEPT: usize = 1_000;
/// API keys held in memory at most; a forged key is never kept, so guesses cannot evict them.
const API_KEYS_KEPT: usize = 10_000;
/// Signed-in users held in memory at most; every request asks for one.
const USERS_KEPT: usize = 10_000;

/// Cloned for every request (by each layer that takes it, and into each server function's
/// context), so a clone is one reference count, not a copy of every field.
#[derive(Clone)]
pub struct AppState(Arc<Shared>);

pub struct Shared {
    pub leptos_options: LeptosOptions,
    pub pool: SqlitePool,
    pub master_key: MasterKey,
    /// The client for calls to sources (timeouts, no redirects).
    pub http: reqwest::Client,
    /// A connector per source.
    pub connectors: Connectors,
    /// Where people reach Plugboard (`PLUGBOARD_PUBLIC_URL`), for links it hands out.
    pub public_url: Option<Url>,
    /// Proxies whose `X-Forwarded-For` is believed (`PLUGBOARD_TRUSTED_PROXIES`).
    pub trusted_proxies: Vec<IpAddr>,
    /// Whether the workspace exists. Only ever goes from false to true.
    set_up: AtomicBool,
    /// The workspace's name, once it exists: it is written once and never changed, and
    /// every page shows it.
    workspace_name: OnceLock<String>,
    /// Turns at password hashing, shared by sign-in, joining, resets and first runs.
    pub hashing: HashingTurns,
    /// How many tokens each person may still have checked with a source.
    pub check_budgets: Arc<CheckBudgets>,
    /// Running syncs, their progress, and their request budgets.
    pub syncs: Arc<SyncRegistry>,
    /// How often each connection syncs on its own (`PLUGBOARD_SYNC_INTERVAL`).
    pub sync_interval: Duration,
    /// Connection pages as their viewers last loaded them, until something commits.
    /// Keyed by viewer, source, connection and page of History.
    pub connection_pages: ReadCache<(ViewerKey, &'static str, i64, i64), Arc<ConnectionDetail>>,
    /// Dashboards by viewer.
    pub dashboards: ReadCache<ViewerKey, Arc<Dashboard>>,
    /// Connection Overviews by viewer, source, connection and chosen monitor.
    pub overviews: ReadCache<(ViewerKey, &'static str, i64, Option<i64>), Arc<ConnectionOverview>>,
    /// Pages of the connections lists (as filtered), the same way.
    pub connection_lists:
        ReadCache<(ViewerKey, &'static str, ConnectionFilter, i64), SourceConnections>,
    /// Requests per minute per API key.
    pub api_rate: KeyRate,
    /// Failed API key checks per minute per client address.
    pub failed_key_checks: FailedKeyChecks,
    /// API keys by digest, until something commits (a revocation is a commit).
    pub api_keys: ReadCache<Vec<u8>, ApiKeyRow>,
    /// Signed-in users by id, until something commits: what every session and every API
    /// key resolves to on each request.
    pub users: Arc<ReadCache<i64, Option<SignedInUser>>>,
}

/// Who an answer was worked out for: everything about the viewer that decides what they
/// see. The role is part of it, so that a request still holding the user as they were before
/// a role change cannot file its answer under the changed user.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct ViewerKey {
    user_id: i64,
    role: Role,
}

impl ViewerKey {
    pub fn of(user: &SignedInUser) -> Self {
        Self {
            user_id: user.id,
            role: user.role,
        }
    }
}

impl AppState {
    pub fn new(
        leptos_options: LeptosOptions,
        pool: SqlitePool,
        master_key: MasterKey,
        connectors: Connectors,
        public_url: Option<Url>,
        sync_interval: Duration,
        trusted_proxies: Vec<IpAddr>,
    ) -> Self {
        Self(Arc::new(Shared {
            leptos_options,
            pool,
            master_key,
            connectors,
            http: crate::server::infra::outbound::client(),
            public_url,
            trusted_proxies,
            set_up: AtomicBool::new(false),
            workspace_name: OnceLock::new(),
            hashing: HashingTurns::one_per_core(),
            check_budgets: Arc::default(),
            syncs: Arc::default(),
            sync_interval,
            connection_pages: ReadCache::new(ANSWERS_KEPT),
            overviews: ReadCache::new(ANSWERS_KEPT).reloaded_after(SLOW_LOAD_MAX_AGE),
            dashboards: ReadCache::new(ANSWERS_KEPT).reloaded_after(SLOW_LOAD_MAX_AGE),
            connection_lists: ReadCache::new(ANSWERS_KEPT),
            api_rate: KeyRate::default(),
            failed_key_checks: FailedKeyChecks::default(),
            api_keys: ReadCache::new(API_KEYS_KEPT),
            users: Arc::new(ReadCache::new(USERS_KEPT)),
        }))
    }

    /// The workspace's name; empty before the first run.
    pub async fn workspace_name(&self) -> Result<String, AppError> {
        if let Some(name) = self.workspace_name.get() {
            return Ok(name.clone());
        }
        Ok(match workspace::name(&self.pool).await? {
            Some(name) => self.workspace_name.get_or_init(|| name).clone(),
            None => String::new(),
        })
    }

    /// Whether the first run is done (someone exists). Asks the database until it is.
    pub async fn is_set_up(&self) -> Result<bool, AppError> {
        if self.set_up.load(Ordering::Acquire) {
            return Ok(true);
        }
        let exists = users::any_exist(&self.pool).await?;
        if exists {
            self.mark_set_up();
        }
        Ok(exists)
    }

    pub fn mark_set_up(&self) {
        self.set_up.store(true, Ordering::Release);
    }

    /// Session cookies are marked Secure when Plugboard is reached over https.
    pub fn serves_https(&self) -> bool {
        self.public_url
            .as_ref()
            .is_some_and(|url| url.scheme() == "https")
    }
}

impl std::ops::Deref for AppState {
    type Target = Shared;

    fn deref(&self) -> &Shared {
        &self.0
    }
}

impl FromRef<AppState> for LeptosOptions {
    fn from_ref(state: &AppState) -> Self {
        state.leptos_options.clone()
    }
}

impl FromRef<AppState> for SqlitePool {
    fn from_ref(state: &AppState) -> Self {
        state.pool.clone()
    }
}

impl std::fmt::Debug for AppState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AppState").finish_non_exhaustive()
    }
}

/// The state, inside a server function or a server-side render.
pub fn app_state() -> Result<AppState, AppError> {
    use_context::<AppState>().ok_or_else(|| AppError::internal("AppState missing from context"))
}
