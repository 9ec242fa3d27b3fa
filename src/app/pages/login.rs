use leptos::{prelude::*, server_fn::ServerFn};
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::{
    api::session::SignIn,
    app::components::forms::{field_message, form_error, kept_value, FormMessage, TextField},
    domain::limits::{MAX_EMAIL_CHARS, MAX_PASSWORD_CHARS},
};

/// `/login`, with `?next=` naming the page to return to.
#[component]
pub fn LoginPage() -> impl IntoView {
    // A plain form, not an ActionForm: success reloads the page as the signed-in user.
    let action = ServerAction::<SignIn>::new();
    let error = form_error(action.value());
    let next = move || use_query_map().read().get("next").unwrap_or_default();
    view! {
        <Title text="Sign in"/>
        <section class="page narrow">
            <h1>"Sign in"</h1>
            <form method="post" action=SignIn::url() class="form">
                <FormMessage error/>
                <input type="hidden" name="next" value=next/>
                <TextField
                    label="Email"
                    name="email"
                    kind="email"
                    maxlength=MAX_EMAIL_CHARS
                    autocomplete="username"
                    value=kept_value(error, "email")
                    error=field_message(error, "email")
                />
                <TextField
                    label="Password"
                    name="password"
                    kind="password"
                    maxlength=MAX_PASSWORD_CHARS
                    autocomplete="current-password"
                    error=field_message(error, "password")
                />
                <div class="actions">
                    <button type="submit" class="button">"Sign in"</button>
                </div>
            </form>
            <p class="hint">
                "Forgot your password? Whoever runs this Plugboard server can give you a reset link."
            </p>
        </section>
    }
}
