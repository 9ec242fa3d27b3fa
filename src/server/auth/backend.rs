//! axum-login's view of our users.

use std::sync::Arc;

use axum_login::{AuthUser, AuthnBackend, UserId};
use sha2::{Digest, Sha256};
use sqlx::SqlitePool;

use crate::{
    domain::{Email, Password, Role},
    error::AppError,
    server::{
        read_cache::ReadCache,
        repo::users::{self, UserRow},
    },
};

use super::passwords::{self, HashingTurns};

/// The signed-in user, as the server knows them. Never sent to the browser as is.
#[derive(Clone)]
pub struct SignedInUser {
    pub id: i64,
    pub name: String,
    pub email: Email,
    pub role: Role,
    /// Ties a session to the user's password hash and session epoch: changing either
    /// ends every session that was signed in before.
    auth_hash: Vec<u8>,
}

impl SignedInUser {
    pub fn from_row(row: &UserRow) -> Result<Self, AppError> {
        let mut digest = Sha256::new();
        digest.update(row.password_hash.as_bytes());
        digest.update(row.session_epoch.to_le_bytes());
        Ok(Self {
            id: row.id,
            name: row.name.clone(),
            email: Email::parse(&row.email).map_err(AppError::internal)?,
            role: row.role,
            auth_hash: digest.finalize().to_vec(),
        })
    }

    pub fn is_admin(&self) -> bool {
        self.role == Role::Admin
    }
}

// Written by hand: axum-login logs users at debug level, and the auth hash stays out of logs.
impl std::fmt::Debug for SignedInUser {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SignedInUser")
            .field("id", &self.id)
            .field("role", &self.role)
            .finish_non_exhaustive()
    }
}

impl AuthUser for SignedInUser {
    type Id = i64;

    fn id(&self) -> i64 {
        self.id
    }

    fn session_auth_hash(&self) -> &[u8] {
        &self.auth_hash
    }
}

/// An email and password to check.
pub struct Credentials {
    pub email: Email,
    pub password: Password,
}

#[derive(Clone)]
pub struct AuthBackend {
    pool: SqlitePool,
    hashing: HashingTurns,
    users: Arc<ReadCache<i64, Option<SignedInUser>>>,
}

impl AuthBackend {
    /// `users` is the application's cache of signed-in users, shared with API keys.
    pub fn new(
        pool: SqlitePool,
        hashing: HashingTurns,
        users: Arc<ReadCache<i64, Option<SignedInUser>>>,
    ) -> Self {
        Self {
            pool,
            hashing,
            users,
        }
    }
}

impl AuthnBackend for AuthBackend {
    type User = SignedInUser;
    type Credentials = Credentials;
    type Error = AppError;

    async fn authenticate(
        &self,
        credentials: Credentials,
    ) -> Result<Option<SignedInUser>, AppError> {
        let row = users::find_current_by_email(&self.pool, &credentials.email)
            .await
            .map_err(AppError::internal)?;
        let stored = row.as_ref().map(|row| row.password_hash.clone());
        if !passwords::verify(&self.hashing, credentials.password, stored).await? {
            return Ok(None);
        }
        row.as_ref().map(SignedInUser::from_row).transpose()
    }

    async fn get_user(&self, id: &UserId<Self>) -> Result<Option<SignedInUser>, AppError> {
        current_user(&self.pool, &self.users, *id).await
    }
}

/// User `id` as they are now (`None` once removed), from `users` unless something committed
/// since it was loaded: what a session or an API key acts as, on every request.
pub async fn current_user(
    pool: &SqlitePool,
    users: &ReadCache<i64, Option<SignedInUser>>,
    id: i64,
) -> Result<Option<SignedInUser>, AppError> {
    let load = async {
        users::find_current_by_id(pool, id)
            .await
            .map_err(AppError::internal)?
            .as_ref()
            .map(SignedInUser::from_row)
            .transpose()
    };
    users.get_or_load(id, load).await
}
