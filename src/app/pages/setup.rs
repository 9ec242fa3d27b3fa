use leptos::{prelude::*, server_fn::ServerFn};
use leptos_meta::Title;

use crate::{
    api::session::CreateWorkspace,
    app::components::forms::{field_message, form_error, kept_value, FormMessage, TextField},
    domain::limits::{MAX_EMAIL_CHARS, MAX_NAME_CHARS, MAX_PASSWORD_CHARS, MIN_PASSWORD_CHARS},
};

/// First run: before anyone exists, every page leads here.
#[component]
pub fn SetupPage() -> impl IntoView {
    // A plain form, not an ActionForm: success signs in and reloads everything.
    let action = ServerAction::<CreateWorkspace>::new();
    let error = form_error(action.value());
    view! {
        <Title text="Create your workspace"/>
        <section class="page narrow">
            <h1>"Create your workspace"</h1>
            <p class="lead">"You are the first person here: you will be the workspace's Admin."</p>
            <form method="post" action=CreateWorkspace::url() class="form">
                <FormMessage error/>
                <TextField
                    label="Workspace Name"
                    name="workspace_name"
                    maxlength=MAX_NAME_CHARS
                    value=kept_value(error, "workspace_name")
                    error=field_message(error, "workspace_name")
                />
                <TextField
                    label="Your Name"
                    name="name"
                    maxlength=MAX_NAME_CHARS
                    autocomplete="name"
                    value=kept_value(error, "name")
                    error=field_message(error, "name")
                />
                <TextField
                    label="Email"
                    name="email"
                    kind="email"
                    maxlength=MAX_EMAIL_CHARS
                    autocomplete="email"
                    value=kept_value(error, "email")
                    error=field_message(error, "email")
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
                    <button type="submit" class="button">"Create Workspace"</button>
                </div>
            </form>
        </section>
    }
}
