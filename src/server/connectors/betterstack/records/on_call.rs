//! On-call calendars and escalation policies.

use serde_json::Value;

use super::{attributes, flag, int, record, text};
use crate::server::connectors::Record;

/// An on-call calendar with who is on call now (their emails, as the list names them).
pub fn on_call_calendar(item: &Value) -> Option<Record> {
    let a = attributes(item);
    let default = flag(&a["default_calendar"]);
    let name =
        text(&a["name"]).or_else(|| default.filter(|d| *d).map(|_| "Default calendar".into()));
    let on_call: Vec<String> = item["relationships"]["on_call_users"]["data"]
        .as_array()
        .map(|users| {
            users
                .iter()
                .filter_map(|user| text(&user["meta"]["email"]).or_else(|| text(&user["id"])))
                .collect()
        })
        .unwrap_or_default();
    Some(
        record(item)?
            .with("name", name)
            .with("default_calendar", default)
            .with("on_call_now", on_call),
    )
}

/// An escalation policy's name and steps. Its `incident_token` (a secret that opens incidents)
/// is not read.
pub fn policy(item: &Value) -> Option<Record> {
    let a = attributes(item);
    let steps: Vec<String> = a["steps"]
        .as_array()
        .map(|steps| {
            steps
                .iter()
                .enumerate()
                .map(|(n, step)| step_words(n, step))
                .collect()
        })
        .unwrap_or_default();
    Some(
        record(item)?
            .with("name", text(&a["name"]))
            .with("steps", (!steps.is_empty()).then(|| steps.join("; ")))
            .with("repeat_count", int(&a["repeat_count"]))
            .with("repeat_delay_seconds", int(&a["repeat_delay"])),
    )
}

/// "2. after 180 s: current on-call, team"
fn step_words(n: usize, step: &Value) -> String {
    let who: Vec<String> = step["step_members"]
        .as_array()
        .map(|members| {
            members
                .iter()
                .filter_map(|member| text(&member["type"]))
                .map(|kind| kind.replace('_', " "))
                .collect()
        })
        .unwrap_or_default();
    let wait = int(&step["wait_before"]).unwrap_or(0);
    let kind = text(&step["type"]).unwrap_or_else(|| "escalation".into());
    let who = if who.is_empty() { kind } else { who.join(", ") };
    format!("{}. after {wait} s: {who}", n + 1)
}
