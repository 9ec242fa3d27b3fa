//! Pulling the data: every page, politely, and never to another host; failures keep what
//! was there and say what happened.

use std::collections::BTreeMap;

use betterstack_double::{Access, Collection, Double, World};
use plugboard::{
    api::{
        connections::ListConnections,
        sync::{GetSyncStatus, ListRecords, SyncNow},
    },
    server::{
        infra::config::DEFAULT_DETAILS_PER_SYNC,
        repo::{sync_runs, synced},
        sync::{scheduler, sync_connection, Trigger},
    },
};

use crate::support::{
    browser::Browser,
    connections::{app_with_double, create_connection, save_credential, SOURCE},
    TestApp,
};
use plugboard::server::sync::SyncEnd;
use plugboard::wire::{
    connections::SourceConnections,
    data::{DataTable, SyncStatus},
};

const TOKEN: &str = "team_syncToken0000AAAA";

fn big_world(monitors: usize, incidents: usize) -> World {
    let mut world = World::default()
        .token_prefix("team_", Access::team("Ops"))
        .with_monitors("Ops", monitors)
        .with_monitors("Web", 7)
        .with_incidents("Ops", "2026-11-18", incidents / 2)
        .with_incidents("Ops", "2026-11-20", incidents - incidents / 2);
    for n in 0..3 {
        world.push(
            Collection::Heartbeats,
            betterstack_double::fixtures::heartbeat(n, "Ops"),
        );
    }
    world.push(
        Collection::StatusPages,
        betterstack_double::fixtures::status_page(1, "Ops"),
    );
    world.push(
        Collection::MonitorGroups,
        betterstack_double::fixtures::monitor_group(1, "Ops"),
    );
    world
}

/// An Admin with one connection; its first sync has run.
pub(crate) async fn connected(world: World) -> (TestApp, Double, Browser, i64) {
    let (app, double) = app_with_double(world).await;
    let admin = app.create_admin("ada@acme.test").await;
    let tile = save_credential(&admin, "Prod", TOKEN).await;
    let id = create_connection(&app, &admin, tile.id, "Status", "workspace", None).await;
    (app, double, admin, id)
}

async fn counts(app: &TestApp, id: i64) -> BTreeMap<String, i64> {
    synced::counts(&app.state.pool, id).await.unwrap()
}

async fn status(browser: &Browser, id: i64) -> SyncStatus {
    let reply = browser
        .call::<GetSyncStatus>(&[("source", SOURCE), ("id", &id.to_string())])
        .await;
    assert_eq!(reply.status, 200, "{reply:?}");
    serde_json::from_str(&reply.body).unwrap()
}

/// Requests per path, with the pages asked for, after the credential's check (which ends
/// with its probe of the token's kind).
fn pages_asked(double: &Double) -> BTreeMap<String, Vec<String>> {
    let mut asked: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let requests = double.requests();
    let after_check = requests
        .iter()
        .rposition(|r| r.query.contains("team_name=plugboard-token-kind-probe"))
        .expect("the check probed the token's kind");
    for request in requests.into_iter().skip(after_check + 1) {
        asked.entry(request.path).or_default().push(request.query);
    }
    asked
}

#[tokio::test]
async fn creating_a_connection_pulls_every_page_of_every_list_and_the_counts_match() {
    let (app, double, admin, id) = connected(big_world(600, 120)).await;
    assert_eq!(
        counts(&app, id).await["monitors"],
        600,
        "the team token sees its team's monitors only"
    );
    assert_eq!(counts(&app, id).await["incidents"], 120);
    assert_eq!(counts(&app, id).await["heartbeats"], 3);
    assert_eq!(counts(&app, id).await["status_pages"], 1);
    assert_eq!(counts(&app, id).await["monitor_groups"], 1);

    let asked = pages_asked(&double);
    assert_eq!(
        asked["/api/v2/monitors"],
        [
            "per_page=250&page=1",
            "per_page=250&page=2",
            "per_page=250&page=3"
        ]
    );
    assert_eq!(
        asked["/api/v3/incidents"],
        [
            "per_page=50&page=1",
            "per_page=50&page=2",
            "per_page=50&page=3"
        ]
    );
    assert!(double.requests().iter().all(|r| r.bearer() == Some(TOKEN)));

    let status = status(&admin, id).await;
    let last = status.last.unwrap();
    assert!(last.succeeded, "{last:?}");
    // Seven lists of one page but monitors (3) and incidents (3), then a request per monitor
    // for availability and for response times, as many as one sync reads.
    let per_monitor = 2 * DEFAULT_DETAILS_PER_SYNC;
    assert_eq!(last.pages, 3 + 3 + 6 + per_monitor as i64);
    // Two regions, a point every half hour for a day.
    let response_times = DEFAULT_DETAILS_PER_SYNC * 2 * 48;
    assert_eq!(
        last.rows_changed,
        (600 + 120 + 3 + 1 + 1 + DEFAULT_DETAILS_PER_SYNC + response_times) as i64
    );
    let shown: Vec<(String, i64)> = status
        .counts
        .into_iter()
        .map(|k| (k.label, k.count))
        .collect();
    assert_eq!(
        shown,
        [
            ("Monitors", 600),
            ("Monitor groups", 1),
            ("Heartbeats", 3),
            ("Heartbeat groups", 0),
            ("Incidents", 120),
            ("Status pages", 1),
            ("On-call calendars", 0),
            ("Escalation policies", 0),
            ("Availability (30 days)", DEFAULT_DETAILS_PER_SYNC as i64),
            ("Response times", response_times as i64),
        ]
        .map(|(label, count)| (label.to_owned(), count)),
        "each figure the page shows is its own kind's count"
    );
}

