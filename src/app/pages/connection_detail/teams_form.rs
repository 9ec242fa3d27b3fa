use leptos::prelude::*;

use super::Target;
use crate::{
    api::connection_changes::ChangeSourceTeams,
    app::components::{
        forms::{field_message, form_error, FormMessage, SubmitButton},
        team_choice_fields::TeamChoiceFields,
    },
    wire::connections::ConnectionFacts,
};

/// Which of a global token's Better Stack teams the connection reads. Saving pulls again.
#[component]
pub fn TeamsForm(action: ServerAction<ChangeSourceTeams>, facts: ConnectionFacts) -> impl IntoView {
    let error = form_error(action.value());
    view! {
        <section class="panel" aria-labelledby="teams-title">
            <h2 id="teams-title">"Better Stack teams"</h2>
            <ActionForm action attr:class="form">
                <FormMessage error/>
                <Target source=facts.source_id id=facts.id/>
                <TeamChoiceFields
                    offered=facts.credential.reached_teams
                    chosen=facts.source_teams
                    error=field_message(error, "team_scope")
                />
                <div class="actions">
                    <SubmitButton label="Save Teams" busy_label="Saving…" pending=action.pending()/>
                </div>
            </ActionForm>
        </section>
    }
}
