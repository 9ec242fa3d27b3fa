use leptos::prelude::*;

use super::Target;
use crate::wire::connection_detail::ConnectionDetail;
use crate::{
    api::connection_changes::ChangePrivacy,
    app::components::forms::{field_message, form_error, kept_value, FormMessage, SubmitButton},
    domain::Privacy,
    error::AppError,
};

/// Privacy: who sees the connection. Taking access away from people asks first, naming them.
#[component]
pub fn PrivacyForm(action: ServerAction<ChangePrivacy>, detail: ConnectionDetail) -> impl IntoView {
    let error = form_error(action.value());
    let needs_confirmation = move || matches!(error.get(), Some(AppError::NeedsConfirmation(_)));
    // After a refusal the form shows what was asked for; otherwise what is in place.
    let asked = kept_value(error, "privacy").get_untracked();
    let chosen = Privacy::parse(&asked).unwrap_or(detail.facts.privacy);
    let kept_team = kept_value(error, "team").get_untracked();
    let chosen_team = if kept_team.is_empty() {
        detail.team_id.map(|id| id.to_string()).unwrap_or_default()
    } else {
        kept_team
    };
    let teams = detail.teams;
    view! {
        <section class="panel" aria-labelledby="privacy-title">
            <h2 id="privacy-title">"Privacy"</h2>
            <ActionForm action attr:class="form">
                <FormMessage error/>
                <Target source=detail.facts.source_id id=detail.facts.id/>
                <fieldset class="field">
                    <legend>"Privacy"</legend>
                    {Privacy::ALL
                        .into_iter()
                        .map(|privacy| view! {
                            <label class="choice">
                                <input type="radio" name="privacy" value=privacy.as_str() checked=privacy == chosen/>
                                {privacy.label()}
                            </label>
                        })
                        .collect_view()}
                </fieldset>
                <div class="field">
                    <label for="privacy-team">"Team"</label>
                    <p class="hint">"Who it is shared with, when Shared with Team is chosen."</p>
                    <select id="privacy-team" name="team">
                        <option value="">"Choose a team"</option>
                        {teams
                            .into_iter()
                            .map(|team| {
                                let selected = team.id.to_string() == chosen_team;
                                view! { <option value=team.id selected=selected>{team.name}</option> }
                            })
                            .collect_view()}
                    </select>
                    {move || field_message(error, "team").get().map(|m| view! { <p class="field-error">{m}</p> })}
                </div>
                <div class="actions">
                    {move || if needs_confirmation() {
                        view! {
                            <button type="submit" class="button button-danger" name="confirm" value="yes">
                                "Apply the change"
                            </button>
                        }
                        .into_any()
                    } else {
                        view! { <SubmitButton label="Save Privacy" busy_label="Saving…" pending=action.pending()/> }.into_any()
                    }}
                </div>
            </ActionForm>
        </section>
    }
}
