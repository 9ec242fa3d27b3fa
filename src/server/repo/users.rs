use sqlx::{FromRow, SqliteExecutor};

use crate::domain::{Email, Role};

/// A user as stored. Only server code sees this type.
#[derive(Clone, FromRow)]
pub struct UserRow {
    pub id: i64,
    pub name: String,
    pub email: String,
    pub password_hash: String,
    pub role: Role,
    pub session_epoch: i64,
    pub created_at: i64,
}

const COLUMNS: &str = "id, name, email, password_hash, role, session_epoch, created_at";

pub async fn any_exist<'e>(db: impl SqliteExecutor<'e>) -> sqlx::Result<bool> {
    sqlx::query_scalar("SELECT EXISTS (SELECT 1 FROM users)")
        .fetch_one(db)
        .await
}

pub async fn find_current_by_email<'e>(
    db: impl SqliteExecutor<'e>,
    email: &Email,
) -> sqlx::Result<Option<UserRow>> {
    sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM users WHERE email = ? AND removed_at IS NULL"
    ))
    .bind(email.as_str())
    .fetch_optional(db)
    .await
}

pub async fn find_current_by_id<'e>(
    db: impl SqliteExecutor<'e>,
    id: i64,
) -> sqlx::Result<Option<UserRow>> {
    sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM users WHERE id = ? AND removed_at IS NULL"
    ))
    .bind(id)
    .fetch_optional(db)
    .await
}

/// Every current member, by name.
pub async fn list_current<'e>(db: impl SqliteExecutor<'e>) -> sqlx::Result<Vec<UserRow>> {
    sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM users WHERE removed_at IS NULL ORDER BY name COLLATE natural_order, id"
    ))
    .fetch_all(db)
    .await
}

pub struct NewUser<'a> {
    pub name: &'a str,
    pub email: &'a Email,
    pub password_hash: &'a str,
    pub role: Role,
}

pub async fn insert<'e>(
    db: impl SqliteExecutor<'e>,
    user: NewUser<'_>,
    now: i64,
) -> sqlx::Result<i64> {
    sqlx::query_scalar(
        "INSERT INTO users (name, email, password_hash, role, created_at)
         VALUES (?, ?, ?, ?, ?) RETURNING id",
    )
    .bind(user.name)
    .bind(user.email.as_str())
    .bind(user.password_hash)
    .bind(user.role)
    .bind(now)
    .fetch_one(db)
    .await
}

pub async fn count_current_admins<'e>(db: impl SqliteExecutor<'e>) -> sqlx::Result<i64> {
    sqlx::query_scalar("SELECT COUNT(*) FROM users WHERE role = 'admin' AND removed_at IS NULL")
        .fetch_one(db)
        .await
}

pub async fn set_role<'e>(db: impl SqliteExecutor<'e>, id: i64, role: Role) -> sqlx::Result<()> {
    sqlx::query("UPDATE users SET role = ? WHERE id = ? AND removed_at IS NULL")
        .bind(role)
        .bind(id)
        .execute(db)
        .await
        .map(|_| ())
}

/// Marks a member removed; their row stays so history can still name them.
pub async fn mark_removed<'e>(
    db: impl SqliteExecutor<'e>,
    id: i64,
    by: i64,
    now: i64,
) -> sqlx::Result<()> {
    sqlx::query(
        "UPDATE users SET removed_at = ?, removed_by = ?, session_epoch = session_epoch + 1
         WHERE id = ? AND removed_at IS NULL",
    )
    .bind(now)
    .bind(by)
    .bind(id)
    .execute(db)
    .await
    .map(|_| ())
}

/// Sets a new password hash and ends every session the user had.
pub async fn set_password<'e>(
    db: impl SqliteExecutor<'e>,
    id: i64,
    hash: &str,
) -> sqlx::Result<()> {
    sqlx::query(
        "UPDATE users SET password_hash = ?, session_epoch = session_epoch + 1 WHERE id = ?",
    )
    .bind(hash)
    .bind(id)
    .execute(db)
    .await
    .map(|_| ())
}
