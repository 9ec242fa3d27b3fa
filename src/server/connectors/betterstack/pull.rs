//! Everything a Better Stack Uptime connection pulls, list by list.
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

use std::collections::HashSet;

use super::{
    pager::{Pager, PullError},
    records::{Heartbeat, Incident, Monitor, MonitorGroup, Record, StatusPage},
};

/// Largest pages the API allows: 250, except incidents at 50.
const PAGE_SIZE: u32 = 250;
const INCIDENT_PAGE_SIZE: u32 = 50;
const INCIDENTS: &str = "/api/v3/incidents";

/// One complete pull.
#[derive(Debug, Default)]
pub struct Pulled {
    pub monitors: Vec<Monitor>,
    pub monitor_groups: Vec<MonitorGroup>,
    pub heartbeats: Vec<Heartbeat>,
    pub status_pages: Vec<StatusPage>,
    pub incidents: Vec<Incident>,
    /// Whether incidents were pulled only from a day on, and the open ones (then the others
    /// are kept as stored).
    pub incidents_incremental: bool,
}

/// The ids stored from each list before this pull.
#[derive(Debug, Default)]
pub struct StoredIds {
    pub monitors: HashSet<String>,
    pub monitor_groups: HashSet<String>,
    pub heartbeats: HashSet<String>,
    pub status_pages: HashSet<String>,
    pub incidents: HashSet<String>,
    /// Incidents stored as not resolved.
    pub open_incidents: HashSet<String>,
}

/// Pulls every list. `incidents_from` (YYYY-MM-DD) pulls incidents from that day on, and the
/// open ones, only; otherwise every incident is read.
pub async fn pull(
    pager: &Pager<'_>,
    incidents_from: Option<String>,
    stored: &StoredIds,
) -> Result<Pulled, PullError> {
    let monitors = list(pager, "/api/v2/monitors", &[], Some(&stored.monitors)).await?;
    let monitor_groups = list(
        pager,
        "/api/v2/monitor-groups",
        &[],
        Some(&stored.monitor_groups),
    )
    .await?;
    let heartbeats = list(pager, "/api/v2/heartbeats", &[], Some(&stored.heartbeats)).await?;
    let status_pages = list(
        pager,
        "/api/v2/status-pages",
        &[],
        Some(&stored.status_pages),
    )
    .await?;
    let incidents = match &incidents_from {
        Some(day) => {
            let mut incidents: Vec<Incident> =
                list(pager, INCIDENTS, &[("from", day.clone())], None).await?;
            let open = list(pager, INCIDENTS, &[("resolved", "false".into())], None).await?;
            incidents.extend(open);
            confirm(pager, INCIDENTS, dedupe(incidents), &stored.open_incidents).await?
        }
        None => list(pager, INCIDENTS, &[], Some(&stored.incidents)).await?,
    };
    Ok(Pulled {
        monitors,
        monitor_groups,
        heartbeats,
        status_pages,
        incidents,
        incidents_incremental: incidents_from.is_some(),
    })
}

/// Every record of the list at `path`, each once. With `stored`, the stored records missing
/// from the pages are each asked for by id, and kept unless the source says they are gone.
async fn list<R: Record>(
    pager: &Pager<'_>,
    path: &str,
    query: &[(&str, String)],
    stored: Option<&HashSet<String>>,
) -> Result<Vec<R>, PullError> {
    let per_page = if path == INCIDENTS {
        INCIDENT_PAGE_SIZE
    } else {
        PAGE_SIZE
    };
    let items = pager.fetch_all(path, per_page, query).await?;
    let records = dedupe(items.iter().filter_map(R::parse).collect());
    match stored {
        Some(stored) => confirm(pager, path, records, stored).await,
        None => Ok(records),
    }
}

/// `records` and each of `stored` missing from them that the source, asked for it by
/// itself, still has.
async fn confirm<R: Record>(
    pager: &Pager<'_>,
    path: &str,
    mut records: Vec<R>,
    stored: &HashSet<String>,
) -> Result<Vec<R>, PullError> {
    let seen: HashSet<&str> = records.iter().map(R::id).collect();
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
            records.extend(R::parse(&item));
        }
    }
    Ok(records)
}

/// The records with the first of each id kept.
fn dedupe<R: Record>(mut records: Vec<R>) -> Vec<R> {
    let mut seen = HashSet::new();
    records.retain(|record| seen.insert(record.id().to_owned()));
    records
}
