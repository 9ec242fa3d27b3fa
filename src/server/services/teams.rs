//! Teams: who is in which team, and who leads it.

use std::collections::{HashMap, HashSet};

use crate::{
    domain::{limits::MAX_NAME_CHARS, text::parse_line, FieldErrors, Role},
    error::AppError,
    server::{
        auth::SignedInUser,
        infra::clock,
        infra::db,
        repo::{connections, teams, users},
        state::AppState,
    },
    wire::teams::{TeamCandidate, TeamDetail, TeamInfo, TeamMemberInfo, TeamsOverview},
};

use super::is_unique_violation;

pub async fn overview(state: &AppState, viewer: &SignedInUser) -> Result<TeamsOverview, AppError> {
    let mut members: HashMap<i64, Vec<TeamMemberInfo>> = HashMap::new();
    for row in teams::all_members(&state.pool).await? {
        members
            .entry(row.team_id)
            .or_default()
            .push(TeamMemberInfo {
                user_id: row.user_id,
                name: row.name,
                is_lead: row.is_lead,
            });
    }
    let teams = teams::list(&state.pool)
        .await?
        .into_iter()
        .map(|team| TeamInfo {
            members: members.remove(&team.id).unwrap_or_default(),
            id: team.id,
            name: team.name,
        })
        .collect();
    Ok(TeamsOverview {
        teams,
        can_manage: viewer.is_admin(),
    })
}

pub async fn detail(
    state: &AppState,
    viewer: &SignedInUser,
    team_id: i64,
) -> Result<TeamDetail, AppError> {
    let team = teams::find(&state.pool, team_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let memberships: HashMap<i64, bool> = teams::all_members(&state.pool)
        .await?
        .into_iter()
        .filter(|row| row.team_id == team_id)
        .map(|row| (row.user_id, row.is_lead))
        .collect();
    let people = users::list_current(&state.pool)
        .await?
        .into_iter()
        .map(|user| {
            Ok(TeamCandidate {
                in_team: memberships.contains_key(&user.id),
                is_lead: memberships.get(&user.id).copied().unwrap_or(false),
                role: user.role,
                user_id: user.id,
                name: user.name,
            })
        })
        .collect::<Result<_, AppError>>()?;
    Ok(TeamDetail {
        id: team.id,
        name: team.name,
        people,
        can_manage: viewer.is_admin(),
    })
}

fn parse_team_name(name: &str) -> Result<String, AppError> {
    parse_line("Team Name", name, MAX_NAME_CHARS).map_err(|message| {
        let errors = FieldErrors::one("name", message);
        AppError::Invalid(errors.keep("name", name))
    })
}

fn name_taken(name: &str) -> AppError {
    let errors = FieldErrors::one("name", format!("There is already a team called {name}."));
    AppError::Invalid(errors.keep("name", name))
}

pub async fn create(state: &AppState, admin: &SignedInUser, name: &str) -> Result<i64, AppError> {
    let name = parse_team_name(name)?;
    match teams::insert(&state.pool, &name, clock::now()).await {
        Ok(id) => {
            tracing::info!(team_id = id, by = admin.id, "team created");
            Ok(id)
        }
        Err(e) if is_unique_violation(&e) => Err(name_taken(&name)),
        Err(e) => Err(e.into()),
    }
}

pub async fn rename(
    state: &AppState,
    admin: &SignedInUser,
    team_id: i64,
    name: &str,
) -> Result<(), AppError> {
    let name = parse_team_name(name)?;
    match teams::rename(&state.pool, team_id, &name).await {
        Ok(true) => {
            tracing::info!(team_id, by = admin.id, "team renamed");
            Ok(())
        }
        Ok(false) => Err(AppError::NotFound),
        Err(e) if is_unique_violation(&e) => Err(name_taken(&name)),
        Err(e) => Err(e.into()),
    }
}

/// Deletes a team. What was shared with it becomes private to its owner: nobody gains access.
pub async fn delete(state: &AppState, admin: &SignedInUser, team_id: i64) -> Result<(), AppError> {
    let mut tx = db::begin_write(&state.pool).await?;
    let unshared = connections::unshare_team(&mut *tx, team_id).await?;
    if !teams::delete(&mut *tx, team_id).await? {
        return Err(AppError::NotFound);
    }
    tx.commit().await?;
    tracing::info!(team_id, by = admin.id, unshared, "team deleted");
    Ok(())
}

/// Replaces the team's members and leads in one transaction.
pub async fn set_members(
    state: &AppState,
    admin: &SignedInUser,
    team_id: i64,
    members: &[i64],
    leads: &[i64],
) -> Result<(), AppError> {
    let mut tx = db::begin_write(&state.pool).await?;
    teams::find(&mut *tx, team_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let people: HashMap<i64, Role> = users::list_current(&mut *tx)
        .await?
        .into_iter()
        .map(|user| (user.id, user.role))
        .collect();
    let chosen: HashSet<i64> = members.iter().chain(leads).copied().collect();
    let mut errors = FieldErrors::default();
    for user_id in &chosen {
        match people.get(user_id) {
            None => errors.add(
                "members",
                "One of the chosen people is no longer a member. Reload and try again.",
            ),
            Some(&role) if leads.contains(user_id) && role != Role::TeamLead => errors.add(
                "leads",
                "Only members with the Team Lead role can lead a team.",
            ),
            Some(_) => {}
        }
    }
    if !errors.is_empty() {
        return Err(AppError::Invalid(errors));
    }
    teams::clear_members(&mut *tx, team_id).await?;
    for user_id in &chosen {
        teams::add_member(&mut *tx, team_id, *user_id, leads.contains(user_id)).await?;
    }
    tx.commit().await?;
    tracing::info!(
        team_id,
        by = admin.id,
        members = chosen.len(),
        "team members set"
    );
    Ok(())
}
