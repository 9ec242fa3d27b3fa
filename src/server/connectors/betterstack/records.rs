//! Better Stack resources, read leniently into records of [`super::kinds`]: ids as strings or
//! numbers, nulls anywhere, unknown fields ignored. Only the fields Plugboard keeps are read,
//! so secrets inside a payload (monitor `auth_password` and header values, heartbeat ping
//! `url`, a policy's `incident_token`) never reach a record, and URLs lose their user-info and
//! query values ([`scrubbed_url`]).

mod metrics;
mod on_call;

pub use metrics::{availability, response_times};
pub use on_call::{on_call_calendar, policy};

use serde_json::Value;

use crate::server::connectors::Record;

fn attributes(item: &Value) -> &Value {
    &item["attributes"]
}

/// Text from a string or a number; `None` for null, missing, or anything else.
fn text(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

/// A whole number from a number or a numeric string.
fn int(value: &Value) -> Option<i64> {
    match value {
        Value::Number(n) => n.as_i64(),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}

/// A URL as it may be kept: without user-info (`user:password@`), with every query value and
/// the fragment removed. Monitors check URLs like `https://user:pass@host/health?key=…`; those
/// secrets stay in Better Stack. A monitor's address that is not a URL (a ping's host) loses
/// the same parts.
fn scrubbed_url(value: &Value) -> Option<String> {
    let raw = text(value)?;
    match url::Url::parse(&raw) {
        Ok(mut url) if url.has_host() => {
            let _ = url.set_username("");
            let _ = url.set_password(None);
            let keys: Vec<String> = url.query_pairs().map(|(key, _)| key.into_owned()).collect();
            if keys.is_empty() {
                url.set_query(None);
            } else {
                url.query_pairs_mut()
                    .clear()
                    .extend_pairs(keys.iter().map(|key| (key.as_str(), "")));
            }
            url.set_fragment(None);
            Some(url.into())
        }
        _ => {
            let after_user = raw.rsplit_once('@').map_or(raw.as_str(), |(_, rest)| rest);
            after_user.split(['?', '#']).next().map(str::to_owned)
        }
    }
}

/// The resource's id; a resource without one cannot be kept.
fn remote_id(item: &Value) -> Option<String> {
    text(&item["id"]).filter(|id| !id.is_empty())
}

/// Texts from a list of strings (or numbers); `None` when it is no list.
fn texts(value: &Value) -> Option<Vec<String>> {
    value
        .as_array()
        .map(|items| items.iter().filter_map(text).collect())
}

fn flag(value: &Value) -> Option<bool> {
    value.as_bool()
}

/// The id a relationship points at (`relationships.<name>.data.id`).
fn related(item: &Value, name: &str) -> Option<String> {
    text(&item["relationships"][name]["data"]["id"])
}

/// A new record for `item`, with the team every Uptime resource names.
fn record(item: &Value) -> Option<Record> {
    Some(Record::new(remote_id(item)?).with("team", text(&attributes(item)["team_name"])))
}

pub fn monitor(item: &Value) -> Option<Record> {
    let a = attributes(item);
    Some(
        record(item)?
            .with("name", text(&a["pronounceable_name"]))
            .with("url", scrubbed_url(&a["url"]))
            .with("type", text(&a["monitor_type"]))
            .with("status", text(&a["status"]))
            .with("check_frequency_seconds", int(&a["check_frequency"]))
            .with("last_checked_at", text(&a["last_checked_at"]))
            .with("group_id", text(&a["monitor_group_id"]))
            .with("regions", texts(&a["regions"]))
            .with("paused_at", text(&a["paused_at"]))
            .with("created_at", text(&a["created_at"]))
            .with("ssl_expiration_days", int(&a["ssl_expiration"]))
            .with("domain_expiration_days", int(&a["domain_expiration"])),
    )
}

/// A monitor group or a heartbeat group.
pub fn group(item: &Value) -> Option<Record> {
    let a = attributes(item);
    Some(
        record(item)?
            .with("name", text(&a["name"]))
            .with("paused", flag(&a["paused"]))
            .with("created_at", text(&a["created_at"])),
    )
}

/// A heartbeat, without its `url`: that is a secret ping address.
pub fn heartbeat(item: &Value) -> Option<Record> {
    let a = attributes(item);
    Some(
        record(item)?
            .with("name", text(&a["name"]))
            .with("status", text(&a["status"]))
            .with("period_seconds", int(&a["period"]))
            .with("grace_seconds", int(&a["grace"]))
            .with("group_id", text(&a["heartbeat_group_id"]))
            .with("paused_at", text(&a["paused_at"]))
            .with("created_at", text(&a["created_at"])),
    )
}

pub fn status_page(item: &Value) -> Option<Record> {
    let a = attributes(item);
    Some(
        record(item)?
            .with("company_name", text(&a["company_name"]))
            .with("subdomain", text(&a["subdomain"]))
            .with("custom_domain", text(&a["custom_domain"]))
            .with("aggregate_state", text(&a["aggregate_state"])),
    )
}

pub fn incident(item: &Value) -> Option<Record> {
    let a = attributes(item);
    Some(
        record(item)?
            .with("name", text(&a["name"]))
            .with("cause", text(&a["cause"]))
            .with("status", text(&a["status"]))
            .with("started_at", text(&a["started_at"]))
            .with("acknowledged_at", text(&a["acknowledged_at"]))
            .with("acknowledged_by", text(&a["acknowledged_by"]))
            .with("resolved_at", text(&a["resolved_at"]))
            .with("resolved_by", text(&a["resolved_by"]))
            .with("monitor_id", related(item, "monitor"))
            .with("heartbeat_id", related(item, "heartbeat"))
            .with("regions", texts(&a["regions"]))
            .with("metadata", metadata(&a["metadata"]))
            .with("url", scrubbed_url(&a["url"])),
    )
}

/// Incident metadata as one line: `key: value, value; key: value`. v3 gives each key a list
/// of `{type, value}`; v2 a plain value.
fn metadata(value: &Value) -> Option<String> {
    let map = value.as_object().filter(|map| !map.is_empty())?;
    let line = map
        .iter()
        .map(|(key, values)| {
            let values: Vec<String> = match values {
                Value::Array(items) => items
                    .iter()
                    .filter_map(|item| text(&item["value"]).or_else(|| text(item)))
                    .collect(),
                other => text(other).into_iter().collect(),
            };
            format!("{key}: {}", values.join(", "))
        })
        .collect::<Vec<_>>()
        .join("; ");
    Some(line)
}

/// The message in an error body: `errors` is a string, or an object of field → messages.
pub fn error_message(body: &str) -> String {
    match serde_json::from_str::<Value>(body) {
        Ok(Value::Object(map)) => match map.get("errors") {
            Some(Value::String(message)) => message.clone(),
            Some(other @ (Value::Object(_) | Value::Array(_))) => other.to_string(),
            _ => "no message".to_owned(),
        },
        _ => body.chars().take(200).collect(),
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn ids_may_be_strings_or_numbers_and_nulls_are_fine() {
        let m = monitor(
            &json!({"id": 42, "attributes": {"pronounceable_name": null, "check_frequency": "30", "monitor_group_id": 7}}),
        )
        .unwrap();
        assert_eq!(m.id, "42");
        assert_eq!(m.get("name"), &Value::Null);
        assert_eq!(m.get("check_frequency_seconds"), &json!(30));
        assert_eq!(m.get("group_id"), &json!("7"));
        assert!(
            monitor(&json!({"attributes": {}})).is_none(),
            "no id, nothing to keep"
        );
        assert_eq!(monitor(&json!({"id": "7"})).unwrap().id, "7");
    }

    #[test]
    fn secrets_in_a_payload_never_reach_a_record() {
        let item = json!({"id": "1", "attributes": {
            "url": "https://api.example.com", "auth_password": "hunter2hunter2",
            "request_headers": [{"name": "X-Key", "value": "header-secret"}]}});
        let kept = format!("{:?}", monitor(&item).unwrap());
        assert!(!kept.contains("hunter2") && !kept.contains("header-secret"));
        let beat = json!({"id": "2", "attributes": {"url": "https://uptime.betterstack.com/api/v1/heartbeat/ping-secret", "name": "Nightly"}});
        assert!(!format!("{:?}", heartbeat(&beat).unwrap()).contains("ping-secret"));
        let escalation = json!({"id": "3", "attributes": {"name": "Ops", "incident_token": "open-sesame",
            "steps": [{"type": "escalation", "wait_before": 0, "step_members": [{"type": "current_on_call"}]}]}});
        let kept = policy(&escalation).unwrap();
        assert!(!format!("{kept:?}").contains("open-sesame"));
        assert_eq!(kept.text("steps"), Some("1. after 0 s: current on call"));
    }

    #[test]
    fn an_incident_knows_its_monitor_or_heartbeat_and_who_handled_it() {
        let with = json!({"id": "5", "attributes": {"name": "Down", "acknowledged_by": "Ada",
            "regions": ["us", "eu"], "metadata": {"Response code": [{"type": "String", "value": "503"}]}},
            "relationships": {"monitor": {"data": {"id": 9}}}});
        let read = incident(&with).unwrap();
        assert_eq!(read.text("monitor_id"), Some("9"));
        assert_eq!(read.text("acknowledged_by"), Some("Ada"));
        assert_eq!(read.get("regions"), &json!(["us", "eu"]));
        assert_eq!(read.text("metadata"), Some("Response code: 503"));
        let beat = json!({"id": "6", "attributes": {}, "relationships": {"heartbeat": {"data": {"id": "2001"}}}});
        let read = incident(&beat).unwrap();
        assert_eq!(
            (read.get("monitor_id"), read.text("heartbeat_id")),
            (&Value::Null, Some("2001"))
        );
    }

    #[test]
    fn a_default_calendar_without_a_name_still_reads_and_names_who_is_on_call() {
        let calendar = json!({"id": "12345", "attributes": {"name": null, "default_calendar": true},
            "relationships": {"on_call_users": {"data": [{"id": "2345", "type": "user", "meta": {"email": "tomas@example.com"}}]}}});
        let read = on_call_calendar(&calendar).unwrap();
        assert_eq!(read.text("name"), Some("Default calendar"));
        assert_eq!(read.get("on_call_now"), &json!(["tomas@example.com"]));
    }

    #[test]
    fn response_times_are_read_per_region_and_point_in_either_shape() {
        let monitor = Record::new("1000").with("name", "Service 0");
        let documented = json!({"data": {"id": "1000", "type": "monitor_response_times", "attributes": {"regions": [
            {"region": "us", "response_times": [{"at": "2026-11-30T10:00:00.000Z", "response_time": 0.25}]},
            {"region": "eu", "response_times": [{"at": "2026-11-30T10:00:00.000Z", "response_time": 0.125}, {"at": "x"}]}]}}});
        let points = response_times(&monitor, &documented["data"]);
        assert_eq!(points.len(), 2);
        assert_eq!(points[1].id, "1000/eu/2026-11-30T10:00:00.000Z");
        assert_eq!(points[1].get("response_time_seconds"), &json!(0.125));
        let flat =
            json!({"data": [{"at": "2026-11-30T10:00:00Z", "response_time": 0.2, "region": "us"}]});
        assert_eq!(
            response_times(&monitor, &flat["data"])[0].text("region"),
            Some("us")
        );
    }

    #[test]
    fn error_bodies_may_be_a_string_or_an_object() {
        assert_eq!(
            error_message(r#"{"errors":"Invalid Team API token."}"#),
            "Invalid Team API token."
        );
        assert_eq!(
            error_message(r#"{"errors":{"name":["Can't be blank."]}}"#),
            r#"{"name":["Can't be blank."]}"#
        );
        assert_eq!(error_message("Rate limited"), "Rate limited");
    }

    #[test]
    fn urls_are_kept_without_user_info_query_values_or_fragment() {
        let url = |raw: &str| scrubbed_url(&json!(raw)).unwrap();
        assert_eq!(
            url("https://probe:s3cret@api.example.com/health?key=abc&region=eu#token=x"),
            "https://api.example.com/health?key=&region="
        );
        assert_eq!(
            url("https://api.example.com/health"),
            "https://api.example.com/health"
        );
        assert_eq!(url("admin:pw@10.0.0.5"), "10.0.0.5");
        assert_eq!(url("db.example.com:5432"), "db.example.com:5432");
        assert_eq!(scrubbed_url(&Value::Null), None);
    }
}
