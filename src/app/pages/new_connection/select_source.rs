use leptos::prelude::*;

use crate::domain::catalog::{search, CATALOG};
use crate::domain::time_words::count;

/// Step one: the catalog. The search form works as a plain GET without JavaScript; with it,
/// the tiles also filter as you type (an island).
#[island]
pub fn SelectSourceStep(search_text: String) -> impl IntoView {
    let typed = RwSignal::new(search_text.clone());
    view! {
        <section aria-labelledby="select-source-title">
            <h2 id="select-source-title">"Select Source"</h2>
            <form method="get" action="/settings/connections/new">
                <div class="search-row" role="search">
                    <label for="source-search">"Search sources"</label>
                    <input
                        id="source-search"
                        type="search"
                        name="q"
                        value=search_text
                        on:input:target=move |ev| typed.set(ev.target().value())
                    />
                    <button type="submit" class="button button-secondary">"Search"</button>
                </div>
            </form>
            {move || {
                let matches: Vec<_> = search(&typed.get()).collect();
                if matches.is_empty() {
                    return view! { <p>{format!("No source matches. The catalog has {}.", count(CATALOG.len() as i64, "source", "sources"))}</p> }.into_any();
                }
                view! {
                    <ul class="tile-grid">
                        {matches
                            .into_iter()
                            .map(|source| {
                                let description_id = format!("source-{}-description", source.id);
                                view! {
                                    <li class="tile source-tile">
                                        <a
                                            class="tile-name stretched"
                                            href=format!("/settings/connections/new?step=credentials&source={}", source.id)
                                            aria-describedby=description_id.clone()
                                        >
                                            {source.name}
                                        </a>
                                        <p id=description_id>{source.description}</p>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                }
                .into_any()
            }}
        </section>
    }
}
