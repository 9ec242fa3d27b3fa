//! Joining the workspace with an invite link. Public: the invitee has no account yet.

use leptos::prelude::*;

use crate::{error::AppError, wire::invites::InviteDetails};

#[server(prefix = "/api")]
pub async fn get_invite(token: String) -> Result<InviteDetails, AppError> {
    use crate::server::{services::members, state::app_state};
    members::invite_details(&app_state()?, &token).await
}

/// Accepts the invite: creates the member and signs them in.
#[server(prefix = "/api")]
pub async fn accept_invite(token: String, name: String, password: String) -> Result<(), AppError> {
    use crate::{
        domain::account_forms::NewMember,
        server::{auth::auth_session, services::members, state::app_state},
    };
    let form = NewMember::parse(&name, password).map_err(AppError::Invalid)?;
    let mut auth = auth_session().await?;
    members::accept_invite(&app_state()?, &mut auth, &token, form).await?;
    leptos_axum::redirect("/");
    Ok(())
}
