//! `plugboard admin rotate-key`: every secret re-encrypted under a new master key, in one
//! transaction.
//!
//! With a key file, the new key is written next to it (`master.key.new`) before the database
//! changes and renamed over it after, so at every moment one of the two files opens every
//! row. A rotation cut short leaves `master.key.new` behind; the server then refuses to start
//! and running the rotation again finishes it (rows are matched to keys by their key id).

use std::{
    fs,
    io::Write,
    os::unix::fs::OpenOptionsExt,
    path::{Path, PathBuf},
};

use sqlx::SqlitePool;

use crate::server::{
    infra::crypto::{self, credential_aad},
    infra::db,
    infra::master_key::{KeySource, MasterKey},
    repo::credentials,
};

/// What a rotation did.
pub struct Rotation {
    pub secrets: usize,
    pub old_key_id: String,
    pub new_key_id: String,
    /// The new key, when it lives in `PLUGBOARD_MASTER_KEY` (the operator must set it).
    pub new_key_for_env: Option<MasterKey>,
    pub key_file: Option<PathBuf>,
}

/// The file a rotation writes its new key to before it is made current.
pub fn pending_key_file(key_file: &Path) -> PathBuf {
    let mut name = key_file.as_os_str().to_owned();
    name.push(".new");
    PathBuf::from(name)
}

pub async fn rotate(pool: &SqlitePool, source: &KeySource) -> Result<Rotation, String> {
    let current = source.load().map_err(|e| e.to_string())?;
    let (new_key, key_file) = match source {
        KeySource::Env(_) => (MasterKey::generate(), None),
        KeySource::File(path) => (prepare_new_key_file(path)?, Some(path.clone())),
    };
    // Keys that may have sealed a row: the current one, and a new key left by a rotation that
    // was cut short after its transaction.
    let mut keyring = vec![current.clone()];
    if key_file.is_some() {
        keyring.push(new_key.clone());
    }

    let mut tx = db::begin_write(pool).await.map_err(|e| e.to_string())?;
    let rows = credentials::all_secrets(&mut *tx)
        .await
        .map_err(|e| e.to_string())?;
    for row in &rows {
        let aad = credential_aad(row.id);
        let sealed = row.sealed();
        let key = keyring
            .iter()
            .find(|key| crypto::key_id(key) == sealed.key_id)
            .ok_or_else(|| {
                format!(
                    "credential {} was sealed under a key that is not available ({})",
                    row.id, sealed.key_id
                )
            })?;
        let plaintext =
            crypto::open(key, &sealed, &aad).map_err(|e| format!("credential {}: {e}", row.id))?;
        let resealed = crypto::seal(&new_key, &plaintext, &aad);
        credentials::reseal(&mut *tx, row.id, &resealed)
            .await
            .map_err(|e| e.to_string())?;
    }
    tx.commit().await.map_err(|e| e.to_string())?;

    if let Some(path) = &key_file {
        fs::rename(pending_key_file(path), path).map_err(|e| {
            format!(
                "the secrets are re-encrypted, but {} could not replace the key file: {e}",
                path.display()
            )
        })?;
    }
    Ok(Rotation {
        secrets: rows.len(),
        old_key_id: crypto::key_id(&current),
        new_key_id: crypto::key_id(&new_key),
        new_key_for_env: key_file.is_none().then_some(new_key),
        key_file,
    })
}

/// The key waiting in `master.key.new` from an unfinished rotation, else a fresh one written
/// there (mode 0600) before anything else changes.
fn prepare_new_key_file(path: &Path) -> Result<MasterKey, String> {
    let pending = pending_key_file(path);
    if pending.exists() {
        return KeySource::File(pending).load().map_err(|e| e.to_string());
    }
    let key = MasterKey::generate();
    let mut file = fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(&pending)
        .map_err(|e| format!("cannot create {}: {e}", pending.display()))?;
    file.write_all(format!("{}\n", key.to_base64().as_str()).as_bytes())
        .and_then(|()| file.sync_all())
        .map_err(|e| format!("cannot write {}: {e}", pending.display()))?;
    Ok(key)
}
