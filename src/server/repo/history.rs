use sqlx::{FromRow, SqliteExecutor};

/// One History entry as stored, with who did it.
#[derive(Clone, FromRow)]
pub struct EventRow {
    pub id: i64,
    pub actor_name: Option<String>,
    pub at: i64,
    pub kind: String,
    pub detail: String,
    /// How many times it happened in a row (refusals are folded); 1 for everything else.
    pub repeats: i64,
    /// When the last of those repeats happened.
    pub last_at: Option<i64>,
}

/// One event, as it is appended.
#[derive(Clone, Copy)]
pub struct NewEvent<'a> {
    pub connection_id: i64,
    pub actor_id: i64,
    pub at: i64,
    pub kind: &'a str,
    pub detail: &'a str,
}

pub async fn append<'e>(db: impl SqliteExecutor<'e>, event: NewEvent<'_>) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO connection_events (connection_id, actor_id, at, kind, detail) VALUES (?, ?, ?, ?, ?)",
    )
    .bind(event.connection_id)
    .bind(event.actor_id)
    .bind(event.at)
    .bind(event.kind)
    .bind(event.detail)
    .execute(db)
    .await
    .map(|_| ())
}

/// Counts `event` as one more repeat of the connection's newest entry, if that entry is the
/// very same event by the same person. Whether it was.
pub async fn repeat_newest<'e>(
    db: impl SqliteExecutor<'e>,
    event: NewEvent<'_>,
) -> sqlx::Result<bool> {
    sqlx::query(
        "UPDATE connection_events SET repeats = repeats + 1, last_at = ?1
         WHERE id = (SELECT MAX(id) FROM connection_events WHERE connection_id = ?2)
           AND actor_id = ?3 AND kind = ?4 AND detail = ?5",
    )
    .bind(event.at)
    .bind(event.connection_id)
    .bind(event.actor_id)
    .bind(event.kind)
    .bind(event.detail)
    .execute(db)
    .await
    .map(|done| done.rows_affected() == 1)
}

/// One page of a connection's History, newest first.
pub async fn list<'e>(
    db: impl SqliteExecutor<'e>,
    connection_id: i64,
    limit: i64,
    offset: i64,
) -> sqlx::Result<Vec<EventRow>> {
    sqlx::query_as(
        "SELECT e.id, u.name AS actor_name, e.at, e.kind, e.detail, e.repeats, e.last_at
         FROM connection_events e LEFT JOIN users u ON u.id = e.actor_id
         WHERE e.connection_id = ? ORDER BY e.id DESC LIMIT ? OFFSET ?",
    )
    .bind(connection_id)
    .bind(limit)
    .bind(offset)
    .fetch_all(db)
    .await
}

/// How many entries a connection's History has.
pub async fn count<'e>(db: impl SqliteExecutor<'e>, connection_id: i64) -> sqlx::Result<i64> {
    sqlx::query_scalar("SELECT COUNT(*) FROM connection_events WHERE connection_id = ?")
        .bind(connection_id)
        .fetch_one(db)
        .await
}
