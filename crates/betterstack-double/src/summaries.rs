//! Summaries of one monitor or heartbeat, worked out from the double's data as Better Stack
//! works them out from its own: availability from the incidents of the period, response
//! times for the last 24 hours (new points appear as time passes).

use std::collections::BTreeMap;

use serde_json::{json, Value};

use crate::{
    dates::{iso, seconds, DAY},
    world::{Collection, World},
};

/// A summary route under a record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Summary {
    /// `GET /api/v2/monitors/{id}/sla?from&to`
    MonitorSla,
    /// `GET /api/v2/heartbeats/{id}/availability?from&to`
    HeartbeatAvailability,
    /// `GET /api/v2/monitors/{id}/response-times`
    ResponseTimes,
}

/// A response time every half hour per region.
const POINT_EVERY: i64 = 1_800;

impl Summary {
    pub fn of(collection: Collection, rest: &str) -> Option<Self> {
        match (collection, rest) {
            (Collection::Monitors, "sla") => Some(Summary::MonitorSla),
            (Collection::Monitors, "response-times") => Some(Summary::ResponseTimes),
            (Collection::Heartbeats, "availability") => Some(Summary::HeartbeatAvailability),
            _ => None,
        }
    }

    pub fn answer(self, world: &World, item: &Value, params: &BTreeMap<String, String>) -> Value {
        let id = item["id"].as_str().unwrap_or_default();
        match self {
            Summary::MonitorSla => json!({"data": {"id": id, "type": "monitor_sla",
                "attributes": availability(world, "monitor", id, params)}}),
            Summary::HeartbeatAvailability => json!({"data": {"id": id, "type": "heartbeat_sla",
                "attributes": availability(world, "heartbeat", id, params)}}),
            Summary::ResponseTimes => response_times(item, now()),
        }
    }
}

fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |elapsed| elapsed.as_secs() as i64)
}

/// Availability over `from`..`to` (days, both included; the last 30 days by default) from
/// the incidents of `related` (`monitor` or `heartbeat`) `id`.
fn availability(
    world: &World,
    related: &str,
    id: &str,
    params: &BTreeMap<String, String>,
) -> Value {
    let today = now().div_euclid(DAY) * DAY;
    let start = params
        .get("from")
        .and_then(|day| seconds(day))
        .unwrap_or(today - 29 * DAY);
    let end = params
        .get("to")
        .and_then(|day| seconds(day))
        .unwrap_or(today)
        + DAY;
    let downs: Vec<i64> = world
        .items(Collection::Incidents)
        .iter()
        .filter(|incident| incident["relationships"][related]["data"]["id"] == id)
        .filter_map(|incident| {
            let a = &incident["attributes"];
            let started = seconds(a["started_at"].as_str()?)?;
            let resolved = a["resolved_at"]
                .as_str()
                .and_then(seconds)
                .unwrap_or_else(now);
            let (from, to) = (started.max(start), resolved.min(end));
            (to > from).then_some(to - from)
        })
        .collect();
    let total: i64 = downs.iter().sum();
    let period = (end - start).max(1);
    let percent = (100.0 * (1.0 - total as f64 / period as f64) * 1000.0).round() / 1000.0;
    json!({
        "availability": percent,
        "total_downtime": total,
        "number_of_incidents": downs.len(),
        "longest_incident": downs.iter().max().copied().unwrap_or(0),
        "average_incident": if downs.is_empty() { 0 } else { total / downs.len() as i64 },
    })
}

/// The documented shape: `attributes.regions[].response_times[]`, one point every half hour
/// over the 24 hours before `now`, per region of the monitor.
fn response_times(item: &Value, now: i64) -> Value {
    let id = item["id"].as_str().unwrap_or_default();
    let seed: i64 = id.bytes().map(i64::from).sum();
    let last = now.div_euclid(POINT_EVERY) * POINT_EVERY;
    let regions: Vec<Value> = item["attributes"]["regions"]
        .as_array()
        .cloned()
        .unwrap_or_default()
        .iter()
        .enumerate()
        .map(|(r, region)| {
            let points: Vec<Value> = (0..DAY / POINT_EVERY)
                .map(|k| {
                    let at = last - k * POINT_EVERY;
                    let millis = 80 + (seed * 7 + at / POINT_EVERY * 13 + r as i64 * 31) % 400;
                    json!({"at": iso(at), "response_time": millis as f64 / 1000.0})
                })
                .collect();
            json!({"region": region, "response_times": points})
        })
        .collect();
    json!({"data": {"id": id, "type": "monitor_response_times", "attributes": {"regions": regions}}})
}
