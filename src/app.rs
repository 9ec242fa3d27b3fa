//! The user interface, rendered on the server and hydrated in the browser.

mod components;
mod pages;
mod shell;
mod viewer;

use leptos::prelude::*;
use leptos_meta::{provide_meta_context, Link, Stylesheet, Title};
use leptos_router::{
    components::{Route, Router, Routes},
    lazy_route, path, Lazy, LazyRoute, SsrMode,
};

pub use shell::shell;

use components::site_header::SiteHeader;
use pages::{
    add_credential::AddCredentialPage,
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

/// A route whose page is compiled into its own piece of the browser bundle, fetched when the
/// page is first shown: the bundle a visitor downloads first holds the app's frame (header,
/// router, reactive runtime), not every page. The server renders the page as before.
macro_rules! lazy_page {
    ($($route:ident => $page:ident,)*) => {$(
        struct $route;

        #[lazy_route]
        impl LazyRoute for $route {
            fn data() -> Self {
                $route
            }

            fn view(_this: Self) -> AnyView {
                mark_hydrated();
                view! { <$page/> }.into_any()
            }
        }
    )*};
}

lazy_page! {
    HomePageRoute => HomePage,
    SetupPageRoute => SetupPage,
    LoginPageRoute => LoginPage,
    JoinPageRoute => JoinPage,
    ResetPasswordPageRoute => ResetPasswordPage,
    SettingsPageRoute => SettingsPage,
    ConnectionsPageRoute => ConnectionsPage,
    NewConnectionPageRoute => NewConnectionPage,
    AddCredentialPageRoute => AddCredentialPage,
    SourceConnectionsPageRoute => SourceConnectionsPage,
    ConnectionDetailPageRoute => ConnectionDetailPage,
    MembersPageRoute => MembersPage,
    RemoveMemberPageRoute => RemoveMemberPage,
    TeamsPageRoute => TeamsPage,
    TeamPageRoute => TeamPage,
}

/// Puts `data-hydrated` on `<html>` once the browser has taken over a page: from then on its
/// links and buttons run in the app, not as plain links and forms. A page's piece of the
/// bundle loads before it hydrates, so this comes a moment after the page is shown; the
/// end-to-end tests wait for it before using a page with JavaScript.
fn mark_hydrated() {
    // Effects run only in the browser, after the view built beside them has hydrated.
    Effect::new(|| {
        let _ = document()
            .document_element()
            .map(|html| html.set_attribute("data-hydrated", ""));
    });
}

/// The page for a URL that matches none: part of the main bundle, not a piece of its own.
fn not_found() -> impl IntoView {
    mark_hydrated();
    view! { <NotFoundPage/> }
}

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
        <Stylesheet id="leptos" href="/pkg/plugboard.css"/>
        <Link rel="icon" type_="image/svg+xml" href="/favicon.svg"/>
        <Title formatter=|page: String| format!("{page} · Plugboard")/>
        <Router>
            <a class="skip-link" href="#main">"Skip to main content"</a>
            <SiteHeader/>
            <main id="main" tabindex="-1">
                <Routes fallback=not_found>
                    <Route path=path!("/") view={Lazy::<HomePageRoute>::new()} ssr=ssr.clone()/>
                    <Route path=path!("/setup") view={Lazy::<SetupPageRoute>::new()} ssr=ssr.clone()/>
                    <Route path=path!("/login") view={Lazy::<LoginPageRoute>::new()} ssr=ssr.clone()/>
                    <Route path=path!("/join/:token") view={Lazy::<JoinPageRoute>::new()} ssr=ssr.clone()/>
                    <Route path=path!("/reset-password/:token") view={Lazy::<ResetPasswordPageRoute>::new()} ssr=ssr.clone()/>
                    <Route path=path!("/settings") view={Lazy::<SettingsPageRoute>::new()} ssr=ssr.clone()/>
                    <Route path=path!("/settings/connections") view={Lazy::<ConnectionsPageRoute>::new()} ssr=ssr.clone()/>
                    <Route path=path!("/settings/connections/new") view={Lazy::<NewConnectionPageRoute>::new()} ssr=ssr.clone()/>
                    <Route path=path!("/settings/connections/new/credential") view={Lazy::<AddCredentialPageRoute>::new()} ssr=ssr.clone()/>
                    <Route path=path!("/connections/:source") view={Lazy::<SourceConnectionsPageRoute>::new()} ssr=ssr.clone()/>
                    <Route path=path!("/connections/:source/:id") view={Lazy::<ConnectionDetailPageRoute>::new()} ssr=ssr.clone()/>
                    <Route path=path!("/settings/members") view={Lazy::<MembersPageRoute>::new()} ssr=ssr.clone()/>
                    <Route path=path!("/settings/members/:id/remove") view={Lazy::<RemoveMemberPageRoute>::new()} ssr=ssr.clone()/>
                    <Route path=path!("/settings/teams") view={Lazy::<TeamsPageRoute>::new()} ssr=ssr.clone()/>
                    <Route path=path!("/settings/teams/:id") view={Lazy::<TeamPageRoute>::new()} ssr=ssr.clone()/>
                </Routes>
            </main>
        </Router>
    }
}
