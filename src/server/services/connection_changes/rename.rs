//! Renaming a connection. Never checks the token.

use crate::wire::args::ConnectionRef;
use crate::{
    domain::{limits::MAX_NAME_CHARS, text::parse_line, FieldErrors},
    error::AppError,
    server::{
        auth::SignedInUser,
        infra::db,
        repo::connections,
        services::{
            connection_access::for_change,
            history::{self, Event},
        },
        state::AppState,
    },
};

pub async fn rename(
    state: &AppState,
    user: &SignedInUser,
    connection: &ConnectionRef,
    name: &str,
) -> Result<(), AppError> {
    let row = for_change(state, user, connection, "rename the connection").await?;
    let new_name = parse_line("Connection Name", name, MAX_NAME_CHARS).map_err(|message| {
        AppError::Invalid(FieldErrors::one("name", message).keep("name", name))
    })?;
    if new_name == row.name {
        return Ok(());
    }
    let mut tx = db::begin_write(&state.pool).await?;
    connections::rename(&mut *tx, row.id, &new_name).await?;
    history::record(
        &mut tx,
        row.id,
        user.id,
        &Event::Renamed {
            from: row.name,
            to: new_name,
        },
    )
    .await?;
    tx.commit().await?;
    Ok(())
}
