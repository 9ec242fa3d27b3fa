use leptos::prelude::*;

use crate::wire::overview::Moment;

/// A time as every page shows it: UTC in one format with the exact value in `datetime`, and
/// how long ago.
#[component]
pub fn When(at: Moment) -> impl IntoView {
    view! {
        <time datetime=at.datetime>{at.utc}</time>
        " "
        <span class="ago">{format!("({})", at.ago)}</span>
    }
}
