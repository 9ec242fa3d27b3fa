use leptos::prelude::*;

use crate::api::connection_changes::HistoryEntry;

/// What happened to the connection, newest first, with who and when.
#[component]
pub fn HistoryList(entries: Vec<HistoryEntry>) -> impl IntoView {
    view! {
        <section class="panel" aria-labelledby="history-title">
            <h2 id="history-title">"History"</h2>
            <ol class="history">
                {entries
                    .into_iter()
                    .map(|entry| view! {
                        <li class=format!("history-{}", entry.kind)>
                            <span class="history-when">{entry.at}</span>
                            " "
                            <strong>{entry.actor}</strong>
                            ": "
                            {entry.text}
                        </li>
                    })
                    .collect_view()}
            </ol>
        </section>
    }
}
