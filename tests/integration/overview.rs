//! A connection's Overview against the double: counts by status, open incidents, and the
//! series its charts draw, for those who may see the connection and nobody else.

use std::sync::Arc;

use betterstack_double::{Access, World};
use plugboard::{
    api::overview::GetConnectionOverview,
    error::AppError,
    wire::overview::{ConnectionOverview, INCIDENT_DAYS},
};

use crate::{
    support::{
        connections::{call, make_private},
        fake_source::{PetShop, FAKE_SOURCE},
    },
    sync::connected,
};

fn world() -> World {
    World::default()
        .token_prefix("team_", Access::team("Ops"))
        .with_monitors("Ops", 12)
        // Two days of incidents, within the chart's 90 days; every other one stays open.
        .with_incidents("Ops", "2026-11-18", 4)
        .with_incidents("Ops", "2026-11-20", 3)
}

async fn overview(reply: crate::support::browser::Reply) -> ConnectionOverview {
    assert_eq!(reply.status, 200, "{reply:?}");
    serde_json::from_str(&reply.body).unwrap()
}

#[tokio::test]
async fn the_overview_counts_what_was_pulled_and_draws_its_series() {
    let (_app, _double, admin, id) = connected(world()).await;
    let seen = overview(call::<GetConnectionOverview>(&admin, id, &[]).await).await;

    let monitors: i64 = seen.monitors.iter().map(|s| s.count).sum();
    assert_eq!(monitors, 12);
    assert_eq!(seen.open_incident_total, 3, "incidents 1, 3 and 5 are open");
    assert!(seen
        .open_incidents
        .iter()
        .all(|i| i.acknowledged_by.is_none()));
    assert!(seen.open_incidents[0]
        .started
        .as_ref()
        .unwrap()
        .utc
        .ends_with(" UTC"));

    assert_eq!(seen.incidents_per_day.len() as i64, INCIDENT_DAYS);
    let on = |day: &str| {
        seen.incidents_per_day
            .iter()
            .find(|d| d.label == day)
            .map(|d| d.value)
    };
    // Whether 2026-11-18 is still inside the last 90 days depends on today's date.
    if let Some(count) = on("2026-11-18") {
        assert_eq!(count, 4.0);
    }
    assert_eq!(
        seen.incidents_per_day.iter().map(|d| d.value).sum::<f64>() as i64,
        on("2026-11-18").map_or(0, |c| c as i64) + on("2026-11-20").map_or(0, |c| c as i64)
    );

    assert_eq!(seen.availability_total, 12);
    let worst_first: Vec<f64> = seen.availability.iter().map(|a| a.value).collect();
    assert!(
        worst_first.windows(2).all(|w| w[0] <= w[1]),
        "{worst_first:?}"
    );

    // Resolved incidents were acknowledged after 30 s and resolved after an hour.
    assert_eq!(seen.time_to_acknowledge.count, 4);
    assert_eq!(seen.time_to_acknowledge.median, Some(30.0));
    assert_eq!(seen.time_to_acknowledge.bands[0].value, 4.0);
    assert_eq!(seen.time_to_resolve.bands[2].value, 4.0, "30 min–2 h");

    // Response times: the first monitor by name unless another is chosen.
    let first = seen
        .response_monitor
        .clone()
        .expect("response times were kept");
    assert_eq!(first, seen.response_monitors[0]);
    assert!(!seen.response_times.is_empty());
    assert!(seen.response_times.windows(2).all(|w| w[0].at < w[1].at));
    let other = seen.response_monitors.last().unwrap().clone();
    let chosen = overview(
        call::<GetConnectionOverview>(&admin, id, &[("monitor", &other.id.to_string())]).await,
    )
    .await;
    assert_eq!(
        chosen.response_monitor,
        Some(other),
        "{:?}",
        seen.response_monitors
    );
}

#[tokio::test]
async fn names_are_in_natural_order_for_the_response_time_chooser() {
    let (_app, _double, admin, id) = connected(world()).await;
    let seen = overview(call::<GetConnectionOverview>(&admin, id, &[]).await).await;
    let names: Vec<&str> = seen
        .response_monitors
        .iter()
        .map(|m| m.name.as_str())
        .collect();
    let position = |name: &str| names.iter().position(|n| *n == name).expect(name);
    assert!(position("Service 2") < position("Service 10"), "{names:?}");
}

#[tokio::test]
async fn the_chooser_names_each_monitor_as_it_is_now_or_as_its_points_last_named_it() {
    let (app, _double, admin, id) = connected(world()).await;
    let monitors: Vec<String> = sqlx::query_scalar(
        "SELECT remote_id FROM synced_records WHERE connection_id = ? AND kind = 'monitors'
         ORDER BY remote_id LIMIT 2",
    )
    .bind(id)
    .fetch_all(&app.state.pool)
    .await
    .unwrap();
    let (renamed, gone) = (&monitors[0], &monitors[1]);
    // As a later sync leaves them: one monitor renamed since its points were kept (they keep
    // the name it had), another deleted in Better Stack (its points are kept for their days).
    sqlx::query(
        "UPDATE synced_records SET data = json_set(data, '$.name', 'Checkout (renamed)')
         WHERE connection_id = ? AND kind = 'monitors' AND remote_id = ?",
    )
    .bind(id)
    .bind(renamed)
    .execute(&app.state.pool)
    .await
    .unwrap();
    let gone_name: String = sqlx::query_scalar(
        "DELETE FROM synced_records WHERE connection_id = ? AND kind = 'monitors'
         AND remote_id = ? RETURNING json_extract(data, '$.name')",
    )
    .bind(id)
    .bind(gone)
    .fetch_one(&app.state.pool)
    .await
    .unwrap();

    let seen = overview(call::<GetConnectionOverview>(&admin, id, &[]).await).await;
    let name_of = |monitor: &str| {
        let monitor: i64 = monitor.parse().unwrap();
        seen.response_monitors
            .iter()
            .find(|m| m.id == monitor)
            .map(|m| m.name.as_str())
    };
    assert_eq!(name_of(renamed), Some("Checkout (renamed)"));
    assert_eq!(name_of(gone), Some(gone_name.as_str()), "{seen:?}");
    assert_eq!(
        seen.response_monitors.len(),
        12,
        "one per monitor with points"
    );
}

#[tokio::test]
async fn someone_who_may_not_see_the_connection_gets_not_found() {
    let (app, _double, admin, id) = connected(world()).await;
    make_private(&app, id).await;
    let member = app.add_member(&admin, "bo@acme.test", "Bo", "member").await;
    let reply = call::<GetConnectionOverview>(&member, id, &[]).await;
    assert_eq!(reply.status, 404, "{reply:?}");
    assert_eq!(reply.app_error(), AppError::NotFound);
    let anonymous = app.browser();
    let reply = call::<GetConnectionOverview>(&anonymous, id, &[]).await;
    assert_eq!(reply.app_error(), AppError::Unauthenticated);
}

#[tokio::test]
async fn a_connection_asked_for_under_another_source_is_not_found_even_once_loaded() {
    let (app, _double, admin, id) = connected(world()).await;
    app.state.connectors.register(Arc::new(PetShop::default()));
    overview(call::<GetConnectionOverview>(&admin, id, &[]).await).await;

    let id = id.to_string();
    let reply = admin
        .call::<GetConnectionOverview>(&[("source", FAKE_SOURCE), ("id", &id)])
        .await;
    assert_eq!(reply.status, 404, "{reply:?}");
    assert_eq!(reply.app_error(), AppError::NotFound);
}
