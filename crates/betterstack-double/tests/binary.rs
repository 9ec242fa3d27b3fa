//! The double as a program (what the Playwright suite starts): it listens where it is told,
//! answers health checks, and serves the demo world with made-up tokens.

use std::{process::Stdio, time::Duration};

use tokio::{
    io::{AsyncBufReadExt, BufReader},
    process::Command,
};

#[tokio::test]
async fn the_program_serves_the_demo_world_to_made_up_team_tokens_and_refuses_others() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_betterstack-double"))
        .arg("--port")
        .arg("0")
        .stdout(Stdio::piped())
        .kill_on_drop(true)
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let line = tokio::time::timeout(Duration::from_secs(20), lines.next_line())
        .await
        .unwrap()
        .unwrap()
        .unwrap();
    let base = line.rsplit(' ').next().unwrap().to_owned();

    let client = reqwest::Client::new();
    let health = client
        .get(format!("{base}/__double/health"))
        .send()
        .await
        .unwrap();
    assert_eq!(health.status(), 200);

    let monitors: serde_json::Value = client
        .get(format!("{base}/api/v2/monitors"))
        .bearer_auth("team_anything123")
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(
        monitors["data"].as_array().unwrap().len(),
        3,
        "team Ops sees its own monitors"
    );

    let refused = client
        .get(format!("{base}/api/v2/monitors"))
        .bearer_auth("unknown")
        .send()
        .await
        .unwrap();
    assert_eq!(refused.status(), 401);
    let body: serde_json::Value = refused.json().await.unwrap();
    assert!(body["errors"]
        .as_str()
        .unwrap()
        .starts_with("Invalid Team API token"));

    let telemetry = client
        .get(format!("{base}/api/v2/monitors"))
        .bearer_auth("telemetry_x")
        .send()
        .await
        .unwrap();
    assert_eq!(telemetry.status(), 403);
    let unknown_route = client
        .get(format!("{base}/api/v2/nope"))
        .send()
        .await
        .unwrap();
    assert_eq!(
        unknown_route.status(),
        404,
        "routes are checked before the token"
    );
}

#[tokio::test]
async fn control_routes_change_the_data_between_syncs_and_between_pages() {
    let double = betterstack_double::Double::start(betterstack_double::World::bench()).await;
    let base = double.base_url();
    let client = reqwest::Client::new();
    let get = |path: String| {
        let client = client.clone();
        async move {
            client
                .get(path)
                .bearer_auth("global_controls")
                .send()
                .await
                .unwrap()
                .json::<serde_json::Value>()
                .await
                .unwrap()
        }
    };
    let open = get(format!("{base}/api/v3/incidents/5000")).await;
    assert_eq!(open["data"]["attributes"]["status"], "Started");
    let resolved = client
        .post(format!("{base}/__double/resolve?ids=5000,5010"))
        .send()
        .await
        .unwrap();
    assert_eq!(resolved.status(), 204);
    let now = get(format!("{base}/api/v3/incidents/5000")).await;
    assert_eq!(now["data"]["attributes"]["status"], "Resolved");
    assert!(now["data"]["attributes"]["resolved_at"].is_string());

    let deleted = client
        .post(format!(
            "{base}/__double/delete?collection=monitors&id=1000"
        ))
        .send()
        .await
        .unwrap();
    assert_eq!(deleted.status(), 204);
    let page = get(format!("{base}/api/v2/monitors?per_page=250")).await;
    assert_eq!(page["data"][0]["id"], "1001");

    // Deleted after page 1 is served: the first of page 2 slides onto page 1.
    let hooked = client
        .post(format!(
            "{base}/__double/after-page?collection=monitors&page=1&change=delete-first"
        ))
        .send()
        .await
        .unwrap();
    assert_eq!(hooked.status(), 204);
    let first = get(format!("{base}/api/v2/monitors?per_page=250&page=1")).await;
    let second = get(format!("{base}/api/v2/monitors?per_page=250&page=2")).await;
    assert_eq!(first["data"][0]["id"], "1001");
    assert_eq!(
        second["data"][0]["id"], "1252",
        "1251 moved onto page 1, already read"
    );
    let bad = client
        .post(format!(
            "{base}/__double/after-page?collection=nothing&page=1"
        ))
        .send()
        .await
        .unwrap();
    assert_eq!(bad.status(), 400);
}
