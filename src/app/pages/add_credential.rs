use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::{
    app::components::{
        credential_form::{CredentialForm, CredentialFormMode},
        error_notice::ErrorNotice,
    },
    domain::{catalog::find_source, return_path::same_site_path},
};

/// `/settings/connections/new/credential`: the credential overlay as a page, for browsers
/// without JavaScript. Saving returns to the stepper with the new credential chosen.
#[component]
pub fn AddCredentialPage() -> impl IntoView {
    let query = use_query_map();
    move || {
        let query = query.get();
        let Some(source) = query.get("source").as_deref().and_then(find_source) else {
            return view! { <ErrorNotice message="That source is not in the catalog.".to_owned()/> }.into_any();
        };
        let fallback = format!(
            "/settings/connections/new?step=credentials&source={}",
            source.id
        );
        let return_to = query
            .get("return_to")
            .map(|path| same_site_path(&path))
            .filter(|path| path.starts_with("/settings/connections/new?"))
            .unwrap_or(fallback);
        view! {
            <Title text="Add Credential"/>
            <section class="page narrow">
                <h1>"Add Credential"</h1>
                <p class="lead">{format!("A credential for {}.", source.name)}</p>
                <CredentialPageForm source_id=source.id.to_owned() return_to/>
            </section>
        }
        .into_any()
    }
}

/// The form, as an island: it says "Checking…" while the post is on its way.
#[island]
fn CredentialPageForm(source_id: String, return_to: String) -> impl IntoView {
    // The page only renders this for a source it found in the catalog.
    let Some(source) = find_source(&source_id) else {
        return ().into_any();
    };
    view! {
        <CredentialForm
            source
            return_to=return_to.clone()
            mode=CredentialFormMode::Page { cancel_href: return_to }
        />
    }
    .into_any()
}
