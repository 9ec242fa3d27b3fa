//! Better Stack resources, read leniently: ids as strings or numbers, nulls anywhere, unknown
//! fields ignored. Only the fields Plugboard keeps are read, so secrets inside a payload
//! (monitor `auth_password` and header values, heartbeat ping `url`) never reach a record, and
//! URLs lose their user-info and query values ([`scrubbed_url`]).

use serde_json::Value;

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

#[derive(Debug, Clone, PartialEq)]
pub struct Monitor {
    pub remote_id: String,
    pub name: Option<String>,
    pub url: Option<String>,
    pub monitor_type: Option<String>,
    pub status: Option<String>,
    pub check_frequency: Option<i64>,
    pub last_checked_at: Option<String>,
    pub team_name: Option<String>,
}

impl Monitor {
    pub fn read(item: &Value) -> Option<Self> {
        let a = attributes(item);
        Some(Self {
            remote_id: remote_id(item)?,
            name: text(&a["pronounceable_name"]),
            url: scrubbed_url(&a["url"]),
            monitor_type: text(&a["monitor_type"]),
            status: text(&a["status"]),
            check_frequency: int(&a["check_frequency"]),
            last_checked_at: text(&a["last_checked_at"]),
            team_name: text(&a["team_name"]),
        })
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct MonitorGroup {
    pub remote_id: String,
    pub name: Option<String>,
    pub team_name: Option<String>,
}

impl MonitorGroup {
    pub fn read(item: &Value) -> Option<Self> {
        let a = attributes(item);
        Some(Self {
            remote_id: remote_id(item)?,
            name: text(&a["name"]),
            team_name: text(&a["team_name"]),
        })
    }
}

/// A heartbeat, without its `url`: that is a secret ping address.
#[derive(Debug, Clone, PartialEq)]
pub struct Heartbeat {
    pub remote_id: String,
    pub name: Option<String>,
    pub period: Option<i64>,
    pub grace: Option<i64>,
    pub status: Option<String>,
    pub team_name: Option<String>,
}

impl Heartbeat {
    pub fn read(item: &Value) -> Option<Self> {
        let a = attributes(item);
        Some(Self {
            remote_id: remote_id(item)?,
            name: text(&a["name"]),
            period: int(&a["period"]),
            grace: int(&a["grace"]),
            status: text(&a["status"]),
            team_name: text(&a["team_name"]),
        })
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct StatusPage {
    pub remote_id: String,
    pub company_name: Option<String>,
    pub subdomain: Option<String>,
    pub custom_domain: Option<String>,
    pub aggregate_state: Option<String>,
    pub team_name: Option<String>,
}

impl StatusPage {
    pub fn read(item: &Value) -> Option<Self> {
        let a = attributes(item);
        Some(Self {
            remote_id: remote_id(item)?,
            company_name: text(&a["company_name"]),
            subdomain: text(&a["subdomain"]),
            custom_domain: text(&a["custom_domain"]),
            aggregate_state: text(&a["aggregate_state"]),
            team_name: text(&a["team_name"]),
        })
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Incident {
    pub remote_id: String,
    pub name: Option<String>,
    pub url: Option<String>,
    pub cause: Option<String>,
    pub status: Option<String>,
    pub started_at: Option<String>,
    pub acknowledged_at: Option<String>,
    pub resolved_at: Option<String>,
    pub monitor_id: Option<String>,
    pub team_name: Option<String>,
}

impl Incident {
    pub fn read(item: &Value) -> Option<Self> {
        let a = attributes(item);
        Some(Self {
            remote_id: remote_id(item)?,
            name: text(&a["name"]),
            url: scrubbed_url(&a["url"]),
            cause: text(&a["cause"]),
            status: text(&a["status"]),
            started_at: text(&a["started_at"]),
            acknowledged_at: text(&a["acknowledged_at"]),
            resolved_at: text(&a["resolved_at"]),
            monitor_id: text(&item["relationships"]["monitor"]["data"]["id"]),
            team_name: text(&a["team_name"]),
        })
    }
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

/// What every list's records have in common, for reading lists generically.
pub trait Record: Sized {
    /// The record from one JSON:API resource, if it is one.
    fn parse(item: &Value) -> Option<Self>;
    /// Its id at the source.
    fn id(&self) -> &str;
}

macro_rules! records {
    ($($kind:ty),*) => {$(
        impl Record for $kind {
            fn parse(item: &Value) -> Option<Self> {
                Self::read(item)
            }

            fn id(&self) -> &str {
                &self.remote_id
            }
        }
    )*};
}

records!(Monitor, MonitorGroup, Heartbeat, StatusPage, Incident);

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn ids_may_be_strings_or_numbers_and_nulls_are_fine() {
        let monitor = Monitor::read(
            &json!({"id": 42, "attributes": {"pronounceable_name": null, "check_frequency": "30"}}),
        )
        .unwrap();
        assert_eq!(monitor.remote_id, "42");
        assert_eq!(monitor.name, None);
        assert_eq!(monitor.check_frequency, Some(30));
        assert!(
            Monitor::read(&json!({"attributes": {}})).is_none(),
            "no id, nothing to keep"
        );
        assert_eq!(Monitor::read(&json!({"id": "7"})).unwrap().remote_id, "7");
    }

    #[test]
    fn secrets_in_a_payload_never_reach_a_record() {
        let item = json!({"id": "1", "attributes": {
            "url": "https://api.example.com", "auth_password": "hunter2hunter2",
            "request_headers": [{"name": "X-Key", "value": "header-secret"}]}});
        let monitor = format!("{:?}", Monitor::read(&item).unwrap());
        assert!(!monitor.contains("hunter2") && !monitor.contains("header-secret"));
        let beat = json!({"id": "2", "attributes": {"url": "https://uptime.betterstack.com/api/v1/heartbeat/ping-secret", "name": "Nightly"}});
        assert!(!format!("{:?}", Heartbeat::read(&beat).unwrap()).contains("ping-secret"));
    }

    #[test]
    fn an_incident_knows_its_monitor_even_when_the_relationship_is_empty() {
        let with = json!({"id": "5", "attributes": {"name": "Down"}, "relationships": {"monitor": {"data": {"id": 9}}}});
        assert_eq!(
            Incident::read(&with).unwrap().monitor_id.as_deref(),
            Some("9")
        );
        let manual = json!({"id": "6", "attributes": {}, "relationships": {}});
        assert_eq!(Incident::read(&manual).unwrap().monitor_id, None);
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
