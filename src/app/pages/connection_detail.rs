use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use crate::{
    api::connections::get_connection, app::components::error_notice::error_page, domain::Privacy,
    error::AppError,
};

/// `/connections/<source>/<id>`: what a connection is, for anyone who can see it.
#[component]
pub fn ConnectionDetailPage() -> impl IntoView {
    let params = use_params_map();
    let key = move || {
        let params = params.read();
        (
            params.get("source").unwrap_or_default(),
            params.get("id").and_then(|id| id.parse::<i64>().ok()),
        )
    };
    let facts = Resource::new(key, |(source, id)| async move {
        match id {
            Some(id) => get_connection(source, id).await,
            None => Err(AppError::NotFound),
        }
    });
    view! {
        <Suspense fallback=|| view! { <p>"Loading the connection…"</p> }>
            <ErrorBoundary fallback=error_page>
                {move || Suspend::new(async move {
                    facts.await.map(|facts| {
                        let privacy = match (facts.privacy, &facts.team_name) {
                            (Privacy::Team, Some(team)) => format!("{} ({team})", Privacy::Team.label()),
                            (privacy, _) => privacy.label().to_owned(),
                        };
                        let credential = facts.credential;
                        view! {
                            <Title text=facts.name.clone()/>
                            <section class="page">
                                <p>
                                    <a href=format!("/connections/{}", facts.source_id)>
                                        {format!("{} connections", facts.source_name)}
                                    </a>
                                </p>
                                <h1>{facts.name}</h1>
                                <dl class="facts">
                                    <dt>"Source"</dt>
                                    <dd>{facts.source_name}</dd>
                                    <dt>"Owner"</dt>
                                    <dd>{facts.owner}</dd>
                                    <dt>"Privacy"</dt>
                                    <dd>{privacy}</dd>
                                    <dt>"Created"</dt>
                                    <dd>{facts.created}</dd>
                                    <dt>"Credential"</dt>
                                    <dd>
                                        {credential.name}
                                        " "
                                        <span class="fingerprint">{credential.fingerprint}</span>
                                        <br/>
                                        {format!("Set {} by {}", credential.set_at, credential.set_by)}
                                        <br/>
                                        {match credential.used_by {
                                            1 => "Used by 1 connection".to_owned(),
                                            n => format!("Used by {n} connections"),
                                        }}
                                    </dd>
                                    <dt>"Status"</dt>
                                    <dd>
                                        {credential.status.label()}
                                        {credential.checked_at.map(|at| format!(" ({at})"))}
                                    </dd>
                                </dl>
                            </section>
                        }
                    })
                })}
            </ErrorBoundary>
        </Suspense>
    }
}
