//! First run, sign-in, sign-out, and who is signed in.

use leptos::prelude::*;

use crate::{
    error::AppError,
    wire::{
        args::accounts::{NewWorkspaceArgs, SignInArgs},
        session::Viewer,
    },
};

/// Who is signed in, if anyone. Not an error when no one is: the header asks on every page.
#[server(prefix = "/api")]
pub async fn get_viewer() -> Result<Option<Viewer>, AppError> {
    use crate::server::{auth::auth_session, state::app_state};
    let auth = auth_session().await?;
    let Some(user) = auth.user else {
        return Ok(None);
    };
    let workspace_name = app_state()?.workspace_name().await?;
    Ok(Some(Viewer {
        id: user.id,
        name: user.name,
        role: user.role,
        workspace_name,
    }))
}

/// First run: creates the workspace and its first Admin, who is then signed in.
#[server(prefix = "/api")]
pub async fn create_workspace(#[server(flatten)] args: NewWorkspaceArgs) -> Result<(), AppError> {
    use crate::server::{auth::auth_session, services::accounts, state::app_state};
    let mut auth = auth_session().await?;
    accounts::create_workspace(&app_state()?, &mut auth, args).await?;
    leptos_axum::redirect("/");
    Ok(())
}

/// Signs in, then goes to `next` if it is a page of this site.
#[server(prefix = "/api")]
pub async fn sign_in(#[server(flatten)] args: SignInArgs) -> Result<(), AppError> {
    use crate::{
        domain::return_path::same_site_path,
        server::{
            auth::auth_session, http::request::client_addr, services::accounts, state::app_state,
        },
    };
    let mut auth = auth_session().await?;
    let state = app_state()?;
    let client = client_addr(&state)?;
    let next = same_site_path(&args.next);
    accounts::sign_in(&state, &mut auth, args, client).await?;
    leptos_axum::redirect(&next);
    Ok(())
}

#[server(prefix = "/api")]
pub async fn sign_out() -> Result<(), AppError> {
    use crate::server::{auth::auth_session, services::accounts};
    let mut auth = auth_session().await?;
    accounts::sign_out(&mut auth).await?;
    leptos_axum::redirect("/login");
    Ok(())
}
