//! Settings → Members: invite, change roles, remove. Admins only (the server refuses others).

mod invite_form;
mod invite_link;
mod member_table;
mod pending_invites;
pub mod remove;

use leptos::prelude::*;
use leptos_meta::Title;

use crate::app::page_data::page_data;
use crate::{
    api::members::{list_members, ChangeRole, InviteMember, RevokeInvite},
    app::components::error_notice::error_page,
};

use invite_form::InviteForm;
use member_table::MemberTable;
use pending_invites::PendingInvites;

#[component]
pub fn MembersPage() -> impl IntoView {
    view! {
        <Title text="Members"/>
        <MembersBody/>
    }
}

/// The page's content, an island: inviting, changing roles and revoking update it in place.
#[island]
fn MembersBody() -> impl IntoView {
    let invite = ServerAction::<InviteMember>::new();
    let change_role = ServerAction::<ChangeRole>::new();
    let revoke = ServerAction::<RevokeInvite>::new();
    let overview = page_data(
        move || {
            (
                invite.version().get(),
                change_role.version().get(),
                revoke.version().get(),
            )
        },
        |_| list_members(),
    );
    view! {
        <section class="page">
            <h1>"Members"</h1>
            <Transition fallback=|| view! { <p>"Loading members…"</p> }>
                <ErrorBoundary fallback=error_page>
                    {move || Suspend::new(async move {
                        overview.await.map(|overview| view! {
                            <InviteForm action=invite teams=overview.teams fresh=overview.fresh_invite/>
                            <MemberTable
                                members=overview.members
                                viewer_id=overview.viewer_id
                                action=change_role
                            />
                            <PendingInvites invites=overview.invites action=revoke/>
                        })
                    })}
                </ErrorBoundary>
            </Transition>
        </section>
    }
}
