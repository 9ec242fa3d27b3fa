use leptos::prelude::*;
use leptos_meta::MetaTags;

use super::App;

/// The HTML document around the app, rendered on the server only.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    view! {
        <!DOCTYPE html>
        <html lang="en">
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <HydrationScripts options islands=true/>
                // The same on every page, so written here rather than registered with
                // leptos_meta by each render of the app (which `MetaTags` then writes out).
                <link id="leptos" rel="stylesheet" href="/pkg/plugboard.css"/>
                <link rel="icon" type="image/svg+xml" href="/favicon.svg"/>
                <MetaTags/>
            </head>
            <body>
                <App/>
            </body>
        </html>
    }
}
