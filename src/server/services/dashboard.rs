//! The workspace dashboard: every connection the viewer may see by health, what is down now,
//! open incidents and the worst availability, each linked to its connection.

use std::{collections::HashMap, sync::Arc};

use crate::{
    domain::{health::Health, text::natural_cmp},
    error::AppError,
    server::{
        auth::SignedInUser,
        repo::{
            connections::{self, ConnectionRow},
            dashboard as reads,
            sync_runs::RunOutcome,
        },
        services::{health::badge, moments::moment},
        state::{AppState, ViewerKey},
    },
    wire::dashboard::{
        Dashboard, DashboardAvailability, DashboardConnection, DashboardIncident, DownItem,
        ITEMS_SHOWN,
    },
};

pub async fn dashboard(state: &AppState, user: &SignedInUser) -> Result<Arc<Dashboard>, AppError> {
    let (state_now, user_now) = (state.clone(), user.clone());
    let load = async move { load(&state_now, &user_now).await.map(Arc::new) };
    state
        .dashboards
        .get_or_load_aside(ViewerKey::of(user), load)
        .await
}

async fn load(state: &AppState, user: &SignedInUser) -> Result<Dashboard, AppError> {
    let pool = &state.pool;
    let rows = connections::all_visible(pool, user.id).await?;
    let ids: Vec<i64> = rows.iter().map(|row| row.id).collect();
    let runs: HashMap<i64, (RunOutcome, i64)> = reads::last_runs(pool, &ids)
        .await?
        .into_iter()
        .map(|(id, outcome, at)| (id, (outcome, at)))
        .collect();
    let mut listed = Vec::with_capacity(rows.len());
    for row in &rows {
        listed.push(listed_connection(state, row, runs.get(&row.id).copied()).await?);
    }
    listed.sort_by(|a, b| {
        rank(a.health.health)
            .cmp(&rank(b.health.health))
            .then_with(|| natural_cmp(&a.name, &b.name))
    });
    let health_counts = Health::ALL
        .into_iter()
        .map(|health| {
            let count = listed.iter().filter(|c| c.health.health == health).count();
            (health, count as i64)
        })
        .collect();
    let named: HashMap<i64, &ConnectionRow> = rows.iter().map(|row| (row.id, row)).collect();
    let mut found = Found::default();
    for (source, ids) in by_source(&rows) {
        let Some(kinds) = state.connectors.get(source)?.overview_kinds() else {
            continue;
        };
        for item in
            reads::with_status(pool, &ids, &[kinds.monitors, kinds.heartbeats], kinds.down).await?
        {
            let row = named[&item.connection_id];
            found.down.push(DownItem {
                what: if item.kind == kinds.heartbeats {
                    "Heartbeat"
                } else {
                    "Monitor"
                }
                .to_owned(),
                name: item.name,
                connection: row.name.clone(),
                href: format!("{}?section=data&data={}", href(row), item.kind),
            });
        }
        let (open, total) =
            reads::open_incidents(pool, &ids, kinds.incidents, ITEMS_SHOWN as i64).await?;
        found.open_total += total;
        found.open.extend(open.into_iter().map(|incident| {
            let row = named[&incident.connection_id];
            (
                incident.started,
                DashboardIncident {
                    name: incident.name.unwrap_or_else(|| "Incident".to_owned()),
                    started: incident.started.map(moment),
                    acknowledged_by: incident.acknowledged_by.filter(|by| !by.is_empty()),
                    connection: row.name.clone(),
                    href: format!("{}?section=overview", href(row)),
                },
            )
        }));
        let worst = reads::availability(pool, &ids, kinds.availability, ITEMS_SHOWN as i64).await?;
        found
            .worst
            .extend(worst.into_iter().map(|(id, name, percent)| {
                let row = named[&id];
                DashboardAvailability {
                    name,
                    percent,
                    connection: row.name.clone(),
                    href: format!("{}?section=overview", href(row)),
                }
            }));
    }
    found.down.sort_by(|a, b| natural_cmp(&a.name, &b.name));
    found
        .open
        .sort_by_key(|(started, _)| std::cmp::Reverse(*started));
    found.worst.sort_by(|a, b| a.percent.total_cmp(&b.percent));
    let down_total = found.down.len() as i64;
    found.down.truncate(ITEMS_SHOWN);
    found.open.truncate(ITEMS_SHOWN);
    found.worst.truncate(ITEMS_SHOWN);
    Ok(Dashboard {
        connections: listed,
        health_counts,
        down: found.down,
        down_total,
        open_incidents: found
            .open
            .into_iter()
            .map(|(_, incident)| incident)
            .collect(),
        open_total: found.open_total,
        worst_availability: found.worst,
    })
}

#[derive(Default)]
struct Found {
    down: Vec<DownItem>,
    /// With when each started, for ordering across sources.
    open: Vec<(Option<i64>, DashboardIncident)>,
    open_total: i64,
    worst: Vec<DashboardAvailability>,
}

fn href(row: &ConnectionRow) -> String {
    format!("/connections/{}/{}", row.source, row.id)
}

/// Where a health is listed: in [`Health::ALL`]'s order, what needs someone first.
fn rank(health: Health) -> usize {
    Health::ALL
        .iter()
        .position(|h| *h == health)
        .unwrap_or(usize::MAX)
}

/// The connections' ids per source.
fn by_source(rows: &[ConnectionRow]) -> Vec<(&str, Vec<i64>)> {
    let mut sources: Vec<(&str, Vec<i64>)> = Vec::new();
    for row in rows {
        match sources.iter_mut().find(|(source, _)| *source == row.source) {
            Some((_, ids)) => ids.push(row.id),
            None => sources.push((&row.source, vec![row.id])),
        }
    }
    sources
}

async fn listed_connection(
    state: &AppState,
    row: &ConnectionRow,
    last_run: Option<(RunOutcome, i64)>,
) -> Result<DashboardConnection, AppError> {
    Ok(DashboardConnection {
        name: row.name.clone(),
        href: href(row),
        source_name: state.connectors.get(&row.source)?.source().name.to_owned(),
        health: badge(state, row, last_run).await?,
        last_sync: last_run.map(|(_, at)| moment(at)),
    })
}
