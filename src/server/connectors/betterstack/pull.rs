//! Everything a Better Stack Uptime connection pulls, list by list, then per monitor.
//!
//! Lists are paged by page number, and Better Stack's lists change while they are read: a
//! record created in front of the page being read pushes one onto the next page (read twice),
//! and one deleted pulls one back onto a page already read (read never). So every list is
//! deduplicated by id, and in a complete pull a stored record that was on no page is asked
//! for by itself before it counts as deleted.
//!
//! Incidents change after they start, but `from` filters on the day they started: an
//! incremental pull reads the incidents from the newest day stored on, every incident open
//! now (`resolved=false`), and each one stored as open that is neither (resolved or deleted
//! since), by itself.
//!
//! Availability and response times take a request per monitor: each sync reads a few, the
//! ones read longest ago first, so a large account's lists never wait for them.

mod details;
mod incidents;

use std::collections::{HashMap, HashSet};

use serde_json::Value;

use crate::server::connectors::betterstack::{
    kinds::*,
    pager::Pager,
    records::{self},
};
use crate::server::{
    connectors::{PullError, Pulled, Record, Replacing},
    repo::synced::Memory,
};
use details::{pull_availability, pull_response_times};
use incidents::pull_incidents;

/// Largest pages the API allows: 250, except incidents at 50; on-calls and policies document
/// no maximum, so they keep the default.
const PAGE_SIZE: u32 = 250;
const DEFAULT_PAGE_SIZE: u32 = 50;

/// One list: where it is read, how big its pages are, how an item reads.
struct List {
    kind: &'static str,
    path: &'static str,
    /// Where an older API serves it, asked when `path` is not found.
    older_path: Option<&'static str>,
    per_page: u32,
    read: fn(&Value) -> Option<Record>,
    /// Not every token or plan reads it: a refusal keeps what was stored instead of failing
    /// the sync.
    optional: bool,
}

const LISTS: [List; 7] = [
    List {
        kind: MONITOR_GROUPS,
        path: "/api/v2/monitor-groups",
        older_path: None,
        per_page: PAGE_SIZE,
        read: records::group,
        optional: false,
    },
    List {
        kind: MONITORS,
        path: "/api/v2/monitors",
        older_path: None,
        per_page: PAGE_SIZE,
        read: records::monitor,
        optional: false,
    },
    List {
        kind: HEARTBEAT_GROUPS,
        path: "/api/v2/heartbeat-groups",
        older_path: None,
        per_page: PAGE_SIZE,
        read: records::group,
        optional: true,
    },
    List {
        kind: HEARTBEATS,
        path: "/api/v2/heartbeats",
        older_path: None,
        per_page: PAGE_SIZE,
        read: records::heartbeat,
        optional: false,
    },
    List {
        kind: STATUS_PAGES,
        path: "/api/v2/status-pages",
        older_path: None,
        per_page: PAGE_SIZE,
        read: records::status_page,
        optional: false,
    },
    List {
        kind: ON_CALLS,
        path: "/api/v2/on-calls",
        older_path: None,
        per_page: DEFAULT_PAGE_SIZE,
        read: records::on_call_calendar,
        optional: true,
    },
    List {
        kind: POLICIES,
        path: "/api/v3/policies",
        older_path: Some("/api/v2/policies"),
        per_page: DEFAULT_PAGE_SIZE,
        read: records::policy,
        optional: true,
    },
];

/// Pulls everything. Unless `complete`, incidents are read from the newest day stored on,
/// with the open ones; the lists are always read whole. `details` is how many monitors and
/// heartbeats get their availability read (each again after a day), and how many monitors
/// their response times (Better Stack keeps a day of them).
pub async fn pull(
    pager: &Pager<'_>,
    memory: &Memory,
    complete: bool,
    details: usize,
) -> Result<Pulled, PullError> {
    let mut pulled = Pulled::default();
    for list in &LISTS {
        let stored = memory.ids(list.kind).await.map_err(stored_error)?;
        match read_list(pager, list, &stored).await {
            Ok(records) => pulled.add(list.kind, records, Replacing::Everything),
            Err(PullError::NoAccess | PullError::Refused(_) | PullError::NotFound(_))
                if list.optional =>
            {
                tracing::info!(
                    kind = list.kind,
                    "this list cannot be read; what was stored stays"
                );
            }
            Err(other) => return Err(other),
        }
    }
    link_groups(&mut pulled, MONITORS, MONITOR_GROUPS);
    link_groups(&mut pulled, HEARTBEATS, HEARTBEAT_GROUPS);
    pull_incidents(pager, memory, complete, &mut pulled).await?;
    pull_availability(pager, memory, details, &mut pulled).await?;
    pull_response_times(pager, memory, details, &mut pulled).await?;
    Ok(pulled)
}

fn stored_error(e: sqlx::Error) -> PullError {
    PullError::Unavailable(format!("reading what was stored: {e}"))
}

/// Every record of `list`, each once; each of `stored` missing from the pages is asked for by
/// id and kept unless the source says it is gone.
async fn read_list(
    pager: &Pager<'_>,
    list: &List,
    stored: &HashSet<String>,
) -> Result<Vec<Record>, PullError> {
    let (path, items) = match (
        pager.fetch_all(list.path, list.per_page, &[]).await,
        list.older_path,
    ) {
        (Err(PullError::NotFound(_)), Some(older)) => {
            (older, pager.fetch_all(older, list.per_page, &[]).await?)
        }
        (read, _) => (list.path, read?),
    };
    let records = dedupe(items.iter().filter_map(list.read).collect());
    confirm(pager, path, list.read, records, stored).await
}

/// Names each record's group (`group_id` → that group's name).
fn link_groups(pulled: &mut Pulled, kind: &str, groups: &str) {
    let names: HashMap<String, String> = pulled
        .records(groups)
        .iter()
        .filter_map(|g| Some((g.id.clone(), g.text("name")?.to_owned())))
        .collect();
    if let Some(batch) = pulled.batches.iter_mut().find(|b| b.kind == kind) {
        for record in &mut batch.records {
            let name = record
                .text("group_id")
                .and_then(|id| names.get(id))
                .cloned();
            if let Some(name) = name {
                record.fields.insert("group".into(), name.into());
            }
        }
    }
}

/// `records` and each of `stored` missing from them that the source, asked for it by
/// itself, still has.
async fn confirm(
    pager: &Pager<'_>,
    path: &str,
    read: fn(&Value) -> Option<Record>,
    mut records: Vec<Record>,
    stored: &HashSet<String>,
) -> Result<Vec<Record>, PullError> {
    let seen: HashSet<&str> = records.iter().map(|r| r.id.as_str()).collect();
    // Only ids that are plain words go into a path; any other cannot be asked for.
    let mut unseen: Vec<String> = stored
        .iter()
        .filter(|id| !seen.contains(id.as_str()))
        .filter(|id| {
            id.chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        })
        .cloned()
        .collect();
    unseen.sort();
    for id in unseen {
        if let Some(item) = pager.fetch_one(&format!("{path}/{id}")).await? {
            records.extend(read(&item));
        }
    }
    Ok(records)
}

/// The records with the first of each id kept.
fn dedupe(mut records: Vec<Record>) -> Vec<Record> {
    let mut seen = HashSet::new();
    records.retain(|record| seen.insert(record.id.clone()));
    records
}
