//! Availability and response times.

use serde_json::Value;

use super::{attributes, int, text};
use crate::server::connectors::Record;

/// Availability of a monitor (`/sla`) or a heartbeat (`/availability`) over `from`..`to`.
pub fn availability(
    of: &str,
    subject: &Record,
    data: &Value,
    (from, to): (&str, &str),
    fetched_at: &str,
) -> Option<Record> {
    let a = attributes(data);
    a.as_object()?;
    Some(
        Record::new(format!("{}-{}", of.to_lowercase(), subject.id))
            .with("name", subject.text("name").map(str::to_owned))
            .with("of", of)
            .with("availability_percent", a["availability"].as_f64())
            .with("downtime_seconds", int(&a["total_downtime"]))
            .with("incidents", int(&a["number_of_incidents"]))
            .with("longest_incident_seconds", int(&a["longest_incident"]))
            .with("average_incident_seconds", int(&a["average_incident"]))
            .with("from", from)
            .with("to", to)
            .with("fetched_at", fetched_at),
    )
}

/// A monitor's response times (`data` of the answer): one record per region and time. Better
/// Stack documents `attributes.regions[].response_times[]`; a flat list of points with their
/// region is read too.
pub fn response_times(monitor: &Record, data: &Value) -> Vec<Record> {
    let point = |region: &str, point: &Value| {
        let at = text(&point["at"])?;
        let seconds = point["response_time"].as_f64()?;
        Some(
            Record::new(format!("{}/{region}/{at}", monitor.id))
                .with("monitor", monitor.text("name").map(str::to_owned))
                .with("monitor_id", monitor.id.clone())
                .with("region", region)
                .with("at", at)
                .with("response_time_seconds", seconds),
        )
    };
    if let Some(points) = data.as_array() {
        return points
            .iter()
            .filter_map(|p| point(&text(&p["region"]).unwrap_or_default(), p))
            .collect();
    }
    attributes(data)["regions"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|region| {
            let name = text(&region["region"]).unwrap_or_default();
            region["response_times"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(move |p| point(&name, p))
                .collect::<Vec<_>>()
        })
        .collect()
}
