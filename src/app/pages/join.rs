use leptos::{prelude::*, server_fn::ServerFn};
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use crate::app::page_data::page_data;
use crate::wire::args::accounts::LinkArgs;
use crate::{
    api::join::{get_invite, AcceptInvite},
    app::components::{
        error_notice::ErrorNotice,
        forms::{field_message, form_error, kept_value, FormMessage, TextField},
    },
    domain::limits::{MAX_NAME_CHARS, MAX_PASSWORD_CHARS, MIN_PASSWORD_CHARS},
};

/// `/join/<token>`: an invitee chooses their name and password.
#[component]
pub fn JoinPage() -> impl IntoView {
    let token = move || use_params_map().read().get("token").unwrap_or_default();
    let invite = page_data(token, |token| get_invite(LinkArgs { token }));
    let action = ServerAction::<AcceptInvite>::new();
    let error = form_error(action.value());
    view! {
        <Title text="Join the workspace"/>
        <section class="page narrow">
            <Suspense fallback=|| view! { <p>"Checking your invite…"</p> }>
                {move || Suspend::new(async move {
                    match invite.await {
                        Err(problem) => view! {
                            <h1>"This invite cannot be used"</h1>
                            <ErrorNotice message=problem.to_string()/>
                        }.into_any(),
                        Ok(details) => view! {
                            <h1>{format!("Join {}", details.workspace_name)}</h1>
                            <p class="lead">
                                {format!("You are invited as {} with the email {}.", details.role.label(), details.email)}
                                {(!details.teams.is_empty()).then(|| format!(" Teams: {}.", details.teams.join(", ")))}
                            </p>
                            // A plain form: joining signs in and reloads everything.
                            <form method="post" action=AcceptInvite::url() class="form">
                                <FormMessage error/>
                                <input type="hidden" name="token" value=token/>
                                <TextField
                                    label="Your Name"
                                    name="name"
                                    maxlength=MAX_NAME_CHARS
                                    autocomplete="name"
                                    value=kept_value(error, "name")
                                    error=field_message(error, "name")
                                />
                                <TextField
                                    label="Password"
                                    name="password"
                                    kind="password"
                                    hint="At least 12 characters."
                                    minlength=MIN_PASSWORD_CHARS
                                    maxlength=MAX_PASSWORD_CHARS
                                    autocomplete="new-password"
                                    error=field_message(error, "password")
                                />
                                <div class="actions">
                                    <button type="submit" class="button">"Join Workspace"</button>
                                </div>
                            </form>
                        }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}
