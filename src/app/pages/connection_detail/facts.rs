use leptos::prelude::*;

use crate::app::components::when::{At, When};
use crate::domain::token_reach::{TeamChoice, ALL_TEAMS};
use crate::wire::connections::ConnectionFacts;

/// What the connection is: source, owner, privacy, created, credential, status.
#[component]
pub fn Facts(facts: ConnectionFacts) -> impl IntoView {
    let privacy = facts.privacy.label_with_team(facts.team_name.as_deref());
    let credential = facts.credential;
    let teams = match (&facts.source_teams, credential.reached_teams.as_slice()) {
        (TeamChoice::All, []) => ALL_TEAMS.to_owned(),
        (TeamChoice::All, reached) => format!("{ALL_TEAMS} ({})", reached.join(", ")),
        (only, _) => only.words(),
    };
    let used_by = match credential.used_by {
        1 => "Used by 1 connection".to_owned(),
        n => format!("Used by {n} connections"),
    };
    view! {
        <dl class="facts">
            <dt>"Source"</dt>
            <dd>{facts.source_name}</dd>
            <dt>"Owner"</dt>
            <dd>{facts.owner}</dd>
            <dt>"Privacy"</dt>
            <dd>{privacy}</dd>
            <dt>"Better Stack teams"</dt>
            <dd>{teams}</dd>
            <dt>"Created"</dt>
            <dd><At at=facts.created/></dd>
            <dt>"Credential"</dt>
            <dd>
                {credential.name}
                " "
                <span class="fingerprint">{credential.fingerprint}</span>
                <br/>
                "Set " <When at=credential.set_at/> {format!(" by {}", credential.set_by)}
                <br/>
                {used_by}
            </dd>
            <dt>"Status"</dt>
            <dd>
                {credential.status.label()}
                {credential.checked_at.map(|at| view! { ", last checked " <When at/> })}
                {credential.reach.map(|reach| format!(" ({reach})"))}
            </dd>
        </dl>
    }
}
