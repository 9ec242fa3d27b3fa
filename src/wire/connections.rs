//! What the browser receives about sources, credentials and connections.
//!
//! No type here has a field that could hold a token: tiles and rows carry its last four
//! characters, and nothing else of it.

use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::{
    domain::{token_reach::TeamChoice, CheckStatus, Privacy},
    wire::{members::TeamRef, moment::Moment},
};

/// A source in the catalog, with how many of its connections the viewer can see.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct SourceSummary {
    pub id: String,
    pub name: String,
    pub description: String,
    pub connections: i64,
}

/// A saved credential, as its tile shows it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct CredentialTile {
    pub id: i64,
    pub name: String,
    pub description: Option<String>,
    /// `••••` and the token's last four characters.
    pub fingerprint: String,
    pub set_at: Moment,
    pub set_by: String,
    pub status: CheckStatus,
    pub checked_at: Option<Moment>,
    /// What the token reaches, as the last check told.
    pub reach: Option<String>,
    /// The Better Stack teams it reaches, by name, as the last check found them.
    pub reached_teams: Vec<String>,
    /// Whether a connection on it may read only some of those teams (a global token that
    /// reaches several).
    pub team_choice_offered: bool,
    pub used_by: i64,
}

/// Step two of the stepper: the viewer's credentials for a source and their teams.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SetupChoices {
    pub source_id: String,
    pub source_name: String,
    pub credentials: Vec<CredentialTile>,
    pub teams: Vec<TeamRef>,
}

/// Step three: the connection as it will be created.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ConnectionReview {
    pub source_id: String,
    pub source_name: String,
    pub credential: CredentialTile,
    pub name: String,
    pub privacy: Privacy,
    pub team: Option<TeamRef>,
    /// Which of the token's Better Stack teams it will read.
    pub source_teams: TeamChoice,
}

/// A row of a source's connections page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ConnectionSummary {
    pub id: i64,
    pub name: String,
    pub owner: String,
    pub privacy: Privacy,
    pub team_name: Option<String>,
    pub fingerprint: String,
    pub status: CheckStatus,
    /// The status in words ("Failing — token rejected since"), and since when it fails.
    pub status_text: String,
    pub since: Option<Moment>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct SourceConnections {
    pub source_id: String,
    pub source_name: String,
    /// One page of them, by name. Shared, not copied: the server hands the same answer to every
    /// request until something commits (`server::read_cache`), and the page's resource clones it.
    #[cfg_attr(feature = "ssr", schema(value_type = Vec<ConnectionSummary>))]
    pub connections: Arc<[ConnectionSummary]>,
    pub page: i64,
    pub pages: i64,
    /// All the connections of the source the viewer can see.
    pub total: i64,
}

/// What a connection's page shows.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ConnectionFacts {
    pub id: i64,
    pub source_id: String,
    pub source_name: String,
    pub name: String,
    pub owner: String,
    pub privacy: Privacy,
    pub team_name: Option<String>,
    pub created: Moment,
    pub credential: CredentialTile,
    /// Which of the token's Better Stack teams it reads.
    pub source_teams: TeamChoice,
}
