use leptos::prelude::*;
use leptos_meta::Title;

use crate::app::page_data::page_data;
use crate::{api::connections::list_sources, app::components::error_notice::error_page};

/// Settings → Connections: every source, how many of its connections you can see, and
/// the way to add one.
#[component]
pub fn ConnectionsPage() -> impl IntoView {
    let sources = page_data(|| (), |_| list_sources());
    view! {
        <Title text="Connections"/>
        <section class="page">
            <div class="page-heading">
                <h1>"Connections"</h1>
                <a class="button" href="/settings/connections/new">"Add Connection"</a>
            </div>
            <Suspense fallback=|| view! { <p>"Loading sources…"</p> }>
                <ErrorBoundary fallback=error_page>
                    {move || Suspend::new(async move {
                        sources.await.map(|sources| view! {
                            <ul class="card-list">
                                {sources
                                    .into_iter()
                                    .map(|source| {
                                        let count = match source.connections {
                                            1 => "1 connection".to_owned(),
                                            n => format!("{n} connections"),
                                        };
                                        view! {
                                            <li class="card">
                                                <a href=format!("/connections/{}", source.id)>{source.name}</a>
                                                <p>{source.description}</p>
                                                <p class="count">{count}</p>
                                            </li>
                                        }
                                    })
                                    .collect_view()}
                            </ul>
                        })
                    })}
                </ErrorBoundary>
            </Suspense>
        </section>
    }
}
