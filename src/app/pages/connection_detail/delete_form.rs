use leptos::prelude::*;

use super::Target;
use crate::{
    api::connection_changes::DeleteConnection,
    app::components::forms::{field_message, form_error, FormMessage, SubmitButton, TextField},
    wire::connections::ConnectionFacts,
};

/// Delete Connection, once its name is typed. The credential stays unless nothing else uses it
/// and the box is ticked.
#[component]
pub fn DeleteForm(action: ServerAction<DeleteConnection>, facts: ConnectionFacts) -> impl IntoView {
    let error = form_error(action.value());
    let only_user = facts.credential.used_by == 1;
    view! {
        <section class="panel danger-zone" aria-labelledby="delete-title">
            <h2 id="delete-title">"Danger zone"</h2>
            <ActionForm action attr:class="form">
                <FormMessage error/>
                <Target source=facts.source_id id=facts.id/>
                <TextField
                    label="Type the connection's name to confirm"
                    name="confirm_name"
                    id="delete-confirm"
                    hint="Deleting removes the connection for everyone who can see it. Its History is kept."
                    error=field_message(error, "confirm_name")
                />
                {if only_user {
                    view! {
                        <label class="choice">
                            <input type="checkbox" name="delete_credential" value="yes"/>
                            "Delete the credential too"
                        </label>
                    }
                    .into_any()
                } else {
                    view! { <p class="hint">"Its credential is used by other connections, so it stays."</p> }.into_any()
                }}
                <div class="actions">
                    <SubmitButton
                        label="Delete Connection"
                        busy_label="Deleting…"
                        class="button button-danger"
                        pending=action.pending()
                    />
                </div>
            </ActionForm>
        </section>
    }
}
