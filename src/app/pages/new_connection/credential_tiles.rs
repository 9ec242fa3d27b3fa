use leptos::prelude::*;

use crate::app::components::{hydrated::hydrated, when::At};
use crate::domain::CheckStatus;
use crate::wire::connections::CredentialTile;

/// The user's saved credentials as a radio group of tiles (one chosen at a time), followed by
/// the Add Credential tile.
#[component]
pub fn CredentialTiles(
    tiles: RwSignal<Vec<CredentialTile>>,
    selected: RwSignal<String>,
    /// Where Add Credential leads without JavaScript.
    add_href: String,
    /// What Add Credential does with JavaScript (opens the overlay).
    on_add: Callback<()>,
    #[prop(into)] error: Signal<Option<String>>,
) -> impl IntoView {
    let hydrated = hydrated();
    view! {
        <fieldset class="field" aria-describedby="credential-error">
            <legend>"Credential"</legend>
            <div class="tile-grid">
                <For each=move || tiles.get() key=|tile| tile.id let:tile>
                    <CredentialTileChoice tile selected/>
                </For>
                <a
                    class="tile add-tile"
                    href=add_href
                    aria-haspopup=move || hydrated.get().then_some("dialog")
                    on:click=move |ev| {
                        ev.prevent_default();
                        on_add.run(());
                    }
                >
                    <span class="tile-name">"Add Credential"</span>
                    <span class="hint">"A new API token for this source"</span>
                </a>
            </div>
            {move || error.get().map(|message| view! { <p class="field-error" id="credential-error">{message}</p> })}
        </fieldset>
    }
}

#[component]
fn CredentialTileChoice(tile: CredentialTile, selected: RwSignal<String>) -> impl IntoView {
    let value = tile.id.to_string();
    let input_id = format!("credential-{}", tile.id);
    let label_for = input_id.clone();
    let is_selected = {
        let value = value.clone();
        move || selected.get() == value
    };
    let highlight = is_selected.clone();
    let checked_at = match tile.status {
        CheckStatus::Verified => tile.checked_at,
        _ => None,
    };
    let used_by = match tile.used_by {
        0 => "Not used by a connection yet".to_owned(),
        1 => "Used by 1 connection".to_owned(),
        n => format!("Used by {n} connections"),
    };
    // The radio is named by the credential's name alone; the rest describes it.
    let name_id = format!("credential-{}-name", tile.id);
    let details_id = format!("credential-{}-details", tile.id);
    let checked_at_first = selected.get_untracked() == value;
    view! {
        <label class="tile credential-tile" class:selected=highlight for=label_for>
            <input
                id=input_id
                type="radio"
                name="credential"
                value=value.clone()
                aria-labelledby=name_id.clone()
                aria-describedby=details_id.clone()
                // The attribute for the server-rendered page, the property once hydrated.
                checked=checked_at_first
                prop:checked=is_selected
                on:change=move |_| selected.set(value.clone())
            />
            <span class="tile-name" id=name_id>{tile.name}</span>
            <span class="tile-details" id=details_id>
                {tile.description.map(|text| view! { <span class="tile-description">{text}</span> })}
                <span class="fingerprint">{tile.fingerprint}</span>
                <span class="hint">"Set " <At at=tile.set_at/> {format!(" by {}", tile.set_by)}</span>
                <span class=format!("status status-{}", tile.status.as_str())>
                    {tile.status.label()}
                    {checked_at.map(|at| view! { " " <At at/> })}
                </span>
                {tile.reach.map(|reach| view! { <span class="hint">{reach}</span> })}
                <span class="hint">{used_by}</span>
            </span>
        </label>
    }
}
