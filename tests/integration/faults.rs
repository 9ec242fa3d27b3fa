//! Better Stack slow, down, or answering garbage: pages stay fast, the failure is shown in
//! words, what was pulled before is kept, and outgoing work stays bounded.

use std::{
    sync::Arc,
    time::{Duration, Instant},
};

use betterstack_double::{Access, Double};
use plugboard::{
    api::{
        connection_changes::TestConnection,
        sync::{GetSyncStatus, SyncNow},
    },
    domain::token_check::SOURCE_UNREACHABLE,
    server::{
        connectors::betterstack::check::REACH_PATIENCE,
        infra::outbound::MAX_ANSWER_BYTES,
        repo::synced,
        sync::{registry::CONCURRENT_CHECKS, scheduler, sync_connection, Trigger},
    },
};

use crate::support::{
    browser::Browser,
    connections::{app_with_double, create_connection, save_credential, usual_world, SOURCE},
    TestApp,
};
use plugboard::server::sync::SyncEnd;
use plugboard::wire::{connection_detail::CheckReport, data::SyncStatus};

const TOKEN: &str = "team_faultsToken0000AAAA";

/// An Admin with one workspace connection whose first sync pulled the usual world.
async fn connected() -> (TestApp, Double, Arc<Browser>, i64) {
    let (app, double) = app_with_double(usual_world()).await;
    let admin = app.create_admin("ada@acme.test").await;
    let tile = save_credential(&admin, "Prod", TOKEN).await;
    let id = create_connection(&app, &admin, tile.id, "Status", "workspace", None).await;
    (app, double, Arc::new(admin), id)
}

fn answer_as(double: &Double, access: Access) {
    double.with(|world| world.tokens.insert(TOKEN.to_owned(), access));
}

async fn sync_now(admin: &Browser, id: i64) -> u16 {
    let id = id.to_string();
    admin
        .call::<SyncNow>(&[("source", SOURCE), ("id", &id)])
        .await
        .status
}

async fn test_now(admin: &Browser, id: i64) -> CheckReport {
    let id = id.to_string();
    let reply = admin
        .call::<TestConnection>(&[("source", SOURCE), ("id", &id)])
        .await;
    assert_eq!(reply.status, 200, "{reply:?}");
    serde_json::from_str(&reply.body).unwrap()
}

async fn status(admin: &Browser, id: i64) -> SyncStatus {
    let id = id.to_string();
    let reply = admin
        .call::<GetSyncStatus>(&[("source", SOURCE), ("id", &id)])
        .await;
    assert_eq!(reply.status, 200, "{reply:?}");
    serde_json::from_str(&reply.body).unwrap()
}

async fn monitors(app: &TestApp, id: i64) -> i64 {
    synced::counts(&app.state.pool, id).await.unwrap()["monitors"]
}

