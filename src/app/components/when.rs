use leptos::prelude::*;

use crate::wire::moment::Moment;

/// A time where recency matters (last sync, History): UTC in one format with the exact value
/// in `datetime`, and how long ago.
#[component]
pub fn When(at: Moment) -> impl IntoView {
    view! {
        <At at=at.clone()/>
        " "
        <span class="ago">{format!("({})", at.ago)}</span>
    }
}

/// A time as every page shows it: UTC in one format, the exact value in `datetime`.
#[component]
pub fn At(at: Moment) -> impl IntoView {
    view! { <time datetime=at.datetime>{at.utc}</time> }
}
