//! A connection's Overview: what its records say at a glance, and the series its charts draw.

use std::sync::Arc;

use crate::{
    domain::{overview_kinds::OverviewKinds, text::natural_cmp, time_words::span},
    error::AppError,
    server::{
        auth::SignedInUser,
        infra::clock,
        repo::{dashboard as across, overview as reads},
        services::{connection_access::visible, credentials::source, moments::moment},
        state::{AppState, ViewerKey},
    },
    wire::{
        args::overview::OverviewArgs,
        overview::{
            ConnectionOverview, DurationSpread, Measure, MonitorChoice, OpenIncident, StatusCount,
            TimedValue, AVAILABILITY_SHOWN, INCIDENT_DAYS, OPEN_INCIDENTS_SHOWN,
        },
    },
};

/// Bands of time to acknowledge or resolve, in seconds: each up to (not including) its bound.
const BANDS: [(f64, &str); 5] = [
    (5.0 * 60.0, "under 5 min"),
    (30.0 * 60.0, "5–30 min"),
    (2.0 * 3600.0, "30 min–2 h"),
    (12.0 * 3600.0, "2–12 h"),
    (f64::INFINITY, "12 h or more"),
];

pub async fn overview(
    state: &AppState,
    user: &SignedInUser,
    args: &OverviewArgs,
) -> Result<Arc<ConnectionOverview>, AppError> {
    // The source is part of the key: an answer is served only at the address it was loaded for.
    let key = (
        ViewerKey::of(user),
        source(state, &args.connection.source)?.id,
        args.connection.id,
        args.monitor,
    );
    let (state_now, user_now, args) = (state.clone(), user.clone(), args.clone());
    let load = async move {
        let state = &state_now;
        let row = visible(
            state,
            &user_now,
            &args.connection.source,
            args.connection.id,
        )
        .await?;
        let connector = state.connectors.get(&row.source)?;
        let overview = match connector.overview_kinds() {
            Some(kinds) => load(state, row.id, kinds, args.monitor).await?,
            None => empty(),
        };
        Ok::<_, AppError>(Arc::new(overview))
    };
    state.overviews.get_or_load_aside(key, load).await
}

fn empty() -> ConnectionOverview {
    ConnectionOverview {
        monitors: Vec::new(),
        heartbeats: Vec::new(),
        open_incidents: Vec::new(),
        open_incident_total: 0,
        availability: Vec::new(),
        availability_total: 0,
        incidents_per_day: Vec::new(),
        response_monitors: Vec::new(),
        response_monitor: None,
        response_times: Vec::new(),
        time_to_acknowledge: spread(Vec::new()),
        time_to_resolve: spread(Vec::new()),
    }
}

async fn load(
    state: &AppState,
    connection_id: i64,
    kinds: &OverviewKinds,
    monitor: Option<i64>,
) -> Result<ConnectionOverview, AppError> {
    let pool = &state.pool;
    let statuses = |counts: Vec<(String, i64)>| {
        counts
            .into_iter()
            .map(|(status, count)| StatusCount {
                down: kinds.down.contains(&status.as_str()),
                status,
                count,
            })
            .collect()
    };
    let this = [connection_id];
    let (open, open_incident_total) =
        across::open_incidents(pool, &this, kinds.incidents, OPEN_INCIDENTS_SHOWN as i64).await?;
    // Every figure, to count them; the chart shows the worst.
    let availability = across::availability(pool, &this, kinds.availability, i64::MAX).await?;
    let mut response_monitors: Vec<MonitorChoice> =
        reads::series_monitors(pool, connection_id, kinds.response_times, kinds.monitors)
            .await?
            .into_iter()
            .map(|(id, name)| MonitorChoice { id, name })
            .collect();
    response_monitors.sort_by(|a, b| natural_cmp(&a.name, &b.name));
    let response_monitor = monitor
        .and_then(|id| response_monitors.iter().find(|m| m.id == id))
        .or(response_monitors.first())
        .cloned();
    let response_times = match &response_monitor {
        Some(chosen) => {
            reads::response_series(pool, connection_id, kinds.response_times, chosen.id).await?
        }
        None => Vec::new(),
    };
    let incidents = reads::incident_times(pool, connection_id, kinds.incidents).await?;
    Ok(ConnectionOverview {
        monitors: statuses(reads::status_counts(pool, connection_id, kinds.monitors).await?),
        heartbeats: statuses(reads::status_counts(pool, connection_id, kinds.heartbeats).await?),
        open_incidents: open
            .into_iter()
            .map(|row| OpenIncident {
                name: row.name.unwrap_or_else(|| "Incident".to_owned()),
                started: row.started.map(moment),
                acknowledged_by: row.acknowledged_by.filter(|by| !by.is_empty()),
            })
            .collect(),
        open_incident_total,
        availability_total: availability.len() as i64,
        availability: availability
            .into_iter()
            .take(AVAILABILITY_SHOWN)
            .map(|(_, label, value)| Measure { label, value })
            .collect(),
        incidents_per_day: per_day(incidents.iter().filter_map(|i| i.day.as_deref())),
        response_monitors,
        response_monitor,
        response_times: response_times
            .into_iter()
            .map(|(at, value)| TimedValue {
                at,
                label: clock::format_utc(at),
                value,
            })
            .collect(),
        time_to_acknowledge: spread(incidents.iter().filter_map(|i| i.to_acknowledge).collect()),
        time_to_resolve: spread(incidents.iter().filter_map(|i| i.to_resolve).collect()),
    })
}

