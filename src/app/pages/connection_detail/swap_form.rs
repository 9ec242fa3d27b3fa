use leptos::prelude::*;

use super::Target;
use crate::{
    api::{connection_changes::SwapToken, connections::ConnectionFacts},
    app::components::forms::{field_message, form_error, kept_value, FormMessage, TextField},
    domain::limits::MAX_TOKEN_CHARS,
    error::AppError,
};

/// API Token: paste a new one and Swap Token. It is checked with the source first; the old
/// token stays until a new one is in place.
#[component]
pub fn SwapForm(action: ServerAction<SwapToken>, facts: ConnectionFacts) -> impl IntoView {
    let error = form_error(action.value());
    let pending = action.pending();
    let others = facts.credential.used_by - 1;
    let swapped = move || matches!(action.value().get(), Some(Ok(())));
    let unreachable = move || matches!(error.get(), Some(AppError::SourceUnreachable(_)));
    let retry_how = move || {
        if kept_value(error, "how").get().ends_with("-new") {
            "skip-new"
        } else {
            "skip"
        }
    };
    view! {
        <section class="panel" aria-labelledby="swap-title">
            <h2 id="swap-title">"API Token"</h2>
            <p>
                "Now in use: " <span class="fingerprint">{facts.credential.fingerprint.clone()}</span>
                {format!(", set {} by {}.", facts.credential.set_at, facts.credential.set_by)}
            </p>
            <ActionForm action attr:class="form">
                <FormMessage error/>
                {move || swapped().then(|| view! { <p class="notice notice-ok" role="status">"The token was swapped."</p> })}
                <Target source=facts.source_id.clone() id=facts.id/>
                {(others > 0).then(|| view! {
                    <p class="notice notice-warn">
                        {format!(
                            "This credential is used by {} connections: all of them will use the new token.",
                            others + 1
                        )}
                    </p>
                })}
                <TextField
                    label="API Token"
                    name="token"
                    id="swap-token"
                    kind="password"
                    autocomplete="off"
                    hint="The new token. It is checked with the source before it replaces the old one."
                    maxlength=MAX_TOKEN_CHARS
                    error=field_message(error, "token")
                />
                <p class="progress" role="status" aria-live="polite">
                    {move || pending.get().then_some("Checking the new token…")}
                </p>
                <div class="actions">
                    <button type="submit" class="button" name="how" value="check" disabled=move || pending.get()>
                        "Swap Token"
                    </button>
                    {(others > 0).then(|| view! {
                        <button type="submit" class="button button-secondary" name="how" value="check-new" disabled=move || pending.get()>
                            "Use a new credential for this connection only"
                        </button>
                    })}
                    {move || unreachable().then(|| view! {
                        <button type="submit" class="button button-secondary" name="how" value=retry_how()>
                            "Swap without checking"
                        </button>
                    })}
                </div>
            </ActionForm>
        </section>
    }
}
