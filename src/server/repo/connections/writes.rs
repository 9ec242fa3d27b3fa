//! Changing connections: each function one statement, callers hold the transaction.

use sqlx::SqliteExecutor;

use crate::domain::{token_reach::TeamChoice, Privacy};

/// Marks the connection as failing because its source rejected the token (or clears it).
pub async fn set_token_rejected_since<'e>(
    db: impl SqliteExecutor<'e>,
    id: i64,
    since: Option<i64>,
) -> sqlx::Result<()> {
    sqlx::query("UPDATE connections SET token_rejected_since = ? WHERE id = ?")
        .bind(since)
        .bind(id)
        .execute(db)
        .await
        .map(|_| ())
}

/// Until when the source asked this connection's syncs to wait (`None`: it does not).
pub async fn set_rate_limited_until<'e>(
    db: impl SqliteExecutor<'e>,
    id: i64,
    until: Option<i64>,
) -> sqlx::Result<()> {
    sqlx::query("UPDATE connections SET rate_limited_until = ? WHERE id = ?")
        .bind(until)
        .bind(id)
        .execute(db)
        .await
        .map(|_| ())
}

/// Records when the connection's last complete pull was stored (`None`: the next must be one).
pub async fn set_full_sync_at<'e>(
    db: impl SqliteExecutor<'e>,
    id: i64,
    at: Option<i64>,
) -> sqlx::Result<()> {
    sqlx::query("UPDATE connections SET full_sync_at = ? WHERE id = ?")
        .bind(at)
        .bind(id)
        .execute(db)
        .await
        .map(|_| ())
}

/// The next sync of every connection on `credential_id` is complete: its token changed.
pub async fn need_full_sync_on_credential<'e>(
    db: impl SqliteExecutor<'e>,
    credential_id: i64,
) -> sqlx::Result<()> {
    sqlx::query("UPDATE connections SET full_sync_at = NULL WHERE credential_id = ?")
        .bind(credential_id)
        .execute(db)
        .await
        .map(|_| ())
}
pub struct NewConnectionRow<'a> {
    pub source: &'a str,
    pub name: &'a str,
    pub owner_id: i64,
    pub credential_id: i64,
    pub privacy: Privacy,
    pub team_id: Option<i64>,
    /// Which of the token's teams it reads ([`TeamChoice::to_stored`]).
    pub source_teams: Option<String>,
    pub now: i64,
}

pub async fn insert<'e>(
    db: impl SqliteExecutor<'e>,
    new: NewConnectionRow<'_>,
) -> sqlx::Result<i64> {
    sqlx::query_scalar(
        "INSERT INTO connections (source, name, owner_id, credential_id, privacy, team_id,
             source_teams, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
    )
    .bind(new.source)
    .bind(new.name)
    .bind(new.owner_id)
    .bind(new.credential_id)
    .bind(new.privacy)
    .bind(new.team_id)
    .bind(new.source_teams)
    .bind(new.now)
    .fetch_one(db)
    .await
}

/// Everything `from` owned now belongs to `to` (a removed member's connections).
pub async fn reassign_owner<'e>(
    db: impl SqliteExecutor<'e>,
    from: i64,
    to: i64,
) -> sqlx::Result<()> {
    sqlx::query("UPDATE connections SET owner_id = ? WHERE owner_id = ?")
        .bind(to)
        .bind(from)
        .execute(db)
        .await
        .map(|_| ())
}

/// When a team is deleted, what was shared with it becomes private to its owner.
pub async fn unshare_team<'e>(db: impl SqliteExecutor<'e>, team_id: i64) -> sqlx::Result<u64> {
    sqlx::query("UPDATE connections SET privacy = 'private', team_id = NULL WHERE team_id = ?")
        .bind(team_id)
        .execute(db)
        .await
        .map(|done| done.rows_affected())
}
pub async fn rename<'e>(db: impl SqliteExecutor<'e>, id: i64, name: &str) -> sqlx::Result<()> {
    sqlx::query("UPDATE connections SET name = ? WHERE id = ?")
        .bind(name)
        .bind(id)
        .execute(db)
        .await
        .map(|_| ())
}

/// Points the connection at another credential.
pub async fn set_credential<'e>(
    db: impl SqliteExecutor<'e>,
    id: i64,
    credential_id: i64,
) -> sqlx::Result<()> {
    sqlx::query("UPDATE connections SET credential_id = ? WHERE id = ?")
        .bind(credential_id)
        .bind(id)
        .execute(db)
        .await
        .map(|_| ())
}

pub async fn set_privacy<'e>(
    db: impl SqliteExecutor<'e>,
    id: i64,
    privacy: Privacy,
    team_id: Option<i64>,
) -> sqlx::Result<()> {
    sqlx::query("UPDATE connections SET privacy = ?, team_id = ? WHERE id = ?")
        .bind(privacy)
        .bind(team_id)
        .bind(id)
        .execute(db)
        .await
        .map(|_| ())
}

/// Which of the token's teams the connection reads; its next pull is complete, so what the
/// old choice brought in goes.
pub async fn set_source_teams<'e>(
    db: impl SqliteExecutor<'e>,
    id: i64,
    choice: &TeamChoice,
) -> sqlx::Result<()> {
    sqlx::query("UPDATE connections SET source_teams = ?, full_sync_at = NULL WHERE id = ?")
        .bind(choice.to_stored())
        .bind(id)
        .execute(db)
        .await
        .map(|_| ())
}

pub async fn delete<'e>(db: impl SqliteExecutor<'e>, id: i64) -> sqlx::Result<()> {
    sqlx::query("DELETE FROM connections WHERE id = ?")
        .bind(id)
        .execute(db)
        .await
        .map(|_| ())
}
