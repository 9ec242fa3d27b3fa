//! What a finished sync tells its caller.

use crate::server::repo::sync_runs::RunOutcome;

/// How one sync ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SyncEnd {
    Ok,
    TokenRejected,
    /// The source is limiting requests; the connection waits until it may ask again. Its run
    /// is recorded as failed, with when the next try is.
    RateLimited,
    Stopped,
    Failed,
}

impl SyncEnd {
    /// What the run's row records: a source limiting requests is a failure there, with its
    /// message saying when the next try is.
    pub fn recorded(self) -> RunOutcome {
        match self {
            SyncEnd::Ok => RunOutcome::Ok,
            SyncEnd::TokenRejected => RunOutcome::TokenRejected,
            SyncEnd::RateLimited | SyncEnd::Failed => RunOutcome::Failed,
            SyncEnd::Stopped => RunOutcome::Stopped,
        }
    }

    /// Its name in the log.
    pub fn as_str(self) -> &'static str {
        match self {
            SyncEnd::Ok => "ok",
            SyncEnd::TokenRejected => "token_rejected",
            SyncEnd::RateLimited => "rate_limited",
            SyncEnd::Stopped => "stopped",
            SyncEnd::Failed => "failed",
        }
    }
}

/// What a finished sync did.
#[derive(Debug, Clone, PartialEq)]
pub struct SyncOutcome {
    pub outcome: SyncEnd,
    pub pages: u32,
    pub rows_changed: u64,
}

impl SyncOutcome {
    pub fn new(outcome: SyncEnd, pages: u32, rows_changed: u64) -> Self {
        Self {
            outcome,
            pages,
            rows_changed,
        }
    }
}