/// One column per day of the chart, days without incidents included, from the days incidents
/// started on (`YYYY-MM-DD`, UTC).
fn per_day<'a>(started: impl Iterator<Item = &'a str>) -> Vec<Measure> {
    let now = clock::now();
    let days: Vec<String> = (0..INCIDENT_DAYS)
        .rev()
        .map(|back| clock::format_day(now - back * clock::DAY))
        .collect();
    let mut counts = vec![0_i64; days.len()];
    for day in started {
        // The days are in order, so the chart's day is found by bisection.
        if let Ok(at) = days.binary_search_by(|shown| shown.as_str().cmp(day)) {
            counts[at] += 1;
        }
    }
    days.into_iter()
        .zip(counts)
        .map(|(label, count)| Measure {
            label,
            value: count as f64,
        })
        .collect()
}

/// Median, 90th percentile and bands of `seconds` (negative durations, from clocks that
/// disagree, count as none).
fn spread(mut seconds: Vec<f64>) -> DurationSpread {
    seconds.retain(|s| s.is_finite() && *s >= 0.0);
    seconds.sort_by(f64::total_cmp);
    let at = |fraction: f64| {
        let last = seconds.len().checked_sub(1)?;
        Some(seconds[((last as f64) * fraction).round() as usize])
    };
    let mut lower = 0.0;
    let bands = BANDS
        .iter()
        .map(|(upper, label)| {
            let count = seconds
                .iter()
                .filter(|s| **s >= lower && **s < *upper)
                .count();
            lower = *upper;
            Measure {
                label: (*label).to_owned(),
                value: count as f64,
            }
        })
        .collect();
    DurationSpread {
        count: seconds.len() as i64,
        median: at(0.5),
        p90: at(0.9),
        bands,
    }
}

/// "12 min" for a duration in seconds.
pub fn duration_words(seconds: f64) -> String {
    span(seconds.round() as i64)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The first day the incidents chart shows: [`INCIDENT_DAYS`] days up to today, UTC.
    fn first_day() -> String {
        clock::format_day(clock::now() - (INCIDENT_DAYS - 1) * clock::DAY)
    }

    #[test]
    fn durations_spread_into_bands_with_their_median() {
        let spread = spread(vec![60.0, 600.0, 4000.0, 100_000.0, -5.0, f64::NAN]);
        assert_eq!(spread.count, 4);
        let counts: Vec<f64> = spread.bands.iter().map(|band| band.value).collect();
        assert_eq!(counts, [1.0, 1.0, 1.0, 0.0, 1.0]);
        assert_eq!(spread.median, Some(4000.0));
        assert_eq!(spread.p90, Some(100_000.0));
        assert_eq!(super::spread(Vec::new()).median, None);
    }

    #[test]
    fn every_day_of_the_chart_has_a_column() {
        let today = clock::format_day(clock::now());
        let first = first_day();
        let before = clock::format_day(clock::now() - INCIDENT_DAYS * clock::DAY);
        let started = [today.as_str(), &today, &today, &first, &before, "not a day"];
        let days = per_day(started.into_iter());
        assert_eq!(days.len() as i64, INCIDENT_DAYS);
        assert_eq!(
            days.last().map(|d| (&d.label, d.value)),
            Some((&today, 3.0))
        );
        assert_eq!((&days[0].label, days[0].value), (&first, 1.0));
        let counted: f64 = days.iter().map(|d| d.value).sum();
        assert_eq!(counted, 4.0, "a day before the chart's first is not drawn");
    }
}
