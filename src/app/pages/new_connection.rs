//! Settings → Connections → Add Connection: a three-step stepper whose step and source live
//! in the URL, so refresh, back/forward and JavaScript-off all work.

mod credential_tiles;
mod credentials_step;
mod finish_step;
mod privacy_fields;
mod select_source;
mod stepper;

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::{hooks::use_query_map, params::ParamsMap};

use crate::{
    app::query_string::query_string,
    domain::{
        catalog::find_source,
        token_reach::{TeamChoice, TeamScope},
    },
    wire::args::connections::NewConnectionArgs,
};

use credentials_step::CredentialsStep;
use finish_step::FinishStep;
use select_source::SelectSourceStep;
use stepper::{Step, Stepper};

/// Step two's answers as they travel in the URL (`?credential=…&name=…&privacy=…&team=…`,
/// and `team_scope=…&source_teams[]=…` for a token that reaches several Better Stack teams).
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct StepValues {
    pub credential: String,
    pub name: String,
    pub privacy: String,
    pub team: String,
    pub team_scope: String,
    pub source_teams: Vec<String>,
}

impl StepValues {
    fn from_query(query: &ParamsMap) -> Self {
        let get = |key: &str| query.get(key).unwrap_or_default();
        Self {
            credential: get("credential"),
            name: get("name"),
            privacy: get("privacy"),
            team: get("team"),
            team_scope: get("team_scope"),
            source_teams: query.get_all("source_teams[]").unwrap_or_default(),
        }
    }

    /// The team choice as asked for (checked against the token's teams on Finish).
    pub fn team_choice(&self) -> TeamChoice {
        match self.team_scope.parse() {
            Ok(TeamScope::Only) => TeamChoice::Only(self.source_teams.clone()),
            _ => TeamChoice::All,
        }
    }

    /// The answers as the review and Finish take them. What the URL holds that is not a
    /// choice the form offers is no choice: the review says what is missing.
    pub fn args(&self, source: &str) -> NewConnectionArgs {
        NewConnectionArgs {
            source: source.to_owned(),
            credential: self.credential.trim().parse().ok(),
            name: self.name.clone(),
            privacy: self.privacy.parse().ok(),
            team: self.team.trim().parse().ok(),
            team_scope: self.team_scope.parse().ok(),
            source_teams: self.source_teams.clone(),
        }
    }

    /// The URL of step two with these answers, for Back links.
    pub fn step_two_url(&self, source_id: &str) -> String {
        let answers = [
            ("step", "credentials"),
            ("source", source_id),
            ("credential", &self.credential),
            ("name", &self.name),
            ("privacy", &self.privacy),
            ("team", &self.team),
            ("team_scope", &self.team_scope),
        ];
        let teams = self
            .source_teams
            .iter()
            .map(|team| ("source_teams[]", team.as_str()));
        format!(
            "/settings/connections/new?{}",
            query_string(answers.into_iter().chain(teams))
        )
    }
}

#[component]
pub fn NewConnectionPage() -> impl IntoView {
    let query = use_query_map();
    view! {
        <Title text="Add Connection"/>
        <section class="page">
            <h1>"Add Connection"</h1>
            {move || {
                let query = query.get();
                let step = Step::from_query(query.get("step").as_deref());
                let source = query.get("source").as_deref().and_then(find_source);
                let values = StepValues::from_query(&query);
                match (step, source) {
                    (Step::Credentials, Some(source)) => view! {
                        <Stepper current=Step::Credentials source=Some(source)/>
                        <CredentialsStep source values errors=None/>
                    }
                    .into_any(),
                    (Step::Finish, Some(source)) => view! { <FinishStep source values/> }.into_any(),
                    _ => view! {
                        <Stepper current=Step::Source source=None/>
                        <SelectSourceStep search_text=query.get("q").unwrap_or_default()/>
                    }
                    .into_any(),
                }
            }}
        </section>
    }
}
