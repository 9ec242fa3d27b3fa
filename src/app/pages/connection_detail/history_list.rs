use leptos::prelude::*;

use super::data_tables::{Pager, TableUrl};
use crate::app::components::when::When;
use crate::wire::connection_detail::ConnectionDetail;

/// What happened to the connection, newest first, with who and when; a page at a time, the
/// page kept in the URL (`history_page`) beside the data tables' own keys.
#[component]
pub fn HistoryList(detail: ConnectionDetail, query: Vec<(String, String)>) -> impl IntoView {
    let entries = detail.history;
    view! {
        <section class="panel" aria-labelledby="history-title" id="history">
            <h2 id="history-title">"History"</h2>
            <ol class="history">
                {entries
                    .into_iter()
                    .map(|entry| view! {
                        <li class=format!("history-{}", entry.kind)>
                            <span class="history-when"><When at=entry.at/></span>
                            " "
                            <strong>{entry.actor}</strong>
                            ": "
                            {entry.text}
                            {entry.last.map(|last| view! {
                                {format!(" — {} times, the last at ", entry.repeats)}
                                <When at=last/>
                            })}
                        </li>
                    })
                    .collect_view()}
            </ol>
            {(detail.history_pages > 1).then(|| view! {
                <Pager
                    table=TableUrl::new("history_", query)
                    label="History pages"
                    page=detail.history_page
                    pages=detail.history_pages
                    total=detail.history_total
                />
            })}
        </section>
    }
}
