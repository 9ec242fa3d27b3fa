use leptos::prelude::*;

use super::invite_link::InviteLink;
use crate::wire::members::{CreatedInvite, TeamRef};
use crate::{
    api::members::InviteMember,
    app::components::forms::{
        field_message, form_error, kept_value, FormMessage, SubmitButton, TextField,
    },
    domain::{limits::MAX_EMAIL_CHARS, Role},
};

/// Invite someone: Email, Role, teams. On success the one-time link appears above the form.
#[component]
pub fn InviteForm(
    action: ServerAction<InviteMember>,
    teams: Vec<TeamRef>,
    /// A link created by a post without JavaScript, handed over by the server once.
    fresh: Option<CreatedInvite>,
) -> impl IntoView {
    let error = form_error(action.value());
    let created = move || {
        action
            .value()
            .get()
            .and_then(Result::ok)
            .or_else(|| fresh.clone())
    };
    let kept_role = kept_value(error, "role");
    view! {
        <section aria-labelledby="invite-title" class="panel">
            <h2 id="invite-title">"Invite a member"</h2>
            {move || created().map(|invite| view! { <InviteLink invite/> })}
            <ActionForm action attr:class="form">
                <FormMessage error/>
                <TextField
                    label="Email"
                    name="email"
                    kind="email"
                    maxlength=MAX_EMAIL_CHARS
                    value=kept_value(error, "email")
                    error=field_message(error, "email")
                />
                <div class="field">
                    <label for="invite-role">"Role"</label>
                    <select id="invite-role" name="role">
                        {Role::ALL
                            .into_iter()
                            .map(|role| {
                                let selected = move || {
                                    let kept = kept_role.get();
                                    if kept.is_empty() { role == Role::Member } else { kept == role.as_str() }
                                };
                                view! { <option value=role.as_str() selected=selected>{role.label()}</option> }
                            })
                            .collect_view()}
                    </select>
                </div>
                <fieldset class="field">
                    <legend>"Teams"</legend>
                    {if teams.is_empty() {
                        view! { <p class="hint">"No teams yet. Create them under Settings → Teams."</p> }.into_any()
                    } else {
                        teams
                            .into_iter()
                            .map(|team| view! {
                                <label class="choice">
                                    <input type="checkbox" name="teams[]" value=team.id/>
                                    {team.name}
                                </label>
                            })
                            .collect_view()
                            .into_any()
                    }}
                    {move || field_message(error, "teams").get().map(|m| view! { <p class="field-error">{m}</p> })}
                </fieldset>
                <div class="actions">
                    <SubmitButton label="Invite" busy_label="Inviting…" pending=action.pending()/>
                </div>
            </ActionForm>
        </section>
    }
}
