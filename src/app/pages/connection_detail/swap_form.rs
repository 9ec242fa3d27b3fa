use leptos::prelude::*;

use super::Target;
use crate::{
    api::connection_changes::SwapToken,
    app::components::{
        forms::{field_message, form_error, kept_value, FormMessage, TextField},
        when::When,
    },
    domain::{limits::MAX_TOKEN_CHARS, SwapMode},
    error::AppError,
    wire::connections::ConnectionFacts,
};

/// API Token: paste a new one and Swap Token. It is checked with the source first; the old
/// token stays until a new one is in place. Someone who may not manage every connection on
/// the credential (`in_place` false) can only put the new token into a new credential.
#[component]
pub fn SwapForm(
    action: ServerAction<SwapToken>,
    facts: ConnectionFacts,
    in_place: bool,
) -> impl IntoView {
    let error = form_error(action.value());
    let pending = action.pending();
    let others = facts.credential.used_by - 1;
    let swapped = move || matches!(action.value().get(), Some(Ok(())));
    let unreachable = move || matches!(error.get(), Some(AppError::SourceUnreachable(_)));
    let retry_how = move || {
        // Without the right to swap in place, the only swap offered is into a new credential.
        let asked = if in_place {
            SwapMode::parse(&kept_value(error, "how").get())
        } else {
            SwapMode::CheckNew
        };
        asked.without_check().as_str()
    };
    view! {
        <section class="panel" aria-labelledby="swap-title">
            <h2 id="swap-title">"API Token"</h2>
            <p>
                "Now in use: " <span class="fingerprint">{facts.credential.fingerprint.clone()}</span>
                ", set " <When at=facts.credential.set_at.clone()/>
                {format!(" by {}.", facts.credential.set_by)}
            </p>
            <ActionForm action attr:class="form">
                <FormMessage error/>
                {move || swapped().then(|| view! { <p class="notice notice-ok" role="status">"The token was swapped."</p> })}
                <Target source=facts.source_id.clone() id=facts.id/>
                {if !in_place {
                    Some(view! {
                        <p class="notice notice-warn">
                            "This token's credential is also used by connections you cannot manage. \
                             A new token goes into a new credential for this connection only; the others keep theirs."
                        </p>
                    }.into_any())
                } else if others > 0 {
                    Some(view! {
                        <p class="notice notice-warn">
                            {format!(
                                "This credential is used by {} connections: all of them will use the new token.",
                                others + 1
                            )}
                        </p>
                    }.into_any())
                } else {
                    None
                }}
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
                    {in_place.then(|| view! {
                        <button type="submit" class="button" name="how" value=SwapMode::Check.as_str() disabled=move || pending.get()>
                            "Swap Token"
                        </button>
                    })}
                    {(others > 0 || !in_place).then(|| view! {
                        <button
                            type="submit"
                            class=if in_place { "button button-secondary" } else { "button" }
                            name="how"
                            value=SwapMode::CheckNew.as_str()
                            disabled=move || pending.get()
                        >
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
