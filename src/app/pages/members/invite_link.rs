use leptos::prelude::*;

use crate::app::components::{hydrated::hydrated, when::At};
use crate::wire::members::CreatedInvite;

/// The one-time invite link, ready to copy. It is never shown again.
#[component]
pub fn InviteLink(invite: CreatedInvite) -> impl IntoView {
    // The Copy button needs the clipboard, so it appears only once the page has hydrated.
    let hydrated = hydrated();
    let copied = RwSignal::new(false);
    let link = invite.link.clone();
    view! {
        <div class="notice notice-ok invite-link" role="status">
            <p>{format!("Invite created for {}. Send them this link:", invite.email)}</p>
            <div class="field">
                <label for="invite-link">"Invite link"</label>
                <div class="copy-row">
                    <input
                        id="invite-link"
                        type="text"
                        readonly
                        value=invite.link.clone()
                        on:focus=|ev| {
                            use leptos::wasm_bindgen::JsCast;
                            if let Some(input) = ev
                                .target()
                                .and_then(|t| t.dyn_into::<leptos::web_sys::HtmlInputElement>().ok())
                            {
                                input.select();
                            }
                        }
                    />
                    <Show when=move || hydrated.get()>
                        <button
                            type="button"
                            class="button button-secondary"
                            on:click={
                                let link = link.clone();
                                move |_| {
                                    copy_to_clipboard(&link);
                                    copied.set(true);
                                }
                            }
                        >
                            {move || if copied.get() { "Copied" } else { "Copy" }}
                        </button>
                    </Show>
                </div>
            </div>
            <p class="hint">
                "The link works once and expires " <At at=invite.expires/>
                ". Copy it now: it will not be shown again."
            </p>
        </div>
    }
}

fn copy_to_clipboard(text: &str) {
    #[cfg(feature = "hydrate")]
    if let Some(window) = leptos::web_sys::window() {
        // The promise is not awaited: the button says "Copied" either way, and the text
        // stays selectable in the field if the browser refuses.
        let _ = window.navigator().clipboard().write_text(text);
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = text;
}