/// The slowest of a few rounds of the pages people use while the source is slow.
async fn slowest_page(admin: &Browser, id: i64) -> Duration {
    let detail = format!("/connections/{SOURCE}/{id}");
    let mut slowest = Duration::ZERO;
    for _ in 0..5 {
        for path in [
            "/connections/betterstack-uptime",
            detail.as_str(),
            "/healthz",
        ] {
            let started = Instant::now();
            let reply = admin.get(path).await;
            assert_eq!(reply.status, 200, "{path}: {reply:?}");
            slowest = slowest.max(started.elapsed());
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    slowest
}

/// The most requests the double was answering at once after its first `skip`, knowing each
/// took `answer_time`.
fn most_in_flight(double: &Double, skip: usize, answer_time: Duration) -> usize {
    let arrivals: Vec<u64> = double.requests()[skip..]
        .iter()
        .filter(|r| r.bearer() == Some(TOKEN))
        .map(|r| r.arrived_ms)
        .collect();
    // A little under the answer time, so scheduling jitter cannot count a finished one.
    let window = answer_time.as_millis() as u64 - 300;
    arrivals
        .iter()
        .map(|&start| {
            arrivals
                .iter()
                .filter(|&&a| a >= start && a < start + window)
                .count()
        })
        .max()
        .unwrap_or(0)
}

#[tokio::test]
async fn a_slow_better_stack_keeps_pages_fast_and_nothing_piles_up() {
    let (app, double, admin, id) = connected().await;
    // A check waits for the answer to its verdict and then reads the teams for a few
    // seconds more: the checks beyond the bound get their turn within their patience.
    let answer_time = Duration::from_millis(1500);
    answer_as(
        &double,
        Access::Slow {
            delay: answer_time,
            then: Box::new(Access::team("Ops")),
        },
    );
    let already = double.requests().len();

    // More checks than the server runs at once, from three Admins: one person alone may have
    // only two under way (server::services::check_budget).
    let mut admins = vec![admin.clone()];
    for n in 0..2 {
        let email = format!("admin{n}@acme.test");
        admins.push(Arc::new(
            app.add_member(&admin, &email, "Another Admin", "admin")
                .await,
        ));
    }
    assert_eq!(sync_now(&admin, id).await, 200);
    let checks: Vec<_> = (0..CONCURRENT_CHECKS + 2)
        .map(|n| {
            let admin = admins[n % admins.len()].clone();
            tokio::spawn(async move {
                let started = Instant::now();
                (test_now(&admin, id).await, started.elapsed())
            })
        })
        .collect();
    tokio::time::sleep(Duration::from_millis(300)).await;

    let slowest = slowest_page(&admin, id).await;
    assert!(
        slowest < Duration::from_secs(1),
        "a page took {slowest:?} while Better Stack was slow"
    );
    assert_eq!(
        sync_now(&admin, id).await,
        409,
        "a second sync of the same connection does not start while one runs"
    );
    assert!(status(&admin, id).await.running_pages.is_some());

    for check in checks {
        let (report, took) = check.await.unwrap();
        assert!(report.works, "{}", report.message);
        assert!(took < (answer_time * 2 + REACH_PATIENCE) * 2, "{took:?}");
    }
    // Checks beyond the bound waited for a turn; the running sync adds one request at a time.
    let in_flight = most_in_flight(&double, already, answer_time);
    assert_eq!(
        in_flight,
        CONCURRENT_CHECKS + 1,
        "{:?}",
        &double.requests()[already..]
    );

    answer_as(&double, Access::team("Ops"));
    app.state.syncs.wait_idle().await;
    assert!(status(&admin, id).await.last.unwrap().succeeded);
}

#[tokio::test]
async fn a_better_stack_that_is_down_fails_the_sync_in_words_and_keeps_what_was_pulled() {
    let (app, double, admin, id) = connected().await;
    let pulled = monitors(&app, id).await;
    assert!(pulled > 0);
    answer_as(&double, Access::Unavailable);

    assert_eq!(sync_now(&admin, id).await, 200);
    let slowest = slowest_page(&admin, id).await;
    assert!(slowest < Duration::from_secs(1), "{slowest:?}");
    app.state.syncs.wait_idle().await;

    let last = status(&admin, id).await.last.unwrap();
    assert!(!last.succeeded);
    assert_eq!(
        last.outcome, "Failed: no usable answer after 5 attempts",
        "503s are retried with back-off, then given up on"
    );
    assert_eq!(monitors(&app, id).await, pulled);
    let report = test_now(&admin, id).await;
    assert_eq!(
        (report.works, report.message.as_str()),
        (false, SOURCE_UNREACHABLE)
    );
    let page = admin
        .get(&format!("/connections/{SOURCE}/{id}?section=data"))
        .await
        .body;
    assert!(page.contains("Failed: no usable answer after 5 attempts"));
}

#[tokio::test]
async fn nothing_listening_at_the_source_address_is_reported_quickly() {
    // TestApp's default source address is 127.0.0.1:9, where nothing listens.
    let app = TestApp::spawn().await;
    let admin = app.create_admin("ada@acme.test").await;
    let reply = admin
        .call::<plugboard::api::connections::SaveCredential>(&[
            ("source", SOURCE),
            ("name", "Down"),
            ("token", TOKEN),
        ])
        .await;
    assert_eq!(reply.status, 502, "{reply:?}");
    let started = Instant::now();
    let tile = save_unchecked(&admin).await;
    let id = create_connection(&app, &admin, tile, "Status", "workspace", None).await;
    assert!(
        started.elapsed() < Duration::from_secs(15),
        "the first sync gives up after its attempts: {:?}",
        started.elapsed()
    );
    let last = status(&admin, id).await.last.unwrap();
    assert_eq!(last.outcome, "Failed: no usable answer after 5 attempts");
    let started = Instant::now();
    let report = test_now(&admin, id).await;
    assert_eq!(report.message, SOURCE_UNREACHABLE);
    assert!(started.elapsed() < Duration::from_secs(2));
}

async fn save_unchecked(admin: &Browser) -> i64 {
    let reply = admin
        .call::<plugboard::api::connections::SaveCredential>(&[
            ("source", SOURCE),
            ("name", "Unchecked"),
            ("token", TOKEN),
            ("check", "skip"),
        ])
        .await;
    assert_eq!(reply.status, 200, "{reply:?}");
    serde_json::from_str::<plugboard::wire::connections::CredentialTile>(&reply.body)
        .unwrap()
        .id
}

#[tokio::test]
async fn garbage_or_an_endless_answer_fails_the_sync_and_keeps_what_was_pulled() {
    let (app, double, admin, id) = connected().await;
    let pulled = monitors(&app, id).await;

    for (bytes, says) in [
        (300, "Failed: the source sent something that is not JSON"),
        (
            MAX_ANSWER_BYTES + 1,
            "Failed: /api/v2/monitor-groups: an answer larger than 8 MiB",
        ),
    ] {
        answer_as(&double, Access::Garbage { bytes });
        assert_eq!(sync_now(&admin, id).await, 200);
        app.state.syncs.wait_idle().await;
        let last = status(&admin, id).await.last.unwrap();
        assert!(last.outcome.starts_with(says), "{}", last.outcome);
        assert_eq!(monitors(&app, id).await, pulled);
        let report = test_now(&admin, id).await;
        assert_eq!(
            (report.works, report.message.as_str()),
            (false, SOURCE_UNREACHABLE)
        );
    }
}

#[tokio::test]
async fn a_long_retry_after_is_waited_out_in_the_background_and_the_connection_says_it_is_waiting()
{
    let (app, double, admin, id) = connected().await;
    answer_as(
        &double,
        Access::RateLimited {
            retry_after_secs: 120,
        },
    );
    let started = Instant::now();
    let outcome = sync_connection(&app.state, id, Trigger::Manual)
        .await
        .unwrap();
    assert_eq!(outcome.outcome, SyncEnd::RateLimited);
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "the sync ended instead of sitting on its slot for two minutes"
    );
    assert!(status(&admin, id).await.rate_limited_until.is_some());
    assert_eq!(monitors(&app, id).await, 3, "what was pulled before stays");
    let page = admin
        .get(&format!("/connections/{SOURCE}/{id}?section=data"))
        .await
        .body;
    assert!(
        page.contains("Waiting for Better Stack (rate limited)"),
        "{page}"
    );
    assert_eq!(
        scheduler::start_due(&app.state).await,
        0,
        "not retried before the wait is over"
    );

    // The wait is over, and Better Stack answers again.
    sqlx::query(
        "UPDATE connections SET rate_limited_until = rate_limited_until - 121 WHERE id = ?",
    )
    .bind(id)
    .execute(&app.state.pool)
    .await
    .unwrap();
    answer_as(&double, Access::team("Ops"));
    assert_eq!(scheduler::start_due(&app.state).await, 1);
    app.state.syncs.wait_idle().await;
    let after = status(&admin, id).await;
    assert_eq!(after.rate_limited_until, None);
    assert!(after.last.unwrap().succeeded);
}
