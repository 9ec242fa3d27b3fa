//! Settings → Teams. Everyone can see the teams; Admins change them.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::{domain::Role, error::AppError};

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

#[server(prefix = "/api")]
pub async fn list_teams() -> Result<TeamsOverview, AppError> {
    use crate::server::{auth::require_user, services::teams, state::app_state};
    let user = require_user().await?;
    teams::overview(&app_state()?, &user).await
}

#[server(prefix = "/api")]
pub async fn get_team(team_id: i64) -> Result<TeamDetail, AppError> {
    use crate::server::{auth::require_user, services::teams, state::app_state};
    let user = require_user().await?;
    teams::detail(&app_state()?, &user, team_id).await
}

#[server(prefix = "/api")]
pub async fn create_team(name: String) -> Result<(), AppError> {
    use crate::server::{auth::require_admin, services::teams, state::app_state};
    let admin = require_admin().await?;
    let id = teams::create(&app_state()?, &admin, &name).await?;
    leptos_axum::redirect(&format!("/settings/teams/{id}"));
    Ok(())
}

#[server(prefix = "/api")]
pub async fn rename_team(team_id: i64, name: String) -> Result<(), AppError> {
    use crate::server::{auth::require_admin, services::teams, state::app_state};
    let admin = require_admin().await?;
    teams::rename(&app_state()?, &admin, team_id, &name).await
}

#[server(prefix = "/api")]
pub async fn delete_team(team_id: i64) -> Result<(), AppError> {
    use crate::server::{auth::require_admin, services::teams, state::app_state};
    let admin = require_admin().await?;
    teams::delete(&app_state()?, &admin, team_id).await?;
    leptos_axum::redirect("/settings/teams");
    Ok(())
}

/// Sets who is in the team (`members`) and who leads it (`leads`, Team Leads only).
#[server(prefix = "/api")]
pub async fn set_team_members(
    team_id: i64,
    #[server(default)] members: Vec<i64>,
    #[server(default)] leads: Vec<i64>,
) -> Result<(), AppError> {
    use crate::server::{auth::require_admin, services::teams, state::app_state};
    let admin = require_admin().await?;
    teams::set_members(&app_state()?, &admin, team_id, &members, &leads).await
}
