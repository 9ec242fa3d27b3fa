//! What a connection's Overview shows: counts, open incidents and the series its charts draw.

use serde::{Deserialize, Serialize};

use crate::{domain::health::Health, wire::moment::Moment};

/// A connection's health and, when failing, since when.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct HealthBadge {
    pub health: Health,
    pub since: Option<Moment>,
}

/// How many records have one status.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatusCount {
    pub status: String,
    pub count: i64,
    /// Whether this status means down now.
    pub down: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OpenIncident {
    pub name: String,
    pub started: Option<Moment>,
    /// Who acknowledged it; `None` while nobody has.
    pub acknowledged_by: Option<String>,
}

/// A bar or a column: what it stands for and its value.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Measure {
    pub label: String,
    pub value: f64,
}

/// A monitor whose response times were kept, for the chooser.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MonitorChoice {
    pub id: i64,
    pub name: String,
}

/// One point of a response-time series: when (Unix seconds, and in words) and the mean over
/// regions.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TimedValue {
    pub at: i64,
    pub label: String,
    pub value: f64,
}

/// How long incidents took to be acknowledged or resolved.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DurationSpread {
    /// Incidents counted.
    pub count: i64,
    /// Median and 90th percentile, in seconds.
    pub median: Option<f64>,
    pub p90: Option<f64>,
    /// Incidents per duration band, shortest first.
    pub bands: Vec<Measure>,
}

/// Everything the Overview section shows.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ConnectionOverview {
    pub monitors: Vec<StatusCount>,
    pub heartbeats: Vec<StatusCount>,
    /// Newest first, at most [`OPEN_INCIDENTS_SHOWN`].
    pub open_incidents: Vec<OpenIncident>,
    pub open_incident_total: i64,
    /// Worst first, at most [`AVAILABILITY_SHOWN`], of `availability_total`.
    pub availability: Vec<Measure>,
    pub availability_total: i64,
    /// One column per day (UTC), oldest first, the last [`INCIDENT_DAYS`] days.
    pub incidents_per_day: Vec<Measure>,
    pub response_monitors: Vec<MonitorChoice>,
    /// The monitor whose response times are drawn, and its series in time order.
    pub response_monitor: Option<MonitorChoice>,
    pub response_times: Vec<TimedValue>,
    pub time_to_acknowledge: DurationSpread,
    pub time_to_resolve: DurationSpread,
}

pub const OPEN_INCIDENTS_SHOWN: usize = 20;
pub const AVAILABILITY_SHOWN: usize = 30;
pub const INCIDENT_DAYS: i64 = 90;
