use leptos::prelude::*;
use leptos_meta::Title;

use crate::app::{pages::settings::visible_sections, viewer::use_viewer};

/// The start page of a signed-in member.
#[component]
pub fn HomePage() -> impl IntoView {
    let viewer = use_viewer();
    view! {
        <Title text="Home"/>
        <section class="page">
            <h1>"Welcome to Plugboard"</h1>
            <p class="lead">
                "Connect your team's data sources with an API credential, keep the credentials safe, "
                "and see what each connection pulls."
            </p>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    viewer.await.ok().flatten().map(|viewer| view! {
                        <p>{format!("You are signed in to {} as {}.", viewer.workspace_name, viewer.role.label())}</p>
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
