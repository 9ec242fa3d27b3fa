//! The Overview section: counts by status, open incidents, and the charts. Rendered on the
//! server only (no island): no chart reaches the wasm.

use std::sync::{Arc, LazyLock};

use leptos::prelude::*;

use crate::{
    app::{
        charts::{scale, Bars, Columns, Line},
        components::when::When,
        rendered_once::RenderedOnce,
    },
    domain::time_words::{count, span},
    error::AppError,
    wire::overview::{ConnectionOverview, DurationSpread, Measure, StatusCount, INCIDENT_DAYS},
};

/// The Overview section of a loaded answer. A connection that cannot be shown is reported once,
/// by the page around this, so those errors show nothing here.
pub fn overview_section(overview: Result<Arc<ConnectionOverview>, AppError>) -> AnyView {
    match overview {
        Ok(overview) => {
            view! { <div class="overview" inner_html=overview_html(&overview)></div> }.into_any()
        }
        Err(AppError::NotFound | AppError::Unauthenticated | AppError::Forbidden(_)) => {
            ().into_any()
        }
        Err(error) => view! { <p class="notice notice-error">{error.to_string()}</p> }.into_any(),
    }
}

/// The Overview of one loaded answer, rendered once: many people watch the same connection.
fn overview_html(overview: &Arc<ConnectionOverview>) -> Arc<str> {
    /// As many as the server keeps answers of (`ANSWERS_KEPT` in its state).
    static RENDERED: LazyLock<RenderedOnce<ConnectionOverview>> =
        LazyLock::new(|| RenderedOnce::new(1_000));
    RENDERED.html(overview, (), |overview| {
        view! { <OverviewBody overview=overview.clone()/> }.to_html()
    })
}

