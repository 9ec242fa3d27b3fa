//! The catalog, the credential overlay and the stepper.

use serde::{Deserialize, Serialize};
use serde_with::{serde_as, DisplayFromStr, NoneAsEmptyString};

use crate::domain::{token_reach::TeamScope, Privacy};

/// One source: its catalog id.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceArgs {
    pub source: String,
}

/// A page of a source's connections (from 1).
#[serde_as]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListConnectionsArgs {
    pub source: String,
    #[serde_as(as = "DisplayFromStr")]
    #[serde(default)]
    pub page: i64,
}

/// Whether the overlay's token is checked with the source before it is saved.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum CheckFirst {
    /// **Save**.
    #[default]
    Check,
    /// **Save without checking** (the source could not answer).
    Skip,
}

/// The credential overlay. Its `Debug` leaves the token out.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SaveCredentialArgs {
    pub source: String,
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub token: String,
    #[serde(default)]
    pub check: CheckFirst,
    /// The stepper's URL, to go back to without JavaScript.
    #[serde(default)]
    pub return_to: String,
}

/// Step two's choices, reviewed on the way to Finish and created by it.
#[serde_as]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewConnectionArgs {
    pub source: String,
    #[serde_as(as = "NoneAsEmptyString")]
    #[serde(default)]
    pub credential: Option<i64>,
    #[serde(default)]
    pub name: String,
    #[serde_as(as = "NoneAsEmptyString")]
    #[serde(default)]
    pub privacy: Option<Privacy>,
    #[serde_as(as = "NoneAsEmptyString")]
    #[serde(default)]
    pub team: Option<i64>,
    /// No scope: not asked yet (the step shows the choice once the credential is known).
    #[serde_as(as = "NoneAsEmptyString")]
    #[serde(default)]
    pub team_scope: Option<TeamScope>,
    #[serde(default)]
    pub source_teams: Vec<String>,
}

impl std::fmt::Debug for SaveCredentialArgs {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SaveCredentialArgs")
            .field("source", &self.source)
            .field("name", &self.name)
            .field("check", &self.check)
            .finish_non_exhaustive()
    }
}
