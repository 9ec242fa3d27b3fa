//! Everything a Better Stack Uptime connection pulls, list by list.

use super::{
    pager::{Pager, PullError},
    records::{Heartbeat, Incident, Monitor, MonitorGroup, StatusPage},
};

/// Largest pages the API allows: 250, except incidents at 50.
const PAGE_SIZE: u32 = 250;
const INCIDENT_PAGE_SIZE: u32 = 50;

/// One complete pull.
#[derive(Debug, Default)]
pub struct Pulled {
    pub monitors: Vec<Monitor>,
    pub monitor_groups: Vec<MonitorGroup>,
    pub heartbeats: Vec<Heartbeat>,
    pub status_pages: Vec<StatusPage>,
    pub incidents: Vec<Incident>,
    /// Whether incidents were pulled only from a day on (then older ones are kept as stored).
    pub incidents_incremental: bool,
}

/// Pulls every list. `incidents_from` (YYYY-MM-DD) pulls incidents from that day on only.
pub async fn pull(pager: &Pager<'_>, incidents_from: Option<String>) -> Result<Pulled, PullError> {
    let monitors = pager
        .fetch_all("/api/v2/monitors", PAGE_SIZE, &[])
        .await?
        .iter()
        .filter_map(Monitor::read)
        .collect();
    let monitor_groups = pager
        .fetch_all("/api/v2/monitor-groups", PAGE_SIZE, &[])
        .await?
        .iter()
        .filter_map(MonitorGroup::read)
        .collect();
    let heartbeats = pager
        .fetch_all("/api/v2/heartbeats", PAGE_SIZE, &[])
        .await?
        .iter()
        .filter_map(Heartbeat::read)
        .collect();
    let status_pages = pager
        .fetch_all("/api/v2/status-pages", PAGE_SIZE, &[])
        .await?
        .iter()
        .filter_map(StatusPage::read)
        .collect();
    let query: Vec<(&str, String)> = incidents_from
        .iter()
        .map(|day| ("from", day.clone()))
        .collect();
    let mut incidents: Vec<Incident> = pager
        .fetch_all("/api/v3/incidents", INCIDENT_PAGE_SIZE, &query)
        .await?
        .iter()
        .filter_map(Incident::read)
        .collect();
    // The same incident can be on two pages when new ones arrive mid-pull.
    let mut seen = std::collections::HashSet::new();
    incidents.retain(|incident| seen.insert(incident.remote_id.clone()));
    Ok(Pulled {
        monitors,
        monitor_groups,
        heartbeats,
        status_pages,
        incidents,
        incidents_incremental: incidents_from.is_some(),
    })
}
