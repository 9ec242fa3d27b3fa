//! Choosing a new password with a one-time reset link (made by `plugboard admin reset-password`).

use leptos::prelude::*;

use crate::{
    error::AppError,
    wire::args::accounts::{LinkArgs, ResetPasswordArgs},
};

/// Whether the reset link can still be used; the page says so before asking for a password.
#[server(prefix = "/api")]
pub async fn check_reset_link(#[server(flatten)] args: LinkArgs) -> Result<(), AppError> {
    use crate::server::{services::password_reset, state::app_state};
    password_reset::check(&app_state()?, &args.token).await
}

/// Sets the new password, spends the link and signs in.
#[server(prefix = "/api")]
pub async fn reset_password(#[server(flatten)] args: ResetPasswordArgs) -> Result<(), AppError> {
    use crate::server::{auth::auth_session, services::password_reset, state::app_state};
    let mut auth = auth_session().await?;
    password_reset::reset(&app_state()?, &mut auth, args).await?;
    leptos_axum::redirect("/");
    Ok(())
}
