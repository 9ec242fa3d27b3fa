//! Credentials' public facts: listing, creating, recording checks, deleting.

use sqlx::{FromRow, SqliteExecutor};

use crate::domain::token_reach::Reach;
use crate::domain::CheckStatus;

/// A credential's public facts. The secret is not in this type at all.
#[derive(Clone, FromRow)]
pub struct CredentialRow {
    pub id: i64,
    pub source: String,
    pub owner_id: i64,
    pub name: String,
    pub description: Option<String>,
    pub secret_last_four: String,
    pub secret_set_at: i64,
    pub secret_set_by: String,
    pub check_status: CheckStatus,
    pub checked_at: Option<i64>,
    pub reach: Option<String>,
    /// The token's kind and teams as its last check found them (JSON of [`Reach`]).
    pub reach_detail: Option<String>,
    pub used_by: i64,
}

impl CredentialRow {
    /// What the last check found the token reaches, if it read it.
    pub fn reach_detail(&self) -> Option<Reach> {
        self.reach_detail
            .as_deref()
            .and_then(|json| serde_json::from_str(json).ok())
    }
}

const SELECT: &str = "SELECT c.id, c.source, c.owner_id, c.name, c.description, c.secret_last_four,
        c.secret_set_at, u.name AS secret_set_by, c.check_status, c.checked_at, c.reach, c.reach_detail,
        (SELECT COUNT(*) FROM connections k WHERE k.credential_id = c.id) AS used_by
    FROM credentials c JOIN users u ON u.id = c.secret_set_by";

/// `owner_id`'s credentials for `source`, newest first.
pub async fn list_owned<'e>(
    db: impl SqliteExecutor<'e>,
    owner_id: i64,
    source: &str,
) -> sqlx::Result<Vec<CredentialRow>> {
    sqlx::query_as(&format!(
        "{SELECT} WHERE c.owner_id = ? AND c.source = ? ORDER BY c.created_at DESC, c.id DESC"
    ))
    .bind(owner_id)
    .bind(source)
    .fetch_all(db)
    .await
}

/// The credential `id` if `owner_id` owns it and it is for `source`.
pub async fn find_owned<'e>(
    db: impl SqliteExecutor<'e>,
    id: i64,
    owner_id: i64,
    source: &str,
) -> sqlx::Result<Option<CredentialRow>> {
    sqlx::query_as(&format!(
        "{SELECT} WHERE c.id = ? AND c.owner_id = ? AND c.source = ?"
    ))
    .bind(id)
    .bind(owner_id)
    .bind(source)
    .fetch_optional(db)
    .await
}

/// Credential `id`, whoever owns it. Callers decide who may see it.
pub async fn find<'e>(db: impl SqliteExecutor<'e>, id: i64) -> sqlx::Result<Option<CredentialRow>> {
    sqlx::query_as(&format!("{SELECT} WHERE c.id = ?"))
        .bind(id)
        .fetch_optional(db)
        .await
}

pub struct NewCredentialRow<'a> {
    pub source: &'a str,
    pub owner_id: i64,
    pub name: &'a str,
    pub description: Option<&'a str>,
    pub check_status: CheckStatus,
    pub checked_at: Option<i64>,
    pub reach: Option<&'a Reach>,
    pub now: i64,
}

/// Inserts the credential without its secret (which needs the row id to be sealed); call
/// [`set_secret`] in the same transaction.
pub async fn insert<'e>(
    db: impl SqliteExecutor<'e>,
    new: NewCredentialRow<'_>,
) -> sqlx::Result<i64> {
    sqlx::query_scalar(
        "INSERT INTO credentials (source, owner_id, name, description, secret_nonce,
             secret_ciphertext, key_id, secret_last_four, secret_set_at, secret_set_by,
             check_status, checked_at, reach, reach_detail, created_at)
         VALUES (?, ?, ?, ?, x'', x'', '', '', ?, ?, ?, ?, ?, ?, ?) RETURNING id",
    )
    .bind(new.source)
    .bind(new.owner_id)
    .bind(new.name)
    .bind(new.description)
    .bind(new.now)
    .bind(new.owner_id)
    .bind(new.check_status)
    .bind(new.checked_at)
    .bind(new.reach.map(Reach::words))
    .bind(new.reach.map(detail_json))
    .bind(new.now)
    .fetch_one(db)
    .await
}
/// Everything `from` owned now belongs to `to` (a removed member's credentials).
pub async fn reassign_owner<'e>(
    db: impl SqliteExecutor<'e>,
    from: i64,
    to: i64,
) -> sqlx::Result<()> {
    sqlx::query("UPDATE credentials SET owner_id = ? WHERE owner_id = ?")
        .bind(to)
        .bind(from)
        .execute(db)
        .await
        .map(|_| ())
}

fn detail_json(reach: &Reach) -> String {
    serde_json::to_string(reach).expect("a reach is plain data")
}

/// What a check said the token reaches.
#[derive(Clone, Copy)]
pub enum Reached<'a> {
    /// Nothing new: what was stored stays.
    Unchanged,
    /// Its kind and teams.
    Read(&'a Reach),
    /// Only words (a token without access reaches nothing to read).
    Words(&'a str),
}

/// Records what the last check of the credential's token said.
pub async fn set_check<'e>(
    db: impl SqliteExecutor<'e>,
    id: i64,
    status: CheckStatus,
    checked_at: Option<i64>,
    reached: Reached<'_>,
) -> sqlx::Result<()> {
    let (words, detail) = match reached {
        Reached::Unchanged => (None, None),
        Reached::Read(reach) => (Some(reach.words()), Some(detail_json(reach))),
        Reached::Words(words) => (Some(words.to_owned()), None),
    };
    sqlx::query(
        "UPDATE credentials SET check_status = ?, checked_at = ?,
             reach = CASE WHEN ?3 IS NULL THEN reach ELSE ?3 END,
             reach_detail = CASE WHEN ?3 IS NULL THEN reach_detail ELSE ?4 END
         WHERE id = ?5",
    )
    .bind(status)
    .bind(checked_at)
    .bind(words)
    .bind(detail)
    .bind(id)
    .execute(db)
    .await
    .map(|_| ())
}

pub async fn delete<'e>(db: impl SqliteExecutor<'e>, id: i64) -> sqlx::Result<()> {
    sqlx::query("DELETE FROM credentials WHERE id = ?")
        .bind(id)
        .execute(db)
        .await
        .map(|_| ())
}
