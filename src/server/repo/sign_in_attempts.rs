//! Sign-in attempts: written before the password is checked, deleted again when it matched.

use sqlx::SqliteExecutor;

use crate::domain::Email;

/// Who is trying, from where, and from when on attempts count.
#[derive(Clone, Copy)]
pub struct Attempt<'a> {
    pub email: &'a Email,
    pub client: &'a str,
    pub since: i64,
}

/// Times of the attempts for this email from this client since `since`, oldest first.
pub async fn for_email<'e>(
    db: impl SqliteExecutor<'e>,
    attempt: Attempt<'_>,
) -> sqlx::Result<Vec<i64>> {
    sqlx::query_scalar(
        "SELECT attempted_at FROM sign_in_attempts
         WHERE email = ? AND client = ? AND attempted_at > ? ORDER BY attempted_at",
    )
    .bind(attempt.email.as_str())
    .bind(attempt.client)
    .bind(attempt.since)
    .fetch_all(db)
    .await
}

/// Times of the attempts from this client since `since`, whatever the email, oldest first.
pub async fn for_client<'e>(
    db: impl SqliteExecutor<'e>,
    attempt: Attempt<'_>,
) -> sqlx::Result<Vec<i64>> {
    sqlx::query_scalar(
        "SELECT attempted_at FROM sign_in_attempts
         WHERE client = ? AND attempted_at > ? ORDER BY attempted_at",
    )
    .bind(attempt.client)
    .bind(attempt.since)
    .fetch_all(db)
    .await
}

pub async fn insert<'e>(
    db: impl SqliteExecutor<'e>,
    attempt: Attempt<'_>,
    at: i64,
) -> sqlx::Result<i64> {
    sqlx::query_scalar(
        "INSERT INTO sign_in_attempts (email, client, attempted_at) VALUES (?, ?, ?) RETURNING id",
    )
    .bind(attempt.email.as_str())
    .bind(attempt.client)
    .bind(at)
    .fetch_one(db)
    .await
}

/// A sign-in that worked: its own attempt and this client's earlier failures for the email go.
pub async fn forget<'e>(
    db: impl SqliteExecutor<'e>,
    email: &Email,
    client: &str,
) -> sqlx::Result<()> {
    sqlx::query("DELETE FROM sign_in_attempts WHERE email = ? AND client = ?")
        .bind(email.as_str())
        .bind(client)
        .execute(db)
        .await
        .map(|_| ())
}

/// Deletes attempts from before `before`: they no longer count against anyone.
pub async fn prune<'e>(db: impl SqliteExecutor<'e>, before: i64) -> sqlx::Result<u64> {
    sqlx::query("DELETE FROM sign_in_attempts WHERE attempted_at <= ?")
        .bind(before)
        .execute(db)
        .await
        .map(|done| done.rows_affected())
}

/// Gives back one attempt whose password was never checked.
pub async fn delete<'e>(db: impl SqliteExecutor<'e>, id: i64) -> sqlx::Result<()> {
    sqlx::query("DELETE FROM sign_in_attempts WHERE id = ?")
        .bind(id)
        .execute(db)
        .await
        .map(|_| ())
}
