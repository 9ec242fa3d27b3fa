//! The user interface, rendered on the server. Only its islands (`#[island]`: the parts that
//! react in place) are hydrated in the browser; the rest is plain HTML, links and forms.

mod charts;
mod components;
mod page_data;
mod pages;
mod query_string;
mod rendered_once;
mod shell;
mod static_html;
mod viewer;

use leptos::prelude::*;
use leptos_meta::{provide_meta_context, Title};
use leptos_router::{
    components::{Route, Router, Routes},
    path, SsrMode,
};

pub use shell::shell;

use components::site_header::SiteHeader;
use pages::{
    add_credential::AddCredentialPage,
    api_keys::ApiKeysPage,
    connection_detail::ConnectionDetailPage,
    connections::ConnectionsPage,
    home::HomePage,
    join::JoinPage,
    login::LoginPage,
    members::{remove::RemoveMemberPage, MembersPage},
    new_connection::NewConnectionPage,
    not_found::NotFoundPage,
    reset_password::ResetPasswordPage,
    settings::SettingsPage,
    setup::SetupPage,
    source_connections::SourceConnectionsPage,
    teams::{detail::TeamPage, TeamsPage},
};

/// The whole app: header, then the page for the current URL.
///
/// Every page renders in `SsrMode::Async`: the server waits for the page's data and sends
/// complete HTML, so pages and their forms work with JavaScript off.
#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    viewer::provide_viewer();
    let ssr = SsrMode::Async;
    view! {
        <Title formatter=|page: String| format!("{page} · Plugboard")/>
        <Router>
            <a class="skip-link" href="#main">"Skip to main content"</a>
            <SiteHeader/>
            <main id="main" tabindex="-1">
                <Routes fallback=NotFoundPage>
                    <Route path=path!("/") view=HomePage ssr=ssr.clone()/>
                    <Route path=path!("/setup") view=SetupPage ssr=ssr.clone()/>
                    <Route path=path!("/login") view=LoginPage ssr=ssr.clone()/>
                    <Route path=path!("/join/:token") view=JoinPage ssr=ssr.clone()/>
                    <Route path=path!("/reset-password/:token") view=ResetPasswordPage ssr=ssr.clone()/>
                    <Route path=path!("/settings") view=SettingsPage ssr=ssr.clone()/>
                    <Route path=path!("/settings/connections") view=ConnectionsPage ssr=ssr.clone()/>
                    <Route path=path!("/settings/connections/new") view=NewConnectionPage ssr=ssr.clone()/>
                    <Route path=path!("/settings/connections/new/credential") view=AddCredentialPage ssr=ssr.clone()/>
                    <Route path=path!("/connections/:source") view=SourceConnectionsPage ssr=ssr.clone()/>
                    <Route path=path!("/connections/:source/:id") view=ConnectionDetailPage ssr=ssr.clone()/>
                    <Route path=path!("/settings/members") view=MembersPage ssr=ssr.clone()/>
                    <Route path=path!("/settings/members/:id/remove") view=RemoveMemberPage ssr=ssr.clone()/>
                    <Route path=path!("/settings/teams") view=TeamsPage ssr=ssr.clone()/>
                    <Route path=path!("/settings/teams/:id") view=TeamPage ssr=ssr.clone()/>
                    <Route path=path!("/settings/api-keys") view=ApiKeysPage ssr=ssr.clone()/>
                </Routes>
            </main>
        </Router>
    }
}
