//! Credentials' sealed secrets: stored, read for decryption, re-sealed under a new key.

use sqlx::{FromRow, SqliteExecutor};

use crate::server::infra::crypto::Sealed;

/// Stores a sealed secret on credential `id`, with who set it and when.
pub async fn set_secret<'e>(
    db: impl SqliteExecutor<'e>,
    id: i64,
    sealed: &Sealed,
    last_four: &str,
    set_by: i64,
    now: i64,
) -> sqlx::Result<()> {
    sqlx::query(
        "UPDATE credentials SET secret_nonce = ?, secret_ciphertext = ?, key_id = ?,
             secret_last_four = ?, secret_set_by = ?, secret_set_at = ?
         WHERE id = ?",
    )
    .bind(&sealed.nonce)
    .bind(&sealed.ciphertext)
    .bind(&sealed.key_id)
    .bind(last_four)
    .bind(set_by)
    .bind(now)
    .bind(id)
    .execute(db)
    .await
    .map(|_| ())
}

/// A credential's sealed secret, for decrypting or re-encrypting it.
#[derive(FromRow)]
pub struct SecretRow {
    pub id: i64,
    pub secret_nonce: Vec<u8>,
    pub secret_ciphertext: Vec<u8>,
    pub key_id: String,
}

impl SecretRow {
    pub fn sealed(&self) -> Sealed {
        Sealed {
            nonce: self.secret_nonce.clone(),
            ciphertext: self.secret_ciphertext.clone(),
            key_id: self.key_id.clone(),
        }
    }
}

pub async fn secret<'e>(db: impl SqliteExecutor<'e>, id: i64) -> sqlx::Result<Option<SecretRow>> {
    sqlx::query_as(
        "SELECT id, secret_nonce, secret_ciphertext, key_id FROM credentials WHERE id = ?",
    )
    .bind(id)
    .fetch_optional(db)
    .await
}

pub async fn all_secrets<'e>(db: impl SqliteExecutor<'e>) -> sqlx::Result<Vec<SecretRow>> {
    sqlx::query_as(
        "SELECT id, secret_nonce, secret_ciphertext, key_id FROM credentials ORDER BY id",
    )
    .fetch_all(db)
    .await
}

/// Replaces a sealed secret without touching who set it (a re-encryption, not a new token).
pub async fn reseal<'e>(db: impl SqliteExecutor<'e>, id: i64, sealed: &Sealed) -> sqlx::Result<()> {
    sqlx::query(
        "UPDATE credentials SET secret_nonce = ?, secret_ciphertext = ?, key_id = ? WHERE id = ?",
    )
    .bind(&sealed.nonce)
    .bind(&sealed.ciphertext)
    .bind(&sealed.key_id)
    .bind(id)
    .execute(db)
    .await
    .map(|_| ())
}
/// What tells one stored token from the next: every token stored is sealed with a new nonce.
pub async fn token_version<'e>(
    db: impl SqliteExecutor<'e>,
    id: i64,
) -> sqlx::Result<Option<Vec<u8>>> {
    sqlx::query_scalar("SELECT secret_nonce FROM credentials WHERE id = ?")
        .bind(id)
        .fetch_optional(db)
        .await
}
