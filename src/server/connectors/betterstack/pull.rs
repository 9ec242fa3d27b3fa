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

use std::collections::{HashMap, HashSet};

use serde_json::Value;

use super::{
    kinds::*,
    pager::Pager,
    records::{self, availability, response_times},
};
use crate::server::{
    connectors::{PullError, Pulled, Record, Replacing},
    infra::clock,
    repo::synced::Memory,
};

/// Largest pages the API allows: 250, except incidents at 50; on-calls and policies document
/// no maximum, so they keep the default.
const PAGE_SIZE: u32 = 250;
const INCIDENT_PAGE_SIZE: u32 = 50;
const DEFAULT_PAGE_SIZE: u32 = 50;
const INCIDENTS_PATH: &str = "/api/v3/incidents";
const AVAILABILITY_DAYS: i64 = 30;

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

async fn pull_incidents(
    pager: &Pager<'_>,
    memory: &Memory,
    complete: bool,
    pulled: &mut Pulled,
) -> Result<(), PullError> {
    let read = records::incident;
    let newest = if complete {
        None
    } else {
        memory
            .newest(INCIDENTS, "started_at")
            .await
            .map_err(stored_error)?
    };
    match newest.as_deref().map(|at| &at[..at.len().min(10)]) {
        Some(day) => {
            let from = [("from", day.to_owned())];
            let mut items = pager
                .fetch_all(INCIDENTS_PATH, INCIDENT_PAGE_SIZE, &from)
                .await?;
            let open = [("resolved", "false".to_owned())];
            items.extend(
                pager
                    .fetch_all(INCIDENTS_PATH, INCIDENT_PAGE_SIZE, &open)
                    .await?,
            );
            let records = dedupe(items.iter().filter_map(read).collect());
            let stored_open = memory
                .ids_without(INCIDENTS, "resolved_at")
                .await
                .map_err(stored_error)?;
            let records = confirm(pager, INCIDENTS_PATH, read, records, &stored_open).await?;
            pulled.add(INCIDENTS, records, Replacing::Nothing);
        }
        None => {
            let stored = memory.ids(INCIDENTS).await.map_err(stored_error)?;
            let items = pager
                .fetch_all(INCIDENTS_PATH, INCIDENT_PAGE_SIZE, &[])
                .await?;
            let records = dedupe(items.iter().filter_map(read).collect());
            let records = confirm(pager, INCIDENTS_PATH, read, records, &stored).await?;
            pulled.add(INCIDENTS, records, Replacing::Everything);
        }
    }
    Ok(())
}

/// The availability of the monitors and heartbeats read longest ago (or never), at most
/// `details`, none read within a day.
async fn pull_availability(
    pager: &Pager<'_>,
    memory: &Memory,
    details: usize,
    pulled: &mut Pulled,
) -> Result<(), PullError> {
    let read_at = memory
        .texts(AVAILABILITY, "fetched_at")
        .await
        .map_err(stored_error)?;
    let now = clock::now();
    let day_ago = clock::format_iso(now - clock::DAY);
    let subjects = pulled
        .records(MONITORS)
        .iter()
        .map(|m| ("Monitor", m, format!("/api/v2/monitors/{}/sla", m.id)))
        .chain(pulled.records(HEARTBEATS).iter().map(|h| {
            (
                "Heartbeat",
                h,
                format!("/api/v2/heartbeats/{}/availability", h.id),
            )
        }));
    let mut subjects_now = Vec::new();
    let mut due: Vec<(&str, &Record, String, Option<&String>)> = subjects
        .map(|(of, subject, path)| {
            let key = format!("{}-{}", of.to_lowercase(), subject.id);
            let last = read_at.get(&key);
            subjects_now.push(key);
            (of, subject, path, last)
        })
        .filter(|(.., last)| last.is_none_or(|at| at.as_str() < day_ago.as_str()))
        .collect();
    due.sort_by(|a, b| a.3.cmp(&b.3));
    let to = clock::format_day(now);
    let from = clock::format_day(now - AVAILABILITY_DAYS * clock::DAY);
    let fetched_at = clock::format_iso(now);
    let mut records = Vec::new();
    for (of, subject, path, _) in due.into_iter().take(details) {
        let query = format!("{path}?from={from}&to={to}");
        match detail(pager.fetch_one(&query).await)? {
            Some(Some(data)) => {
                records.extend(availability(of, subject, &data, (&from, &to), &fetched_at))
            }
            Some(None) => {}
            None => break,
        }
    }
    // The availability of a monitor or heartbeat that is gone goes with it.
    pulled.add(AVAILABILITY, records, Replacing::AllBut(subjects_now));
    Ok(())
}

/// The response times of the monitors read longest ago (or never), at most `details`: kept
/// as a series, so history grows past Better Stack's day.
async fn pull_response_times(
    pager: &Pager<'_>,
    memory: &Memory,
    details: usize,
    pulled: &mut Pulled,
) -> Result<(), PullError> {
    let newest: HashMap<String, String> = memory
        .newest_by(RESPONSE_TIMES, "monitor_id", "at")
        .await
        .map_err(stored_error)?;
    let mut monitors: Vec<&Record> = pulled.records(MONITORS).iter().collect();
    monitors.sort_by_key(|m| newest.get(&m.id));
    let mut records = Vec::new();
    for monitor in monitors.into_iter().take(details) {
        let path = format!("/api/v2/monitors/{}/response-times", monitor.id);
        match detail(pager.fetch_one(&path).await)? {
            Some(Some(data)) => records.extend(response_times(monitor, &data)),
            Some(None) => {}
            None => break,
        }
    }
    pulled.add(RESPONSE_TIMES, records, Replacing::Nothing);
    Ok(())
}

/// A detail read's answer; `Ok(None)` when this token or plan may not read details (403, or
/// a refusal): the lists still count, and the details are left for now.
fn detail(read: Result<Option<Value>, PullError>) -> Result<Option<Option<Value>>, PullError> {
    match read {
        Ok(found) => Ok(Some(found)),
        Err(PullError::NoAccess | PullError::Refused(_)) => {
            tracing::info!("this token cannot read availability or response times");
            Ok(None)
        }
        Err(other) => Err(other),
    }
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
