//! Summaries of one monitor or heartbeat, worked out from the double's data as Better Stack
//! works them out from its own: availability from the incidents of the period, response
//! times for the last 24 hours (new points appear as time passes).

use std::collections::BTreeMap;

use serde_json::{json, Value};

use crate::world::{Collection, World};

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

const DAY: i64 = 86_400;
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

/// Seconds since 1970 of `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM:SS…`.
fn seconds(text: &str) -> Option<i64> {
    let number = |range: std::ops::Range<usize>| text.get(range)?.parse::<i64>().ok();
    let (year, month, day) = (number(0..4)?, number(5..7)?, number(8..10)?);
    let time = if text.len() >= 19 {
        number(11..13)? * 3600 + number(14..16)? * 60 + number(17..19)?
    } else {
        0
    };
    Some(days_from_civil(year, month, day) * DAY + time)
}

/// Days since 1970-01-01 (H. Hinnant's `days_from_civil`).
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let day_of_year = (153 * (month + if month > 2 { -3 } else { 9 }) + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

/// `2026-11-30T10:00:00.000Z`
pub fn iso(at: i64) -> String {
    let days = at.div_euclid(DAY);
    let time = at.rem_euclid(DAY);
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}.000Z",
        time / 3600,
        time % 3600 / 60,
        time % 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_read_and_write_the_same() {
        let at = seconds("2026-11-20T08:03:00.000Z").unwrap();
        assert_eq!(iso(at), "2026-11-20T08:03:00.000Z");
        assert_eq!(seconds("2026-11-20"), Some(at - 8 * 3600 - 3 * 60));
        assert_eq!(seconds("nonsense"), None);
    }
}
