use std::sync::{Arc, LazyLock};

use leptos::prelude::*;

use crate::{
    app::{
        charts::scale::percent,
        components::{
            health_tag::HealthTag, page_links::PageLinks, scroll_box::ScrollBox, when::When,
        },
        rendered_once::RenderedOnce,
    },
    domain::data_tables::{page_count, page_offset, ROWS_PER_PAGE},
    wire::dashboard::{Dashboard, DashboardConnection},
};

/// The dashboard's HTML, rendered once per loaded answer and page: everyone who may see the
/// same connections gets the same answer.
pub fn dashboard_html(dashboard: &Arc<Dashboard>, page: i64) -> Arc<str> {
    /// As many as the server keeps answers of (`ANSWERS_KEPT` in its state), a few pages each.
    static RENDERED: LazyLock<RenderedOnce<Dashboard, i64>> =
        LazyLock::new(|| RenderedOnce::new(4_000));
    let page = page.clamp(1, page_count(dashboard.connections.len() as i64));
    RENDERED.html(dashboard, page, |dashboard| {
        dashboard_view(dashboard, page).to_html()
    })
}

/// What needs someone across the viewer's connections, and page `page` of the connections
/// worst first (a page at a time: a workspace of a thousand still gets a page that loads at
/// once); with no connections yet, the way to add one.
fn dashboard_view(dashboard: &Dashboard, page: i64) -> impl IntoView {
    if dashboard.connections.is_empty() {
        return view! {
            <section class="panel" aria-labelledby="start-title">
                <h2 id="start-title">"Connections"</h2>
                <p>"No connections yet. Add one, and what it pulls shows here."</p>
                <a class="button" href="/settings/connections/new">"Add Connection"</a>
            </section>
        }
        .into_any();
    }
    let total = dashboard.connections.len() as i64;
    let pages = page_count(total);
    let page = page.clamp(1, pages);
    let connections: Vec<DashboardConnection> = dashboard
        .connections
        .iter()
        .skip(page_offset(page) as usize)
        .take(ROWS_PER_PAGE as usize)
        .cloned()
        .collect();
    let (down_total, open_total) = (dashboard.down_total, dashboard.open_total);
    let health_counts = dashboard.health_counts.clone();
    let down = dashboard.down.clone();
    let open_incidents = dashboard.open_incidents.clone();
    let worst_availability = dashboard.worst_availability.clone();
    view! {
        <div class="dashboard">
            <section class="panel" aria-labelledby="health-title">
                <h2 id="health-title">"Connections by health"</h2>
                <ul class="health-counts">
                    {health_counts.into_iter().map(|(health, count)| view! {
                        <li>
                            <span class=format!("badge {}", health.tone())>
                                <span aria-hidden="true">{health.icon()}</span>" "{health.label()}
                            </span>
                            " "
                            <strong>{count}</strong>
                        </li>
                    }).collect_view()}
                </ul>
                <ScrollBox label="Connections table".to_owned()>
                    <table class="table">
                        <caption class="visually-hidden">"Connections"</caption>
                        <thead>
                            <tr>
                                <th scope="col">"Connection"</th>
                                <th scope="col">"Source"</th>
                                <th scope="col">"Health"</th>
                                <th scope="col">"Last sync"</th>
                            </tr>
                        </thead>
                        <tbody>
                            {connections.into_iter().map(|c| view! {
                                <tr>
                                    <th scope="row"><a href=c.href>{c.name}</a></th>
                                    <td>{c.source_name}</td>
                                    <td><HealthTag badge=c.health/></td>
                                    <td>
                                        {match c.last_sync {
                                            Some(at) => view! { <When at/> }.into_any(),
                                            None => "Not synced yet".into_any(),
                                        }}
                                    </td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                </ScrollBox>
                <PageLinks
                    label="Connections pages"
                    page
                    pages
                    total
                    noun=("connection", "connections")
                />
            </section>
            <section class="panel" aria-labelledby="down-title">
                <h2 id="down-title">{format!("Down now ({down_total})")}</h2>
                {if down.is_empty() {
                    view! { <p>"No monitor is down and no heartbeat is missing."</p> }.into_any()
                } else {
                    view! {
                        <ul class="item-list">
                            {down.into_iter().map(|item| view! {
                                <li>
                                    <span class="badge tone-danger"><span aria-hidden="true">"✕"</span>" "{item.what}" down"</span>
                                    " "
                                    <a href=item.href>{item.name}</a>
                                    {format!(" — {}", item.connection)}
                                </li>
                            }).collect_view()}
                        </ul>
                    }.into_any()
                }}
            </section>
            <section class="panel" aria-labelledby="incidents-title">
                <h2 id="incidents-title">{format!("Open incidents ({open_total})")}</h2>
                {if open_incidents.is_empty() {
                    view! { <p>"No open incidents."</p> }.into_any()
                } else {
                    view! {
                        <ul class="item-list">
                            {open_incidents.into_iter().map(|incident| view! {
                                <li>
                                    <a href=incident.href>{incident.name}</a>
                                    {format!(" — {}", incident.connection)}
                                    {incident.started.map(|at| view! { ", started " <When at/> })}
                                    {match incident.acknowledged_by {
                                        Some(by) => format!(", acknowledged by {by}"),
                                        None => ", not acknowledged".to_owned(),
                                    }}
                                </li>
                            }).collect_view()}
                        </ul>
                    }.into_any()
                }}
            </section>
            <section class="panel" aria-labelledby="availability-title">
                <h2 id="availability-title">"Worst availability, last 30 days"</h2>
                {if worst_availability.is_empty() {
                    view! { <p>"No availability figures yet."</p> }.into_any()
                } else {
                    view! {
                        <ol class="item-list">
                            {worst_availability.into_iter().map(|item| view! {
                                <li>
                                    <a href=item.href>{item.name}</a>
                                    {format!(" — {}: {}", item.connection, percent(item.percent))}
                                </li>
                            }).collect_view()}
                        </ol>
                    }.into_any()
                }}
            </section>
        </div>
    }
    .into_any()
}
