use leptos::prelude::*;

/// A wide table's box: on a narrow screen the table scrolls sideways inside it, not the page.
/// Focusable and named, so a keyboard can scroll it and a screen reader says what it holds.
#[component]
pub fn ScrollBox(label: String, children: Children) -> impl IntoView {
    view! {
        <div class="table-scroll" tabindex="0" role="region" aria-label=label>
            {children()}
        </div>
    }
}
