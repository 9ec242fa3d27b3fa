//! What the Teams pages receive.

use serde::{Deserialize, Serialize};

use crate::domain::Role;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TeamsOverview {
    pub teams: Vec<TeamInfo>,
    pub can_manage: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TeamInfo {
    pub id: i64,
    pub name: String,
    pub members: Vec<TeamMemberInfo>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TeamMemberInfo {
    pub user_id: i64,
    pub name: String,
    pub is_lead: bool,
}

/// One team with every member of the workspace, marked in or out, for the team's page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TeamDetail {
    pub id: i64,
    pub name: String,
    pub people: Vec<TeamCandidate>,
    pub can_manage: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TeamCandidate {
    pub user_id: i64,
    pub name: String,
    pub role: Role,
    pub in_team: bool,
    pub is_lead: bool,
}
