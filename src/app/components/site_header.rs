use leptos::prelude::*;

use super::settings_menu::SettingsMenu;
use leptos::server_fn::ServerFn;

use crate::{api::session::SignOut, app::viewer::use_viewer, wire::packed::Packed};

/// The bar at the top of every page: the product, and for a signed-in person their name,
/// Settings and Sign out.
#[component]
pub fn SiteHeader() -> impl IntoView {
    let viewer = use_viewer();
    view! {
        <header class="site-header">
            <a class="brand" href="/">"Plugboard"</a>
            <nav class="header-actions" aria-label="Account and settings">
                <Suspense fallback=|| ()>
                    {move || Suspend::new(async move {
                        match viewer.await {
                            Ok(Some(viewer)) => {
                                view! {
                                    <span class="viewer-name">{viewer.name}</span>
                                    <SettingsMenu role=Packed(viewer.role)/>
                                    // A plain form: signing out reloads the whole page.
                                    <form method="post" action=SignOut::url() class="inline-form">
                                        <button type="submit" class="link">"Sign out"</button>
                                    </form>
                                }
                                    .into_any()
                            }
                            _ => ().into_any(),
                        }
                    })}
                </Suspense>
            </nav>
        </header>
    }
}
