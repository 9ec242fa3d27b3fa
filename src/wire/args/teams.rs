//! Teams.

use serde::{Deserialize, Serialize};
use serde_with::{serde_as, DisplayFromStr};

#[serde_as]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TeamArgs {
    #[serde_as(as = "DisplayFromStr")]
    pub team_id: i64,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewTeamArgs {
    pub name: String,
}

#[serde_as]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RenameTeamArgs {
    #[serde_as(as = "DisplayFromStr")]
    pub team_id: i64,
    pub name: String,
}

/// Everyone ticked as a member, and those of them ticked as leads.
#[serde_as]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TeamMembersArgs {
    #[serde_as(as = "DisplayFromStr")]
    pub team_id: i64,
    #[serde_as(as = "Vec<DisplayFromStr>")]
    #[serde(default)]
    pub members: Vec<i64>,
    #[serde_as(as = "Vec<DisplayFromStr>")]
    #[serde(default)]
    pub leads: Vec<i64>,
}
