use std::collections::{HashMap, HashSet};

use serde::Serialize;
use serde_json::Value;

use crate::access::Access;

/// The resource lists the double serves.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Collection {
    Monitors,
    MonitorGroups,
    Heartbeats,
    HeartbeatGroups,
    StatusPages,
    Incidents,
    OnCalls,
    Policies,
}

impl Collection {
    pub const ALL: [Collection; 8] = [
        Collection::Monitors,
        Collection::MonitorGroups,
        Collection::Heartbeats,
        Collection::HeartbeatGroups,
        Collection::StatusPages,
        Collection::Incidents,
        Collection::OnCalls,
        Collection::Policies,
    ];

    /// The path it is served at.
    pub fn path(self) -> &'static str {
        match self {
            Collection::Monitors => "/api/v2/monitors",
            Collection::MonitorGroups => "/api/v2/monitor-groups",
            Collection::Heartbeats => "/api/v2/heartbeats",
            Collection::HeartbeatGroups => "/api/v2/heartbeat-groups",
            Collection::StatusPages => "/api/v2/status-pages",
            Collection::Incidents => "/api/v3/incidents",
            Collection::OnCalls => "/api/v2/on-calls",
            Collection::Policies => "/api/v3/policies",
        }
    }

    /// The collection whose path ends with `key` (`monitors`, `monitor-groups`, …).
    pub fn from_key(key: &str) -> Option<Self> {
        Collection::ALL
            .into_iter()
            .find(|collection| collection.path().rsplit('/').next() == Some(key))
    }

    /// (default, maximum) `per_page`: 50/250, except incidents at 10/50.
    pub fn page_sizes(self) -> (usize, usize) {
        match self {
            Collection::Incidents => (10, 50),
            _ => (50, 250),
        }
    }
}

/// One request as the double received it.
#[derive(Debug, Clone, Serialize)]
pub struct RecordedRequest {
    /// When it arrived, in milliseconds since the double started.
    pub arrived_ms: u64,
    pub method: String,
    pub path: String,
    pub query: String,
    /// The `Authorization` header exactly as sent, if any.
    pub authorization: Option<String>,
    pub status: u16,
}

impl RecordedRequest {
    /// The bearer token, if the header was `Bearer <token>`.
    pub fn bearer(&self) -> Option<&str> {
        self.authorization
            .as_deref()
            .and_then(|value| value.strip_prefix("Bearer "))
    }
}

/// Everything the double knows: tokens, data, and what it has seen.
#[derive(Default)]
pub struct World {
    /// When the double started, for [`RecordedRequest::arrived_ms`].
    pub(crate) started: Option<std::time::Instant>,
    /// Tokens known exactly.
    pub tokens: HashMap<String, Access>,
    /// Tokens known by their start, for tests that make up unique tokens (`team_…`).
    pub token_prefixes: Vec<(String, Access)>,
    /// Tokens revoked in Better Stack: unknown from then on, whatever else matches them.
    pub revoked: HashSet<String>,
    /// Items per collection, each a JSON:API resource with `attributes.team_name`.
    pub data: HashMap<Collection, Vec<Value>>,
    pub requests: Vec<RecordedRequest>,
    /// Requests answered per token, for `RateLimitedEveryOther`.
    pub(crate) seen_per_token: HashMap<String, u64>,
    /// When set, `pagination.next` points at this host instead of the double's own.
    pub next_link_host: Option<String>,
    /// Paths that answer with this status (and an `errors` body) whatever the token.
    pub failing_paths: HashMap<String, u16>,
    /// Changes made to a list right after one of its pages is served, as records created
    /// or deleted in Better Stack while a client pages through it.
    pub(crate) page_hooks: Vec<PageHook>,
}

/// A change to a list's items.
type Change = Box<dyn FnOnce(&mut Vec<Value>) + Send>;

/// A change to `collection`'s items, made once, right after its page `page` is served.
pub(crate) struct PageHook {
    pub collection: Collection,
    pub page: usize,
    pub change: Change,
}

impl World {
    pub fn token(mut self, token: &str, access: Access) -> Self {
        self.tokens.insert(token.to_owned(), access);
        self
    }

    /// Points `pagination.next` at another host, as a hostile or broken API might.
    pub fn next_links_to(mut self, host: String) -> Self {
        self.next_link_host = Some(host);
        self
    }

    pub fn token_prefix(mut self, prefix: &str, access: Access) -> Self {
        self.token_prefixes.push((prefix.to_owned(), access));
        self
    }

    /// What `token` may do; `None` for a token Better Stack would not know.
    pub fn access_of(&self, token: &str) -> Option<Access> {
        if self.revoked.contains(token) {
            return None;
        }
        self.tokens.get(token).cloned().or_else(|| {
            self.token_prefixes
                .iter()
                .find(|(prefix, _)| token.starts_with(prefix.as_str()))
                .map(|(_, access)| access.clone())
        })
    }

    /// Resolves the incidents `ids` now.
    pub fn resolve(&mut self, ids: &[&str]) {
        let seconds = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |elapsed| elapsed.as_secs() as i64);
        let resolved_at = crate::dates::iso(seconds);
        for incident in self.data.entry(Collection::Incidents).or_default() {
            if ids.iter().any(|id| incident["id"] == *id) {
                let attributes = &mut incident["attributes"];
                attributes["status"] = "Resolved".into();
                attributes["resolved_at"] = resolved_at.clone().into();
                attributes["resolved_by"] = "Ada Admin".into();
            }
        }
    }

    /// Makes `token` unknown from now on, as revoking it in Better Stack does.
    pub fn revoke(&mut self, token: &str) {
        self.tokens.remove(token);
        self.revoked.insert(token.to_owned());
    }

    /// Changes `collection` once, right after its page `page` has next been served: as if
    /// someone created or deleted records in Better Stack while a client paged through it.
    pub fn after_page(
        &mut self,
        collection: Collection,
        page: usize,
        change: impl FnOnce(&mut Vec<Value>) + Send + 'static,
    ) {
        self.page_hooks.push(PageHook {
            collection,
            page,
            change: Box::new(change),
        });
    }

    /// Runs (and forgets) the changes waiting for page `page` of `collection`.
    pub(crate) fn page_served(&mut self, collection: Collection, page: usize) {
        let (due, waiting) = std::mem::take(&mut self.page_hooks)
            .into_iter()
            .partition(|hook| hook.collection == collection && hook.page == page);
        self.page_hooks = waiting;
        for hook in due {
            (hook.change)(self.data.entry(collection).or_default());
        }
    }

    pub fn push(&mut self, collection: Collection, item: Value) {
        self.data.entry(collection).or_default().push(item);
    }

    pub fn items(&self, collection: Collection) -> &[Value] {
        self.data.get(&collection).map_or(&[], Vec::as_slice)
    }

    /// Milliseconds since the double started, on the clock of [`RecordedRequest::arrived_ms`].
    pub fn now_ms(&self) -> u64 {
        self.started
            .map_or(0, |started| started.elapsed().as_millis() as u64)
    }

    /// How many requests carried `token`.
    pub fn requests_with(&self, token: &str) -> usize {
        self.requests
            .iter()
            .filter(|r| r.bearer() == Some(token))
            .count()
    }
}
