//! `kill -9` in the middle of a token swap and of a sync, then a restart: the stored token is
//! the old one or the new one and decrypts, and the pulled data is the previous complete set
//! or the new complete set. Run against the real binary and its database file.

use std::{collections::BTreeSet, path::Path, time::Duration};

use betterstack_double::{fixtures, Access, Collection, Double};
use leptos::server_fn::ServerFn;
use plugboard::api::{
    connection_changes::{SwapToken, TestConnection},
    connections::{CreateConnection, ListConnections},
    session::CreateWorkspace,
    sync::SyncNow,
};
use tokio::process::Child;

use crate::support::{
    accounts::PASSWORD,
    browser::Browser,
    connections::{save_credential, usual_world, SOURCE},
    spawn_binary::{capture_logs, command_in, start},
};
use plugboard::wire::{connection_detail::CheckReport, connections::SourceConnections};

const KEY: &str = "q2Q6r7vL3m1y0Xk9D8c5b4a3Z2Y1X0W9V8U7T6S5R4Q=";
const FIRST_TOKEN: &str = "team_crashToken0000FIRST";

/// Starts the binary on the database in `dir`; points `browser` at it.
async fn boot(dir: &Path, double: &Double, browser: &mut Browser) -> Child {
    let mut command = command_in(dir);
    command
        .env("BETTERSTACK_UPTIME_URL", double.base_url())
        .env("PLUGBOARD_MASTER_KEY", KEY);
    let mut server = start(command);
    let (_logs, address) = capture_logs(&mut server).await;
    browser.base = format!("{address}/").parse().unwrap();
    server
}

async fn kill_9(server: &mut Child) {
    server.start_kill().unwrap(); // SIGKILL: no shutdown, no flush, no goodbye.
    server.wait().await.unwrap();
}

async fn until(what: &str, mut done: impl FnMut() -> bool) {
    for _ in 0..1000 {
        if done() {
            return;
        }
        tokio::time::sleep(Duration::from_millis(2)).await;
    }
    panic!("waited in vain for {what}");
}

/// A workspace with one connection using [`FIRST_TOKEN`]; its first sync has run.
async fn workspace(double: &Double, browser: &Browser) -> i64 {
    let reply = browser
        .call::<CreateWorkspace>(&[
            ("workspace_name", "Acme"),
            ("name", "Ada Admin"),
            ("email", "ada@acme.test"),
            ("password", PASSWORD),
        ])
        .await;
    assert_eq!(reply.status, 200, "{reply:?}");
    let tile = save_credential(browser, "Prod", FIRST_TOKEN).await;
    let credential = tile.id.to_string();
    let reply = browser
        .call::<CreateConnection>(&[
            ("source", SOURCE),
            ("credential", &credential),
            ("name", "Status"),
            ("privacy", "workspace"),
        ])
        .await;
    assert_eq!(reply.status, 200, "{reply:?}");
    let list = browser.call::<ListConnections>(&[("source", SOURCE)]).await;
    let id = serde_json::from_str::<SourceConnections>(&list.body)
        .unwrap()
        .connections[0]
        .id;
    let before = double.requests().len();
    // The first sync runs by itself; it is done when the double stops hearing from it.
    until_quiet(double, before).await;
    id
}

async fn until_quiet(double: &Double, mut seen: usize) {
    loop {
        tokio::time::sleep(Duration::from_millis(500)).await;
        let now = double.requests().len();
        if now == seen {
            return;
        }
        seen = now;
    }
}

/// Which token the server holds now: Test now sends it, and the double says which it got.
async fn stored_token(double: &Double, browser: &Browser, id: i64) -> String {
    let before = double.requests().len();
    let id = id.to_string();
    let reply = browser
        .call::<TestConnection>(&[("source", SOURCE), ("id", &id)])
        .await;
    assert_eq!(reply.status, 200, "the stored token decrypts: {reply:?}");
    let report: CheckReport = serde_json::from_str(&reply.body).unwrap();
    assert!(report.works, "{}", report.message);
    let requests = double.requests();
    let sent: Vec<&str> = requests[before..]
        .iter()
        .filter_map(|r| r.bearer())
        .collect();
    assert!(
        !sent.is_empty() && sent.iter().all(|token| *token == sent[0]),
        "{sent:?}"
    );
    sent[0].to_owned()
}

