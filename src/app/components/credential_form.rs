//! The credential overlay's form: Credential Name, Credential Description, API Token, help,
//! and Save / Cancel. The token is checked with the source before anything is stored.

use leptos::{html, prelude::*, server_fn::ServerFn};

use super::forms::{field_message, form_error, kept_value, FormError, FormMessage, TextField};
use crate::wire::connections::CredentialTile;
use crate::{
    api::connections::SaveCredential,
    domain::{
        catalog::SourceDefinition,
        limits::{MAX_DESCRIPTION_CHARS, MAX_NAME_CHARS, MAX_TOKEN_CHARS},
    },
    error::AppError,
};

/// Where the form lives.
#[derive(Clone)]
pub enum CredentialFormMode {
    /// In the stepper's `<dialog>`: saved without leaving the page; the new tile comes back.
    Overlay {
        on_saved: Callback<CredentialTile>,
        on_cancel: Callback<()>,
    },
    /// A page of its own (what the overlay is without JavaScript): a plain form post that
    /// returns to the stepper.
    Page { cancel_href: String },
}

#[component]
pub fn CredentialForm(
    source: &'static SourceDefinition,
    /// The stepper's step two, to return to after saving.
    return_to: String,
    mode: CredentialFormMode,
) -> impl IntoView {
    let action = ServerAction::<SaveCredential>::new();
    let error = form_error(action.value());
    match mode {
        CredentialFormMode::Overlay {
            on_saved,
            on_cancel,
        } => {
            let form = NodeRef::<html::Form>::new();
            // A saved credential closes the overlay; the form is emptied so the token does not
            // linger in the page.
            Effect::watch(
                move || action.version().get(),
                move |_, _, _| {
                    if let Some(Ok(tile)) = action.value().get_untracked() {
                        if let Some(form) = form.get_untracked() {
                            form.reset();
                        }
                        action.clear();
                        on_saved.run(tile);
                    }
                },
                false,
            );
            let cancel = move |_| {
                if let Some(form) = form.get_untracked() {
                    form.reset();
                }
                action.clear();
                on_cancel.run(());
            };
            view! {
                <ActionForm action node_ref=form attr:class="form">
                    <CredentialFields source return_to error pending=action.pending().into()/>
                    <div class="actions">
                        <SaveButtons error pending=action.pending().into()/>
                        <button type="button" class="button button-secondary" on:click=cancel>"Cancel"</button>
                    </div>
                </ActionForm>
            }
            .into_any()
        }
        CredentialFormMode::Page { cancel_href } => {
            // A plain post reloads the page; until it does, say what is happening.
            let submitting = RwSignal::new(false);
            view! {
                <form method="post" action=SaveCredential::url() class="form" on:submit=move |_| submitting.set(true)>
                    <CredentialFields source return_to error pending=submitting.into()/>
                    <div class="actions">
                        <SaveButtons error pending=Signal::stored(false)/>
                        <a class="button button-secondary" href=cancel_href>"Cancel"</a>
                    </div>
                </form>
            }
            .into_any()
        }
    }
}

#[component]
fn CredentialFields(
    source: &'static SourceDefinition,
    return_to: String,
    error: FormError,
    pending: Signal<bool>,
) -> impl IntoView {
    let token_label = source
        .auth_fields
        .iter()
        .find(|field| field.secret)
        .map_or("API Token", |field| field.label);
    view! {
        <FormMessage error/>
        <input type="hidden" name="source" value=source.id/>
        <input type="hidden" name="return_to" value=return_to/>
        <TextField
            label="Credential Name"
            name="name"
            id="credential-name"
            maxlength=MAX_NAME_CHARS
            value=kept_value(error, "name")
            error=field_message(error, "name")
        />
        <TextField
            label="Credential Description"
            name="description"
            id="credential-description"
            required=false
            hint="Optional: what it is for, or where it came from."
            maxlength=MAX_DESCRIPTION_CHARS
            value=kept_value(error, "description")
            error=field_message(error, "description")
        />
        <TextField
            label=token_label
            name="token"
            id="credential-token"
            kind="password"
            autocomplete="off"
            maxlength=MAX_TOKEN_CHARS
            error=field_message(error, "token")
        />
        <details class="help">
            <summary>"Where do I get this token?"</summary>
            {source.help.iter().map(|paragraph| view! { <p>{*paragraph}</p> }).collect_view()}
        </details>
        <p class="progress" role="status" aria-live="polite">
            {move || pending.get().then(|| format!("Checking the token with {}…", source_vendor(source)))}
        </p>
    }
}

/// Save, and — only after the source could not be reached — Save without checking.
#[component]
fn SaveButtons(error: FormError, pending: Signal<bool>) -> impl IntoView {
    let unreachable = move || matches!(error.get(), Some(AppError::SourceUnreachable(_)));
    view! {
        <button
            type="submit"
            class="button"
            name="check"
            value="check"
            disabled=move || pending.get()
            aria-busy=move || pending.get().then_some("true")
        >
            {move || if pending.get() { "Checking…" } else { "Save" }}
        </button>
        {move || {
            unreachable().then(|| view! {
                <button type="submit" class="button button-secondary" name="check" value="skip">
                    "Save without checking"
                </button>
            })
        }}
    }
}

/// The company behind a source, for progress messages ("Better Stack").
fn source_vendor(source: &SourceDefinition) -> &'static str {
    match source.id {
        "betterstack-uptime" => "Better Stack",
        _ => source.name,
    }
}
