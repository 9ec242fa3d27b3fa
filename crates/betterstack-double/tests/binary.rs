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
