//! A connection's pulled data, for the people who can see the connection.

use serde_json::Value;

use super::moments::{in_utc, moment};
use crate::{
    domain::{
        data_tables::{page_count, page_offset, ROWS_PER_PAGE},
        limits::MAX_NAME_CHARS,
        record_kinds::Format,
    },
    error::AppError,
    server::{
        auth::SignedInUser,
        infra::clock,
        repo::{
            sync_runs::{self, RunOutcome},
            synced,
            synced_views::{self, Selection},
        },
        state::AppState,
        sync::{self, Trigger},
    },
    wire::data::{DataColumn, DataTable, KindCount, SyncRunInfo, SyncStatus},
};

use super::connection_access::{can_manage, for_change, visible};
use crate::wire::args::{data::RecordsArgs, ConnectionRef};

fn outcome_words(run: &sync_runs::RunRow) -> String {
    match run.outcome {
        RunOutcome::Ok => "Synced".to_owned(),
        RunOutcome::TokenRejected => "Failing — token rejected".to_owned(),
        RunOutcome::Stopped => format!("Stopped: {}", run.message.clone().unwrap_or_default()),
        _ => format!(
            "Failed: {}",
            run.message
                .clone()
                .unwrap_or_else(|| "no reason given".into())
        ),
    }
}

pub async fn status(
    state: &AppState,
    user: &SignedInUser,
    connection: &ConnectionRef,
) -> Result<SyncStatus, AppError> {
    let row = visible(state, user, &connection.source, connection.id).await?;
    let pool = &state.pool;
    let last = sync_runs::latest_finished(pool, row.id)
        .await?
        .map(|run| SyncRunInfo {
            finished: moment(run.finished_at.unwrap_or(run.started_at)),
            took: format!(
                "{} s",
                run.finished_at.unwrap_or(run.started_at) - run.started_at
            ),
            succeeded: run.outcome == RunOutcome::Ok,
            outcome: outcome_words(&run),
            pages: run.pages,
            rows_changed: run.rows_changed,
        });
    let stored = synced::counts(pool, row.id).await?;
    let counts = state
        .connectors
        .get(&row.source)?
        .kinds()
        .iter()
        .map(|kind| KindCount {
            key: kind.key.to_owned(),
            label: kind.label.to_owned(),
            count: stored.get(kind.key).copied().unwrap_or(0),
        })
        .collect();
    Ok(SyncStatus {
        running_pages: state.syncs.progress(row.id),
        last,
        counts,
        token_rejected_since: row.token_rejected_since.map(moment),
        rate_limited_until: row.waiting_until(clock::now()).map(moment),
        can_sync: can_manage(state, user, row.stewardship()).await?,
    })
}

pub async fn sync_now(
    state: &AppState,
    user: &SignedInUser,
    connection: &ConnectionRef,
) -> Result<(), AppError> {
    let row = for_change(state, user, connection, "sync now").await?;
    if !sync::spawn(state, row.id, Trigger::Manual).await {
        return Err(AppError::Conflict(
            "A sync of this connection is already running.".into(),
        ));
    }
    Ok(())
}

/// A page of the connection's records of `kind_key` (the source's first kind when empty), as
/// its Data table shows them.
pub async fn records(
    state: &AppState,
    user: &SignedInUser,
    args: &RecordsArgs,
) -> Result<DataTable, AppError> {
    let row = visible(state, user, &args.connection.source, args.connection.id).await?;
    let kind = match args.kind.as_str() {
        "" => state
            .connectors
            .get(&row.source)?
            .kinds()
            .first()
            .ok_or(AppError::NotFound)?,
        key => state.connectors.kind(&row.source, key)?,
    };
    let (sort, descending) = kind.sort(&args.sort, args.dir);
    // A filter longer than any name can only be a mistake (or an attack): cut it.
    let filter: String = args.filter.chars().take(MAX_NAME_CHARS).collect();
    let page = args.page.max(1);
    let selection = Selection {
        kind,
        sort,
        descending,
        filter: &filter,
    };
    let total = synced_views::count(&state.pool, row.id, &selection).await?;
    let records = synced_views::page(
        &state.pool,
        row.id,
        &selection,
        ROWS_PER_PAGE,
        page_offset(page),
    )
    .await?;
    let null = Value::Null;
    Ok(DataTable {
        kind: kind.key.to_owned(),
        label: kind.label.to_owned(),
        columns: kind
            .fields
            .iter()
            .map(|field| DataColumn {
                key: field.key.to_owned(),
                label: field.label.to_owned(),
                wrap: field.format == Format::Url,
                time: field.format == Format::Time,
            })
            .collect(),
        rows: records
            .iter()
            .map(|record| {
                kind.fields
                    .iter()
                    .map(|field| {
                        let value = record.fields.get(field.key).unwrap_or(&null);
                        match (field.format, value) {
                            (Format::Time, Value::String(text)) => in_utc(text),
                            _ => None,
                        }
                        .unwrap_or_else(|| field.format.show(value))
                    })
                    .collect()
            })
            .collect(),
        sort: sort.key.to_owned(),
        descending,
        total,
        page,
        pages: page_count(total),
    })
}
