//! Which of a source's record kinds a connection's Overview and the dashboard read, and the
//! fields they read in them. A connector that describes none gets no Overview charts.

/// Kind keys and field names (JSON keys of the stored records).
#[derive(Debug, PartialEq)]
pub struct OverviewKinds {
    /// Checked things with a `status` and a `name` (monitors).
    pub monitors: &'static str,
    /// Expected pings with a `status` and a `name` (heartbeats).
    pub heartbeats: &'static str,
    /// With `name`, `started_at`, `acknowledged_at`, `acknowledged_by`, `resolved_at`.
    pub incidents: &'static str,
    /// One per monitor: `name`, `of` (what it is of) and `availability_percent`.
    pub availability: &'static str,
    /// A series: `monitor_id`, `monitor`, `at`, `response_time_seconds`.
    pub response_times: &'static str,
    /// The `status` words that mean down now, for monitors and heartbeats.
    pub down: &'static [&'static str],
}
