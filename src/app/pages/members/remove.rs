use leptos::prelude::*;
use leptos_meta::Title;

use crate::app::{page_data::page_data, pages::id_param};
use crate::{
    api::members::{list_members, RemoveMember},
    app::components::{
        error_notice::error_page,
        forms::{form_error, FormMessage, SubmitButton},
    },
    error::AppError,
};

/// `/settings/members/<id>/remove`: says what removal does, then does it.
#[component]
pub fn RemoveMemberPage() -> impl IntoView {
    let member_id = id_param();
    view! {
        <Title text="Remove a member"/>
        <RemoveMemberBody member_id/>
    }
}

/// The page's content, an island: Remove member shows its progress and errors in place.
#[island]
fn RemoveMemberBody(member_id: Option<i64>) -> impl IntoView {
    let overview = page_data(|| (), |_| list_members());
    let action = ServerAction::<RemoveMember>::new();
    let error = form_error(action.value());
    view! {
        <section class="page narrow">
            <Suspense fallback=|| ()>
                <ErrorBoundary fallback=error_page>
                    {move || Suspend::new(async move {
                        let overview = overview.await?;
                        let member = member_id
                            .and_then(|id| overview.members.into_iter().find(|m| m.id == id))
                            .ok_or(AppError::NotFound)?;
                        Ok::<_, AppError>(view! {
                            <h1>{format!("Remove {}?", member.name)}</h1>
                            <p class="notice notice-warn">"This cannot be undone."</p>
                            <p>
                                {format!(
                                    "{} ({}) will be signed out everywhere at once and can no longer sign in. \
                                     They leave all their teams. Anything they own stays in the workspace, owned by you.",
                                    member.name, member.email,
                                )}
                            </p>
                            <ActionForm action attr:class="form">
                                <FormMessage error/>
                                <input type="hidden" name="member_id" value=member.id/>
                                <div class="actions">
                                    <SubmitButton
                                        label="Remove member"
                                        busy_label="Removing…"
                                        class="button button-danger"
                                        pending=action.pending()
                                    />
                                    <a href="/settings/members">"Cancel"</a>
                                </div>
                            </ActionForm>
                        })
                    })}
                </ErrorBoundary>
            </Suspense>
        </section>
    }
}
