use std::time::Duration;

use leptos::prelude::*;

use super::{
    data_tables::{IncidentsTable, MonitorsTable, TableData},
    Target,
};
use crate::app::page_data::{page_data, PageData};
use crate::{
    api::sync::{
        get_sync_status, list_incidents, list_monitors, IncidentItem, MonitorItem, SyncNow,
        SyncStatus,
    },
    app::components::forms::{form_error, FormMessage, SubmitButton},
    error::AppError,
};

/// The Data section's actions and data.
///
/// They are made where the page's island starts, before it waits for the connection: in
/// islands mode the server sends the browser only data loaded by resources made then. One made
/// later is loaded again by the browser, whose first render then differs from the server's.
#[derive(Clone, Copy)]
pub struct DataState {
    sync: ServerAction<SyncNow>,
    tick: RwSignal<u32>,
    status: PageData<Result<SyncStatus, AppError>>,
    data_version: RwSignal<u32>,
    monitors: TableData<MonitorItem>,
    incidents: TableData<IncidentItem>,
}

impl DataState {
    /// `id` is `None` for an address that names no connection: nothing is loaded then.
    pub fn new(source: String, id: Option<i64>, query: Vec<(String, String)>) -> Self {
        let sync = ServerAction::<SyncNow>::new();
        let tick = RwSignal::new(0u32);
        let status = page_data(move || (tick.get(), sync.version().get()), {
            let source = source.clone();
            move |_| {
                let source = source.clone();
                async move {
                    let id = id.ok_or(AppError::NotFound)?;
                    get_sync_status(source, id).await
                }
            }
        });
        let data_version = RwSignal::new(0u32);
        let monitors = TableData::new(
            "m_",
            &query,
            data_version,
            source.clone(),
            id,
            list_monitors,
        );
        let incidents = TableData::new("i_", &query, data_version, source, id, list_incidents);
        Self {
            sync,
            tick,
            status,
            data_version,
            monitors,
            incidents,
        }
    }
}

/// What the connection pulled: counts, the last sync, Sync now with its progress, and tables.
#[component]
pub fn DataSection(source: String, id: i64, can_sync: bool, state: DataState) -> impl IntoView {
    let DataState {
        sync,
        tick,
        status,
        data_version,
        monitors,
        incidents,
    } = state;
    let error = form_error(sync.value());
    // While a sync runs, look again every second. Without JavaScript the page refreshes itself
    // (the <noscript> below) instead.
    Effect::new(move || {
        if let Some(Ok(status)) = status.get() {
            if status.running_pages.is_some() {
                set_timeout(move || tick.update(|t| *t += 1), Duration::from_secs(1));
            }
        }
    });
    // The tables reload when a sync finishes. Only in the browser (effects do not run on the
    // server): a server-rendered table must not wait on the status, or rendering never ends.
    Effect::new(move |seen: Option<Option<Option<String>>>| {
        let finished = status
            .get()
            .map(|reply| reply.ok().and_then(|s| s.last.map(|last| last.finished)));
        if let (Some(Some(before)), Some(now)) = (&seen, &finished) {
            if before != now {
                data_version.update(|v| *v += 1);
            }
        }
        finished
    });
    view! {
        <section class="panel" aria-labelledby="data-title">
            <h2 id="data-title">"Data"</h2>
            <Transition fallback=|| view! { <p>"Loading the data…"</p> }>
                {move || Suspend::new(async move {
                    status.await.map(|status| view! { <SyncSummary status/> })
                })}
            </Transition>
            {can_sync.then({
                let source = source.clone();
                move || view! {
                <ActionForm action=sync attr:class="inline-form">
                    <Target source id=id/>
                    <SubmitButton label="Sync now" busy_label="Starting…" class="button button-secondary" pending=sync.pending()/>
                </ActionForm>
            }})}
            <FormMessage error/>
            <MonitorsTable source=source.clone() id data=monitors/>
            <IncidentsTable source id data=incidents/>
        </section>
    }
}

#[component]
fn SyncSummary(status: SyncStatus) -> impl IntoView {
    let counts = status.counts;
    view! {
        {status.token_rejected_since.map(|since| view! {
            <p class="notice notice-error">{format!("Failing — token rejected since {since}. The data below is from before.")}</p>
        })}
        {status.rate_limited_until.map(|until| view! {
            <p class="notice notice-warn">{format!("Waiting for Better Stack (rate limited). The next try is at {until}.")}</p>
        })}
        <div role="status" aria-live="polite" class="sync-progress">
            {status.running_pages.map(|pages| view! {
                <p class="progress">{format!("Syncing… {pages} page(s) fetched so far.")}</p>
                <noscript inner_html=r#"<meta http-equiv="refresh" content="2">"#></noscript>
            })}
        </div>
        <dl class="counts">
            <dt>"Monitors"</dt>
            <dd>{counts.monitors}</dd>
            <dt>"Monitor groups"</dt>
            <dd>{counts.monitor_groups}</dd>
            <dt>"Heartbeats"</dt>
            <dd>{counts.heartbeats}</dd>
            <dt>"Status pages"</dt>
            <dd>{counts.status_pages}</dd>
            <dt>"Incidents"</dt>
            <dd>{counts.incidents}</dd>
            <dt>"Last sync"</dt>
            <dd>
                {match status.last {
                    Some(last) => format!(
                        "{} — finished {}, took {}, {} page(s), {} row(s) changed",
                        last.outcome, last.finished, last.took, last.pages, last.rows_changed
                    ),
                    None => "Not synced yet".to_owned(),
                }}
            </dd>
        </dl>
    }
}