#[component]
fn OverviewBody(overview: ConnectionOverview) -> impl IntoView {
    let ConnectionOverview {
        monitors,
        heartbeats,
        open_incidents,
        open_incident_total,
        availability,
        availability_total,
        incidents_per_day,
        response_monitors,
        response_monitor,
        response_times,
        time_to_acknowledge,
        time_to_resolve,
    } = overview;
    let availability_summary = availability_words(&availability, availability_total);
    let incidents_summary = per_day_words(&incidents_per_day);
    let response_summary = response_words(&response_times);
    let chosen = response_monitor.as_ref().map(|m| m.id);
    view! {
        <section class="panel" aria-labelledby="overview-title">
            <h2 id="overview-title">"Overview"</h2>
            <div class="overview-counts">
                <StatusCounts title="Monitors" counts=monitors/>
                <StatusCounts title="Heartbeats" counts=heartbeats/>
            </div>
            <h3>{format!("Open incidents ({open_incident_total})")}</h3>
            {if open_incidents.is_empty() {
                view! { <p class="hint">"No open incidents."</p> }.into_any()
            } else {
                view! {
                    <ul class="open-incidents">
                        {open_incidents.into_iter().map(|incident| view! {
                            <li>
                                <strong>{incident.name}</strong>
                                {incident.started.map(|at| view! { " — started " <When at/> })}
                                " — "
                                {match incident.acknowledged_by {
                                    Some(by) => format!("acknowledged by {by}"),
                                    None => "not acknowledged".to_owned(),
                                }}
                            </li>
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </section>
        <section class="panel charts" aria-labelledby="charts-title">
            <h2 id="charts-title">"Charts"</h2>
            {if availability.is_empty() {
                view! { <p class="hint">"No availability figures yet: they come with the next sync."</p> }.into_any()
            } else {
                let low = scale::percent_floor(availability.iter().map(|a| a.value).fold(100.0, f64::min));
                view! {
                    <Bars
                        id="chart-availability"
                        title="Availability per monitor, last 30 days".to_owned()
                        summary=availability_summary
                        columns=("Monitor", "Availability")
                        bars=availability
                        low
                        high=100.0
                        show=scale::percent
                        warn_below=99.9
                    />
                }.into_any()
            }}
            <Columns
                id="chart-incidents"
                title=format!("Incidents per day, last {INCIDENT_DAYS} days")
                summary=incidents_summary
                columns=("Day (UTC)", "Incidents")
                bars=incidents_per_day
            />
            {if response_times.is_empty() {
                view! { <p class="hint">"No response times kept yet."</p> }.into_any()
            } else {
                let name = response_monitor.map(|m| m.name).unwrap_or_default();
                view! {
                    <form method="get" class="inline-form chart-choice">
                        <input type="hidden" name="section" value="overview"/>
                        <label for="chart-monitor">"Response times of"</label>
                        <select id="chart-monitor" name="monitor">
                            {response_monitors.into_iter().map(|m| {
                                let selected = Some(m.id) == chosen;
                                view! { <option value=m.id selected=selected>{m.name}</option> }
                            }).collect_view()}
                        </select>
                        <button type="submit" class="button button-secondary">"Show"</button>
                    </form>
                    <Line
                        id="chart-response"
                        title=format!("Response time of {name}")
                        summary=response_summary
                        columns=("Time (UTC)", "Mean response time")
                        points=response_times
                        show=milliseconds
                    />
                }.into_any()
            }}
            <DurationBars id="chart-acknowledge" what="acknowledge" spread=time_to_acknowledge/>
            <DurationBars id="chart-resolve" what="resolve" spread=time_to_resolve/>
        </section>
    }
}

/// How many records have each status; a status that means down is marked so in words.
#[component]
fn StatusCounts(title: &'static str, counts: Vec<StatusCount>) -> impl IntoView {
    let total: i64 = counts.iter().map(|c| c.count).sum();
    view! {
        <div class="status-counts">
            <h3>{format!("{title} ({total})")}</h3>
            {if counts.is_empty() {
                view! { <p class="hint">"None pulled yet."</p> }.into_any()
            } else {
                view! {
                    <dl>
                        {counts.into_iter().map(|c| {
                            let word = if c.status.is_empty() { "no status".to_owned() } else { c.status };
                            view! {
                                <div class=if c.down { "tone-danger" } else { "" }>
                                    <dt>{c.down.then(|| view! { <span aria-hidden="true">"✕ "</span> })}{word}</dt>
                                    <dd>{c.count}</dd>
                                </div>
                            }
                        }).collect_view()}
                    </dl>
                }.into_any()
            }}
        </div>
    }
}

/// Time to acknowledge or resolve, in bands.
#[component]
fn DurationBars(id: &'static str, what: &'static str, spread: DurationSpread) -> impl IntoView {
    let title = format!("Time to {what}");
    let summary = match (spread.median, spread.p90) {
        (Some(median), Some(p90)) => format!(
            "{}: median {}, 90th percentile {}.",
            count(
                spread.count,
                &format!("incident {what}d"),
                &format!("incidents {what}d")
            ),
            span(median.round() as i64),
            span(p90.round() as i64)
        ),
        _ => format!("No incident {what}d yet."),
    };
    let high = scale::round_top(spread.bands.iter().map(|b| b.value).fold(0.0, f64::max));
    view! {
        <Bars id title summary columns=("Time taken", "Incidents") bars=spread.bands low=0.0 high show=scale::number/>
    }
}

fn milliseconds(seconds: f64) -> String {
    format!("{} ms", (seconds * 1000.0).round())
}

fn availability_words(shown: &[Measure], total: i64) -> String {
    match shown.first() {
        Some(worst) => format!(
            "Worst: {} at {}. {} of {} shown, worst first.",
            worst.label,
            scale::percent(worst.value),
            shown.len(),
            count(total, "monitor", "monitors")
        ),
        None => String::new(),
    }
}

fn per_day_words(days: &[Measure]) -> String {
    let total: f64 = days.iter().map(|d| d.value).sum();
    let busiest = days
        .iter()
        .filter(|d| d.value > 0.0)
        .max_by(|a, b| a.value.total_cmp(&b.value));
    let started = count(total as i64, "incident", "incidents");
    match busiest {
        Some(day) => format!(
            "{started} started; the most on {} ({}).",
            day.label,
            scale::number(day.value)
        ),
        None => format!("{started} started."),
    }
}

fn response_words(points: &[crate::wire::overview::TimedValue]) -> String {
    let (Some(first), Some(last)) = (points.first(), points.last()) else {
        return String::new();
    };
    let mean = points.iter().map(|p| p.value).sum::<f64>() / points.len() as f64;
    let highest = points.iter().map(|p| p.value).fold(0.0, f64::max);
    format!(
        "Mean {}, highest {}, from {} to {}.",
        milliseconds(mean),
        milliseconds(highest),
        first.label,
        last.label
    )
}