#[tokio::test]
async fn secrets_inside_the_pulled_payloads_are_not_stored() {
    let mut world = big_world(20, 4);
    // Checked URLs carry credentials in their user-info and query.
    let mut monitor = betterstack_double::fixtures::monitor(500, "Ops");
    monitor["attributes"]["url"] =
        "https://probe:url-password-1@service.example.com/health?api_key=url-query-secret".into();
    world.push(Collection::Monitors, monitor);
    let mut incident = betterstack_double::fixtures::incident(500, "Ops", "2026-11-20", false);
    incident["attributes"]["url"] =
        "https://probe:url-password-2@service.example.com/?token=url-query-secret#url-fragment-secret".into();
    world.push(Collection::Incidents, incident);
    world.push(
        Collection::Policies,
        betterstack_double::fixtures::policy(1, "Ops"),
    );
    let (app, _double, _admin, id) = connected(world).await;
    assert_eq!(counts(&app, id).await["escalation_policies"], 1);
    let kept = crate::support::connections::stored_field(&app, "monitors", id, "1500", "url")
        .await
        .unwrap();
    assert_eq!(kept, "https://service.example.com/health?api_key=");
    sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)")
        .execute(&app.state.pool)
        .await
        .unwrap();
    let bytes = std::fs::read(app.dir.path().join("plugboard.db")).unwrap();
    for secret in [
        "monitor-password-",
        "header-secret-",
        "secret-ping-",
        "policy-incident-token-",
        "url-password-",
        "url-query-secret",
        "url-fragment-secret",
    ] {
        assert!(
            !bytes.windows(secret.len()).any(|w| w == secret.as_bytes()),
            "{secret} was stored"
        );
    }
}

#[tokio::test]
async fn a_second_sync_changes_only_what_changed_and_pulls_incidents_from_the_newest_day() {
    // 20 monitors and 3 heartbeats: the first sync read all their availability.
    let (app, double, _admin, id) = connected(big_world(20, 10)).await;
    let before = counts(&app, id).await["response_times"];
    let again = sync_connection(&app.state, id, Trigger::Manual)
        .await
        .unwrap();
    // Response times are a series: points Better Stack added since (a new half hour) are
    // new rows. Nothing else changed.
    let added = counts(&app, id).await["response_times"] - before;
    assert_eq!(
        (again.outcome, again.rows_changed),
        (SyncEnd::Ok, added as u64)
    );
    let incidents: Vec<String> = double
        .requests()
        .into_iter()
        .filter(|r| r.path == "/api/v3/incidents")
        .map(|r| r.query)
        .collect();
    assert_eq!(
        incidents[incidents.len() - 2..],
        [
            "from=2026-11-20&per_page=50&page=1",
            "resolved=false&per_page=50&page=1"
        ],
        "from the newest day on, and every open incident"
    );

    double.with(|world| {
        world.push(
            Collection::Incidents,
            betterstack_double::fixtures::incident(900, "Ops", "2026-11-21", false),
        );
        world.data.get_mut(&Collection::Monitors).unwrap().remove(0);
    });
    let before = counts(&app, id).await["response_times"];
    let third = sync_connection(&app.state, id, Trigger::Manual)
        .await
        .unwrap();
    let added = counts(&app, id).await["response_times"] - before;
    assert_eq!(
        third.rows_changed,
        3 + added as u64,
        "one incident added, one monitor gone with its availability"
    );
    assert_eq!(counts(&app, id).await["incidents"], 11);
    assert_eq!(counts(&app, id).await["monitors"], 19);
    assert_eq!(counts(&app, id).await["availability"], 19 + 3);
}

