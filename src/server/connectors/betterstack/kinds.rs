//! What a Better Stack Uptime connection keeps, kind by kind. Links are kept as ids (a
//! monitor's `group_id` is a monitor group's id) next to the linked record's name.

use crate::domain::{
    overview_kinds::OverviewKinds,
    record_kinds::{
        Field,
        Format::{Flag, List, Number, Percent, Seconds, Time, Url},
        RecordKind,
    },
};

pub const MONITORS: &str = "monitors";
pub const MONITOR_GROUPS: &str = "monitor_groups";
pub const HEARTBEATS: &str = "heartbeats";
pub const HEARTBEAT_GROUPS: &str = "heartbeat_groups";
pub const INCIDENTS: &str = "incidents";
pub const STATUS_PAGES: &str = "status_pages";
pub const ON_CALLS: &str = "on_call_calendars";
pub const POLICIES: &str = "escalation_policies";
pub const AVAILABILITY: &str = "availability";
pub const RESPONSE_TIMES: &str = "response_times";

/// What the Overview reads. Monitors and heartbeats report `down` while failing (reference
/// §3–4); `paused`, `pending`, `maintenance` and `validating` are not down.
pub const OVERVIEW: OverviewKinds = OverviewKinds {
    monitors: MONITORS,
    heartbeats: HEARTBEATS,
    incidents: INCIDENTS,
    availability: AVAILABILITY,
    response_times: RESPONSE_TIMES,
    down: &["down"],
};

const TEAM: Field = Field::text("team", "Team");
/// Monitor groups and heartbeat groups read the same.
const GROUP_FIELDS: &[Field] = &[
    Field::text("name", "Name"),
    Field::of("paused", "Paused", Flag, false),
    Field::of("created_at", "Created", Time, false),
    TEAM,
];

pub const KINDS: &[RecordKind] = &[
    RecordKind {
        key: MONITORS,
        label: "Monitors",
        fields: &[
            Field::text("name", "Name"),
            Field::of("url", "URL", Url, true),
            Field::text("type", "Type"),
            Field::text("status", "Status"),
            Field::of("check_frequency_seconds", "Check frequency", Seconds, false),
            Field::of("last_checked_at", "Last checked", Time, false),
            Field::text("group", "Group"),
            Field::of("group_id", "Group id", Number, false),
            Field::of("regions", "Regions", List, true),
            Field::of("paused_at", "Paused", Time, false),
            Field::of("created_at", "Created", Time, false),
            Field::of("ssl_expiration_days", "SSL expiry warning", Number, false),
            Field::of(
                "domain_expiration_days",
                "Domain expiry warning",
                Number,
                false,
            ),
            TEAM,
        ],
        default_sort: "name",
        default_descending: false,
        kept_days: None,
    },
    RecordKind {
        key: MONITOR_GROUPS,
        label: "Monitor groups",
        fields: GROUP_FIELDS,
        default_sort: "name",
        default_descending: false,
        kept_days: None,
    },
    RecordKind {
        key: HEARTBEATS,
        label: "Heartbeats",
        fields: &[
            Field::text("name", "Name"),
            Field::text("status", "Status"),
            Field::of("period_seconds", "Period", Seconds, false),
            Field::of("grace_seconds", "Grace", Seconds, false),
            Field::text("group", "Group"),
            Field::of("group_id", "Group id", Number, false),
            Field::of("paused_at", "Paused", Time, false),
            Field::of("created_at", "Created", Time, false),
            TEAM,
        ],
        default_sort: "name",
        default_descending: false,
        kept_days: None,
    },
    RecordKind {
        key: HEARTBEAT_GROUPS,
        label: "Heartbeat groups",
        fields: GROUP_FIELDS,
        default_sort: "name",
        default_descending: false,
        kept_days: None,
    },
    RecordKind {
        key: INCIDENTS,
        label: "Incidents",
        fields: &[
            Field::text("name", "Name"),
            Field::text("cause", "Cause"),
            Field::text("status", "Status"),
            Field::of("started_at", "Started", Time, false),
            Field::of("acknowledged_at", "Acknowledged", Time, false),
            Field::text("acknowledged_by", "Acknowledged by"),
            Field::of("resolved_at", "Resolved", Time, false),
            Field::text("resolved_by", "Resolved by"),
            Field::of("monitor_id", "Monitor id", Number, false),
            Field::of("heartbeat_id", "Heartbeat id", Number, false),
            Field::of("regions", "Regions", List, true),
            Field::text("metadata", "Metadata"),
            Field::of("url", "URL", Url, true),
            TEAM,
        ],
        default_sort: "started_at",
        default_descending: true,
        kept_days: None,
    },
    RecordKind {
        key: STATUS_PAGES,
        label: "Status pages",
        fields: &[
            Field::text("company_name", "Company"),
            Field::text("subdomain", "Subdomain"),
            Field::text("custom_domain", "Custom domain"),
            Field::text("aggregate_state", "State"),
            TEAM,
        ],
        default_sort: "company_name",
        default_descending: false,
        kept_days: None,
    },
    RecordKind {
        key: ON_CALLS,
        label: "On-call calendars",
        fields: &[
            Field::text("name", "Name"),
            Field::of("default_calendar", "Default", Flag, false),
            Field::of("on_call_now", "On call now", List, true),
            TEAM,
        ],
        default_sort: "name",
        default_descending: false,
        kept_days: None,
    },
    RecordKind {
        key: POLICIES,
        label: "Escalation policies",
        fields: &[
            Field::text("name", "Name"),
            Field::text("steps", "Steps"),
            Field::of("repeat_count", "Repeats", Number, false),
            Field::of("repeat_delay_seconds", "Repeat delay", Seconds, false),
            TEAM,
        ],
        default_sort: "name",
        default_descending: false,
        kept_days: None,
    },
    RecordKind {
        key: AVAILABILITY,
        label: "Availability (30 days)",
        fields: &[
            Field::text("name", "Name"),
            Field::text("of", "Of"),
            Field::of("availability_percent", "Availability", Percent, false),
            Field::of("downtime_seconds", "Downtime", Seconds, false),
            Field::of("incidents", "Incidents", Number, false),
            Field::of(
                "longest_incident_seconds",
                "Longest incident",
                Seconds,
                false,
            ),
            Field::of(
                "average_incident_seconds",
                "Average incident",
                Seconds,
                false,
            ),
            Field::of("from", "From", Time, false),
            Field::of("to", "To", Time, false),
            Field::of("fetched_at", "Read at", Time, false),
        ],
        default_sort: "availability_percent",
        default_descending: false,
        kept_days: None,
    },
    RecordKind {
        key: RESPONSE_TIMES,
        label: "Response times",
        fields: &[
            Field::text("monitor", "Monitor"),
            Field::text("region", "Region"),
            Field::of("at", "At", Time, false),
            Field::of("response_time_seconds", "Response time", Seconds, false),
            Field::of("monitor_id", "Monitor id", Number, false),
        ],
        default_sort: "at",
        default_descending: true,
        kept_days: Some(30),
    },
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_sorts_by_one_of_its_fields_and_keys_are_plain_words() {
        let plain = |key: &str| key.chars().all(|c| c.is_ascii_lowercase() || c == '_');
        for kind in KINDS {
            assert!(kind.field(kind.default_sort).is_some(), "{}", kind.key);
            assert!(plain(kind.key), "{}", kind.key);
            for field in kind.fields {
                assert!(plain(field.key), "{}.{}", kind.key, field.key);
            }
        }
    }
}
