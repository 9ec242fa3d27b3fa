//! What a connection's page receives: the connection, its History, what Test now found.

use serde::{Deserialize, Serialize};

use crate::wire::{
    connections::ConnectionFacts, members::TeamRef, moment::Moment, overview::HealthBadge,
};

/// Everything the connection's page shows.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ConnectionDetail {
    pub facts: ConnectionFacts,
    pub health: HealthBadge,
    /// When its last sync finished.
    pub last_sync: Option<Moment>,
    /// Whether the viewer may change it; the page is read-only otherwise.
    pub can_manage: bool,
    /// Whether a swap may replace the token of the credential itself: the viewer may manage
    /// every connection that uses it. Otherwise a new token goes into a new credential.
    pub can_swap_in_place: bool,
    pub team_id: Option<i64>,
    /// The teams the viewer may share it with.
    pub teams: Vec<TeamRef>,
    /// One page of History, newest first.
    pub history: Vec<HistoryEntry>,
    /// Which page of History that is (from 1), and how many there are.
    pub history_page: i64,
    pub history_pages: i64,
    /// Entries in all of History.
    pub history_total: i64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct HistoryEntry {
    pub id: i64,
    pub at: Moment,
    pub actor: String,
    pub kind: String,
    pub text: String,
    /// How many times in a row it happened (1 for once), and when it last did.
    pub repeats: i64,
    pub last: Option<Moment>,
}

/// What Test now found.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct CheckReport {
    pub works: bool,
    pub message: String,
}
