use leptos::prelude::*;

use super::Target;
use crate::{
    api::connection_changes::TestConnection,
    app::components::forms::{form_error, FormMessage, SubmitButton},
    wire::connections::ConnectionFacts,
};

/// Test now: the stored token, checked again; the result goes into History.
#[component]
pub fn TestNow(action: ServerAction<TestConnection>, facts: ConnectionFacts) -> impl IntoView {
    let error = form_error(action.value());
    let report = move || action.value().get().and_then(Result::ok);
    view! {
        <section class="panel" aria-labelledby="test-title">
            <h2 id="test-title">"Test"</h2>
            <ActionForm action attr:class="form">
                <FormMessage error/>
                <Target source=facts.source_id id=facts.id/>
                <div role="status" aria-live="polite">
                    {move || report().map(|report| {
                        let class = if report.works { "notice notice-ok" } else { "notice notice-error" };
                        view! { <p class=class>{report.message}</p> }
                    })}
                </div>
                <div class="actions">
                    <SubmitButton label="Test now" busy_label="Testing…" class="button button-secondary" pending=action.pending()/>
                </div>
            </ActionForm>
        </section>
    }
}
