use std::sync::Arc;

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::app::components::{page_links::PageLinks, scroll_box::ScrollBox};
use crate::app::page_data::page_data;
use crate::wire::args::connections::ListConnectionsArgs;
use crate::wire::connections::ConnectionSummary;
use crate::{
    api::connections::list_connections,
    app::{components::error_notice::error_page, static_html::StaticHtml},
    domain::Privacy,
};

/// `/connections/<source>?page=N`: the connections of one source that you can see, a page of
/// them at a time (the page is in the URL, so paging works without JavaScript).
#[component]
pub fn SourceConnectionsPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let wanted = move || {
        let source = params.read().get("source").unwrap_or_default();
        let page = query.read().get("page").and_then(|p| p.parse().ok());
        (source, page.unwrap_or(1))
    };
    let connections = page_data(wanted, |(source, page)| {
        list_connections(ListConnectionsArgs { source, page })
    });
    view! {
        <Suspense fallback=|| view! { <p>"Loading connections…"</p> }>
            <ErrorBoundary fallback=error_page>
                {move || Suspend::new(async move {
                    connections.await.map(|page| view! {
                        <Title text=page.source_name.clone()/>
                        <section class="page">
                            <p><a href="/settings/connections">"All sources"</a></p>
                            <div class="page-heading">
                                <h1>{page.source_name.clone()}</h1>
                                <a
                                    class="button"
                                    href=format!("/settings/connections/new?step=credentials&source={}", page.source_id)
                                >
                                    "Add Connection"
                                </a>
                            </div>
                            <ConnectionTable source_id=page.source_id.clone() rows=page.connections/>
                            <PageLinks
                                label="Connections pages"
                                page=page.page
                                pages=page.pages
                                total=page.total
                                noun=("connection", "connections")
                            />
                        </section>
                    })
                })}
            </ErrorBoundary>
        </Suspense>
    }
}

#[component]
fn ConnectionTable(source_id: String, rows: Arc<[ConnectionSummary]>) -> impl IntoView {
    if rows.is_empty() {
        return view! { <p>"No connections yet. Add one to start pulling data."</p> }.into_any();
    }
    view! {
        <ScrollBox label="Connections table".to_owned()>
            <table class="table">
                <thead>
                    <tr>
                        <th scope="col">"Name"</th>
                        <th scope="col">"Owner"</th>
                        <th scope="col">"Privacy"</th>
                        <th scope="col">"Credential"</th>
                        <th scope="col">"Status"</th>
                    </tr>
                </thead>
                <tbody inner_html=rows_html(&source_id, &rows)></tbody>
            </table>
        </ScrollBox>
    }
    .into_any()
}

/// One `<tr>` per connection, written as text: see [`StaticHtml`] for why.
fn rows_html(source_id: &str, rows: &[ConnectionSummary]) -> String {
    let mut html = StaticHtml::with_capacity(rows.len() * 320);
    for row in rows {
        html.markup("<tr><th scope=\"row\"><a href=\"/connections/")
            .attribute_value(source_id)
            .markup("/")
            .number(row.id)
            .markup("\">")
            .text(&row.name)
            .markup("</a></th><td>")
            .text(&row.owner)
            .markup("</td><td>");
        match (row.privacy, &row.team_name) {
            (Privacy::Team, Some(team)) => html
                .text(Privacy::Team.label())
                .markup(" (")
                .text(team)
                .markup(")"),
            (privacy, _) => html.text(privacy.label()),
        };
        html.markup("</td><td class=\"fingerprint\">")
            .text(&row.fingerprint)
            .markup("</td><td>")
            .text(&row.status_text);
        if let Some(since) = &row.since {
            html.markup(" <time datetime=\"")
                .attribute_value(&since.datetime)
                .markup("\">")
                .text(&since.utc)
                .markup("</time>");
        }
        html.markup("</td></tr>");
    }
    html.into_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::CheckStatus;

    fn row(id: i64, name: &str, privacy: Privacy, team_name: Option<&str>) -> ConnectionSummary {
        ConnectionSummary {
            id,
            name: name.to_owned(),
            owner: "Ada <Admin>".to_owned(),
            privacy,
            team_name: team_name.map(str::to_owned),
            fingerprint: "••••OKEN".to_owned(),
            status: CheckStatus::Verified,
            status_text: "Verified".to_owned(),
            since: None,
        }
    }

    #[test]
    fn rows_link_to_their_connection_and_escape_what_people_typed() {
        let rows = [
            row(7, "Prod <script>", Privacy::Workspace, None),
            row(8, "Ops & \"on call\"", Privacy::Team, Some("SRE</td>")),
        ];
        assert_eq!(
            rows_html("betterstack-uptime", &rows),
            concat!(
                "<tr><th scope=\"row\"><a href=\"/connections/betterstack-uptime/7\">",
                "Prod &lt;script&gt;</a></th><td>Ada &lt;Admin&gt;</td>",
                "<td>Shared with Workspace</td><td class=\"fingerprint\">••••OKEN</td>",
                "<td>Verified</td></tr>",
                "<tr><th scope=\"row\"><a href=\"/connections/betterstack-uptime/8\">",
                "Ops &amp; \"on call\"</a></th><td>Ada &lt;Admin&gt;</td>",
                "<td>Shared with Team (SRE&lt;/td&gt;)</td><td class=\"fingerprint\">••••OKEN</td>",
                "<td>Verified</td></tr>",
            )
        );
    }
}
