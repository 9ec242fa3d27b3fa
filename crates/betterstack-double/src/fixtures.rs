//! Realistic resources, shaped like the documented examples (ids as strings, some foreign keys
//! as numbers, nulls, unknown fields, and secrets inside payloads that a connector must drop).

use std::time::Duration;

use serde_json::{json, Value};

use crate::{access::Access, world::Collection, World};

/// A monitor of `team`, numbered `n`.
pub fn monitor(n: usize, team: &str) -> Value {
    let down = n % 7 == 3;
    let check_frequency = [30, 60, 180][n % 3];
    json!({
        "id": (1000 + n).to_string(),
        "type": "monitor",
        "attributes": {
            "url": format!("https://service-{n}.example.com/health"),
            "pronounceable_name": format!("Service {n}"),
            "monitor_type": if n.is_multiple_of(2) { "status" } else { "keyword" },
            "monitor_group_id": 95251342,
            "last_checked_at": format!("2026-11-2{}T10:{:02}:00.000Z", n % 3, n % 60),
            "status": if down { "down" } else { "up" },
            "team_name": team,
            "check_frequency": check_frequency,
            "paused_at": null,
            "auth_username": "monitor-bot",
            "auth_password": format!("monitor-password-{n}"),
            "request_headers": [{ "id": "123", "name": "X-Api-Key", "value": format!("header-secret-{n}") }],
            "regions": ["us", "eu"],
            "created_at": "2026-02-18T13:38:16.586Z",
            "a_field_added_later": { "nested": true }
        },
        "relationships": { "policy": { "data": null } }
    })
}

/// An incident of `team`, started on `day` (YYYY-MM-DD); resolved when `resolved`.
pub fn incident(n: usize, team: &str, day: &str, resolved: bool) -> Value {
    json!({
        "id": (5000 + n).to_string(),
        "type": "incident",
        "attributes": {
            "name": format!("Service {n} down"),
            "url": if n.is_multiple_of(4) { Value::Null } else { json!(format!("https://service-{n}.example.com/health")) },
            "cause": if n.is_multiple_of(2) { "Status 503" } else { "Timeout (no headers received)" },
            "started_at": format!("{day}T08:{:02}:00.000Z", n % 60),
            "acknowledged_at": null,
            "resolved_at": if resolved { json!(format!("{day}T09:{:02}:00.000Z", n % 60)) } else { Value::Null },
            "resolved_by": if resolved { json!("Ada Admin") } else { Value::Null },
            "status": if resolved { "Resolved" } else { "Started" },
            "team_name": team,
            "response_options": "{}",
            "metadata": { "Response code": [{ "type": "String", "value": "503" }] }
        },
        "relationships": { "monitor": { "data": { "id": (1000 + n).to_string(), "type": "monitor" } } }
    })
}

/// A heartbeat of `team`. Its `url` is a secret ping URL.
pub fn heartbeat(n: usize, team: &str) -> Value {
    json!({
        "id": (2000 + n).to_string(),
        "type": "heartbeat",
        "attributes": {
            "url": format!("https://uptime.betterstack.com/api/v1/heartbeat/secret-ping-{n}"),
            "name": format!("Nightly job {n}"),
            "period": 10800,
            "grace": 300,
            "heartbeat_group_id": null,
            "team_name": team,
            "paused_at": null,
            "status": "up"
        }
    })
}

pub fn status_page(n: usize, team: &str) -> Value {
    json!({
        "id": (3000 + n).to_string(),
        "type": "status_page",
        "attributes": {
            "company_name": format!("Acme {n}"),
            "subdomain": format!("acme-{n}"),
            "custom_domain": null,
            "aggregate_state": "operational",
            "team_name": team
        }
    })
}

pub fn monitor_group(n: usize, team: &str) -> Value {
    json!({
        "id": (4000 + n).to_string(),
        "type": "monitor_group",
        "attributes": { "name": format!("Group {n}"), "sort_index": null, "team_name": team, "paused": false }
    })
}

impl World {
    /// `count` monitors for `team`, numbered after the ones already there.
    pub fn with_monitors(mut self, team: &str, count: usize) -> Self {
        let start = self.items(Collection::Monitors).len();
        for n in start..start + count {
            self.push(Collection::Monitors, monitor(n, team));
        }
        self
    }

    /// `count` incidents for `team` started on `day`, every other one resolved.
    pub fn with_incidents(mut self, team: &str, day: &str, count: usize) -> Self {
        let start = self.items(Collection::Incidents).len();
        for n in start..start + count {
            self.push(
                Collection::Incidents,
                incident(n, team, day, n.is_multiple_of(2)),
            );
        }
        self
    }

    /// The world the standalone double starts with, for end-to-end tests: tokens are made up
    /// by the tests and recognised by how they start.
    pub fn demo() -> Self {
        let ops = Access::team("Ops");
        let mut world = World::default()
            .token_prefix("team_", ops.clone())
            .token_prefix("global_", Access::Global)
            .token_prefix("telemetry_", Access::Forbidden)
            .token_prefix(
                "throttled_",
                Access::RateLimited {
                    retry_after_secs: 30,
                },
            )
            .token_prefix("down_", Access::Unavailable)
            .token_prefix(
                "slow_",
                Access::Slow {
                    delay: Duration::from_secs(15),
                    then: Box::new(ops.clone()),
                },
            )
            // Answers within a second, so a sync takes long enough to watch its progress.
            .token_prefix(
                "paced_",
                Access::Slow {
                    delay: Duration::from_millis(700),
                    then: Box::new(ops),
                },
            )
            .with_monitors("Ops", 3)
            .with_monitors("Web", 2)
            .with_incidents("Ops", "2026-11-20", 2);
        world.push(Collection::Heartbeats, heartbeat(1, "Ops"));
        world.push(Collection::StatusPages, status_page(1, "Ops"));
        world.push(Collection::MonitorGroups, monitor_group(1, "Ops"));
        world
    }
}
