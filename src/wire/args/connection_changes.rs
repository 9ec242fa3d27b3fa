//! The connection page's forms.

use serde::{Deserialize, Serialize};
use serde_with::{serde_as, DisplayFromStr, NoneAsEmptyString};

use super::{ConnectionRef, Ticked};
use crate::domain::{token_reach::TeamScope, Privacy, SwapMode};

/// A connection's page, with its History at `history_page` (from 1).
#[serde_as]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DetailArgs {
    #[serde(flatten)]
    pub connection: ConnectionRef,
    #[serde_as(as = "DisplayFromStr")]
    #[serde(default)]
    pub history_page: i64,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RenameArgs {
    #[serde(flatten)]
    pub connection: ConnectionRef,
    #[serde(default)]
    pub name: String,
}

/// A new token and the button pressed. Its `Debug` leaves the token out.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SwapArgs {
    #[serde(flatten)]
    pub connection: ConnectionRef,
    #[serde(default)]
    pub token: String,
    #[serde(default)]
    pub how: SwapMode,
}

/// Who sees the connection; a change that takes access away needs `confirm`.
#[serde_as]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PrivacyArgs {
    #[serde(flatten)]
    pub connection: ConnectionRef,
    #[serde_as(as = "NoneAsEmptyString")]
    #[serde(default)]
    pub privacy: Option<Privacy>,
    #[serde_as(as = "NoneAsEmptyString")]
    #[serde(default)]
    pub team: Option<i64>,
    #[serde(default)]
    pub confirm: Ticked,
}

/// Which of the token's teams the connection reads.
#[serde_as]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceTeamsArgs {
    #[serde(flatten)]
    pub connection: ConnectionRef,
    #[serde_as(as = "NoneAsEmptyString")]
    #[serde(default)]
    pub team_scope: Option<TeamScope>,
    #[serde(default)]
    pub source_teams: Vec<String>,
}

/// **Delete Connection**: the name typed again, and whether its credential goes too.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeleteArgs {
    #[serde(flatten)]
    pub connection: ConnectionRef,
    #[serde(default)]
    pub confirm_name: String,
    #[serde(default)]
    pub delete_credential: Ticked,
}

impl std::fmt::Debug for SwapArgs {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SwapArgs")
            .field("connection", &self.connection)
            .field("how", &self.how)
            .finish_non_exhaustive()
    }
}
