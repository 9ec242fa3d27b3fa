//! Reading connections: always through who may see them, except for the server's own work.

use sqlx::{FromRow, SqliteExecutor};

use crate::domain::{
    connection_filter::ConnectionFilter, token_reach::TeamChoice, CheckStatus, Privacy,
};

/// Who may see a connection: its owner, everyone when shared with the workspace, and the
/// team's members when shared with a team. `?1` is the viewer's id.
const VISIBLE_TO_VIEWER: &str = "(k.owner_id = ?1 OR k.privacy = 'workspace' OR (k.privacy = 'team'
    AND k.team_id IN (SELECT team_id FROM team_members WHERE user_id = ?1)))";

/// A connection with what its pages show.
#[derive(Clone, FromRow)]
pub struct ConnectionRow {
    pub id: i64,
    pub source: String,
    pub name: String,
    pub owner_id: i64,
    pub owner_name: String,
    pub credential_id: i64,
    pub credential_name: String,
    pub privacy: Privacy,
    pub team_id: Option<i64>,
    pub team_name: Option<String>,
    pub secret_last_four: String,
    pub check_status: CheckStatus,
    pub checked_at: Option<i64>,
    pub created_at: i64,
    pub token_rejected_since: Option<i64>,
    /// When its last complete pull was stored; `None`: the next sync must be complete.
    pub full_sync_at: Option<i64>,
    /// Until when the source asked this connection's syncs to wait.
    pub rate_limited_until: Option<i64>,
    /// Which of the token's teams it reads, as [`TeamChoice::to_stored`] wrote it.
    pub source_teams: Option<String>,
}

/// Who owns a connection and how it is shared: what deciding who may manage it reads.
#[derive(Clone, Copy, FromRow)]
pub struct Stewardship {
    pub owner_id: i64,
    pub privacy: Privacy,
    pub team_id: Option<i64>,
}

impl ConnectionRow {
    pub fn stewardship(&self) -> Stewardship {
        Stewardship {
            owner_id: self.owner_id,
            privacy: self.privacy,
            team_id: self.team_id,
        }
    }

    /// Until when the source asked this connection's syncs to wait, while that is after `now`.
    pub fn waiting_until(&self, now: i64) -> Option<i64> {
        self.rate_limited_until.filter(|until| *until > now)
    }

    pub fn team_choice(&self) -> TeamChoice {
        TeamChoice::from_stored(self.source_teams.as_deref())
    }
}

const SELECT: &str = "SELECT k.id, k.source, k.name, k.owner_id, o.name AS owner_name,
        k.credential_id, c.name AS credential_name, k.privacy, k.team_id, t.name AS team_name,
        c.secret_last_four, c.check_status, c.checked_at, k.created_at, k.token_rejected_since,
        k.full_sync_at, k.rate_limited_until, k.source_teams
    FROM connections k
    JOIN users o ON o.id = k.owner_id
    JOIN credentials c ON c.id = k.credential_id
    LEFT JOIN teams t ON t.id = k.team_id";

/// What a list's filter keeps (`?5` text of the name, `?6` privacy, `?7` status; each NULL
/// for any). Needs the credential as `c`.
const FILTERED: &str = "(?5 IS NULL OR instr(lower(k.name), ?5) > 0)
    AND (?6 IS NULL OR k.privacy = ?6) AND (?7 IS NULL OR c.check_status = ?7)";

/// One page of the connections of `source` that `viewer` may see and `filter` keeps, by name.
pub async fn list_visible<'e>(
    db: impl SqliteExecutor<'e>,
    viewer: i64,
    source: &str,
    filter: &ConnectionFilter,
    limit: i64,
    offset: i64,
) -> sqlx::Result<Vec<ConnectionRow>> {
    sqlx::query_as(&format!(
        "{SELECT} WHERE {VISIBLE_TO_VIEWER} AND k.source = ?2 AND {FILTERED}
         ORDER BY k.name COLLATE natural_order, k.id LIMIT ?3 OFFSET ?4"
    ))
    .bind(viewer)
    .bind(source)
    .bind(limit)
    .bind(offset)
    .bind(filter.name_contains())
    .bind(filter.privacy)
    .bind(filter.status)
    .fetch_all(db)
    .await
}

/// How many connections of `source` `viewer` may see and `filter` keeps.
pub async fn count_visible<'e>(
    db: impl SqliteExecutor<'e>,
    viewer: i64,
    source: &str,
    filter: &ConnectionFilter,
) -> sqlx::Result<i64> {
    sqlx::query_scalar(&format!(
        "SELECT COUNT(*) FROM connections k JOIN credentials c ON c.id = k.credential_id
         WHERE {VISIBLE_TO_VIEWER} AND k.source = ?2 AND {FILTERED}"
    ))
    .bind(viewer)
    .bind(source)
    // ?3 and ?4 are the page's; the count has none.
    .bind(0_i64)
    .bind(0_i64)
    .bind(filter.name_contains())
    .bind(filter.privacy)
    .bind(filter.status)
    .fetch_one(db)
    .await
}

