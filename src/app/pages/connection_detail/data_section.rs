use std::time::Duration;

use leptos::prelude::*;

use super::{
    data_tables::{IncidentsTable, MonitorsTable},
    Target,
};
use crate::app::page_data::page_data;
use crate::{
    api::sync::{get_sync_status, SyncNow, SyncStatus},
    app::components::forms::{form_error, FormMessage, SubmitButton},
};

/// What the connection pulled: counts, the last sync, Sync now with its progress, and tables.
#[component]
pub fn DataSection(source: String, id: i64, can_sync: bool) -> impl IntoView {
    let sync = ServerAction::<SyncNow>::new();
    let error = form_error(sync.value());
    let tick = RwSignal::new(0u32);
    let status = page_data(move || (tick.get(), sync.version().get()), {
        let source = source.clone();
        move |_| get_sync_status(source.clone(), id)
    });
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
    let data_version = RwSignal::new(0u32);
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
            <MonitorsTable source=source.clone() id data_version/>
            <IncidentsTable source id data_version/>
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
