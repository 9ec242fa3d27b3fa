//! Home, the dashboard: the viewer's connections by health, what is down, open incidents and
//! the worst availability — only of connections they may see.

use betterstack_double::{Access, World};
use plugboard::{
    api::dashboard::GetDashboard,
    domain::health::Health,
    server::sync::{sync_connection, SyncEnd, Trigger},
    wire::dashboard::Dashboard,
};

use crate::{
    connections::copy_connection,
    support::{
        browser::Browser,
        connections::{create_connection, make_private, save_credential},
        TestApp,
    },
    sync::connected,
};

fn world() -> World {
    World::default()
        .token_prefix("team_", Access::team("Ops"))
        .with_monitors("Ops", 12)
        .with_incidents("Ops", "2026-11-20", 3)
}

async fn dashboard(browser: &Browser) -> Dashboard {
    let reply = browser.call::<GetDashboard>(&[]).await;
    assert_eq!(reply.status, 200, "{reply:?}");
    serde_json::from_str(&reply.body).unwrap()
}

#[tokio::test]
async fn with_no_connection_yet_home_leads_to_add_connection() {
    let app = TestApp::spawn().await;
    let admin = app.create_admin("ada@acme.test").await;
    assert!(dashboard(&admin).await.connections.is_empty());
    let home = admin.get("/").await;
    assert_eq!(home.status, 200);
    assert!(
        home.body
            .contains(r#"href="/settings/connections/new">Add Connection</a>"#),
        "{}",
        home.body
    );
}

#[tokio::test]
async fn home_shows_a_failing_and_a_healthy_connection_and_what_is_down() {
    let (app, double, admin, healthy) = connected(world()).await;
    let revoked = "team_willBeRevoked00001";
    let tile = save_credential(&admin, "Old", revoked).await;
    let failing = create_connection(&app, &admin, tile.id, "Broken", "workspace", None).await;
    double.with(|world| world.revoke(revoked));
    let ended = sync_connection(&app.state, failing, Trigger::Manual)
        .await
        .expect("the sync ran");
    assert_eq!(ended.outcome, SyncEnd::TokenRejected);

    let seen = dashboard(&admin).await;
    let by_name = |name: &str| {
        seen.connections
            .iter()
            .find(|c| c.name == name)
            .unwrap_or_else(|| panic!("{name} listed"))
    };
    assert_eq!(seen.connections[0].name, "Broken", "failing first");
    assert_eq!(by_name("Broken").health.health, Health::Failing);
    assert!(by_name("Broken").health.since.is_some());
    assert_eq!(by_name("Status").health.health, Health::Healthy);
    assert!(by_name("Status").last_sync.is_some());
    assert_eq!(
        by_name("Status").href,
        format!("/connections/betterstack-uptime/{healthy}")
    );
    let count = |health| {
        seen.health_counts
            .iter()
            .find(|(h, _)| *h == health)
            .unwrap()
            .1
    };
    assert_eq!((count(Health::Failing), count(Health::Healthy)), (1, 1));

    // Both connections read the same monitors: Service 3 and Service 10 are down in each.
    assert_eq!(seen.down_total, 4);
    assert_eq!(seen.down[0].name, "Service 3", "{:?}", seen.down);
    assert!(seen.down.iter().all(|d| d.what == "Monitor"));
    assert_eq!(
        seen.open_total, 2,
        "incident 1 of 3 is open, in each connection"
    );
    assert!(seen
        .open_incidents
        .iter()
        .all(|i| i.acknowledged_by.is_none()));
    let worst: Vec<f64> = seen.worst_availability.iter().map(|a| a.percent).collect();
    assert!(worst.windows(2).all(|w| w[0] <= w[1]), "{worst:?}");
    assert!(seen.worst_availability[0]
        .href
        .ends_with("?section=overview"));
}

#[tokio::test]
async fn a_connection_the_viewer_may_not_see_is_not_on_their_dashboard() {
    let (app, _double, admin, id) = connected(world()).await;
    make_private(&app, id).await;
    let member = app.add_member(&admin, "bo@acme.test", "Bo", "member").await;
    let seen = dashboard(&member).await;
    assert!(seen.connections.is_empty());
    assert_eq!((seen.down_total, seen.open_total), (0, 0));
    assert!(seen.worst_availability.is_empty());
    assert_eq!(dashboard(&admin).await.connections.len(), 1);
}

#[tokio::test]
async fn home_lists_the_connections_fifty_a_page_worst_first() {
    let (app, _double, admin, id) = connected(world()).await;
    copy_connection(&app, id, "Copy", 60).await;
    assert_eq!(dashboard(&admin).await.connections.len(), 61);

    let first = admin.get("/").await.body;
    assert!(first.contains("Page 1 of 2 (61 connections)"), "{first}");
    assert!(first.contains(r#"href="?page=2""#));
    // Not synced yet comes before Healthy; names in the order people count.
    assert!(first.contains(">Copy 001<") && first.contains(">Copy 050<"));
    assert!(!first.contains(">Copy 051<") && !first.contains(">Status<"));

    let second = admin.get("/?page=2").await.body;
    assert!(second.contains("Page 2 of 2 (61 connections)"));
    assert!(second.contains(">Copy 060<") && second.contains(">Status<"));
    assert!(!second.contains(">Copy 050<"));
    let past_the_end = admin.get("/?page=9").await.body;
    assert!(
        past_the_end.contains("Page 2 of 2"),
        "a page past the end shows the last"
    );
}
