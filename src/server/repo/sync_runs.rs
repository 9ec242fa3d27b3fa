use sqlx::{FromRow, SqliteExecutor};

/// Why a sync started.
#[derive(Debug, Clone, Copy, PartialEq, Eq, sqlx::Type)]
#[sqlx(rename_all = "lowercase")]
pub enum Trigger {
    Created,
    Manual,
    Schedule,
}

impl Trigger {
    /// The stored name, for the log.
    pub fn as_str(self) -> &'static str {
        match self {
            Trigger::Created => "created",
            Trigger::Manual => "manual",
            Trigger::Schedule => "schedule",
        }
    }
}

/// What a run's row records of how it ended (`running` until it does).
#[derive(Debug, Clone, Copy, PartialEq, Eq, sqlx::Type)]
#[sqlx(rename_all = "snake_case")]
pub enum RunOutcome {
    Running,
    Ok,
    Failed,
    TokenRejected,
    Stopped,
}

#[derive(Debug, Clone, FromRow)]
pub struct RunRow {
    pub id: i64,
    pub trigger: Trigger,
    pub started_at: i64,
    pub finished_at: Option<i64>,
    pub pages: i64,
    pub rows_changed: i64,
    pub outcome: RunOutcome,
    pub message: Option<String>,
}

pub async fn start<'e>(
    db: impl SqliteExecutor<'e>,
    connection_id: i64,
    trigger: Trigger,
    now: i64,
) -> sqlx::Result<i64> {
    sqlx::query_scalar(
        "INSERT INTO sync_runs (connection_id, trigger, started_at, outcome) VALUES (?, ?, ?, 'running') RETURNING id",
    )
    .bind(connection_id)
    .bind(trigger)
    .bind(now)
    .fetch_one(db)
    .await
}

pub struct Finish<'a> {
    pub outcome: RunOutcome,
    pub pages: i64,
    pub rows_changed: i64,
    pub message: Option<&'a str>,
    pub now: i64,
}

pub async fn finish<'e>(
    db: impl SqliteExecutor<'e>,
    id: i64,
    finish: Finish<'_>,
) -> sqlx::Result<()> {
    sqlx::query("UPDATE sync_runs SET outcome = ?, pages = ?, rows_changed = ?, message = ?, finished_at = ? WHERE id = ?")
        .bind(finish.outcome)
        .bind(finish.pages)
        .bind(finish.rows_changed)
        .bind(finish.message)
        .bind(finish.now)
        .bind(id)
        .execute(db)
        .await
        .map(|_| ())
}

/// The connection's most recent finished sync.
pub async fn latest_finished<'e>(
    db: impl SqliteExecutor<'e>,
    connection_id: i64,
) -> sqlx::Result<Option<RunRow>> {
    sqlx::query_as(
        "SELECT id, trigger, started_at, finished_at, pages, rows_changed, outcome, message FROM sync_runs
         WHERE connection_id = ? AND outcome != 'running' ORDER BY id DESC LIMIT 1",
    )
    .bind(connection_id)
    .fetch_optional(db)
    .await
}

/// When the connection's syncs began to fail: the start of the first failed run since the
/// last one that worked (`None` unless the latest finished run failed).
pub async fn failing_since<'e>(
    db: impl SqliteExecutor<'e>,
    connection_id: i64,
) -> sqlx::Result<Option<i64>> {
    sqlx::query_scalar(
        "SELECT MIN(started_at) FROM sync_runs
         WHERE connection_id = ?1 AND outcome IN ('failed', 'token_rejected')
           AND id > COALESCE(
               (SELECT MAX(id) FROM sync_runs WHERE connection_id = ?1 AND outcome = 'ok'), 0)",
    )
    .bind(connection_id)
    .fetch_one(db)
    .await
}

/// Connections whose last sync started before `due_before` (or that never synced); one the
/// source asked to wait is due when the wait is over (`now`), and not before.
pub async fn due<'e>(
    db: impl SqliteExecutor<'e>,
    due_before: i64,
    now: i64,
) -> sqlx::Result<Vec<i64>> {
    sqlx::query_scalar(
        "SELECT k.id FROM connections k
         WHERE CASE WHEN k.rate_limited_until IS NOT NULL THEN k.rate_limited_until <= ?2
           ELSE COALESCE((SELECT MAX(started_at) FROM sync_runs r WHERE r.connection_id = k.id), 0) < ?1
         END
         ORDER BY k.id",
    )
    .bind(due_before)
    .bind(now)
    .fetch_all(db)
    .await
}

/// Syncs a crash left marked as running: they did not finish.
pub async fn mark_interrupted<'e>(db: impl SqliteExecutor<'e>, now: i64) -> sqlx::Result<u64> {
    sqlx::query(
        "UPDATE sync_runs SET outcome = 'stopped', finished_at = ?, message = 'The server stopped during this sync.'
         WHERE outcome = 'running'",
    )
    .bind(now)
    .execute(db)
    .await
    .map(|done| done.rows_affected())
}
