//! The sync benchmark (issue: "syncs 1,000 monitors and 500 incidents"). Not a timed test: it
//! is ignored by `cargo test` and run by `bench/sync.sh`, which prints its figures. It checks
//! that everything arrived, so a fast but wrong sync cannot report a good figure.

use std::time::Instant;

use betterstack_double::{Access, Collection, World};
use plugboard::{
    api::sync::SyncNow,
    server::repo::{sync_runs, synced},
};

use crate::support::connections::{app_with_double, create_connection, save_credential, SOURCE};

const TOKEN: &str = "team_benchToken000BENCH";
const MONITORS: usize = 1_000;
const INCIDENTS: usize = 500;

fn bench_world() -> World {
    let mut world = World::default()
        .token_prefix("team_", Access::team("Ops"))
        .with_monitors("Ops", MONITORS)
        .with_incidents("Ops", "2026-11-19", INCIDENTS / 2)
        .with_incidents("Ops", "2026-11-21", INCIDENTS - INCIDENTS / 2);
    for n in 0..20 {
        world.push(
            Collection::Heartbeats,
            betterstack_double::fixtures::heartbeat(n, "Ops"),
        );
    }
    for n in 0..5 {
        world.push(
            Collection::StatusPages,
            betterstack_double::fixtures::status_page(n, "Ops"),
        );
    }
    world
}

/// Requests the sync sent (the token check before it is not counted) and the seconds between
/// the first and the last; n requests over that span are n - 1 gaps.
fn requests_since(double: &betterstack_double::Double, skip: usize) -> (usize, f64) {
    let arrived: Vec<u64> = double.requests()[skip..]
        .iter()
        .map(|r| r.arrived_ms)
        .collect();
    let span = match (arrived.first(), arrived.last()) {
        (Some(first), Some(last)) => (last - first) as f64 / 1000.0,
        _ => 0.0,
    };
    (arrived.len(), span)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "a benchmark: run bench/sync.sh"]
async fn sync_benchmark() {
    let (app, double) = app_with_double(bench_world()).await;
    let admin = app.create_admin("ada@acme.test").await;
    let tile = save_credential(&admin, "Bench", TOKEN).await;
    let before_sync = double.requests().len();

    // First sync: starts when the connection is created; create_connection waits for it.
    let started = Instant::now();
    let id = create_connection(&app, &admin, tile.id, "Bench", "workspace", None).await;
    let full = started.elapsed().as_secs_f64();
    let (full_requests, full_span) = requests_since(&double, before_sync);
    assert_eq!(
        synced::counts(&app.state.pool, id).await.unwrap()["monitors"],
        MONITORS as i64
    );
    assert_eq!(
        synced::counts(&app.state.pool, id).await.unwrap()["incidents"],
        INCIDENTS as i64
    );
    let first_run = sync_runs::latest_finished(&app.state.pool, id)
        .await
        .unwrap()
        .expect("a recorded sync");

    // Second sync: Sync now, incidents only from the newest day seen.
    let before_second = double.requests().len();
    let started = Instant::now();
    let id_text = id.to_string();
    let reply = admin
        .call::<SyncNow>(&[("source", SOURCE), ("id", &id_text)])
        .await;
    assert_eq!(reply.status, 200, "{reply:?}");
    app.state.syncs.wait_idle().await;
    let second = started.elapsed().as_secs_f64();
    let (second_requests, second_span) = requests_since(&double, before_second);
    let second_run = sync_runs::latest_finished(&app.state.pool, id)
        .await
        .unwrap()
        .expect("a recorded sync");

    println!(
        "sync benchmark: {MONITORS} monitors, {INCIDENTS} incidents, 20 heartbeats, 5 status pages"
    );
    for (label, wall, requests, span, run) in [
        ("full sync", full, full_requests, full_span, &first_run),
        (
            "second sync (incremental incidents)",
            second,
            second_requests,
            second_span,
            &second_run,
        ),
    ] {
        println!(
            "  {label}: wall {wall:.2} s | {requests} requests, {:.2} req/s (first to last request) | \
             {} pages, {} rows changed, outcome {}",
            requests.saturating_sub(1) as f64 / span.max(f64::EPSILON),
            run.pages,
            run.rows_changed,
            run.outcome,
        );
    }
}
