//! Settings → Teams: everyone sees the teams; Admins create and change them.

pub mod detail;

use leptos::prelude::*;
use leptos_meta::Title;

use crate::app::page_data::page_data;
use crate::wire::teams::TeamInfo;
use crate::{
    api::teams::{list_teams, CreateTeam},
    app::components::{
        error_notice::error_page,
        forms::{field_message, form_error, kept_value, FormMessage, SubmitButton, TextField},
    },
    domain::limits::MAX_NAME_CHARS,
};

#[component]
pub fn TeamsPage() -> impl IntoView {
    view! {
        <Title text="Teams"/>
        <TeamsBody/>
    }
}

/// The page's content, an island: creating a team updates the list in place.
#[island]
fn TeamsBody() -> impl IntoView {
    let create = ServerAction::<CreateTeam>::new();
    let overview = page_data(move || create.version().get(), |_| list_teams());
    view! {
        <section class="page">
            <h1>"Teams"</h1>
            <Transition fallback=|| view! { <p>"Loading teams…"</p> }>
                <ErrorBoundary fallback=error_page>
                    {move || Suspend::new(async move {
                        overview.await.map(|overview| view! {
                            {overview.can_manage.then(|| view! { <CreateTeamForm action=create/> })}
                            <TeamList teams=overview.teams/>
                        })
                    })}
                </ErrorBoundary>
            </Transition>
        </section>
    }
}

#[component]
fn CreateTeamForm(action: ServerAction<CreateTeam>) -> impl IntoView {
    let error = form_error(action.value());
    view! {
        <section aria-labelledby="create-team-title" class="panel">
            <h2 id="create-team-title">"Create a team"</h2>
            <ActionForm action attr:class="form">
                <FormMessage error/>
                <TextField
                    label="Team Name"
                    name="name"
                    maxlength=MAX_NAME_CHARS
                    value=kept_value(error, "name")
                    error=field_message(error, "name")
                />
                <div class="actions">
                    <SubmitButton label="Create Team" busy_label="Creating…" pending=action.pending()/>
                </div>
            </ActionForm>
        </section>
    }
}

#[component]
fn TeamList(teams: Vec<TeamInfo>) -> impl IntoView {
    if teams.is_empty() {
        return view! { <p>"There are no teams yet."</p> }.into_any();
    }
    view! {
        <ul class="card-list">
            {teams
                .into_iter()
                .map(|team| {
                    let people = if team.members.is_empty() {
                        "No members yet".to_owned()
                    } else {
                        team.members
                            .iter()
                            .map(|m| if m.is_lead { format!("{} (lead)", m.name) } else { m.name.clone() })
                            .collect::<Vec<_>>()
                            .join(", ")
                    };
                    view! {
                        <li class="card">
                            <a href=format!("/settings/teams/{}", team.id)>{team.name}</a>
                            <p>{people}</p>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
    .into_any()
}
