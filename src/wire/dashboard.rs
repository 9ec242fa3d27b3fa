//! The workspace dashboard (Home): what needs someone, across the connections the viewer
//! may see. Every item links to its connection.

use serde::{Deserialize, Serialize};

use crate::{
    domain::health::Health,
    wire::{moment::Moment, overview::HealthBadge},
};

/// A connection as the dashboard lists it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DashboardConnection {
    pub name: String,
    /// Its page.
    pub href: String,
    pub source_name: String,
    pub health: HealthBadge,
    pub last_sync: Option<Moment>,
}

/// A monitor down now or a heartbeat missing.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DownItem {
    pub name: String,
    /// "Monitor" or "Heartbeat".
    pub what: String,
    pub connection: String,
    /// The connection's Data section.
    pub href: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DashboardIncident {
    pub name: String,
    pub started: Option<Moment>,
    pub acknowledged_by: Option<String>,
    pub connection: String,
    pub href: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DashboardAvailability {
    pub name: String,
    pub percent: f64,
    pub connection: String,
    pub href: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Dashboard {
    /// Worst health first, then by name.
    pub connections: Vec<DashboardConnection>,
    /// How many connections have each health, in [`Health::ALL`]'s order, none left out.
    pub health_counts: Vec<(Health, i64)>,
    /// At most [`ITEMS_SHOWN`] of `down_total`.
    pub down: Vec<DownItem>,
    pub down_total: i64,
    /// Newest first, at most [`ITEMS_SHOWN`] of `open_total`.
    pub open_incidents: Vec<DashboardIncident>,
    pub open_total: i64,
    /// Lowest first, at most [`ITEMS_SHOWN`].
    pub worst_availability: Vec<DashboardAvailability>,
}

pub const ITEMS_SHOWN: usize = 10;
