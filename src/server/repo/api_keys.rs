use sqlx::{FromRow, SqliteExecutor};

use crate::domain::api_keys::KeyScope;

/// A key as lists show it, with its owner's name.
#[derive(Clone, FromRow)]
pub struct ApiKeyRow {
    pub id: i64,
    pub user_id: i64,
    pub owner_name: String,
    pub name: String,
    pub scope: KeyScope,
    pub prefix: String,
    pub created_at: i64,
    pub expires_at: Option<i64>,
    pub last_used_at: Option<i64>,
    pub revoked_at: Option<i64>,
}

const SELECT: &str = "SELECT k.id, k.user_id, u.name AS owner_name, k.name, k.scope, k.prefix,
        k.created_at, k.expires_at, k.last_used_at, k.revoked_at
    FROM api_keys k JOIN users u ON u.id = k.user_id";

pub struct NewKey<'a> {
    pub user_id: i64,
    pub name: &'a str,
    pub scope: KeyScope,
    pub prefix: &'a str,
    pub digest: &'a [u8],
    pub created_at: i64,
    pub expires_at: Option<i64>,
}

pub async fn insert<'e>(db: impl SqliteExecutor<'e>, key: NewKey<'_>) -> sqlx::Result<i64> {
    sqlx::query_scalar(
        "INSERT INTO api_keys (user_id, name, scope, prefix, digest, created_at, expires_at)
         VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
    )
    .bind(key.user_id)
    .bind(key.name)
    .bind(key.scope)
    .bind(key.prefix)
    .bind(key.digest)
    .bind(key.created_at)
    .bind(key.expires_at)
    .fetch_one(db)
    .await
}

/// The keys not revoked, newest first: of one user, or of everyone (`user_id` `None`).
pub async fn list_active<'e>(
    db: impl SqliteExecutor<'e>,
    user_id: Option<i64>,
) -> sqlx::Result<Vec<ApiKeyRow>> {
    sqlx::query_as(&format!(
        "{SELECT} WHERE k.revoked_at IS NULL AND (?1 IS NULL OR k.user_id = ?1)
           AND u.removed_at IS NULL
         ORDER BY k.created_at DESC, k.id DESC"
    ))
    .bind(user_id)
    .fetch_all(db)
    .await
}

/// The key whose SHA-256 is `digest`, revoked or not.
pub async fn find_by_digest<'e>(
    db: impl SqliteExecutor<'e>,
    digest: &[u8],
) -> sqlx::Result<Option<ApiKeyRow>> {
    sqlx::query_as(&format!("{SELECT} WHERE k.digest = ?"))
        .bind(digest)
        .fetch_optional(db)
        .await
}

pub async fn find<'e>(db: impl SqliteExecutor<'e>, id: i64) -> sqlx::Result<Option<ApiKeyRow>> {
    sqlx::query_as(&format!("{SELECT} WHERE k.id = ?"))
        .bind(id)
        .fetch_optional(db)
        .await
}

/// Revokes key `id`; false when it was already revoked or does not exist.
pub async fn revoke<'e>(db: impl SqliteExecutor<'e>, id: i64, at: i64) -> sqlx::Result<bool> {
    sqlx::query("UPDATE api_keys SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL")
        .bind(at)
        .bind(id)
        .execute(db)
        .await
        .map(|done| done.rows_affected() == 1)
}

/// Records a use of key `id`, at most once per `every` seconds: a busy script does not turn
/// each of its reads into a write.
pub async fn touch<'e>(
    db: impl SqliteExecutor<'e>,
    id: i64,
    at: i64,
    every: i64,
) -> sqlx::Result<()> {
    sqlx::query(
        "UPDATE api_keys SET last_used_at = ?1
         WHERE id = ?2 AND (last_used_at IS NULL OR last_used_at <= ?1 - ?3)",
    )
    .bind(at)
    .bind(id)
    .bind(every)
    .execute(db)
    .await
    .map(|_| ())
}
