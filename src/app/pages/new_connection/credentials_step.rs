use leptos::{html::Dialog, prelude::*};

use super::{credential_tiles::CredentialTiles, privacy_fields::PrivacyFields, StepValues};
use crate::app::{page_data::page_data, query_string::query_string};
use crate::wire::args::connections::SourceArgs;
use crate::wire::{
    connections::{CredentialTile, SetupChoices},
    packed::Packed,
};
use crate::{
    api::connections::get_setup,
    app::components::{
        credential_form::{CredentialForm, CredentialFormMode},
        error_notice::error_page,
        forms::{FormMessage, TextField},
        team_choice_fields::TeamChoiceFields,
    },
    domain::{
        catalog::{find_source, SourceDefinition},
        limits::MAX_NAME_CHARS,
        Privacy,
    },
    error::AppError,
};

/// Step two: choose a credential (or add one), name the connection, choose who sees it.
/// `errors` are step three's verdict on these answers, when it sent the user back here.
#[component]
pub fn CredentialsStep(
    source: &'static SourceDefinition,
    values: StepValues,
    errors: Option<AppError>,
) -> impl IntoView {
    let setup = page_data(
        move || source.id,
        |id| {
            get_setup(SourceArgs {
                source: id.to_owned(),
            })
        },
    );
    view! {
        <section aria-labelledby="credentials-title">
            <h2 id="credentials-title">"Set Up Credentials"</h2>
            <Suspense fallback=|| view! { <p>"Loading your credentials…"</p> }>
                <ErrorBoundary fallback=error_page>
                    {move || {
                        let (values, errors) = (values.clone(), errors.clone());
                        Suspend::new(async move {
                            setup.await.map(|choices| view! { <CredentialsForm source_id=source.id.to_owned() choices=Packed(choices) values=Packed(values) errors=Packed(errors)/> })
                        })
                    }}
                </ErrorBoundary>
            </Suspense>
        </section>
    }
}

/// The interactive part of step two (an island): tiles, the credential overlay, privacy.
#[island]
fn CredentialsForm(
    source_id: String,
    choices: Packed<SetupChoices>,
    values: Packed<StepValues>,
    errors: Packed<Option<AppError>>,
) -> impl IntoView {
    let (Packed(choices), Packed(values), Packed(errors)) = (choices, values, errors);
    // The server only renders this for a source it found in the catalog.
    let Some(source) = find_source(&source_id) else {
        return ().into_any();
    };
    // With a single credential there is nothing to choose.
    let preselected = match (&values.credential, choices.credentials.as_slice()) {
        (chosen, _) if !chosen.is_empty() => chosen.clone(),
        (_, [only]) => only.id.to_string(),
        _ => String::new(),
    };
    let tiles = RwSignal::new(choices.credentials);
    let selected = RwSignal::new(preselected);
    let dialog = NodeRef::<Dialog>::new();
    let open_overlay = Callback::new(move |()| {
        if let Some(dialog) = dialog.get() {
            let _ = dialog.show_modal();
        }
    });
    let close_overlay = Callback::new(move |()| {
        if let Some(dialog) = dialog.get() {
            dialog.close();
        }
    });
    let saved = Callback::new(move |tile: CredentialTile| {
        selected.set(tile.id.to_string());
        tiles.update(|tiles| tiles.insert(0, tile));
        close_overlay.run(());
    });

    let return_to = values.step_two_url(source.id);
    let add_href = format!(
        "/settings/connections/new/credential?{}",
        query_string([("source", source.id), ("return_to", &return_to)])
    );
    let error = Signal::stored(errors);
    let message =
        move |field: &'static str| Signal::derive(move || error.get().and_then(|e| e.field(field)));
    let name = values.name.clone();
    let team_choice = values.team_choice();
    let initial_privacy = Privacy::parse(&values.privacy).unwrap_or(Privacy::DEFAULT);

    view! {
        <form method="get" action="/settings/connections/new">
            <div class="form">
                <FormMessage error/>
                <input type="hidden" name="step" value="finish"/>
                <input type="hidden" name="source" value=source.id/>
                <CredentialTiles tiles selected add_href on_add=open_overlay error=message("credential")/>
                {move || {
                    let tile = tiles.get().into_iter().find(|tile| tile.id.to_string() == selected.get())?;
                    tile.team_choice_offered.then(|| view! {
                        <TeamChoiceFields
                            offered=tile.reached_teams
                            chosen=team_choice.clone()
                            error=message("team_scope")
                        />
                    })
                }}
                <TextField
                    label="Connection Name"
                    name="name"
                    maxlength=MAX_NAME_CHARS
                    value=name
                    error=message("name")
                />
                <PrivacyFields
                    teams=choices.teams
                    initial=initial_privacy
                    initial_team=values.team.clone()
                    privacy_error=message("privacy")
                    team_error=message("team")
                />
                <div class="actions">
                    <button type="submit" class="button">"Next"</button>
                    <a href="/settings/connections/new">"Back"</a>
                </div>
            </div>
        </form>
        <dialog node_ref=dialog class="overlay" aria-labelledby="credential-overlay-title">
            <h2 id="credential-overlay-title">"Add Credential"</h2>
            <CredentialForm
                source
                return_to
                mode=CredentialFormMode::Overlay { on_saved: saved, on_cancel: close_overlay }
            />
        </dialog>
    }
    .into_any()
}
