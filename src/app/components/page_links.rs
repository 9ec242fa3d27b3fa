use leptos::prelude::*;

use crate::domain::time_words::count;

/// Previous / Next links for a list paged by `?page=N` (links, so paging works without
/// JavaScript), and where the reader is: "Page 2 of 40 (1,000 connections)".
#[component]
pub fn PageLinks(
    /// The navigation's accessible name ("Connections pages").
    #[prop(into)]
    label: String,
    page: i64,
    pages: i64,
    total: i64,
    /// The thing counted, as one and as many.
    noun: (&'static str, &'static str),
    /// Kept in front of `page=` in every link ("section=data&"), empty for nothing.
    #[prop(optional, into)]
    keep: String,
) -> impl IntoView {
    let link = move |to: i64| format!("?{keep}page={to}");
    view! {
        <nav class="pager" aria-label=label>
            {(page > 1).then(|| view! { <a href=link(page - 1)>"Previous"</a> })}
            <span>{format!("Page {page} of {pages} ({})", count(total, noun.0, noun.1))}</span>
            {(page < pages).then(|| view! { <a href=link(page + 1)>"Next"</a> })}
        </nav>
    }
}
