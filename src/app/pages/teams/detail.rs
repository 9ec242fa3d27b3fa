use leptos::prelude::*;
use leptos_meta::Title;

use crate::app::components::scroll_box::ScrollBox;
use crate::app::{page_data::page_data, pages::id_param};
use crate::wire::args::teams::TeamArgs;
use crate::wire::teams::TeamDetail;
use crate::{
    api::teams::{get_team, DeleteTeam, RenameTeam, SetTeamMembers},
    app::components::{
        error_notice::error_page,
        forms::{field_message, form_error, FormMessage, SubmitButton, TextField},
    },
    domain::{limits::MAX_NAME_CHARS, Role},
    error::AppError,
};

/// `/settings/teams/<id>`: a team's members and leads; Admins rename, change and delete it.
#[component]
pub fn TeamPage() -> impl IntoView {
    let team_id = id_param();
    view! {
        <Title text="Team"/>
        <TeamBody team_id/>
    }
}

/// The page's content, an island: renaming and changing members update it in place.
#[island]
fn TeamBody(team_id: Option<i64>) -> impl IntoView {
    let rename = ServerAction::<RenameTeam>::new();
    let set_members = ServerAction::<SetTeamMembers>::new();
    let delete = ServerAction::<DeleteTeam>::new();
    let team = page_data(
        move || (team_id, rename.version().get(), set_members.version().get()),
        |(id, _, _)| async move {
            match id {
                Some(team_id) => get_team(TeamArgs { team_id }).await,
                None => Err(AppError::NotFound),
            }
        },
    );
    view! {
        <section class="page">
            <p><a href="/settings/teams">"All teams"</a></p>
            <Transition fallback=|| view! { <p>"Loading the team…"</p> }>
                <ErrorBoundary fallback=error_page>
                    {move || Suspend::new(async move {
                        team.await.map(|team| view! {
                            <h1>{team.name.clone()}</h1>
                            {if team.can_manage {
                                view! {
                                    <RenameForm action=rename team=team.clone()/>
                                    <MembersForm action=set_members team=team.clone()/>
                                    <DeleteForm action=delete team/>
                                }.into_any()
                            } else {
                                view! { <ReadOnlyMembers team/> }.into_any()
                            }}
                        })
                    })}
                </ErrorBoundary>
            </Transition>
        </section>
    }
}

#[component]
fn RenameForm(action: ServerAction<RenameTeam>, team: TeamDetail) -> impl IntoView {
    let error = form_error(action.value());
    view! {
        <ActionForm action attr:class="form panel">
            <FormMessage error/>
            <input type="hidden" name="team_id" value=team.id/>
            <TextField
                label="Team Name"
                name="name"
                maxlength=MAX_NAME_CHARS
                value=team.name
                error=field_message(error, "name")
            />
            <div class="actions">
                <SubmitButton label="Rename Team" busy_label="Saving…" pending=action.pending()/>
            </div>
        </ActionForm>
    }
}

#[component]
fn MembersForm(action: ServerAction<SetTeamMembers>, team: TeamDetail) -> impl IntoView {
    let error = form_error(action.value());
    let saved = move || matches!(action.value().get(), Some(Ok(())));
    view! {
        <section aria-labelledby="team-members-title" class="panel">
            <h2 id="team-members-title">"Members"</h2>
            <ActionForm action attr:class="form">
                <FormMessage error/>
                {move || saved().then(|| view! { <p class="notice notice-ok" role="status">"Members saved."</p> })}
                <input type="hidden" name="team_id" value=team.id/>
                <ScrollBox label="Team members table".to_owned()>
                    <table class="table">
                        <thead>
                            <tr>
                                <th scope="col">"Person"</th>
                                <th scope="col">"Member"</th>
                                <th scope="col">"Lead"</th>
                            </tr>
                        </thead>
                        <tbody>
                            {team.people
                                .into_iter()
                                .map(|person| {
                                    let can_lead = person.role == Role::TeamLead;
                                    view! {
                                        <tr>
                                            <th scope="row">{format!("{} ({})", person.name, person.role.label())}</th>
                                            <td>
                                                <input
                                                    type="checkbox"
                                                    name="members[]"
                                                    value=person.user_id
                                                    checked=person.in_team
                                                    aria-label=format!("{} is a member", person.name)
                                                />
                                            </td>
                                            <td>
                                                {can_lead.then(|| view! {
                                                    <input
                                                        type="checkbox"
                                                        name="leads[]"
                                                        value=person.user_id
                                                        checked=person.is_lead
                                                        aria-label=format!("{} leads this team", person.name)
                                                    />
                                                })}
                                            </td>
                                        </tr>
                                    }
                                })
                                .collect_view()}
                        </tbody>
                    </table>
                </ScrollBox>
                <p class="hint">"Only members with the Team Lead role can lead a team. A lead is also a member."</p>
                {move || field_message(error, "leads").get().map(|m| view! { <p class="field-error">{m}</p> })}
                <div class="actions">
                    <SubmitButton label="Save Members" busy_label="Saving…" pending=action.pending()/>
                </div>
            </ActionForm>
        </section>
    }
}

#[component]
fn DeleteForm(action: ServerAction<DeleteTeam>, team: TeamDetail) -> impl IntoView {
    let error = form_error(action.value());
    view! {
        <section aria-labelledby="delete-team-title" class="panel">
            <h2 id="delete-team-title">"Delete this team"</h2>
            <ActionForm action attr:class="form">
                <FormMessage error/>
                <input type="hidden" name="team_id" value=team.id/>
                <p>"Its members stay in the workspace. Connections shared with it become private to their owners."</p>
                <div class="actions">
                    <SubmitButton
                        label="Delete Team"
                        busy_label="Deleting…"
                        class="button button-danger"
                        pending=action.pending()
                    />
                </div>
            </ActionForm>
        </section>
    }
}

#[component]
fn ReadOnlyMembers(team: TeamDetail) -> impl IntoView {
    let members: Vec<_> = team.people.into_iter().filter(|p| p.in_team).collect();
    view! {
        <h2>"Members"</h2>
        {if members.is_empty() {
            view! { <p>"No members yet."</p> }.into_any()
        } else {
            view! {
                <ul>
                    {members
                        .into_iter()
                        .map(|p| view! { <li>{p.name}{p.is_lead.then_some(" (lead)")}</li> })
                        .collect_view()}
                </ul>
            }
            .into_any()
        }}
    }
}
