//! Deleting a connection once its name is typed, and its credential when asked and unused.

use crate::wire::args::ConnectionRef;
use crate::{
    domain::FieldErrors,
    error::AppError,
    server::{
        auth::SignedInUser,
        infra::db,
        repo::{
            connections::{self, ConnectionRow},
            credentials,
        },
        services::{
            connection_access::for_change,
            history::{self, Event},
        },
        state::AppState,
    },
};

/// Deletes the connection after its name was typed. Its credential goes too only when asked
/// and no other connection uses it.
pub async fn delete(
    state: &AppState,
    user: &SignedInUser,
    connection: &ConnectionRef,
    confirm_name: &str,
    delete_credential: bool,
) -> Result<(), AppError> {
    let row: ConnectionRow = for_change(state, user, connection, "delete the connection").await?;
    if confirm_name.trim() != row.name {
        let message = format!("Type the connection's name, {}, to delete it.", row.name);
        return Err(AppError::Invalid(FieldErrors::one("confirm_name", message)));
    }
    state.syncs.stop_connection(row.id);
    let mut tx = db::begin_write(&state.pool).await?;
    history::record(
        &mut tx,
        row.id,
        user.id,
        &Event::Deleted {
            name: row.name.clone(),
        },
    )
    .await?;
    connections::delete(&mut *tx, row.id).await?;
    let credential_unused = connections::using_credential(&mut *tx, row.credential_id)
        .await?
        .is_empty();
    if delete_credential && credential_unused {
        credentials::delete(&mut *tx, row.credential_id).await?;
    }
    tx.commit().await?;
    tracing::info!(
        connection_id = row.id,
        user_id = user.id,
        credential_deleted = delete_credential && credential_unused,
        "connection deleted"
    );
    Ok(())
}