#[tokio::test]
async fn throttling_on_every_other_request_is_waited_out_as_retry_after_asks() {
    let world = big_world(300, 60).token(
        TOKEN,
        Access::RateLimitedEveryOther {
            retry_after_secs: 1,
            then: Box::new(Access::team("Ops")),
        },
    );
    let (app, double, admin, id) = connected(world).await;
    assert_eq!(counts(&app, id).await["monitors"], 300);
    assert_eq!(counts(&app, id).await["incidents"], 60);
    assert!(status(&admin, id).await.last.unwrap().succeeded);
    let requests = double.requests();
    let throttled: Vec<usize> = (0..requests.len())
        .filter(|&i| requests[i].status == 429)
        .collect();
    assert!(throttled.len() >= 4, "{throttled:?}");
    for i in throttled {
        if let Some(next) = requests.get(i + 1) {
            let waited = next.arrived_ms - requests[i].arrived_ms;
            assert!(
                waited >= 1000,
                "retried after {waited} ms, before Retry-After"
            );
        }
    }
}

#[tokio::test]
async fn no_more_than_eight_requests_a_second_go_out_for_one_token() {
    let (_app, double, _admin, _id) = connected(big_world(2500, 400)).await;
    let times: Vec<u64> = double
        .requests()
        .iter()
        .filter(|r| r.bearer() == Some(TOKEN))
        .map(|r| r.arrived_ms)
        .collect();
    assert!(
        times.len() >= 20,
        "enough requests to measure: {}",
        times.len()
    );
    for (i, start) in times.iter().enumerate() {
        let in_a_second = times[i..].iter().take_while(|t| **t < start + 1000).count();
        assert!(
            in_a_second <= 8,
            "{in_a_second} requests within a second from {start} ms"
        );
    }
}

#[tokio::test]
async fn a_token_revoked_between_syncs_marks_the_connection_failing_and_keeps_its_data() {
    let (app, double, admin, id) = connected(big_world(40, 6)).await;
    double.with(|world| world.revoke(TOKEN));
    let outcome = sync_connection(&app.state, id, Trigger::Schedule)
        .await
        .unwrap();
    assert_eq!(outcome.outcome, SyncEnd::TokenRejected);
    assert_eq!(
        counts(&app, id).await["monitors"],
        40,
        "the data already pulled stays"
    );

    let status = status(&admin, id).await;
    assert!(status.token_rejected_since.is_some());
    assert_eq!(status.last.unwrap().outcome, "Failing — token rejected");
    let list: SourceConnections = serde_json::from_str(
        &admin
            .call::<ListConnections>(&[("source", SOURCE)])
            .await
            .body,
    )
    .unwrap();
    assert_eq!(
        list.connections[0].status_text,
        "Failing — token rejected since"
    );
    assert!(list.connections[0].since.is_some());
    let page = admin
        .get(&format!(
            "/connections/betterstack-uptime/{id}?section=data"
        ))
        .await
        .body;
    assert!(page.contains("Failing — token rejected since"));
    let step_two = admin
        .get("/settings/connections/new?step=credentials&source=betterstack-uptime")
        .await
        .body;
    assert!(
        step_two.contains("Failing — token rejected"),
        "the credential tile says so too"
    );
}

#[tokio::test]
async fn a_next_link_to_another_host_is_followed_by_its_page_number_only() {
    let elsewhere =
        Double::start(World::default().token_prefix("team_", Access::team("Ops"))).await;
    let world = big_world(600, 120).next_links_to(elsewhere.base_url());
    let (app, double, _admin, id) = connected(world).await;
    assert_eq!(counts(&app, id).await["monitors"], 600);
    assert!(
        elsewhere.requests().is_empty(),
        "nothing was sent to the other host"
    );
    assert!(double
        .requests()
        .iter()
        .any(|r| r.query == "per_page=250&page=3"));
}

