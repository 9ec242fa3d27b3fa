//! `/settings/api-keys`: personal API keys for the `/api/v1` REST API. Rendered on the server
//! with plain forms (no island): each post reloads the page, with JavaScript on or off, and
//! the browser bundle does not grow.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::{
    api::api_keys::{list_api_keys, CreateApiKey, RevokeApiKey},
    app::{
        components::{
            error_notice::error_page,
            forms::{field_message, form_error, kept_value, FormMessage, TextField},
            scroll_box::ScrollBox,
            when::At,
        },
        page_data::page_data,
    },
    domain::{
        api_keys::{KeyScope, EXPIRY_CHOICES},
        limits::MAX_NAME_CHARS,
    },
    wire::api_keys::{ApiKeyInfo, CreatedApiKey},
};

#[component]
pub fn ApiKeysPage() -> impl IntoView {
    let overview = page_data(|| (), |_| list_api_keys());
    let create = ServerAction::<CreateApiKey>::new();
    let revoke = ServerAction::<RevokeApiKey>::new();
    view! {
        <Title text="API Keys"/>
        <section class="page">
            <h1>"API Keys"</h1>
            <p class="lead">
                "A key lets a script use Plugboard's REST API as you: send it as "
                <code>"Authorization: Bearer <key>"</code>
                ". A Read key only reads; a Manage key also changes what you may change. "
                <a href="/api/docs">"API documentation"</a>
            </p>
            <Suspense fallback=|| view! { <p>"Loading your keys…"</p> }>
                <ErrorBoundary fallback=error_page>
                    {move || Suspend::new(async move {
                        overview.await.map(|overview| view! {
                            {overview.created.map(|created| view! { <NewKeyShown created/> })}
                            <CreateForm action=create/>
                            <KeyTable keys=overview.keys everyones=overview.everyones action=revoke/>
                        })
                    })}
                </ErrorBoundary>
            </Suspense>
        </section>
    }
}

/// The key just made, the only time it is shown.
#[component]
fn NewKeyShown(created: CreatedApiKey) -> impl IntoView {
    view! {
        <div class="notice notice-ok" role="status">
            <p>{format!("Key “{}” created ({}).", created.name, created.scope.label())}</p>
            <label for="new-api-key">"Your new key"</label>
            <input id="new-api-key" class="secret-once" type="text" readonly value=created.key/>
            <p class="hint">"Copy it now: it will not be shown again. Plugboard keeps only a hash of it."</p>
        </div>
    }
}

#[component]
fn CreateForm(action: ServerAction<CreateApiKey>) -> impl IntoView {
    let error = form_error(action.value());
    view! {
        <section class="panel" aria-labelledby="new-key-title">
            <h2 id="new-key-title">"Create a key"</h2>
            <ActionForm action attr:class="form">
                <FormMessage error/>
                <TextField
                    label="Name"
                    name="name"
                    maxlength=MAX_NAME_CHARS
                    value=kept_value(error, "name")
                    error=field_message(error, "name")
                    hint="What uses it, such as “CI pipeline”."
                />
                <fieldset class="field">
                    <legend>"Scope"</legend>
                    {KeyScope::ALL.into_iter().map(|scope| {
                        let id = format!("scope-{}", scope.as_str());
                        view! {
                            <div class="choice">
                                <input
                                    type="radio"
                                    id=id.clone()
                                    name="scope"
                                    value=scope.as_str()
                                    checked=scope == KeyScope::Read
                                />
                                <label for=id>{scope.label()}</label>
                            </div>
                        }
                    }).collect_view()}
                    {move || field_message(error, "scope").get().map(|message| view! { <p class="field-error">{message}</p> })}
                </fieldset>
                <div class="field">
                    <label for="key-expires">"Expires"</label>
                    <select id="key-expires" name="expires">
                        {EXPIRY_CHOICES.iter().map(|(value, _, label)| view! {
                            <option value=*value>{*label}</option>
                        }).collect_view()}
                    </select>
                </div>
                <button type="submit" class="button">"Create Key"</button>
            </ActionForm>
        </section>
    }
}

#[component]
fn KeyTable(
    keys: Vec<ApiKeyInfo>,
    everyones: bool,
    action: ServerAction<RevokeApiKey>,
) -> impl IntoView {
    if keys.is_empty() {
        return view! { <p>"No API keys yet."</p> }.into_any();
    }
    let error = form_error(action.value());
    view! {
        <section class="panel" aria-labelledby="keys-title">
            <h2 id="keys-title">{if everyones { "Everyone's keys" } else { "Your keys" }}</h2>
            <FormMessage error/>
            <ScrollBox label="API keys table".to_owned()>
                <table class="table">
                    <thead>
                        <tr>
                            <th scope="col">"Name"</th>
                            {everyones.then(|| view! { <th scope="col">"Owner"</th> })}
                            <th scope="col">"Scope"</th>
                            <th scope="col">"Key"</th>
                            <th scope="col">"Created"</th>
                            <th scope="col">"Last used"</th>
                            <th scope="col">"Expires"</th>
                            <th scope="col"><span class="visually-hidden">"Actions"</span></th>
                        </tr>
                    </thead>
                    <tbody>
                        {keys.into_iter().map(|key| {
                            let revoke_label = format!(" the key {}", key.name);
                            view! {
                                <tr>
                                    <th scope="row">{key.name.clone()}</th>
                                    {everyones.then(|| view! { <td>{key.owner.clone()}</td> })}
                                    <td>{key.scope.label()}</td>
                                    <td class="fingerprint">{format!("{}…", key.prefix)}</td>
                                    <td><At at=key.created/></td>
                                    <td>{match key.last_used {
                                        Some(at) => view! { <At at/> }.into_any(),
                                        None => "Never".into_any(),
                                    }}</td>
                                    <td>{match (key.expires, key.expired) {
                                        (Some(at), true) => view! { "Expired " <At at/> }.into_any(),
                                        (Some(at), false) => view! { <At at/> }.into_any(),
                                        (None, _) => "Never".into_any(),
                                    }}</td>
                                    <td>
                                        <ActionForm action attr:class="inline-form">
                                            <input type="hidden" name="key_id" value=key.id/>
                                            <button type="submit" class="link">
                                                "Revoke"
                                                <span class="visually-hidden">{revoke_label}</span>
                                            </button>
                                        </ActionForm>
                                    </td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            </ScrollBox>
        </section>
    }
    .into_any()
}