/// Connection `id` of `source`, if `viewer` may see it.
pub async fn find_visible<'e>(
    db: impl SqliteExecutor<'e>,
    viewer: i64,
    source: &str,
    id: i64,
) -> sqlx::Result<Option<ConnectionRow>> {
    sqlx::query_as(&format!(
        "{SELECT} WHERE {VISIBLE_TO_VIEWER} AND k.source = ?2 AND k.id = ?3"
    ))
    .bind(viewer)
    .bind(source)
    .bind(id)
    .fetch_optional(db)
    .await
}

/// Connection `id`, for work the server does on its own (syncs). Never for a request's answer.
pub async fn find<'e>(db: impl SqliteExecutor<'e>, id: i64) -> sqlx::Result<Option<ConnectionRow>> {
    sqlx::query_as(&format!("{SELECT} WHERE k.id = ?"))
        .bind(id)
        .fetch_optional(db)
        .await
}
/// Every connection `viewer` may see, of every source, by name.
pub async fn all_visible<'e>(
    db: impl SqliteExecutor<'e>,
    viewer: i64,
) -> sqlx::Result<Vec<ConnectionRow>> {
    sqlx::query_as(&format!(
        "{SELECT} WHERE {VISIBLE_TO_VIEWER} ORDER BY k.name COLLATE natural_order, k.id"
    ))
    .bind(viewer)
    .fetch_all(db)
    .await
}

/// How many connections of each source `viewer` may see.
pub async fn count_visible_by_source<'e>(
    db: impl SqliteExecutor<'e>,
    viewer: i64,
) -> sqlx::Result<Vec<(String, i64)>> {
    sqlx::query_as(&format!(
        "SELECT k.source, COUNT(*) FROM connections k WHERE {VISIBLE_TO_VIEWER} GROUP BY k.source"
    ))
    .bind(viewer)
    .fetch_all(db)
    .await
}
/// Whether `user_id` leads `team_id`.
pub async fn leads_team<'e>(
    db: impl SqliteExecutor<'e>,
    user_id: i64,
    team_id: i64,
) -> sqlx::Result<bool> {
    sqlx::query_scalar(
        "SELECT EXISTS (SELECT 1 FROM team_members WHERE user_id = ? AND team_id = ? AND is_lead = 1)",
    )
    .bind(user_id)
    .bind(team_id)
    .fetch_one(db)
    .await
}
/// Another connection on a credential: who may manage it, and whether the viewer may see it.
#[derive(FromRow)]
pub struct OnCredential {
    pub visible: bool,
    #[sqlx(flatten)]
    pub stewardship: Stewardship,
}

/// The connections but `except` that use `credential_id`, as [`OnCredential`]s, each distinct
/// one once: a credential may serve hundreds of connections, mostly owned and shared alike,
/// and the connection page asks this on every load.
pub async fn others_on_credential<'e>(
    db: impl SqliteExecutor<'e>,
    viewer: i64,
    credential_id: i64,
    except: i64,
) -> sqlx::Result<Vec<OnCredential>> {
    sqlx::query_as(&format!(
        "SELECT DISTINCT k.owner_id, k.privacy, k.team_id, {VISIBLE_TO_VIEWER} AS visible
         FROM connections k WHERE k.credential_id = ?2 AND k.id <> ?3"
    ))
    .bind(viewer)
    .bind(credential_id)
    .bind(except)
    .fetch_all(db)
    .await
}

/// The ids of the connections that use `credential_id`.
pub async fn using_credential<'e>(
    db: impl SqliteExecutor<'e>,
    credential_id: i64,
) -> sqlx::Result<Vec<i64>> {
    sqlx::query_scalar("SELECT id FROM connections WHERE credential_id = ? ORDER BY id")
        .bind(credential_id)
        .fetch_all(db)
        .await
}

/// The current members of `team_id`.
pub async fn team_member_ids<'e>(
    db: impl SqliteExecutor<'e>,
    team_id: i64,
) -> sqlx::Result<Vec<i64>> {
    sqlx::query_scalar(
        "SELECT tm.user_id FROM team_members tm JOIN users u ON u.id = tm.user_id
         WHERE tm.team_id = ? AND u.removed_at IS NULL",
    )
    .bind(team_id)
    .fetch_all(db)
    .await
}
