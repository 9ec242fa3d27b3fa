//! Members and invites (admins only).

use serde::{Deserialize, Serialize};
use serde_with::{serde_as, DisplayFromStr};

use crate::domain::Role;

#[serde_as]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct InviteArgs {
    pub email: String,
    pub role: Role,
    /// The teams the new member joins.
    #[serde_as(as = "Vec<DisplayFromStr>")]
    #[serde(default)]
    pub teams: Vec<i64>,
}

#[serde_as]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoleArgs {
    #[serde_as(as = "DisplayFromStr")]
    pub member_id: i64,
    pub role: Role,
}

#[serde_as]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MemberArgs {
    #[serde_as(as = "DisplayFromStr")]
    pub member_id: i64,
}

#[serde_as]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct InviteIdArgs {
    #[serde_as(as = "DisplayFromStr")]
    pub invite_id: i64,
}
