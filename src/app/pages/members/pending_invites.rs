use leptos::prelude::*;

use crate::app::components::{scroll_box::ScrollBox, when::At};
use crate::wire::members::PendingInvite;
use crate::{
    api::members::RevokeInvite,
    app::components::forms::{form_error, FormMessage},
};

/// Invites not used yet; an Admin can revoke them.
#[component]
pub fn PendingInvites(
    invites: Vec<PendingInvite>,
    action: ServerAction<RevokeInvite>,
) -> impl IntoView {
    let error = form_error(action.value());
    (!invites.is_empty()).then(|| view! {
        <section aria-labelledby="invites-title" class="panel">
            <h2 id="invites-title">"Pending invites"</h2>
            <FormMessage error/>
            <ScrollBox label="Pending invites table".to_owned()>
                <table class="table">
                    <thead>
                        <tr>
                            <th scope="col">"Email"</th>
                            <th scope="col">"Role"</th>
                            <th scope="col">"Invited by"</th>
                            <th scope="col">"Expires"</th>
                            <th scope="col"><span class="visually-hidden">"Actions"</span></th>
                        </tr>
                    </thead>
                    <tbody>
                        {invites
                            .into_iter()
                            .map(|invite| view! {
                                <tr>
                                    <th scope="row">{invite.email.clone()}</th>
                                    <td>{invite.role.label()}</td>
                                    <td>{invite.invited_by}</td>
                                    <td><At at=invite.expires/></td>
                                    <td>
                                        <ActionForm action attr:class="inline-form">
                                            <input type="hidden" name="invite_id" value=invite.id/>
                                            <button type="submit" class="link">
                                                "Revoke"
                                                <span class="visually-hidden">{format!(" the invite for {}", invite.email)}</span>
                                            </button>
                                        </ActionForm>
                                    </td>
                                </tr>
                            })
                            .collect_view()}
                    </tbody>
                </table>
            </ScrollBox>
        </section>
    })
}
