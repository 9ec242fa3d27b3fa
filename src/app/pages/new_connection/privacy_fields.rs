use leptos::prelude::*;

use crate::wire::members::TeamRef;
use crate::{app::components::hydrated::hydrated, domain::Privacy};

/// Privacy as a radio group, and the team to share with. Without JavaScript the team picker
/// is always shown; with it, only when Shared with Team is chosen.
#[component]
pub fn PrivacyFields(
    teams: Vec<TeamRef>,
    /// The privacy to start with (`Private to Me` unless the URL says otherwise).
    initial: Privacy,
    initial_team: String,
    #[prop(into)] privacy_error: Signal<Option<String>>,
    #[prop(into)] team_error: Signal<Option<String>>,
) -> impl IntoView {
    let chosen = RwSignal::new(initial);
    let hydrated = hydrated();
    let has_teams = !teams.is_empty();
    view! {
        <fieldset class="field">
            <legend>"Privacy"</legend>
            {Privacy::ALL
                .into_iter()
                .map(|privacy| {
                    let unavailable = privacy == Privacy::Team && !has_teams;
                    view! {
                        <label class="choice">
                            <input
                                type="radio"
                                name="privacy"
                                value=privacy.as_str()
                                checked=privacy == initial
                                disabled=unavailable
                                on:change=move |_| chosen.set(privacy)
                            />
                            {privacy.label()}
                        </label>
                    }
                })
                .collect_view()}
            {(!has_teams).then(|| view! { <p class="hint">"You are not in a team yet, so you cannot share with one."</p> })}
            {move || privacy_error.get().map(|message| view! { <p class="field-error">{message}</p> })}
        </fieldset>
        {has_teams.then(|| view! {
            <div class="field" hidden=move || hydrated.get() && chosen.get() != Privacy::Team>
                <label for="field-team">"Team"</label>
                <p class="hint" id="field-team-hint">"Who the connection is shared with, when Shared with Team is chosen."</p>
                <select id="field-team" name="team" aria-describedby="field-team-hint">
                    <option value="">"Choose a team"</option>
                    {teams
                        .into_iter()
                        .map(|team| {
                            let selected = team.id.to_string() == initial_team;
                            view! { <option value=team.id selected=selected>{team.name}</option> }
                        })
                        .collect_view()}
                </select>
                {move || team_error.get().map(|message| view! { <p class="field-error">{message}</p> })}
            </div>
        })}
    }
}
