use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::app::page_data::page_data;
use crate::{
    api::connections::{list_connections, ConnectionSummary},
    app::components::error_notice::error_page,
    domain::Privacy,
};

/// `/connections/<source>?page=N`: the connections of one source that you can see, a page of
/// them at a time (the page is in the URL, so paging works without JavaScript).
#[component]
pub fn SourceConnectionsPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let wanted = move || {
        let source = params.read().get("source").unwrap_or_default();
        let page = query.read().get("page").and_then(|p| p.parse().ok());
        (source, page.unwrap_or(1))
    };
    let connections = page_data(wanted, |(source, page)| list_connections(source, page));
    view! {
        <Suspense fallback=|| view! { <p>"Loading connections…"</p> }>
            <ErrorBoundary fallback=error_page>
                {move || Suspend::new(async move {
                    connections.await.map(|page| view! {
                        <Title text=page.source_name.clone()/>
                        <section class="page">
                            <p><a href="/settings/connections">"All sources"</a></p>
                            <div class="page-heading">
                                <h1>{page.source_name.clone()}</h1>
                                <a
                                    class="button"
                                    href=format!("/settings/connections/new?step=credentials&source={}", page.source_id)
                                >
                                    "Add Connection"
                                </a>
                            </div>
                            <ConnectionTable source_id=page.source_id.clone() rows=page.connections/>
                            <Pager page=page.page pages=page.pages total=page.total/>
                        </section>
                    })
                })}
            </ErrorBoundary>
        </Suspense>
    }
}

#[component]
fn ConnectionTable(source_id: String, rows: Vec<ConnectionSummary>) -> impl IntoView {
    if rows.is_empty() {
        return view! { <p>"No connections yet. Add one to start pulling data."</p> }.into_any();
    }
    view! {
        <table class="table">
            <thead>
                <tr>
                    <th scope="col">"Name"</th>
                    <th scope="col">"Owner"</th>
                    <th scope="col">"Privacy"</th>
                    <th scope="col">"Credential"</th>
                    <th scope="col">"Status"</th>
                </tr>
            </thead>
            <tbody>
                {rows
                    .into_iter()
                    .map(|row| {
                        let privacy = match (row.privacy, &row.team_name) {
                            (Privacy::Team, Some(team)) => format!("{} ({team})", Privacy::Team.label()),
                            (privacy, _) => privacy.label().to_owned(),
                        };
                        view! {
                            <tr>
                                <th scope="row"><a href=format!("/connections/{}/{}", source_id, row.id)>{row.name}</a></th>
                                <td>{row.owner}</td>
                                <td>{privacy}</td>
                                <td class="fingerprint">{row.fingerprint}</td>
                                <td>{row.status_text}</td>
                            </tr>
                        }
                    })
                    .collect_view()}
            </tbody>
        </table>
    }
    .into_any()
}

#[component]
fn Pager(page: i64, pages: i64, total: i64) -> impl IntoView {
    let noun = if total == 1 {
        "connection"
    } else {
        "connections"
    };
    view! {
        <nav class="pager" aria-label="Connections pages">
            {(page > 1).then(|| view! { <a href=format!("?page={}", page - 1)>"Previous"</a> })}
            <span>{format!("Page {page} of {pages} ({total} {noun})")}</span>
            {(page < pages).then(|| view! { <a href=format!("?page={}", page + 1)>"Next"</a> })}
        </nav>
    }
}
