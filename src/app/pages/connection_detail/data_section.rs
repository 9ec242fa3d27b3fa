use std::time::Duration;

use leptos::prelude::*;

use super::{
    data_tables::{RecordsTable, TableData, KIND_KEY},
    Target,
};
use crate::app::page_data::{page_data, PageData};
use crate::domain::time_words::count;
use crate::wire::args::ConnectionRef;
use crate::{
    api::sync::{get_sync_status, SyncNow},
    app::components::{
        forms::{form_error, FormMessage, SubmitButton},
        when::When,
    },
    error::AppError,
    wire::data::SyncStatus,
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
    table: TableData,
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
                    get_sync_status(ConnectionRef { source, id }).await
                }
            }
        });
        let data_version = RwSignal::new(0u32);
        let table = TableData::new(&query, data_version, source, id);
        Self {
            sync,
            tick,
            status,
            data_version,
            table,
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
        table,
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
        let finished = status.get().map(|reply| {
            reply
                .ok()
                .and_then(|s| s.last.map(|last| last.finished.datetime))
        });
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
                    status.await.map(|status| view! { <SyncSummary status shown=table.kind()/> })
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
            <RecordsTable source id data=table/>
        </section>
    }
}

/// The last sync, a sync under way, and how many records of each kind; each kind's name
/// shows its table (`shown`, or the first when none is named).
#[component]
fn SyncSummary(status: SyncStatus, shown: String) -> impl IntoView {
    let shown = if shown.is_empty() {
        status
            .counts
            .first()
            .map(|kind| kind.key.clone())
            .unwrap_or_default()
    } else {
        shown
    };
    view! {
        {status.token_rejected_since.map(|since| view! {
            <p class="notice notice-error">
                "Failing — token rejected since " <When at=since/> ". The data below is from before."
            </p>
        })}
        {status.rate_limited_until.map(|until| view! {
            <p class="notice notice-warn">
                "Waiting for Better Stack (rate limited). The next try is at " <When at=until/> "."
            </p>
        })}
        <div role="status" aria-live="polite" class="sync-progress">
            {status.running_pages.map(|pages| view! {
                <p class="progress">{format!("Syncing… {} fetched so far.", count(pages.into(), "page", "pages"))}</p>
                <noscript inner_html=r#"<meta http-equiv="refresh" content="2">"#></noscript>
            })}
        </div>
        <dl class="counts">
            {status.counts.into_iter().map(|kind| {
                let current = (kind.key == shown).then_some("true");
                view! {
                    <dt><a href=format!("?section=data&{KIND_KEY}={}#data-title", kind.key) aria-current=current>{kind.label}</a></dt>
                    <dd>{kind.count}</dd>
                }
            }).collect_view()}
            <dt>"Last sync"</dt>
            <dd>
                {match status.last {
                    Some(last) => view! {
                        {format!("{} — finished ", last.outcome)}
                        <When at=last.finished/>
                        {format!(
                            ", took {}, {}, {} changed",
                            last.took,
                            count(last.pages, "page", "pages"),
                            count(last.rows_changed, "row", "rows"),
                        )}
                    }
                    .into_any(),
                    None => "Not synced yet".into_any(),
                }}
            </dd>
        </dl>
    }
}
