use sqlx::{FromRow, SqliteExecutor};

#[derive(Clone, FromRow)]
pub struct ResetRow {
    pub id: i64,
    pub user_id: i64,
    pub expires_at: i64,
    pub used_at: Option<i64>,
}

pub async fn insert<'e>(
    db: impl SqliteExecutor<'e>,
    digest: &[u8],
    user_id: i64,
    now: i64,
    expires_at: i64,
) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO password_resets (token_sha256, user_id, created_at, expires_at)
         VALUES (?, ?, ?, ?)",
    )
    .bind(digest)
    .bind(user_id)
    .bind(now)
    .bind(expires_at)
    .execute(db)
    .await
    .map(|_| ())
}

pub async fn find_by_digest<'e>(
    db: impl SqliteExecutor<'e>,
    digest: &[u8],
) -> sqlx::Result<Option<ResetRow>> {
    sqlx::query_as(
        "SELECT id, user_id, expires_at, used_at FROM password_resets WHERE token_sha256 = ?",
    )
    .bind(digest)
    .fetch_optional(db)
    .await
}

/// Marks the reset used if it still was usable; `false` if it was not.
pub async fn mark_used<'e>(db: impl SqliteExecutor<'e>, id: i64, now: i64) -> sqlx::Result<bool> {
    sqlx::query(
        "UPDATE password_resets SET used_at = ? WHERE id = ? AND used_at IS NULL AND expires_at > ?",
    )
    .bind(now)
    .bind(id)
    .bind(now)
    .execute(db)
    .await
    .map(|done| done.rows_affected() == 1)
}
