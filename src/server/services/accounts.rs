//! First run, sign-in and sign-out.

use std::net::IpAddr;

use crate::{
    domain::{
        account_forms::{NewWorkspace, SignIn},
        Role,
    },
    error::AppError,
    server::{
        auth::{
            backend::Credentials, passwords, session, sign_in_limit, AuthSession, SignedInUser,
        },
        infra::clock,
        infra::db,
        repo::{users, workspace},
        state::AppState,
    },
    wire::args::accounts::{NewWorkspaceArgs, SignInArgs},
};

use super::is_unique_violation;

const ALREADY_SET_UP: &str = "This workspace has already been created. Sign in instead.";

/// Creates the workspace and its first Admin, and signs them in. Refused once anyone exists.
pub async fn create_workspace(
    state: &AppState,
    auth: &mut AuthSession,
    args: NewWorkspaceArgs,
) -> Result<SignedInUser, AppError> {
    let NewWorkspaceArgs {
        workspace_name,
        name,
        email,
        password,
    } = args;
    let form =
        NewWorkspace::parse(&workspace_name, &name, &email, password).map_err(AppError::Invalid)?;
    if state.is_set_up().await? {
        return Err(AppError::Conflict(ALREADY_SET_UP.into()));
    }
    let password_hash = passwords::hash(&state.hashing, form.password).await?;
    let now = clock::now();
    let mut tx = db::begin_write(&state.pool).await?;
    // The workspace row is unique: of two first runs racing, one insert fails here.
    if let Err(e) = workspace::insert(&mut *tx, &form.workspace_name, now).await {
        return Err(if is_unique_violation(&e) {
            AppError::Conflict(ALREADY_SET_UP.into())
        } else {
            e.into()
        });
    }
    let new_user = users::NewUser {
        name: &form.name,
        email: &form.email,
        password_hash: &password_hash,
        role: Role::Admin,
    };
    let id = users::insert(&mut *tx, new_user, now).await?;
    tx.commit().await?;
    state.mark_set_up();
    let user = load(state, id).await?;
    session::start(auth, &user, &state.pool).await?;
    tracing::info!(user_id = id, "workspace created");
    Ok(user)
}

/// Checks the password and signs in, within the failed-attempt limits for `client`.
pub async fn sign_in(
    state: &AppState,
    auth: &mut AuthSession,
    args: SignInArgs,
    client: IpAddr,
) -> Result<SignedInUser, AppError> {
    let form = SignIn::parse(&args.email, args.password).map_err(AppError::Invalid)?;
    let claimed = sign_in_limit::claim(&state.pool, &form.email, client).await?;
    let credentials = Credentials {
        email: form.email,
        password: form.password,
    };
    match auth.authenticate(credentials).await {
        Ok(Some(user)) => {
            sign_in_limit::succeeded(&state.pool, claimed).await?;
            session::start(auth, &user, &state.pool).await?;
            tracing::info!(user_id = user.id, "signed in");
            Ok(user)
        }
        // The claimed attempt stays: it is the failure that counts.
        Ok(None) => {
            tracing::info!("a sign-in failed");
            Err(AppError::SignInFailed)
        }
        Err(error) => {
            sign_in_limit::unused(&state.pool, claimed).await?;
            Err(match error {
                axum_login::Error::Backend(error) => error,
                other => AppError::internal(other),
            })
        }
    }
}

pub async fn sign_out(auth: &mut AuthSession) -> Result<(), AppError> {
    session::end(auth).await
}

/// A current user by id, as a signed-in user.
pub async fn load(state: &AppState, id: i64) -> Result<SignedInUser, AppError> {
    let row = users::find_current_by_id(&state.pool, id)
        .await?
        .ok_or(AppError::NotFound)?;
    SignedInUser::from_row(&row)
}
