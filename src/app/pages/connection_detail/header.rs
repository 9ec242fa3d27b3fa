use std::sync::{Arc, LazyLock};

use leptos::prelude::*;

use crate::{
    app::{
        components::{health_tag::HealthTag, when::When},
        rendered_once::RenderedOnce,
    },
    wire::connection_detail::ConnectionDetail,
};

/// What the connection is and how it is doing: name, health, source, privacy, owner and its
/// last sync.
#[component]
pub fn ConnectionHeader(detail: Arc<ConnectionDetail>) -> impl IntoView {
    view! {
        <header class="connection-header">
            <HeaderContent detail/>
        </header>
    }
}

/// [`ConnectionHeader`] for a page that is no island, its content rendered once per answer:
/// everything in it, "3 h ago" included, comes from the answer.
#[component]
pub fn RenderedConnectionHeader(detail: Arc<ConnectionDetail>) -> impl IntoView {
    /// As many as the server keeps answers of (`ANSWERS_KEPT` in its state).
    static RENDERED: LazyLock<RenderedOnce<ConnectionDetail>> =
        LazyLock::new(|| RenderedOnce::new(1_000));
    let content = RENDERED.html(&detail, (), |_| {
        view! { <HeaderContent detail=detail.clone()/> }.to_html()
    });
    view! { <header class="connection-header" inner_html=content></header> }
}

#[component]
fn HeaderContent(detail: Arc<ConnectionDetail>) -> impl IntoView {
    let facts = &detail.facts;
    let privacy = facts.privacy.label_with_team(facts.team_name.as_deref());
    view! {
        <p class="breadcrumb">
            <a href=format!("/connections/{}", facts.source_id)>
                {format!("{} connections", facts.source_name)}
            </a>
        </p>
        <div class="title-row">
            <h1>{facts.name.clone()}</h1>
            <p class="status"><HealthTag badge=detail.health.clone()/></p>
        </div>
        <dl class="header-facts">
            <div><dt>"Source"</dt><dd>{facts.source_name.clone()}</dd></div>
            <div><dt>"Privacy"</dt><dd>{privacy}</dd></div>
            <div><dt>"Owner"</dt><dd>{facts.owner.clone()}</dd></div>
            <div>
                <dt>"Last sync"</dt>
                <dd>
                    {match detail.last_sync.clone() {
                        Some(at) => view! { <When at/> }.into_any(),
                        None => "Not synced yet".into_any(),
                    }}
                </dd>
            </div>
        </dl>
    }
}