#[tokio::test]
async fn a_swap_killed_at_any_moment_leaves_the_old_or_the_new_token_and_it_decrypts() {
    let double = Double::start(usual_world()).await;
    let dir = tempfile::tempdir().unwrap();
    let mut browser = Browser::new("http://127.0.0.1/".parse().unwrap());
    let mut server = boot(dir.path(), &double, &mut browser).await;
    let id = workspace(&double, &browser).await;

    let mut current = FIRST_TOKEN.to_owned();
    let mut outcomes = Vec::new();
    // Kill 0, 3, 6 … ms after Better Stack has seen the new token: before, during and after
    // the write that replaces it.
    for round in 0..10u64 {
        let next = format!("team_crashToken{round:04}NEXT");
        let swap = tokio::spawn({
            let (client, base, next) = (browser.client.clone(), browser.base.clone(), next.clone());
            async move {
                let form = [
                    ("source", SOURCE.to_owned()),
                    ("id", id.to_string()),
                    ("token", next),
                    ("how", "check".to_owned()),
                ];
                let _ = client
                    .post(base.join(SwapToken::url()).unwrap())
                    .header("accept", "application/json")
                    .header("sec-fetch-site", "same-origin")
                    .form(&form)
                    .send()
                    .await;
            }
        });
        until("the swap's check to reach Better Stack", || {
            double
                .requests()
                .iter()
                .any(|r| r.bearer() == Some(next.as_str()))
        })
        .await;
        tokio::time::sleep(Duration::from_millis(round * 3)).await;
        kill_9(&mut server).await;
        swap.abort();

        server = boot(dir.path(), &double, &mut browser).await;
        let stored = stored_token(&double, &browser, id).await;
        assert!(
            stored == current || stored == next,
            "round {round}: holds {stored}, expected {current} or {next}"
        );
        outcomes.push(if stored == next { "new" } else { "old" });
        current = stored;
    }
    eprintln!("after each kill: {outcomes:?}");
    kill_9(&mut server).await;
}

/// Monitor names of connection `id`, read from the database file the server left.
async fn stored_monitors(dir: &Path, id: i64) -> BTreeSet<String> {
    let url = format!("sqlite://{}", dir.join("data/plugboard.db").display());
    let pool = sqlx::SqlitePool::connect(&url).await.unwrap();
    let names = sqlx::query_scalar(
        "SELECT json_extract(data, '$.name') FROM synced_records
         WHERE connection_id = ? AND kind = 'monitors'",
    )
    .bind(id)
    .fetch_all(&pool)
    .await
    .unwrap();
    pool.close().await;
    names.into_iter().collect()
}

/// Waits until connection `id` has stored exactly `expected`, and fails if it does not within
/// a minute. A quiet double is not enough: storing comes after a sync's last request.
async fn until_stored(dir: &Path, id: i64, expected: &BTreeSet<String>) {
    let started = std::time::Instant::now();
    loop {
        let stored = stored_monitors(dir, id).await;
        if stored == *expected {
            return;
        }
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "{} monitors stored, not the {} expected",
            stored.len(),
            expected.len()
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

fn names(numbers: std::ops::Range<usize>) -> BTreeSet<String> {
    numbers.map(|n| format!("Service {n}")).collect()
}

#[tokio::test]
async fn a_sync_killed_at_any_page_leaves_the_previous_or_the_new_complete_set() {
    let double = Double::start(usual_world().token(FIRST_TOKEN, Access::team("Ops"))).await;
    let previous = names(0..600);
    double.with(|world| {
        world.data.insert(
            Collection::Monitors,
            (0..600).map(|n| fixtures::monitor(n, "Ops")).collect(),
        )
    });
    let dir = tempfile::tempdir().unwrap();
    let mut browser = Browser::new("http://127.0.0.1/".parse().unwrap());
    let mut server = boot(dir.path(), &double, &mut browser).await;
    let id = workspace(&double, &browser).await;
    until_stored(dir.path(), id, &previous).await;

    // The new data: 700 other monitors over three pages, each page a little slow.
    let new = names(10_000..10_700);
    double.with(|world| {
        world.data.insert(
            Collection::Monitors,
            (10_000..10_700)
                .map(|n| fixtures::monitor(n, "Ops"))
                .collect(),
        );
        world.tokens.insert(
            FIRST_TOKEN.to_owned(),
            Access::Slow {
                delay: Duration::from_millis(150),
                then: Box::new(Access::team("Ops")),
            },
        );
    });
    let mut after_kills = Vec::new();
    // Kill after 1, 2, 3 … requests of the sync: mid-monitors, between lists, at the end.
    for requests in 1..=7 {
        let before = double.requests().len();
        let reply = browser
            .call::<SyncNow>(&[("source", SOURCE), ("id", &id.to_string())])
            .await;
        assert_eq!(reply.status, 200, "{reply:?}");
        until("the sync's requests", || {
            double.requests().len() >= before + requests
        })
        .await;
        kill_9(&mut server).await;
        let stored = stored_monitors(dir.path(), id).await;
        assert!(
            stored == previous || stored == new,
            "after {requests} requests: {} monitors stored, neither set",
            stored.len()
        );
        after_kills.push(if stored == new { "new" } else { "previous" });
        server = boot(dir.path(), &double, &mut browser).await;
    }
    eprintln!("after each kill: {after_kills:?}");

    // And a sync left alone stores the new set whole.
    double.with(|world| {
        world
            .tokens
            .insert(FIRST_TOKEN.to_owned(), Access::team("Ops"))
    });
    let before = double.requests().len();
    let reply = browser
        .call::<SyncNow>(&[("source", SOURCE), ("id", &id.to_string())])
        .await;
    assert_eq!(reply.status, 200, "{reply:?}");
    until_quiet(&double, before).await;
    until_stored(dir.path(), id, &new).await;
    kill_9(&mut server).await;
}
