use sqlx::{FromRow, SqliteExecutor};

#[derive(Clone, FromRow)]
pub struct TeamRow {
    pub id: i64,
    pub name: String,
}

/// One current member of one team.
#[derive(Clone, FromRow)]
pub struct TeamMemberRow {
    pub team_id: i64,
    pub user_id: i64,
    pub name: String,
    pub is_lead: bool,
}

pub async fn list<'e>(db: impl SqliteExecutor<'e>) -> sqlx::Result<Vec<TeamRow>> {
    sqlx::query_as("SELECT id, name FROM teams ORDER BY name COLLATE natural_order, id")
        .fetch_all(db)
        .await
}

pub async fn find<'e>(db: impl SqliteExecutor<'e>, id: i64) -> sqlx::Result<Option<TeamRow>> {
    sqlx::query_as("SELECT id, name FROM teams WHERE id = ?")
        .bind(id)
        .fetch_optional(db)
        .await
}

/// Every membership of a current member, for all teams.
pub async fn all_members<'e>(db: impl SqliteExecutor<'e>) -> sqlx::Result<Vec<TeamMemberRow>> {
    sqlx::query_as(
        "SELECT tm.team_id, tm.user_id, u.name, tm.is_lead
         FROM team_members tm JOIN users u ON u.id = tm.user_id
         WHERE u.removed_at IS NULL
         ORDER BY u.name COLLATE natural_order, u.id",
    )
    .fetch_all(db)
    .await
}

/// The teams `user_id` belongs to.
pub async fn of_user<'e>(db: impl SqliteExecutor<'e>, user_id: i64) -> sqlx::Result<Vec<TeamRow>> {
    sqlx::query_as(
        "SELECT t.id, t.name FROM teams t JOIN team_members tm ON tm.team_id = t.id
         WHERE tm.user_id = ? ORDER BY t.name COLLATE natural_order, t.id",
    )
    .bind(user_id)
    .fetch_all(db)
    .await
}

pub async fn insert<'e>(db: impl SqliteExecutor<'e>, name: &str, now: i64) -> sqlx::Result<i64> {
    sqlx::query_scalar("INSERT INTO teams (name, created_at) VALUES (?, ?) RETURNING id")
        .bind(name)
        .bind(now)
        .fetch_one(db)
        .await
}

pub async fn rename<'e>(db: impl SqliteExecutor<'e>, id: i64, name: &str) -> sqlx::Result<bool> {
    sqlx::query("UPDATE teams SET name = ? WHERE id = ?")
        .bind(name)
        .bind(id)
        .execute(db)
        .await
        .map(|done| done.rows_affected() == 1)
}

pub async fn delete<'e>(db: impl SqliteExecutor<'e>, id: i64) -> sqlx::Result<bool> {
    sqlx::query("DELETE FROM teams WHERE id = ?")
        .bind(id)
        .execute(db)
        .await
        .map(|done| done.rows_affected() == 1)
}

pub async fn clear_members<'e>(db: impl SqliteExecutor<'e>, team_id: i64) -> sqlx::Result<()> {
    sqlx::query("DELETE FROM team_members WHERE team_id = ?")
        .bind(team_id)
        .execute(db)
        .await
        .map(|_| ())
}

pub async fn add_member<'e>(
    db: impl SqliteExecutor<'e>,
    team_id: i64,
    user_id: i64,
    is_lead: bool,
) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO team_members (team_id, user_id, is_lead) VALUES (?, ?, ?)
         ON CONFLICT (team_id, user_id) DO UPDATE SET is_lead = excluded.is_lead",
    )
    .bind(team_id)
    .bind(user_id)
    .bind(is_lead)
    .execute(db)
    .await
    .map(|_| ())
}

pub async fn remove_user_everywhere<'e>(
    db: impl SqliteExecutor<'e>,
    user_id: i64,
) -> sqlx::Result<()> {
    sqlx::query("DELETE FROM team_members WHERE user_id = ?")
        .bind(user_id)
        .execute(db)
        .await
        .map(|_| ())
}

/// A member who is no longer a Team Lead leads no team.
pub async fn clear_lead_flags<'e>(db: impl SqliteExecutor<'e>, user_id: i64) -> sqlx::Result<()> {
    sqlx::query("UPDATE team_members SET is_lead = 0 WHERE user_id = ?")
        .bind(user_id)
        .execute(db)
        .await
        .map(|_| ())
}
