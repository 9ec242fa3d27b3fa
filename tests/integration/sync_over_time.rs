//! The pulled data stays right over time: an incident that changes after the newest day seen
//! is read again, a complete pull runs daily and after a token swap (replacing what the old
//! token reached), and a list that shifts while it is paged loses or doubles nothing.

use betterstack_double::{fixtures, Access, Collection, World};
use plugboard::{
    api::connection_changes::SwapToken,
    server::sync::{sync_connection, Trigger},
};
use serde_json::json;

use crate::{
    support::{
        connections::{
            app_with_double, call, create_connection, save_credential, stored, stored_field,
        },
        TestApp,
    },
    sync::connected,
};
use plugboard::server::sync::SyncEnd;

async fn sync(app: &TestApp, id: i64) {
    let outcome = sync_connection(&app.state, id, Trigger::Manual)
        .await
        .unwrap();
    assert_eq!(outcome.outcome, SyncEnd::Ok, "{outcome:?}");
}

/// The incident requests the double saw after `from`, as `path?query`.
fn incident_requests(double: &betterstack_double::Double, from: usize) -> Vec<String> {
    double.requests()[from..]
        .iter()
        .filter(|r| r.path.starts_with("/api/v3/incidents"))
        .map(|r| format!("{}?{}", r.path, r.query))
        .collect()
}

#[tokio::test]
async fn an_older_incident_resolved_in_better_stack_shows_resolved_after_the_next_sync() {
    // Incidents 5000 and 5002 are resolved, 5001 (an older day) and 5003 are open.
    let world = World::default()
        .token_prefix("team_", Access::team("Ops"))
        .with_incidents("Ops", "2026-11-10", 2)
        .with_incidents("Ops", "2026-11-20", 2);
    let (app, double, _admin, id) = connected(world).await;
    let status = |remote: &'static str| {
        let app = &app;
        async move {
            stored_field(app, "incidents", id, remote, "status")
                .await
                .unwrap()
        }
    };
    assert_eq!(status("5001").await, "Started");
    double.with(|world| {
        let incidents = world.data.get_mut(&Collection::Incidents).unwrap();
        let old = incidents.iter_mut().find(|i| i["id"] == "5001").unwrap();
        old["attributes"]["status"] = json!("Resolved");
        old["attributes"]["resolved_at"] = json!("2026-11-25T09:00:00.000Z");
        old["attributes"]["resolved_by"] = json!("Bea Oncall");
    });
    let before = double.requests().len();

    sync(&app, id).await;

    assert_eq!(status("5001").await, "Resolved");
    let asked = incident_requests(&double, before);
    assert!(
        asked.iter().any(|q| q.contains("from=2026-11-20")),
        "{asked:?}"
    );
    assert!(
        asked.iter().any(|q| q.contains("resolved=false")),
        "{asked:?}"
    );
    assert!(
        asked
            .iter()
            .any(|q| q.starts_with("/api/v3/incidents/5001?")),
        "the incident stored as open, now in neither list, was read by itself: {asked:?}"
    );
    assert_eq!(stored(&app, "incidents", id).await.len(), 4);
}

#[tokio::test]
async fn a_complete_pull_runs_after_a_token_swap_and_daily_and_replaces_what_the_old_token_reached()
{
    let world = World::default()
        .token_prefix("team_", Access::team("Ops"))
        .token_prefix("global_", Access::Global)
        .with_monitors("Ops", 3)
        .with_monitors("Web", 2)
        .with_incidents("Ops", "2026-11-20", 2)
        .with_incidents("Web", "2026-11-21", 2);
    let (app, double) = app_with_double(world).await;
    let admin = app.create_admin("ada@acme.test").await;
    let tile = save_credential(&admin, "Everything", "global_reachesAll0000").await;
    let id = create_connection(&app, &admin, tile.id, "Status", "workspace", None).await;
    assert_eq!(stored(&app, "monitors", id).await.len(), 5);
    assert_eq!(stored(&app, "incidents", id).await.len(), 4);

    let swap = [("token", "team_opsOnly1111"), ("how", "check")];
    assert_eq!(call::<SwapToken>(&admin, id, &swap).await.status, 200);
    let before = double.requests().len();
    sync(&app, id).await;

    let asked = incident_requests(&double, before);
    assert!(
        asked.iter().all(|q| !q.contains("from=")),
        "complete: {asked:?}"
    );
    assert_eq!(stored(&app, "monitors", id).await.len(), 3, "Ops only");
    assert_eq!(
        stored(&app, "incidents", id).await,
        ["5000", "5001"],
        "the Web incidents the global token brought in are gone"
    );

    let before = double.requests().len();
    sync(&app, id).await;
    let asked = incident_requests(&double, before);
    assert!(
        asked.iter().any(|q| q.contains("from=")),
        "incremental: {asked:?}"
    );

    sqlx::query("UPDATE connections SET full_sync_at = full_sync_at - 25 * 3600 WHERE id = ?")
        .bind(id)
        .execute(&app.state.pool)
        .await
        .unwrap();
    let before = double.requests().len();
    sync(&app, id).await;
    let asked = incident_requests(&double, before);
    assert!(
        asked.iter().all(|q| !q.contains("from=")),
        "a day on, complete: {asked:?}"
    );
}

#[tokio::test]
async fn records_created_or_deleted_while_a_list_is_paged_neither_vanish_nor_come_twice() {
    // Three pages of 250 monitors.
    let world = World::default()
        .token_prefix("team_", Access::team("Ops"))
        .with_monitors("Ops", 600);
    let (app, double, _admin, id) = connected(world).await;
    assert_eq!(stored(&app, "monitors", id).await.len(), 600);
    double.with(|world| {
        // The first (1000) is deleted after page 1 was read: every later monitor moves up one,
        // and the first of page 2 (1250) slides onto page 1, which has been read already.
        world.after_page(Collection::Monitors, 1, |items| {
            items.remove(0);
        });
        // Created in front after page 2 was read: the last of page 2 comes again on page 3.
        world.after_page(Collection::Monitors, 2, |items| {
            items.insert(0, fixtures::monitor(9000, "Ops"));
        });
    });
    let before = double.requests().len();

    sync(&app, id).await;

    let ids = stored(&app, "monitors", id).await;
    assert_eq!(ids.len(), 600, "each once: 1000 was read before it went");
    assert!(
        ids.contains(&"1250".to_owned()),
        "the one that slid back stays"
    );
    assert_eq!(
        single_reads(&double, before),
        ["/api/v2/monitors/1250 200"],
        "the stored monitor on no page was asked for by itself"
    );

    let before = double.requests().len();
    sync(&app, id).await;
    let ids = stored(&app, "monitors", id).await;
    assert!(
        !ids.contains(&"1000".to_owned()),
        "gone once the source says so"
    );
    assert!(
        ids.contains(&"10000".to_owned()),
        "the new one, on the next sync"
    );
    assert_eq!(ids.len(), 600);
    assert_eq!(single_reads(&double, before), ["/api/v2/monitors/1000 404"]);
}

/// The single-monitor reads the double saw after `from`, with their status.
fn single_reads(double: &betterstack_double::Double, from: usize) -> Vec<String> {
    double.requests()[from..]
        .iter()
        .filter(|r| r.path.starts_with("/api/v2/monitors/"))
        // Availability and response times are read per monitor by design.
        .filter(|r| !r.path.ends_with("/sla") && !r.path.ends_with("/response-times"))
        .map(|r| format!("{} {}", r.path, r.status))
        .collect()
}