#[tokio::test]
async fn lists_a_token_may_not_read_and_details_it_may_not_read_leave_the_rest_to_sync() {
    let mut world = big_world(4, 2);
    world.failing_paths.insert("/api/v2/on-calls".into(), 403);
    world.failing_paths.insert("/api/v3/policies".into(), 404);
    world
        .failing_paths
        .insert("/api/v2/monitors/1000/sla".into(), 403);
    world
        .failing_paths
        .insert("/api/v2/monitors/1000/response-times".into(), 403);
    let (app, double, admin, id) = connected(world).await;
    let last = status(&admin, id).await.last.unwrap();
    assert!(last.succeeded, "{last:?}");
    let counts = counts(&app, id).await;
    assert_eq!((counts["monitors"], counts["incidents"]), (4, 2));
    assert!(!counts.contains_key("availability") && !counts.contains_key("response_times"));
    let asked: Vec<String> = double.requests().iter().map(|r| r.path.clone()).collect();
    assert!(
        asked.iter().any(|path| path == "/api/v2/policies"),
        "policies were asked for where an older API has them"
    );
    assert!(
        !asked.iter().any(|path| path == "/api/v2/monitors/1001/sla"),
        "after a refusal, no more detail reads this sync"
    );
}

#[tokio::test]
async fn a_sync_that_fails_midway_keeps_the_previous_data_and_records_the_failure() {
    let (app, double, admin, id) = connected(big_world(30, 10)).await;
    double.with(|world| {
        world
            .data
            .get_mut(&Collection::Monitors)
            .unwrap()
            .truncate(5);
        world.failing_paths.insert("/api/v3/incidents".into(), 422);
    });
    let outcome = sync_connection(&app.state, id, Trigger::Manual)
        .await
        .unwrap();
    assert_eq!(outcome.outcome, SyncEnd::Failed);
    assert_eq!(
        counts(&app, id).await["monitors"],
        30,
        "the monitors pulled this time were not stored"
    );
    let last = status(&admin, id).await.last.unwrap();
    assert!(
        last.outcome
            .starts_with("Failed: /api/v3/incidents answered 422"),
        "{}",
        last.outcome
    );
    let runs: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM sync_runs WHERE connection_id = ?")
        .bind(id)
        .fetch_one(&app.state.pool)
        .await
        .unwrap();
    assert_eq!(runs, 2);
}

#[tokio::test]
async fn sync_now_starts_one_sync_at_a_time_and_only_for_those_who_may_manage() {
    let world = big_world(20, 2).token(
        TOKEN,
        Access::Slow {
            delay: std::time::Duration::from_millis(300),
            then: Box::new(Access::team("Ops")),
        },
    );
    let (app, _double, admin, id) = connected(world).await;
    let member = app.add_member(&admin, "bo@acme.test", "Bo", "member").await;
    let id_text = id.to_string();
    let form = [("source", SOURCE), ("id", id_text.as_str())];
    assert_eq!(admin.call::<SyncNow>(&form).await.status, 200);
    let twice = admin.call::<SyncNow>(&form).await;
    assert_eq!(twice.status, 409, "{twice:?}");
    assert!(
        status(&admin, id).await.running_pages.is_some(),
        "progress is visible while it runs"
    );
    assert_eq!(member.call::<SyncNow>(&form).await.status, 403);
    app.state.syncs.wait_idle().await;
    assert!(
        status(&member, id).await.last.unwrap().succeeded,
        "a member who can see sees the result"
    );
}

#[tokio::test]
async fn the_schedule_syncs_connections_whose_last_sync_is_an_interval_old() {
    let (app, _double, _admin, id) = connected(big_world(5, 2)).await;
    assert_eq!(scheduler::start_due(&app.state).await, 0, "just synced");
    sqlx::query("UPDATE sync_runs SET started_at = started_at - 901")
        .execute(&app.state.pool)
        .await
        .unwrap();
    assert_eq!(scheduler::start_due(&app.state).await, 1);
    app.state.syncs.wait_idle().await;
    assert_eq!(
        sync_runs::latest_finished(&app.state.pool, id)
            .await
            .unwrap()
            .unwrap()
            .trigger,
        sync_runs::Trigger::Schedule
    );
}

