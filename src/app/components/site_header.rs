use std::sync::{Arc, LazyLock};

use leptos::prelude::*;

use super::settings_menu::SettingsMenu;
use leptos::server_fn::ServerFn;

use crate::{
    api::session::SignOut,
    app::{rendered_once::RenderedByKey, viewer::use_viewer},
    domain::Role,
    wire::packed::Packed,
};

/// The bar at the top of every page: the product, and for a signed-in person their name,
/// Settings and Sign out.
#[component]
pub fn SiteHeader() -> impl IntoView {
    let viewer = use_viewer();
    view! {
        <header class="site-header">
            <a class="brand" href="/">"Plugboard"</a>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    let actions = match viewer.await {
                        Ok(Some(viewer)) => Some(signed_in_actions(viewer.name, viewer.role)),
                        _ => None,
                    };
                    view! {
                        <nav class="header-actions" aria-label="Account and settings" inner_html=actions></nav>
                    }
                })}
            </Suspense>
        </header>
    }
}

/// The same for everyone of one name and role, so rendered once for each: every page has it.
fn signed_in_actions(name: String, role: Role) -> Arc<str> {
    /// About as many as the server keeps signed-in users of.
    static RENDERED: LazyLock<RenderedByKey<(String, Role)>> =
        LazyLock::new(|| RenderedByKey::new(10_000));
    RENDERED.html((name, role), |(name, role)| {
        view! {
            <span class="viewer-name">{name.clone()}</span>
            <SettingsMenu role=Packed(*role)/>
            // A plain form: signing out reloads the whole page.
            <form method="post" action=SignOut::url() class="inline-form">
                <button type="submit" class="link">"Sign out"</button>
            </form>
        }
        .to_html()
    })
}
