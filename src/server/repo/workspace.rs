use sqlx::SqliteExecutor;

/// Creates the installation's one workspace. Fails (unique id) if it exists already, which
/// is what keeps a second first-run from succeeding even when two race.
pub async fn insert<'e>(db: impl SqliteExecutor<'e>, name: &str, now: i64) -> sqlx::Result<()> {
    sqlx::query("INSERT INTO workspace (id, name, created_at) VALUES (1, ?, ?)")
        .bind(name)
        .bind(now)
        .execute(db)
        .await
        .map(|_| ())
}

pub async fn name<'e>(db: impl SqliteExecutor<'e>) -> sqlx::Result<Option<String>> {
    sqlx::query_scalar("SELECT name FROM workspace WHERE id = 1")
        .fetch_optional(db)
        .await
}
