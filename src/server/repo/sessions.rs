//! Which stored session belongs to whom. The sessions themselves are tower-sessions'
//! `tower_sessions` table, created by its store.

use sqlx::SqliteExecutor;

pub async fn record<'e>(
    db: impl SqliteExecutor<'e>,
    session_id: &str,
    user_id: i64,
    now: i64,
) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO user_sessions (session_id, user_id, created_at) VALUES (?, ?, ?)
         ON CONFLICT (session_id) DO UPDATE SET user_id = excluded.user_id",
    )
    .bind(session_id)
    .bind(user_id)
    .bind(now)
    .execute(db)
    .await
    .map(|_| ())
}

/// Deletes every stored session of `user_id`: they are signed out everywhere at once.
pub async fn delete_all_for_user(
    db: &mut sqlx::SqliteConnection,
    user_id: i64,
) -> sqlx::Result<()> {
    sqlx::query(
        "DELETE FROM tower_sessions WHERE id IN
         (SELECT session_id FROM user_sessions WHERE user_id = ?)",
    )
    .bind(user_id)
    .execute(&mut *db)
    .await?;
    sqlx::query("DELETE FROM user_sessions WHERE user_id = ?")
        .bind(user_id)
        .execute(&mut *db)
        .await
        .map(|_| ())
}

/// Forgets sessions that no longer exist (expired or signed out).
pub async fn prune<'e>(db: impl SqliteExecutor<'e>) -> sqlx::Result<u64> {
    sqlx::query("DELETE FROM user_sessions WHERE session_id NOT IN (SELECT id FROM tower_sessions)")
        .execute(db)
        .await
        .map(|done| done.rows_affected())
}
