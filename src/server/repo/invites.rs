use sqlx::{FromRow, SqliteExecutor};

use crate::domain::Role;

#[derive(Clone, FromRow)]
pub struct InviteRow {
    pub id: i64,
    pub email: String,
    pub role: Role,
    pub invited_by: i64,
    pub created_at: i64,
    pub expires_at: i64,
    pub used_at: Option<i64>,
    pub revoked_at: Option<i64>,
}

const COLUMNS: &str = "id, email, role, invited_by, created_at, expires_at, used_at, revoked_at";

pub struct NewInvite<'a> {
    pub token_sha256: &'a [u8],
    pub email: &'a str,
    pub role: Role,
    pub invited_by: i64,
    pub created_at: i64,
    pub expires_at: i64,
}

pub async fn insert<'e>(db: impl SqliteExecutor<'e>, invite: NewInvite<'_>) -> sqlx::Result<i64> {
    sqlx::query_scalar(
        "INSERT INTO invites (token_sha256, email, role, invited_by, created_at, expires_at)
         VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
    )
    .bind(invite.token_sha256)
    .bind(invite.email)
    .bind(invite.role)
    .bind(invite.invited_by)
    .bind(invite.created_at)
    .bind(invite.expires_at)
    .fetch_one(db)
    .await
}

pub async fn add_team<'e>(
    db: impl SqliteExecutor<'e>,
    invite_id: i64,
    team_id: i64,
) -> sqlx::Result<()> {
    sqlx::query("INSERT OR IGNORE INTO invite_teams (invite_id, team_id) VALUES (?, ?)")
        .bind(invite_id)
        .bind(team_id)
        .execute(db)
        .await
        .map(|_| ())
}

pub async fn find_by_digest<'e>(
    db: impl SqliteExecutor<'e>,
    digest: &[u8],
) -> sqlx::Result<Option<InviteRow>> {
    sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM invites WHERE token_sha256 = ?"
    ))
    .bind(digest)
    .fetch_optional(db)
    .await
}

pub async fn team_ids<'e>(db: impl SqliteExecutor<'e>, invite_id: i64) -> sqlx::Result<Vec<i64>> {
    sqlx::query_scalar("SELECT team_id FROM invite_teams WHERE invite_id = ?")
        .bind(invite_id)
        .fetch_all(db)
        .await
}

/// Marks the invite used, if it still was usable. `false` means someone else used it first.
pub async fn mark_used<'e>(db: impl SqliteExecutor<'e>, id: i64, now: i64) -> sqlx::Result<bool> {
    sqlx::query(
        "UPDATE invites SET used_at = ?
         WHERE id = ? AND used_at IS NULL AND revoked_at IS NULL AND expires_at > ?",
    )
    .bind(now)
    .bind(id)
    .bind(now)
    .execute(db)
    .await
    .map(|done| done.rows_affected() == 1)
}

/// Invites that can still be used, newest first.
pub async fn list_pending<'e>(
    db: impl SqliteExecutor<'e>,
    now: i64,
) -> sqlx::Result<Vec<InviteRow>> {
    sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM invites
         WHERE used_at IS NULL AND revoked_at IS NULL AND expires_at > ?
         ORDER BY created_at DESC, id DESC"
    ))
    .bind(now)
    .fetch_all(db)
    .await
}

pub async fn revoke<'e>(db: impl SqliteExecutor<'e>, id: i64, now: i64) -> sqlx::Result<bool> {
    sqlx::query(
        "UPDATE invites SET revoked_at = ? WHERE id = ? AND used_at IS NULL AND revoked_at IS NULL",
    )
    .bind(now)
    .bind(id)
    .execute(db)
    .await
    .map(|done| done.rows_affected() == 1)
}

/// Revokes every unused invite `user_id` made; returns how many.
pub async fn revoke_all_made_by<'e>(
    db: impl SqliteExecutor<'e>,
    user_id: i64,
    now: i64,
) -> sqlx::Result<u64> {
    sqlx::query(
        "UPDATE invites SET revoked_at = ?
         WHERE invited_by = ? AND used_at IS NULL AND revoked_at IS NULL",
    )
    .bind(now)
    .bind(user_id)
    .execute(db)
    .await
    .map(|done| done.rows_affected())
}
