//! Settings → Teams. Everyone can see the teams; Admins change them.

use leptos::prelude::*;

use crate::{
    error::AppError,
    wire::{
        args::teams::{NewTeamArgs, RenameTeamArgs, TeamArgs, TeamMembersArgs},
        teams::{TeamDetail, TeamsOverview},
    },
};

#[server(prefix = "/api")]
pub async fn list_teams() -> Result<TeamsOverview, AppError> {
    use crate::server::{auth::require_user, services::teams, state::app_state};
    let user = require_user().await?;
    teams::overview(&app_state()?, &user).await
}

#[server(prefix = "/api")]
pub async fn get_team(#[server(flatten)] args: TeamArgs) -> Result<TeamDetail, AppError> {
    use crate::server::{auth::require_user, services::teams, state::app_state};
    let user = require_user().await?;
    teams::detail(&app_state()?, &user, args.team_id).await
}

#[server(prefix = "/api")]
pub async fn create_team(#[server(flatten)] args: NewTeamArgs) -> Result<(), AppError> {
    use crate::server::{auth::require_admin, services::teams, state::app_state};
    let admin = require_admin().await?;
    let id = teams::create(&app_state()?, &admin, &args.name).await?;
    leptos_axum::redirect(&format!("/settings/teams/{id}"));
    Ok(())
}

#[server(prefix = "/api")]
pub async fn rename_team(#[server(flatten)] args: RenameTeamArgs) -> Result<(), AppError> {
    use crate::server::{auth::require_admin, services::teams, state::app_state};
    let admin = require_admin().await?;
    teams::rename(&app_state()?, &admin, args.team_id, &args.name).await
}

#[server(prefix = "/api")]
pub async fn delete_team(#[server(flatten)] args: TeamArgs) -> Result<(), AppError> {
    use crate::server::{auth::require_admin, services::teams, state::app_state};
    let admin = require_admin().await?;
    teams::delete(&app_state()?, &admin, args.team_id).await?;
    leptos_axum::redirect("/settings/teams");
    Ok(())
}

/// Sets who is in the team (`members`) and who leads it (`leads`, Team Leads only).
#[server(prefix = "/api")]
pub async fn set_team_members(#[server(flatten)] args: TeamMembersArgs) -> Result<(), AppError> {
    use crate::server::{auth::require_admin, services::teams, state::app_state};
    let admin = require_admin().await?;
    teams::set_members(
        &app_state()?,
        &admin,
        args.team_id,
        &args.members,
        &args.leads,
    )
    .await
}