#[tokio::test]
async fn the_tables_sort_filter_and_page_hundreds_of_rows() {
    let (_app, _double, admin, id) = connected(big_world(130, 60)).await;
    let id = id.to_string();
    let page = |sort: &'static str, dir: &'static str, filter: &'static str, page: &'static str| {
        let admin = &admin;
        let id = id.clone();
        async move {
            let reply = admin
                .call::<ListRecords>(&[
                    ("source", SOURCE),
                    ("id", &id),
                    ("kind", "monitors"),
                    ("sort", sort),
                    ("dir", dir),
                    ("filter", filter),
                    ("page", page),
                ])
                .await;
            assert_eq!(reply.status, 200, "{reply:?}");
            serde_json::from_str::<DataTable>(&reply.body).unwrap()
        }
    };
    let first = page("name", "asc", "", "1").await;
    assert_eq!((first.total, first.pages, first.rows.len()), (130, 3, 50));
    assert_eq!(first.rows[0][0], "Service 0");
    assert_eq!(
        (first.rows[2][0].as_str(), first.rows[10][0].as_str()),
        ("Service 2", "Service 10"),
        "names sort as people count"
    );
    assert_eq!(first.columns[0].label, "Name");
    let last = page("name", "asc", "", "3").await;
    assert_eq!(last.rows.len(), 30);
    let descending = page("name", "desc", "", "1").await;
    assert_eq!(descending.rows[0][0], "Service 129");
    let filtered = page("name", "asc", "Service 12", "1").await;
    assert_eq!(filtered.total, 11, "Service 12 and 120–129");
    let hostile = page("name; DROP TABLE synced_records", "asc", "%_'\"", "1").await;
    assert_eq!(hostile.total, 0);
    assert_eq!(
        hostile.sort, "name",
        "an unknown sort key sorts the default way"
    );
    let incidents = admin
        .call::<ListRecords>(&[("source", SOURCE), ("id", &id), ("kind", "incidents")])
        .await;
    let incidents: DataTable = serde_json::from_str(&incidents.body).unwrap();
    assert_eq!(incidents.total, 60);
    assert_eq!(incidents.columns[3].label, "Started");
    assert!(incidents.columns[3].time);
    let started = &incidents.rows[0][3];
    assert!(
        started.starts_with("2026-11-20T"),
        "newest first: {started}"
    );
    assert!(
        started.ends_with('Z') && started.len() == "2026-11-20T00:00:00Z".len(),
        "in UTC to the second: {started}"
    );
    let html = admin
        .get(&format!(
            "/connections/{SOURCE}/{id}?section=data&data=incidents"
        ))
        .await
        .body;
    let shown = format!(
        r#"<time datetime="{started}">{} {} UTC"#,
        &started[..10],
        &started[11..16]
    );
    assert!(html.contains(&shown), "{shown} in {html}");
    let unknown = admin
        .call::<ListRecords>(&[("source", SOURCE), ("id", &id), ("kind", "users")])
        .await;
    assert_eq!(unknown.status, 404, "a kind the source does not pull");
}

#[tokio::test]
async fn downloads_are_csv_and_json_for_those_who_can_see_the_connection() {
    let (app, _double, admin, id) = connected(big_world(12, 4)).await;
    let csv = admin
        .get(&format!(
            "/connections/betterstack-uptime/{id}/monitors.csv"
        ))
        .await;
    assert_eq!(csv.status, 200);
    let lines: Vec<&str> = csv.body.lines().collect();
    assert_eq!(
        lines[0],
        "id,name,url,type,status,check_frequency_seconds,last_checked_at,group,group_id,regions,\
         paused_at,created_at,ssl_expiration_days,domain_expiration_days,team"
    );
    assert_eq!(lines.len(), 13);
    assert!(
        lines[1].contains(",us; eu,"),
        "a list is one cell: {}",
        lines[1]
    );
    let json = admin
        .get(&format!(
            "/connections/betterstack-uptime/{id}/incidents.json"
        ))
        .await;
    let rows: Vec<serde_json::Value> = serde_json::from_str(&json.body).unwrap();
    assert_eq!(rows.len(), 4);
    assert!(rows[0]["started_at"].is_string());
    assert!(!csv.body.contains("monitor-password") && !json.body.contains("secret"));

    let outsider = app
        .add_member(&admin, "eve@acme.test", "Eve", "member")
        .await;
    crate::support::connections::make_private(&app, id).await;
    assert_eq!(
        outsider
            .get(&format!(
                "/connections/betterstack-uptime/{id}/monitors.csv"
            ))
            .await
            .status,
        404
    );
    let anonymous = app.browser();
    let signed_out = anonymous
        .get(&format!(
            "/connections/betterstack-uptime/{id}/monitors.csv"
        ))
        .await;
    assert!(signed_out.location.unwrap().starts_with("/login"));
}
