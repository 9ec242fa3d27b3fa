//! tower-sessions' SQLite store, with loaded sessions kept in memory until the next commit —
//! the store's own (it writes through a pool of its own, [`sessions_pool`]) or any other.
//!
//! [`sessions_pool`]: crate::server::infra::db::sessions_pool

use std::sync::Arc;

use async_trait::async_trait;
use tower_sessions::{
    cookie::time::OffsetDateTime,
    session::{Id, Record},
    session_store::{self, SessionStore},
};
use tower_sessions_sqlx_store::SqliteStore;

use crate::server::{infra::db::commits, read_cache::ReadCache};

/// Sessions held at most; past that, old answers are dropped first.
const CAPACITY: usize = 10_000;

#[derive(Clone)]
pub struct CachedSessions {
    store: SqliteStore,
    loaded: Arc<ReadCache<Id, Option<Record>>>,
}

impl CachedSessions {
    pub fn new(store: SqliteStore) -> Self {
        Self {
            store,
            loaded: Arc::new(ReadCache::counting(CAPACITY, commits::seen_with_sessions)),
        }
    }
}

// Written by hand: a session's data is nobody's business in a log.
impl std::fmt::Debug for CachedSessions {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CachedSessions").finish_non_exhaustive()
    }
}

// Saving and deleting go straight to the store: they commit, and so make every kept session old.
#[async_trait]
impl SessionStore for CachedSessions {
    async fn create(&self, record: &mut Record) -> session_store::Result<()> {
        self.store.create(record).await
    }

    async fn save(&self, record: &Record) -> session_store::Result<()> {
        self.store.save(record).await
    }

    async fn load(&self, id: &Id) -> session_store::Result<Option<Record>> {
        let record = self.loaded.get_or_load(*id, self.store.load(id)).await?;
        // The store's query only finds sessions that have not expired; a kept one may have
        // expired since.
        Ok(record.filter(|record| record.expiry_date > OffsetDateTime::now_utc()))
    }

    async fn delete(&self, id: &Id) -> session_store::Result<()> {
        self.store.delete(id).await
    }
}
