use sqlx::{FromRow, SqliteExecutor};

/// One History entry as stored, with who did it.
#[derive(Clone, FromRow)]
pub struct EventRow {
    pub id: i64,
    pub actor_name: Option<String>,
    pub at: i64,
    pub kind: String,
    pub detail: String,
}

pub async fn append<'e>(
    db: impl SqliteExecutor<'e>,
    connection_id: i64,
    actor_id: i64,
    at: i64,
    kind: &str,
    detail: &str,
) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO connection_events (connection_id, actor_id, at, kind, detail) VALUES (?, ?, ?, ?, ?)",
    )
    .bind(connection_id)
    .bind(actor_id)
    .bind(at)
    .bind(kind)
    .bind(detail)
    .execute(db)
    .await
    .map(|_| ())
}

/// A connection's History, newest first.
pub async fn list<'e>(
    db: impl SqliteExecutor<'e>,
    connection_id: i64,
) -> sqlx::Result<Vec<EventRow>> {
    sqlx::query_as(
        "SELECT e.id, u.name AS actor_name, e.at, e.kind, e.detail
         FROM connection_events e LEFT JOIN users u ON u.id = e.actor_id
         WHERE e.connection_id = ? ORDER BY e.id DESC",
    )
    .bind(connection_id)
    .fetch_all(db)
    .await
}
