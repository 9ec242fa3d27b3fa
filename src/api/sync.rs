//! A connection's Data: what it pulled, its last sync, Sync now, and the tables.

use leptos::prelude::*;

use crate::{
    error::AppError,
    wire::{
        args::{data::RecordsArgs, ConnectionRef},
        data::{DataTable, SyncStatus},
    },
};

#[server(prefix = "/api")]
pub async fn get_sync_status(
    #[server(flatten)] args: ConnectionRef,
) -> Result<SyncStatus, AppError> {
    use crate::server::{auth::require_user, services::data, state::app_state};
    let user = require_user().await?;
    data::status(&app_state()?, &user, &args).await
}

#[server(prefix = "/api")]
pub async fn sync_now(#[server(flatten)] args: ConnectionRef) -> Result<(), AppError> {
    use crate::server::{auth::require_user, services::data, state::app_state};
    let user = require_user().await?;
    data::sync_now(&app_state()?, &user, &args).await
}

/// A page of one kind of record: filtered, sorted, paged as the Data table's URL asks.
#[server(prefix = "/api")]
pub async fn list_records(#[server(flatten)] args: RecordsArgs) -> Result<DataTable, AppError> {
    use crate::server::{auth::require_user, services::data, state::app_state};
    let user = require_user().await?;
    data::records(&app_state()?, &user, &args).await
}
