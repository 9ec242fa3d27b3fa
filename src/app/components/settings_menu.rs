use leptos::{ev::FocusEvent, prelude::*, wasm_bindgen::JsCast};

use super::{cog_icon::CogIcon, hydrated::hydrated};
use crate::{app::pages::settings::visible_sections, domain::Role, wire::packed::Packed};

/// The header's Settings control.
///
/// Without JavaScript it is a link to the Settings page. Once the app has hydrated it opens a
/// menu in place instead, reporting its state with `aria-expanded`; choosing an item, Escape,
/// or moving focus away closes it. It is an island: every page load starts with it closed.
#[island]
pub fn SettingsMenu(role: Packed<Role>) -> impl IntoView {
    let Packed(role) = role;
    let open = RwSignal::new(false);
    let hydrated = hydrated();
    let container = NodeRef::<leptos::html::Div>::new();
    let close_when_focus_leaves = move |ev: FocusEvent| {
        let next = ev
            .related_target()
            .and_then(|t| t.dyn_into::<leptos::web_sys::Node>().ok());
        let inside = container
            .get()
            .is_some_and(|div| div.contains(next.as_ref()));
        if !inside {
            open.set(false);
        }
    };

    view! {
        <div
            class="settings-menu"
            node_ref=container
            on:focusout=close_when_focus_leaves
            on:keydown=move |ev| {
                if ev.key() == "Escape" {
                    open.set(false);
                }
            }
        >
            <a
                href="/settings"
                class="icon-button"
                aria-expanded=move || hydrated.get().then(|| open.get().to_string())
                aria-controls=move || hydrated.get().then_some("settings-menu")
                on:click=move |ev| {
                    ev.prevent_default();
                    open.update(|open| *open = !*open);
                }
            >
                <CogIcon/>
                <span class="visually-hidden">"Settings"</span>
            </a>
            // Choosing an item closes the menu as the new page opens.
            <ul id="settings-menu" class="menu" hidden=move || !open.get() on:click=move |_| open.set(false)>
                {visible_sections(role)
                    .map(|section| view! { <li><a href=section.href>{section.label}</a></li> })
                    .collect_view()}
                <li><a href="/settings">"All settings"</a></li>
            </ul>
        </div>
    }
}
