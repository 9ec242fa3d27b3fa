//! A connection's pulled data, for the people who can see the connection.

use crate::{
    api::sync::{DataCounts, IncidentItem, MonitorItem, SyncRunInfo, SyncStatus, TablePage},
    domain::{
        data_tables::{page_count, page_offset, IncidentColumn, MonitorColumn, ROWS_PER_PAGE},
        limits::MAX_NAME_CHARS,
    },
    error::AppError,
    server::{
        auth::SignedInUser,
        clock,
        repo::{sync_runs, synced, synced_views},
        state::AppState,
        sync::{self, Trigger},
    },
};

use super::connection_access::{can_manage, for_change, visible};

/// A table's sort, direction, filter and page, as the page's URL gives them.
pub struct TableQuery {
    sort: String,
    descending: bool,
    filter: String,
    page: i64,
}

impl TableQuery {
    pub fn new(sort: &str, dir: &str, filter: &str, page: i64) -> Self {
        Self {
            sort: sort.to_owned(),
            descending: dir == "desc",
            // A filter longer than any name can only be a mistake (or an attack): cut it.
            filter: filter.chars().take(MAX_NAME_CHARS).collect(),
            page: page.max(1),
        }
    }

    fn offset(&self) -> i64 {
        page_offset(self.page)
    }
}

fn outcome_words(run: &sync_runs::RunRow) -> String {
    match run.outcome.as_str() {
        "ok" => "Synced".to_owned(),
        "token_rejected" => "Failing — token rejected".to_owned(),
        "stopped" => format!("Stopped: {}", run.message.clone().unwrap_or_default()),
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
    source_id: &str,
    id: i64,
) -> Result<SyncStatus, AppError> {
    let row = visible(state, user, source_id, id).await?;
    let pool = &state.pool;
    let last = sync_runs::latest_finished(pool, row.id)
        .await?
        .map(|run| SyncRunInfo {
            finished: clock::format_utc(run.finished_at.unwrap_or(run.started_at)),
            took: format!(
                "{} s",
                run.finished_at.unwrap_or(run.started_at) - run.started_at
            ),
            succeeded: run.outcome == "ok",
            outcome: outcome_words(&run),
            pages: run.pages,
            rows_changed: run.rows_changed,
        });
    let counts = synced::counts(pool, row.id).await?;
    Ok(SyncStatus {
        running_pages: state.syncs.progress(row.id),
        last,
        counts: DataCounts {
            monitors: counts.monitors,
            monitor_groups: counts.monitor_groups,
            heartbeats: counts.heartbeats,
            status_pages: counts.status_pages,
            incidents: counts.incidents,
        },
        token_rejected_since: row.token_rejected_since.map(clock::format_utc),
        rate_limited_until: row.waiting_until(clock::now()).map(clock::format_utc),
        can_sync: can_manage(state, user, &row).await?,
    })
}

pub async fn sync_now(
    state: &AppState,
    user: &SignedInUser,
    source_id: &str,
    id: i64,
) -> Result<(), AppError> {
    let row = for_change(state, user, source_id, id, "sync now").await?;
    if !sync::spawn(state, row.id, Trigger::Manual).await {
        return Err(AppError::Conflict(
            "A sync of this connection is already running.".into(),
        ));
    }
    Ok(())
}

fn or_dash(value: Option<String>) -> String {
    value
        .filter(|v| !v.is_empty())
        .unwrap_or_else(|| "—".into())
}

pub async fn monitors(
    state: &AppState,
    user: &SignedInUser,
    source_id: &str,
    id: i64,
    query: TableQuery,
) -> Result<TablePage<MonitorItem>, AppError> {
    let row = visible(state, user, source_id, id).await?;
    let column = MonitorColumn::parse(&query.sort);
    let rows = synced_views::monitors(
        &state.pool,
        row.id,
        column,
        query.descending,
        &query.filter,
        ROWS_PER_PAGE,
        query.offset(),
    )
    .await?;
    let total = synced_views::count_monitors(&state.pool, row.id, &query.filter).await?;
    Ok(TablePage {
        rows: rows
            .into_iter()
            .map(|m| MonitorItem {
                name: or_dash(m.name),
                url: or_dash(m.url),
                monitor_type: or_dash(m.monitor_type),
                status: or_dash(m.status),
                check_frequency: m
                    .check_frequency
                    .map_or_else(|| "—".into(), |s| format!("every {s} s")),
                last_checked: or_dash(m.last_checked_at),
            })
            .collect(),
        total,
        page: query.page,
        pages: page_count(total),
    })
}

pub async fn incidents(
    state: &AppState,
    user: &SignedInUser,
    source_id: &str,
    id: i64,
    query: TableQuery,
) -> Result<TablePage<IncidentItem>, AppError> {
    let row = visible(state, user, source_id, id).await?;
    let column = IncidentColumn::parse(&query.sort);
    // Newest first unless asked otherwise.
    let descending =
        query.descending || (query.sort.is_empty() && column == IncidentColumn::Started);
    let rows = synced_views::incidents(
        &state.pool,
        row.id,
        column,
        descending,
        &query.filter,
        ROWS_PER_PAGE,
        query.offset(),
    )
    .await?;
    let total = synced_views::count_incidents(&state.pool, row.id, &query.filter).await?;
    Ok(TablePage {
        rows: rows
            .into_iter()
            .map(|i| IncidentItem {
                name: or_dash(i.name),
                cause: or_dash(i.cause),
                status: or_dash(i.status),
                started: or_dash(i.started_at),
                resolved: or_dash(i.resolved_at),
            })
            .collect(),
        total,
        page: query.page,
        pages: page_count(total),
    })
}
