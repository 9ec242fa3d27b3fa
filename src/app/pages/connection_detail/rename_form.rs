use leptos::prelude::*;

use super::Target;
use crate::{
    api::connection_changes::RenameConnection,
    app::components::forms::{field_message, form_error, FormMessage, SubmitButton, TextField},
    domain::limits::MAX_NAME_CHARS,
    wire::connections::ConnectionFacts,
};

/// Connection Name: edit and Save. Never touches the token.
#[component]
pub fn RenameForm(action: ServerAction<RenameConnection>, facts: ConnectionFacts) -> impl IntoView {
    let error = form_error(action.value());
    view! {
        <section class="panel" aria-labelledby="rename-title">
            <h2 id="rename-title">"Name"</h2>
            <ActionForm action attr:class="form">
                <FormMessage error/>
                <Target source=facts.source_id id=facts.id/>
                <TextField
                    label="Connection Name"
                    name="name"
                    id="connection-name"
                    maxlength=MAX_NAME_CHARS
                    value=facts.name
                    error=field_message(error, "name")
                />
                <div class="actions">
                    <SubmitButton label="Save" busy_label="Saving…" pending=action.pending()/>
                </div>
            </ActionForm>
        </section>
    }
}
