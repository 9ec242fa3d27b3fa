//! Writing what a sync pulled, and whether it may still be written.

use crate::{
    error::AppError,
    server::{
        connectors::{Connector, Pulled},
        repo::{
            connections::{self, ConnectionRow},
            credentials, synced,
        },
    },
};

/// Whether `connection` still uses the credential, and the token (`version`), it pulled with.
pub(super) async fn still_uses(
    tx: &mut sqlx::SqliteConnection,
    connection: &ConnectionRow,
    version: Option<&[u8]>,
) -> Result<bool, AppError> {
    let Some(now) = connections::find(&mut *tx, connection.id).await? else {
        return Ok(false);
    };
    if now.credential_id != connection.credential_id || now.source_teams != connection.source_teams
    {
        return Ok(false);
    }
    let current = credentials::token_version(&mut *tx, now.credential_id).await?;
    Ok(current.is_some() && current.as_deref() == version)
}

/// Writes a pull: each batch meets what its kind stored as the batch says (a whole list
/// replaces it; a partial one adds and updates).
pub(super) async fn store(
    tx: &mut sqlx::SqliteConnection,
    connector: &dyn Connector,
    connection_id: i64,
    pulled: &Pulled,
) -> Result<u64, AppError> {
    let mut changed = 0;
    for batch in &pulled.batches {
        let kind = connector
            .kinds()
            .iter()
            .find(|kind| kind.key == batch.kind)
            .ok_or_else(|| AppError::internal(format!("a pull of unknown kind {}", batch.kind)))?;
        changed += synced::store(tx, connection_id, kind, batch).await?;
    }
    Ok(changed)
}
