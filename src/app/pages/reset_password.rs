use leptos::{prelude::*, server_fn::ServerFn};
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use crate::app::page_data::page_data;
use crate::wire::args::accounts::LinkArgs;
use crate::{
    api::password_reset::{check_reset_link, ResetPassword},
    app::components::{
        error_notice::ErrorNotice,
        forms::{field_message, form_error, FormMessage, TextField},
    },
    domain::limits::{MAX_PASSWORD_CHARS, MIN_PASSWORD_CHARS},
};

/// `/reset-password/<token>`: choose a new password with a one-time link.
#[component]
pub fn ResetPasswordPage() -> impl IntoView {
    let token = move || use_params_map().read().get("token").unwrap_or_default();
    let link = page_data(token, |token| check_reset_link(LinkArgs { token }));
    let action = ServerAction::<ResetPassword>::new();
    let error = form_error(action.value());
    view! {
        <Title text="Choose a new password"/>
        <section class="page narrow">
            <h1>"Choose a new password"</h1>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    match link.await {
                        Err(problem) => view! { <ErrorNotice message=problem.to_string()/> }.into_any(),
                        Ok(()) => view! {
                            <form method="post" action=ResetPassword::url() class="form">
                                <FormMessage error/>
                                <input type="hidden" name="token" value=token/>
                                <TextField
                                    label="Password"
                                    name="password"
                                    kind="password"
                                    hint="At least 12 characters. Every other session of yours will end."
                                    minlength=MIN_PASSWORD_CHARS
                                    maxlength=MAX_PASSWORD_CHARS
                                    autocomplete="new-password"
                                    error=field_message(error, "password")
                                />
                                <div class="actions">
                                    <button type="submit" class="button">"Set Password"</button>
                                </div>
                            </form>
                        }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}
