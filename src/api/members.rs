//! Settings → Members (Admins only).

use leptos::prelude::*;

use crate::{
    error::AppError,
    wire::{
        args::members::{InviteArgs, InviteIdArgs, MemberArgs, RoleArgs},
        members::{CreatedInvite, MembersOverview},
    },
};

#[server(prefix = "/api")]
pub async fn list_members() -> Result<MembersOverview, AppError> {
    use crate::server::{auth::require_admin, services::members, state::app_state};
    let admin = require_admin().await?;
    members::overview(&app_state()?, &admin).await
}

#[server(prefix = "/api")]
pub async fn invite_member(#[server(flatten)] args: InviteArgs) -> Result<CreatedInvite, AppError> {
    use crate::server::{
        auth::{flash, require_admin},
        http::request,
        services::members,
        state::app_state,
    };
    let admin = require_admin().await?;
    let state = app_state()?;
    let invite = members::invite(&state, &admin, args, &request::public_base_url(&state)?).await?;
    if request::is_plain_form_post() {
        // Without JavaScript the answer is a redirect back to the page, so the link travels
        // in the session and the page shows it once.
        flash::flash_invite(&invite).await?;
    }
    Ok(invite)
}

#[server(prefix = "/api")]
pub async fn change_role(#[server(flatten)] args: RoleArgs) -> Result<(), AppError> {
    use crate::server::{auth::require_admin, services::members, state::app_state};
    let admin = require_admin().await?;
    members::change_role(&app_state()?, &admin, args.member_id, args.role).await
}

#[server(prefix = "/api")]
pub async fn remove_member(#[server(flatten)] args: MemberArgs) -> Result<(), AppError> {
    use crate::server::{auth::require_admin, services::members, state::app_state};
    let admin = require_admin().await?;
    members::remove(&app_state()?, &admin, args.member_id).await?;
    leptos_axum::redirect("/settings/members");
    Ok(())
}

#[server(prefix = "/api")]
pub async fn revoke_invite(#[server(flatten)] args: InviteIdArgs) -> Result<(), AppError> {
    use crate::server::{auth::require_admin, services::members, state::app_state};
    let admin = require_admin().await?;
    members::revoke_invite(&app_state()?, &admin, args.invite_id).await
}
