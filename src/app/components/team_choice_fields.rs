use leptos::prelude::*;

use crate::domain::token_reach::{TeamChoice, ALL_TEAMS, ONLY_THESE_TEAMS};

/// Which of a global token's Better Stack teams a connection reads: **All teams**, or only
/// those ticked. Sends `team_scope` (`all` / `only`) and `source_teams[]`. Ticking a team
/// chooses "Only these teams" (with JavaScript; without, the radio says it).
#[component]
pub fn TeamChoiceFields(
    /// The teams the token reaches.
    offered: Vec<String>,
    chosen: TeamChoice,
    #[prop(into)] error: Signal<Option<String>>,
) -> impl IntoView {
    let only = RwSignal::new(matches!(chosen, TeamChoice::Only(_)));
    let only_at_first = only.get_untracked();
    view! {
        <fieldset class="field" aria-describedby="team-scope-hint team-scope-error">
            <legend>"Better Stack teams"</legend>
            <p class="hint" id="team-scope-hint">
                "This token reaches several teams. Each list is read for the teams chosen here."
            </p>
            <label class="choice">
                <input
                    type="radio"
                    name="team_scope"
                    value="all"
                    checked=!only_at_first
                    prop:checked=move || !only.get()
                    on:change=move |_| only.set(false)
                />
                {ALL_TEAMS}
            </label>
            <label class="choice">
                <input
                    type="radio"
                    name="team_scope"
                    value="only"
                    checked=only_at_first
                    prop:checked=only
                    on:change=move |_| only.set(true)
                />
                {ONLY_THESE_TEAMS}
            </label>
            <div class="nested-choices" role="group" aria-label=ONLY_THESE_TEAMS>
                {offered
                    .into_iter()
                    .map(|team| {
                        let ticked = chosen.teams().contains(&team);
                        view! {
                            <label class="choice">
                                <input
                                    type="checkbox"
                                    name="source_teams[]"
                                    value=team.clone()
                                    checked=ticked
                                    on:change=move |_| only.set(true)
                                />
                                {team}
                            </label>
                        }
                    })
                    .collect_view()}
            </div>
            {move || error.get().map(|message| view! { <p class="field-error" id="team-scope-error">{message}</p> })}
        </fieldset>
    }
}
