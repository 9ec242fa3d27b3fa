use leptos::prelude::*;

use crate::{
    app::components::{health_tag::HealthTag, when::When},
    wire::connection_detail::ConnectionDetail,
};

/// What the connection is and how it is doing: name, health, source, privacy, owner and its
/// last sync.
#[component]
pub fn ConnectionHeader(detail: ConnectionDetail) -> impl IntoView {
    let facts = detail.facts;
    let privacy = facts.privacy.label_with_team(facts.team_name.as_deref());
    view! {
        <header class="connection-header">
            <p class="breadcrumb">
                <a href=format!("/connections/{}", facts.source_id)>
                    {format!("{} connections", facts.source_name)}
                </a>
            </p>
            <div class="title-row">
                <h1>{facts.name}</h1>
                <p class="status"><HealthTag badge=detail.health/></p>
            </div>
            <dl class="header-facts">
                <div><dt>"Source"</dt><dd>{facts.source_name}</dd></div>
                <div><dt>"Privacy"</dt><dd>{privacy}</dd></div>
                <div><dt>"Owner"</dt><dd>{facts.owner}</dd></div>
                <div>
                    <dt>"Last sync"</dt>
                    <dd>
                        {match detail.last_sync {
                            Some(at) => view! { <When at/> }.into_any(),
                            None => "Not synced yet".into_any(),
                        }}
                    </dd>
                </div>
            </dl>
        </header>
    }
}
