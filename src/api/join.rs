//! Joining the workspace with an invite link. Public: the invitee has no account yet.

use leptos::prelude::*;

use crate::{
    error::AppError,
    wire::{
        args::accounts::{AcceptInviteArgs, LinkArgs},
        invites::InviteDetails,
    },
};

#[server(prefix = "/api")]
pub async fn get_invite(#[server(flatten)] args: LinkArgs) -> Result<InviteDetails, AppError> {
    use crate::server::{services::members, state::app_state};
    members::invite_details(&app_state()?, &args.token).await
}

/// Accepts the invite: creates the member and signs them in.
#[server(prefix = "/api")]
pub async fn accept_invite(#[server(flatten)] args: AcceptInviteArgs) -> Result<(), AppError> {
    use crate::server::{auth::auth_session, services::members, state::app_state};
    let mut auth = auth_session().await?;
    members::accept_invite(&app_state()?, &mut auth, args).await?;
    leptos_axum::redirect("/");
    Ok(())
}
