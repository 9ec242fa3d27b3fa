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
            "monitor_group_id": null,
            "last_checked_at": format!("2026-11-2{}T10:{:02}:00.000Z", n % 3, n % 60),
            "status": if down { "down" } else { "up" },
            "team_name": team,
            "check_frequency": check_frequency,
            "paused_at": null,
            "auth_username": "monitor-bot",
            "auth_password": format!("monitor-password-{n}"),
            "request_headers": [{ "id": "123", "name": "X-Api-Key", "value": format!("header-secret-{n}") }],
            "regions": ["us", "eu"],
            "ssl_expiration": if n.is_multiple_of(2) { json!(14) } else { Value::Null },
            "domain_expiration": if n.is_multiple_of(2) { json!(30) } else { Value::Null },
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
            "acknowledged_at": if resolved { json!(format!("{day}T08:{:02}:30.000Z", n % 60)) } else { Value::Null },
            "acknowledged_by": if resolved { json!("Bo Oncall") } else { Value::Null },
            "regions": ["us", "eu"],
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
        "attributes": { "name": format!("Group {n}"), "sort_index": null, "team_name": team,
            "paused": false, "created_at": "2026-01-10T09:00:00.000Z" }
    })
}

/// A heartbeat group (the docs' example spells its type `hearbeat_group`; this one does not).
pub fn heartbeat_group(n: usize, team: &str) -> Value {
    json!({
        "id": (6000 + n).to_string(),
        "type": "heartbeat_group",
        "attributes": { "name": format!("Jobs {n}"), "sort_index": null, "team_name": team,
            "paused": false, "created_at": "2026-01-11T09:00:00.000Z" }
    })
}

/// An incident of heartbeat `heartbeat_id` (no monitor), open.
pub fn heartbeat_incident(n: usize, team: &str, day: &str, heartbeat_id: &str) -> Value {
    json!({
        "id": (5000 + n).to_string(),
        "type": "incident",
        "attributes": {
            "name": format!("Nightly job {heartbeat_id} missed"),
            "url": null,
            "cause": "Heartbeat not received",
            "started_at": format!("{day}T03:00:00.000Z"),
            "acknowledged_at": null,
            "resolved_at": null,
            "status": "Started",
            "team_name": team,
            "metadata": {}
        },
        "relationships": { "heartbeat": { "data": { "id": heartbeat_id, "type": "heartbeat" } } }
    })
}

/// An on-call calendar with one person on call now (the default calendar has no name).
pub fn on_call_calendar(n: usize, team: &str) -> Value {
    json!({
        "id": (7000 + n).to_string(),
        "type": "on_call_calendar",
        "attributes": { "name": if n == 0 { Value::Null } else { json!(format!("Tier {n}")) },
            "default_calendar": n == 0, "team_name": team },
        "relationships": { "on_call_users": { "data": [
            { "id": (8000 + n).to_string(), "type": "user", "meta": { "email": format!("oncall{n}@example.com") } }
        ] } }
    })
}

/// An escalation policy. Its `incident_token` opens incidents: a secret a connector drops.
pub fn policy(n: usize, team: &str) -> Value {
    json!({
        "id": (9000 + n).to_string(),
        "type": "policy",
        "attributes": {
            "name": format!("Escalate {n}"),
            "repeat_count": 3,
            "repeat_delay": 60,
            "incident_token": format!("policy-incident-token-{n}"),
            "team_name": team,
            "steps": [
                { "type": "escalation", "wait_before": 0, "urgency_id": 123,
                  "step_members": [{ "type": "current_on_call" }] },
                { "type": "escalation", "wait_before": 180, "urgency_id": 123,
                  "step_members": [{ "type": "entire_team" }] }
            ]
        }
    })
}

impl World {
    /// `count` monitors for `team`, numbered after the ones already there, each in one of
    /// the team's monitor groups (in turn) when it has any.
    pub fn with_monitors(mut self, team: &str, count: usize) -> Self {
        let groups = self.ids_of(Collection::MonitorGroups, team);
        let start = self.items(Collection::Monitors).len();
        for n in start..start + count {
            let mut item = monitor(n, team);
            if !groups.is_empty() {
                item["attributes"]["monitor_group_id"] = json!(groups[n % groups.len()]);
            }
            self.push(Collection::Monitors, item);
        }
        self
    }

    /// `count` monitor groups for `team`.
    pub fn with_groups(mut self, team: &str, count: usize) -> Self {
        let start = self.items(Collection::MonitorGroups).len();
        for n in start..start + count {
            self.push(Collection::MonitorGroups, monitor_group(n, team));
        }
        self
    }

    /// `count` heartbeats for `team` in one new heartbeat group.
    pub fn with_heartbeats(mut self, team: &str, count: usize) -> Self {
        let group = self.items(Collection::HeartbeatGroups).len();
        self.push(Collection::HeartbeatGroups, heartbeat_group(group, team));
        let start = self.items(Collection::Heartbeats).len();
        for n in start..start + count {
            let mut item = heartbeat(n, team);
            item["attributes"]["heartbeat_group_id"] = json!(6000 + group);
            self.push(Collection::Heartbeats, item);
        }
        self
    }

    /// The numeric ids of `collection`'s records of `team` (as the API sends foreign keys).
    fn ids_of(&self, collection: Collection, team: &str) -> Vec<u64> {
        self.items(collection)
            .iter()
            .filter(|item| item["attributes"]["team_name"] == team)
            .filter_map(|item| item["id"].as_str()?.parse().ok())
            .collect()
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

    /// A large account for `bench/sync.sh`: two teams (Ops, Platform), 1,000 monitors in 20
    /// groups, 100 heartbeats in 2 groups, 2,000 incidents over 20 days (every tenth open), 5
    /// status pages, an on-call calendar and a policy per team. Tokens: `global_…`, `team_…`
    /// (Ops).
    pub fn bench() -> Self {
        let mut world = World::default()
            .token_prefix("team_", Access::team("Ops"))
            .token_prefix("global_", Access::Global);
        for (t, team) in ["Ops", "Platform"].into_iter().enumerate() {
            world = world
                .with_groups(team, 10)
                .with_monitors(team, 500)
                .with_heartbeats(team, 50);
            for day in 1..=10 {
                let day = format!("2026-11-{:02}", day + t * 10);
                let start = world.items(Collection::Incidents).len();
                for n in start..start + 100 {
                    let mut item = incident(n, team, &day, !n.is_multiple_of(10));
                    // One of the team's own monitors (Ops 1000–1499, Platform 1500–1999).
                    let monitor = 1000 + t * 500 + n % 500;
                    item["relationships"]["monitor"]["data"]["id"] = json!(monitor.to_string());
                    world.push(Collection::Incidents, item);
                }
            }
            world.push(Collection::OnCalls, on_call_calendar(t, team));
            world.push(Collection::Policies, policy(t, team));
        }
        for n in 0..5 {
            world.push(
                Collection::StatusPages,
                status_page(n, ["Ops", "Platform"][n % 2]),
            );
        }
        world
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
            .with_groups("Ops", 1)
            .with_monitors("Ops", 3)
            .with_monitors("Web", 2)
            .with_incidents("Ops", "2026-11-20", 2)
            .with_heartbeats("Ops", 1);
        world.push(Collection::StatusPages, status_page(1, "Ops"));
        world.push(Collection::OnCalls, on_call_calendar(0, "Ops"));
        world.push(Collection::Policies, policy(0, "Ops"));
        world
    }
}
