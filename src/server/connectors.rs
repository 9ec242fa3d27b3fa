//! Talking to sources. A source is a catalog definition plus one connector: something that
//! checks a token, says which kinds of records it pulls, and pulls them. Everything after the
//! pull (storage, the Data tables, downloads) reads the kinds' descriptions, not the source.

pub mod betterstack;
mod pace;
mod pulled;

use std::{
    collections::BTreeMap,
    sync::{atomic::AtomicBool, Arc, RwLock},
    time::Duration,
};

use async_trait::async_trait;

pub use pace::{Pace, REQUESTS_PER_SECOND};
pub use pulled::{Batch, Pulled, Record, Replacing};

use crate::{
    domain::{
        api_token::ApiToken,
        catalog::SourceDefinition,
        overview_kinds::OverviewKinds,
        record_kinds::RecordKind,
        token_check::{throttled, SOURCE_UNREACHABLE},
        token_reach::Reach,
    },
    error::AppError,
    server::repo::synced::Memory,
};

/// What a source said about a token.
#[derive(Debug, Clone, PartialEq)]
pub enum TokenCheck {
    /// It works; `reach` says which kind it is and which teams it reaches.
    Valid { reach: Reach },
    /// The source does not know it (invalid, revoked).
    Rejected,
    /// A real token, but without access to what Plugboard reads.
    NoAccess,
    /// The source is limiting requests; it may say for how long.
    Throttled { retry_after: Option<Duration> },
    /// No answer worth believing: failing, slow, or unreachable. `detail` is for the log only.
    Unreachable { detail: String },
}

impl TokenCheck {
    /// What to tell the person when the check got no verdict on the token (`None` when it
    /// did); the detail, if any, is logged here.
    pub fn no_verdict(&self) -> Option<String> {
        match self {
            TokenCheck::Throttled { retry_after } => Some(throttled(*retry_after)),
            TokenCheck::Unreachable { detail } => {
                tracing::warn!(%detail, "the source could not check a token");
                Some(SOURCE_UNREACHABLE.to_owned())
            }
            _ => None,
        }
    }
}

/// Why a pull stopped.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum PullError {
    #[error("the token was rejected (401)")]
    Rejected,
    #[error("the token has no access to this (403)")]
    NoAccess,
    #[error("{0}")]
    Refused(String),
    /// The source has no such list (404): an older or newer API, or a plan without it.
    #[error("{0} answered 404 Not Found")]
    NotFound(String),
    #[error("{0}")]
    Unavailable(String),
    #[error("stopped")]
    Stopped,
    /// The source asked to wait longer than a sync should sit on its slot.
    #[error("the source is limiting requests")]
    Throttled { wait: Duration },
}

/// What a pull has to work with.
pub struct PullContext<'a> {
    pub http: &'a reqwest::Client,
    pub token: &'a ApiToken,
    /// This token's request pace, shared with everything else that uses the token.
    pub pace: &'a Pace,
    /// Set when the pull must stop before its next request (shutdown, token swapped).
    pub stop: &'a Arc<AtomicBool>,
    /// Called after every response received, for the progress people see.
    pub on_page: &'a (dyn Fn() + Send + Sync),
    /// The source's teams to read; empty for everything the token reaches.
    pub teams: &'a [String],
    /// What the connection holds from earlier pulls.
    pub memory: &'a Memory,
    /// Whether the pull must be complete (deletions seen); otherwise it may read only what
    /// changes.
    pub complete: bool,
}

/// One source's way of talking to its API.
#[async_trait]
pub trait Connector: Send + Sync + 'static {
    /// The catalog entry it serves.
    fn source(&self) -> &'static SourceDefinition;

    /// The kinds of records it pulls, in the order the Data section shows them.
    fn kinds(&self) -> &'static [RecordKind];

    /// Which of its kinds the Overview and the dashboard read; none by default.
    fn overview_kinds(&self) -> Option<&'static OverviewKinds> {
        None
    }

    /// Whether the source takes `token`, and what it reaches. Paced with `pace`.
    async fn check(&self, http: &reqwest::Client, token: &ApiToken, pace: &Pace) -> TokenCheck;

    /// Everything the connection reads, or why it could not.
    async fn pull(&self, cx: PullContext<'_>) -> Result<Pulled, PullError>;
}

/// The connectors this server has, by source id. The catalog pages list only the catalog's
/// sources; a connector registered beyond it (a test's) works everywhere else.
pub struct Connectors {
    by_source: RwLock<BTreeMap<&'static str, Arc<dyn Connector>>>,
}

impl Connectors {
    pub fn new(connectors: impl IntoIterator<Item = Arc<dyn Connector>>) -> Self {
        let this = Self {
            by_source: RwLock::default(),
        };
        for connector in connectors {
            this.register(connector);
        }
        this
    }

    pub fn register(&self, connector: Arc<dyn Connector>) {
        self.by_source
            .write()
            .expect("connectors")
            .insert(connector.source().id, connector);
    }

    /// The connector of `source_id`; not found for a source this server has none for.
    pub fn get(&self, source_id: &str) -> Result<Arc<dyn Connector>, AppError> {
        self.by_source
            .read()
            .expect("connectors")
            .get(source_id)
            .cloned()
            .ok_or(AppError::NotFound)
    }

    /// The record kind `key` of `source_id`.
    pub fn kind(&self, source_id: &str, key: &str) -> Result<&'static RecordKind, AppError> {
        self.get(source_id)?
            .kinds()
            .iter()
            .find(|kind| kind.key == key)
            .ok_or(AppError::NotFound)
    }
}
