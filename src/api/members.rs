//! Settings → Members (Admins only).

use leptos::prelude::*;

use crate::{
    error::AppError,
    wire::members::{CreatedInvite, MembersOverview},
};

#[server(prefix = "/api")]
pub async fn list_members() -> Result<MembersOverview, AppError> {
    use crate::server::{auth::require_admin, services::members, state::app_state};
    let admin = require_admin().await?;
    members::overview(&app_state()?, &admin).await
}

#[server(prefix = "/api")]
pub async fn invite_member(
    email: String,
    role: String,
    #[server(default)] teams: Vec<i64>,
) -> Result<CreatedInvite, AppError> {
    use crate::{
        domain::account_forms::Invitation,
        server::{
            auth::{flash, require_admin},
            http::request,
            services::members,
            state::app_state,
        },
    };
    let admin = require_admin().await?;
    let form = Invitation::parse(&email, &role, teams).map_err(AppError::Invalid)?;
    let state = app_state()?;
    let invite = members::invite(&state, &admin, form, &request::public_base_url(&state)?).await?;
    if request::is_plain_form_post() {
        // Without JavaScript the answer is a redirect back to the page, so the link travels
        // in the session and the page shows it once.
        flash::flash_invite(&invite).await?;
    }
    Ok(invite)
}

#[server(prefix = "/api")]
pub async fn change_role(member_id: i64, role: String) -> Result<(), AppError> {
    use crate::{
        domain::Role,
        server::{auth::require_admin, services::members, state::app_state},
    };
    let admin = require_admin().await?;
    let role = Role::parse(&role).map_err(|message| {
        let errors = crate::domain::FieldErrors::one("role", message);
        AppError::Invalid(errors)
    })?;
    members::change_role(&app_state()?, &admin, member_id, role).await
}

#[server(prefix = "/api")]
pub async fn remove_member(member_id: i64) -> Result<(), AppError> {
    use crate::server::{auth::require_admin, services::members, state::app_state};
    let admin = require_admin().await?;
    members::remove(&app_state()?, &admin, member_id).await?;
    leptos_axum::redirect("/settings/members");
    Ok(())
}

#[server(prefix = "/api")]
pub async fn revoke_invite(invite_id: i64) -> Result<(), AppError> {
    use crate::server::{auth::require_admin, services::members, state::app_state};
    let admin = require_admin().await?;
    members::revoke_invite(&app_state()?, &admin, invite_id).await
}
