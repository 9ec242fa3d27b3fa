use leptos::prelude::*;

use super::when::When;
use crate::wire::overview::HealthBadge;

/// A connection's health: a word and a shape on its tone's colour, and since when it fails.
#[component]
pub fn HealthTag(badge: HealthBadge) -> impl IntoView {
    let health = badge.health;
    view! {
        <span class=format!("badge {}", health.tone())>
            <span aria-hidden="true">{health.icon()}</span>
            " "
            {health.label()}
        </span>
        {badge.since.map(|since| view! { " since " <When at=since/> })}
    }
}
