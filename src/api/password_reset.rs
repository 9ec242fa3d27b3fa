//! Choosing a new password with a one-time reset link (made by `plugboard admin reset-password`).

use leptos::prelude::*;

use crate::error::AppError;

/// Whether the reset link can still be used; the page says so before asking for a password.
#[server(prefix = "/api")]
pub async fn check_reset_link(token: String) -> Result<(), AppError> {
    use crate::server::{services::password_reset, state::app_state};
    password_reset::check(&app_state()?, &token).await
}

#[server(prefix = "/api")]
pub async fn reset_password(token: String, password: String) -> Result<(), AppError> {
    use crate::{
        domain::{FieldErrors, Password},
        server::{auth::auth_session, services::password_reset, state::app_state},
    };
    let password = Password::parse_new(password).map_err(|message| {
        let errors = FieldErrors::one("password", message);
        AppError::Invalid(errors)
    })?;
    let mut auth = auth_session().await?;
    password_reset::reset(&app_state()?, &mut auth, &token, password).await?;
    leptos_axum::redirect("/");
    Ok(())
}
