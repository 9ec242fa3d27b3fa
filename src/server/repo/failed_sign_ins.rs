use sqlx::SqliteExecutor;

use crate::domain::Email;

/// Times of failed attempts for `email` since `since`, oldest first.
pub async fn since<'e>(
    db: impl SqliteExecutor<'e>,
    email: &Email,
    since: i64,
) -> sqlx::Result<Vec<i64>> {
    sqlx::query_scalar(
        "SELECT attempted_at FROM failed_sign_ins
         WHERE email = ? AND attempted_at > ? ORDER BY attempted_at",
    )
    .bind(email.as_str())
    .bind(since)
    .fetch_all(db)
    .await
}

pub async fn insert<'e>(db: impl SqliteExecutor<'e>, email: &Email, at: i64) -> sqlx::Result<()> {
    sqlx::query("INSERT INTO failed_sign_ins (email, attempted_at) VALUES (?, ?)")
        .bind(email.as_str())
        .bind(at)
        .execute(db)
        .await
        .map(|_| ())
}

pub async fn delete_for<'e>(db: impl SqliteExecutor<'e>, email: &Email) -> sqlx::Result<()> {
    sqlx::query("DELETE FROM failed_sign_ins WHERE email = ?")
        .bind(email.as_str())
        .execute(db)
        .await
        .map(|_| ())
}
