//! `/`: the workspace dashboard of a signed-in member.

mod dashboard;

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::api::dashboard::get_dashboard;
use crate::app::{
    components::error_notice::error_page, page_data::page_data, pages::settings::visible_sections,
    viewer::use_viewer,
};
use dashboard::dashboard_html;

#[component]
pub fn HomePage() -> impl IntoView {
    let viewer = use_viewer();
    let dashboard = page_data(|| (), |_| get_dashboard());
    let query = use_query_map();
    let page = move || {
        query
            .read_untracked()
            .get("page")
            .and_then(|page| page.parse().ok())
            .unwrap_or(1)
    };
    view! {
        <Title text="Home"/>
        <section class="page">
            <h1>"Welcome to Plugboard"</h1>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    viewer.await.ok().flatten().map(|viewer| view! {
                        <p class="lead">{format!("You are signed in to {} as {}.", viewer.workspace_name, viewer.role.label())}</p>
                    })
                })}
            </Suspense>
            <Suspense fallback=|| view! { <p>"Loading the dashboard…"</p> }>
                <ErrorBoundary fallback=error_page>
                    {move || Suspend::new(async move {
                        dashboard.await.map(|dashboard| view! { <div inner_html=dashboard_html(&dashboard, page())></div> })
                    })}
                </ErrorBoundary>
            </Suspense>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    viewer.await.ok().flatten().map(|viewer| view! {
                        <h2>"Settings"</h2>
                        <ul class="card-list">
                            {visible_sections(viewer.role)
                                .map(|section| view! {
                                    <li class="card">
                                        <a href=section.href>{section.label}</a>
                                        <p>{section.description}</p>
                                    </li>
                                })
                                .collect_view()}
                        </ul>
                    })
                })}
            </Suspense>
        </section>
    }
}
