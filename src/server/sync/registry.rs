//! Which syncs are running: one per connection at a time, each with its progress and a way
//! to stop it at the next page boundary.

use std::{
    collections::HashMap,
    sync::{
        atomic::{AtomicBool, AtomicU32, Ordering},
        Arc, Mutex,
    },
    time::Duration,
};

use sha2::{Digest, Sha256};
use tokio::sync::{Notify, Semaphore, SemaphorePermit};

use crate::{domain::api_token::ApiToken, server::connectors::Pace};

#[derive(Clone)]
struct Running {
    credential_id: i64,
    pages: Arc<AtomicU32>,
    stop: Arc<AtomicBool>,
}

/// Shared by the whole server.
pub struct SyncRegistry {
    running: Mutex<HashMap<i64, Running>>,
    /// One pace per token (keyed by its SHA-256, in memory only): every sync and every check
    /// with that token share its request budget.
    paces: Mutex<HashMap<[u8; 32], Arc<Pace>>>,
    finished: Notify,
    stopping: AtomicBool,
    /// Syncs pulling at the same time, server-wide: a bound on outgoing load and memory.
    slots: Semaphore,
    /// Token checks in flight, server-wide: a slow source cannot make them pile up.
    checks: Semaphore,
}

/// How many syncs may pull at once; the rest wait their turn.
const CONCURRENT_SYNCS: usize = 2;
/// How many token checks may wait on sources at once; a check beyond waits for a turn.
pub const CONCURRENT_CHECKS: usize = 4;

/// Held by a running sync; letting go of it marks the sync finished.
pub struct Claim {
    registry: Arc<SyncRegistry>,
    connection_id: i64,
    pub pages: Arc<AtomicU32>,
    pub stop: Arc<AtomicBool>,
}

impl Drop for Claim {
    fn drop(&mut self) {
        self.registry
            .running
            .lock()
            .expect("sync registry")
            .remove(&self.connection_id);
        self.registry.finished.notify_waiters();
    }
}

impl Default for SyncRegistry {
    fn default() -> Self {
        Self {
            running: Mutex::default(),
            paces: Mutex::default(),
            finished: Notify::new(),
            stopping: AtomicBool::new(false),
            slots: Semaphore::new(CONCURRENT_SYNCS),
            checks: Semaphore::new(CONCURRENT_CHECKS),
        }
    }
}

impl SyncRegistry {
    /// A turn to pull; waits while [`CONCURRENT_SYNCS`] others are pulling.
    pub async fn slot(&self) -> SemaphorePermit<'_> {
        self.slots
            .acquire()
            .await
            .expect("the sync semaphore is never closed")
    }

    /// A turn to check a token, if one comes free within `patience`: the person waiting
    /// is better told the source is busy than left waiting behind a queue.
    pub async fn check_slot(&self, patience: Duration) -> Option<SemaphorePermit<'_>> {
        tokio::time::timeout(patience, self.checks.acquire())
            .await
            .ok()
            .map(|permit| permit.expect("the check semaphore is never closed"))
    }

    pub fn is_stopping(&self) -> bool {
        self.stopping.load(Ordering::Acquire)
    }

    /// Marks a sync of `connection_id` as running; `None` if one already is, or the server is
    /// shutting down.
    pub fn claim(self: &Arc<Self>, connection_id: i64, credential_id: i64) -> Option<Claim> {
        if self.stopping.load(Ordering::Acquire) {
            return None;
        }
        let mut running = self.running.lock().expect("sync registry");
        if running.contains_key(&connection_id) {
            return None;
        }
        let entry = Running {
            credential_id,
            pages: Arc::new(AtomicU32::new(0)),
            stop: Arc::new(AtomicBool::new(false)),
        };
        running.insert(connection_id, entry.clone());
        Some(Claim {
            registry: self.clone(),
            connection_id,
            pages: entry.pages,
            stop: entry.stop,
        })
    }

    /// The request pace of `token`, shared by everything that sends it.
    pub fn pace_for(&self, token: &ApiToken) -> Arc<Pace> {
        let key: [u8; 32] = Sha256::digest(token.expose().as_bytes()).into();
        let mut paces = self.paces.lock().expect("paces");
        // Forget the paces nobody holds and that would not delay anyone: the map stays as
        // small as the number of tokens in use.
        paces.retain(|_, pace| Arc::strong_count(pace) > 1 || !pace.is_idle());
        paces.entry(key).or_default().clone()
    }

    /// Pages fetched so far by the running sync of `connection_id`, if one is running.
    pub fn progress(&self, connection_id: i64) -> Option<u32> {
        let running = self.running.lock().expect("sync registry");
        running
            .get(&connection_id)
            .map(|sync| sync.pages.load(Ordering::Acquire))
    }

    /// Stops the syncs that use `credential_id` before their next request: its token is
    /// about to be replaced, and the old one must not be sent again.
    pub fn stop_credential(&self, credential_id: i64) {
        for sync in self.running.lock().expect("sync registry").values() {
            if sync.credential_id == credential_id {
                sync.stop.store(true, Ordering::Release);
            }
        }
    }

    /// Stops the sync of one connection (it is being deleted).
    pub fn stop_connection(&self, connection_id: i64) {
        if let Some(sync) = self
            .running
            .lock()
            .expect("sync registry")
            .get(&connection_id)
        {
            sync.stop.store(true, Ordering::Release);
        }
    }

    /// Shutdown: no new syncs; running ones stop at their next page boundary.
    pub fn stop_all(&self) {
        self.stopping.store(true, Ordering::Release);
        for sync in self.running.lock().expect("sync registry").values() {
            sync.stop.store(true, Ordering::Release);
        }
    }

    pub fn is_idle(&self) -> bool {
        self.running.lock().expect("sync registry").is_empty()
    }

    /// Waits until no sync is running.
    pub async fn wait_idle(&self) {
        loop {
            let finished = self.finished.notified();
            if self.is_idle() {
                return;
            }
            finished.await;
        }
    }
}
